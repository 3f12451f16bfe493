import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { auditEventsOf, dbSnapshot } from '../../../test/support/db-snapshot.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import { onceToken, postOnce } from '../accounts/issued.test-helpers.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from './law.model.ts'
import { findLawById } from './law.queries.ts'

let t: TestApp
let agency: Agency
let otherAgency: Agency
let centralAdmin: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser
let otherAgencyAdmin: MadeUser
let agencyEditor: MadeUser
let cited: Law

const validForm = (overrides: Record<string, string> = {}) => ({
  title: 'قانون ارتقای سلامت اداری و مقابله با فساد',
  kind: 'law',
  number: '۸۷۴۳۶',
  'approvedOn-day': '۱۷',
  'approvedOn-month': '۱۲',
  'approvedOn-year': '۱۳۸۸',
  url: 'https://rc.majlis.ir/fa/law/show/790622',
  ...overrides,
})

async function lawRows() {
  return t.deps.db.selectFrom('laws').selectAll().orderBy('id').execute()
}

/** Laws and everything `dbSnapshot` watches, for refused writes. */
async function everything() {
  return { laws: await lawRows(), rest: await dbSnapshot(t.deps.db) }
}

/** The new-law form: shown and posted at the same address. */
const NEW = '/admin/laws/new'

async function lawIdFrom(res: Response): Promise<string> {
  assert.equal(res.status, 303, await res.clone().text())
  const id = /^\/laws\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1]
  assert.ok(id, `redirects to the new law's page, not ${res.headers.get('location')}`)
  return id
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان قوانین آزمایشی' })
  otherAgency = await makeAgency(t.deps)
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', agency)
  otherAgencyAdmin = await makeUser(t.deps, 'agency_admin', otherAgency)
  agencyEditor = await makeUser(t.deps, 'agency_editor', agency)
  cited = await makeLaw(t.deps, 'قانون مدیریت خدمات کشوری')
  await makeLaw(t.deps, 'آیین‌نامهٔ دیگری که در فهرست است')
  await makePublishedService(t.deps, agency, completeContent('صدور کارت آزمایشی', cited.id))
})
after(() => t.close())

describe('the public list of laws', () => {
  it('lists the registry in Persian, with kinds and Jalali approval dates', async () => {
    const res = await t.client().get('/laws')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
    assert.equal($('h1').text(), 'قوانین و مقررات')
    const item = $('.mr-list li').filter((_, li) => $(li).find('a').text() === cited.title)
    assert.equal(item.length, 1)
    assert.equal(item.find('a').attr('href'), `/laws/${cited.id}`)
    assert.equal(item.find('.mr-hint-inline').text(), 'قانون، مصوب ۱۷ اسفند ۱۳۸۸')
    assert.match($('main').text(), /۲ مورد/)
    assert.equal($('a[href="/admin/laws/new"]').length, 0, 'no add button for visitors')
  })

  it('filters by words of the title and by kind, and says when nothing matches', async () => {
    const byTitle = cheerio.load(
      await (await t.client().get(`/laws?q=${encodeURIComponent('خدمات کشوری')}`)).text(),
    )
    assert.deepEqual(
      byTitle('.mr-list li a')
        .map((_, a) => byTitle(a).text())
        .get(),
      [cited.title],
    )
    assert.equal(byTitle('form[action="/laws"] input[name="q"]').attr('value'), 'خدمات کشوری')
    const byKind = await (await t.client().get('/laws?kind=circular')).text()
    assert.match(byKind, /قانونی با این مشخصات پیدا نشد/)
  })

  it('offers the add button to the central admin and agency admins only', async () => {
    for (const [user, shown] of [
      [centralAdmin, 1],
      [agencyAdmin, 1],
      [agencyEditor, 0],
      [supervisor, 0],
    ] as const) {
      const $ = cheerio.load(await (await (await signedIn(t, user)).get('/laws')).text())
      assert.equal($('a[href="/admin/laws/new"]').length, shown, user.username)
    }
  })
})

describe('the page of a law', () => {
  it('shows the kind, Persian number, Jalali date and the services that cite it', async () => {
    const res = await t.client().get(`/laws/${cited.id}`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'قانون مدیریت خدمات کشوری')
    const summary = $('.mr-summary-list').text()
    assert.match(summary, /قانون/)
    assert.match(summary, new RegExp(toPersianDigits(cited.number ?? '')))
    assert.match(summary, /۱۷ اسفند ۱۳۸۸/)
    assert.match($('h2').text(), /خدمات مستند به این مقرره \(۱\)/)
    assert.deepEqual(
      $('main .mr-list a')
        .map((_, a) => $(a).text())
        .get(),
      ['صدور کارت آزمایشی'],
    )
    assert.ok($('nav.mr-breadcrumbs a[href="/laws"]').length)
    assert.equal($(`a[href="/admin/laws/${cited.id}/edit"]`).length, 0)
  })

  it('offers editing to the central admin but not to an agency admin of a central law', async () => {
    const central = await (await signedIn(t, centralAdmin)).get(`/laws/${cited.id}`)
    assert.equal(
      cheerio.load(await central.text())(`a[href="/admin/laws/${cited.id}/edit"]`).length,
      1,
    )
    const agencyPage = await (await signedIn(t, agencyAdmin)).get(`/laws/${cited.id}`)
    assert.equal(
      cheerio.load(await agencyPage.text())(`a[href="/admin/laws/${cited.id}/edit"]`).length,
      0,
    )
  })

  it('answers 404 in Persian for an unknown or malformed id', async () => {
    const unknown = await t.client().get('/laws/00000000-0000-4000-8000-000000000000')
    assert.equal(unknown.status, 404)
    assert.match(await unknown.text(), /این قانون پیدا نشد/)
    assert.equal((await t.client().get('/laws/not-a-uuid')).status, 404)
  })
})

describe('adding a law', () => {
  it('sends anonymous visitors to sign in, and refuses their posts', async () => {
    const page = await t.client().get('/admin/laws/new')
    assert.equal(page.status, 303)
    assert.equal(page.headers.get('location'), '/sign-in?next=%2Fadmin%2Flaws%2Fnew')
    const before = await everything()
    const post = await t.client().post('/admin/laws/new', validForm())
    assert.equal(post.status, 401)
    assert.deepEqual(await everything(), before)
  })

  for (const who of ['agencyEditor', 'supervisor'] as const) {
    it(`answers 403 to a ${who}, saving nothing`, async () => {
      const client = await signedIn(t, { agencyEditor, supervisor }[who])
      assert.equal((await client.get('/admin/laws/new')).status, 403)
      const before = await everything()
      const res = await client.post('/admin/laws/new', validForm({ title: 'قانون غیرمجاز' }))
      assert.equal(res.status, 403)
      assert.match(await res.text(), /فقط مدیر سامانه و مدیران دستگاه‌ها می‌توانند قانون ثبت کنند/)
      assert.deepEqual(await everything(), before)
    })
  }

  it('shows the central admin an empty form with the CSRF token', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.get('/admin/laws/new')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'افزودن قانون یا مقرره')
    const form = $('#main form[method="post"]')
    assert.equal(form.attr('action'), '/admin/laws/new')
    assert.equal(form.find('input[name="_csrf"]').attr('value'), client.csrfToken)
    for (const name of ['title', 'number', 'approvedOn-day', 'approvedOn-month', 'approvedOn-year'])
      assert.equal(form.find(`input[name="${name}"]`).length, 1, name)
    assert.equal(form.find('select[name="kind"] option').length, 5)
  })

  it('re-renders bad input with 422 and a Persian error summary, saving nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const before = await everything()
    const res = await client.post(
      '/admin/laws/new',
      validForm({ title: '', kind: '', url: 'not a url' }),
    )
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    const summary = $('.mr-error-summary').text()
    assert.match(summary, /عنوان را وارد کنید/)
    assert.match(summary, /نوع را انتخاب کنید/)
    assert.match(summary, /پیوند متن باید نشانی کامل وب باشد/)
    assert.equal($('.mr-error-summary a[href="#title"]').length, 1)
    assert.equal($('#title').attr('aria-invalid'), 'true')
    assert.equal($('input[name="number"]').attr('value'), '۸۷۴۳۶', 'what was typed is kept')
    assert.deepEqual(await everything(), before)
  })

  it('refuses a Jalali date that does not exist, or one given only in part', async () => {
    const client = await signedIn(t, centralAdmin)
    const before = await everything()
    // Esfand 1388 has 29 days.
    const invalid = await client.post('/admin/laws/new', validForm({ 'approvedOn-day': '۳۰' }))
    assert.equal(invalid.status, 422)
    const $ = cheerio.load(await invalid.text())
    assert.match($('.mr-error-summary').text(), /تاریخ تصویب درست نیست/)
    assert.equal($('.mr-error-summary a[href="#approvedOn-day"]').length, 1)
    const partial = await client.post('/admin/laws/new', validForm({ 'approvedOn-month': '' }))
    assert.equal(partial.status, 422)
    assert.match(
      cheerio
        .load(await partial.text())('.mr-error-summary')
        .text(),
      /تاریخ تصویب را کامل وارد کنید/,
    )
    assert.deepEqual(await everything(), before)
  })

  it('saves a valid law with its Jalali date as a calendar day, and audits it', async () => {
    const client = await signedIn(t, centralAdmin)
    const id = await lawIdFrom(await postOnce(client, NEW, NEW, validForm()))
    const law = await findLawById(t.deps.db, id)
    assert.equal(law?.title, 'قانون ارتقای سلامت اداری و مقابله با فساد')
    assert.equal(law?.kind, 'law')
    assert.equal(law?.approvedOn, '2010-03-08')
    assert.equal(law?.url, 'https://rc.majlis.ir/fa/law/show/790622')
    assert.equal(law?.addedByAgencyId, null)
    const events = await auditEventsOf(t.deps.db, id)
    assert.deepEqual(
      events.map((e) => [e.entityType, e.action, e.agencyId]),
      [['law', 'create', null]],
    )
    const [created] = events
    assert.ok(created)
    assert.equal(created.before, null)
    assert.equal((created.after as { approvedOn: string }).approvedOn, '2010-03-08')
    assert.match(created.actorLabel, new RegExp(centralAdmin.username))

    const page = cheerio.load(await (await t.client().get(`/laws/${id}`)).text())
    assert.equal(page('h1').text(), 'قانون ارتقای سلامت اداری و مقابله با فساد')
    assert.match(page('.mr-summary-list').text(), /۱۷ اسفند ۱۳۸۸/)

    const audit = cheerio.load(
      await (await client.get('/admin/audit?entityType=law&action=create')).text(),
    )
    const rows = audit('#audit-events tbody tr')
    assert.ok(rows.length >= 1)
    assert.match(rows.first().text(), /قانون/)
    assert.match(rows.first().text(), /ایجاد/)
  })

  it('refuses a second law with the same title and number', async () => {
    const client = await signedIn(t, centralAdmin)
    const form = validForm({ title: 'قانون تکراری آزمایشی', number: '42' })
    await lawIdFrom(await postOnce(client, NEW, NEW, form))
    const before = await everything()
    // The same law typed into a new form (a new token): refused, not a resubmission.
    const again = await postOnce(client, NEW, NEW, form)
    assert.equal(again.status, 422)
    assert.match(
      cheerio
        .load(await again.text())('.mr-error-summary')
        .text(),
      /این قانون با همین عنوان و شماره پیش‌تر ثبت شده است/,
    )
    assert.deepEqual(await everything(), before)
  })

  it('lets an agency admin add a law, registered to their agency', async () => {
    const client = await signedIn(t, agencyAdmin)
    const id = await lawIdFrom(
      await postOnce(client, NEW, NEW, validForm({ title: 'بخشنامهٔ دستگاه', kind: 'circular' })),
    )
    assert.equal((await findLawById(t.deps.db, id))?.addedByAgencyId, agency.id)
    assert.equal((await auditEventsOf(t.deps.db, id))[0]?.agencyId, agency.id)
  })

  it('refuses a form without the CSRF token', async () => {
    const client = await signedIn(t, centralAdmin)
    const before = await everything()
    const res = await client.post('/admin/laws/new', validForm({ title: 'بدون توکن' }), {
      csrf: false,
    })
    assert.equal(res.status, 403)
    assert.match(await res.text(), /فرم منقضی شده است/)
    assert.deepEqual(await everything(), before)
  })
})

describe('the new-law form sent again (issue 17 item 10)', () => {
  const lawsTitled = (title: string) =>
    t.deps.db.selectFrom('laws').select('id').where('title', '=', title).execute()

  it('adds one law for a form sent twice, both answers leading to its page', async () => {
    const client = await signedIn(t, centralAdmin)
    const fields = {
      ...validForm({ title: 'قانون دوبار فرستاده', number: '' }),
      [FORM_ONCE_FIELD]: await onceToken(client, NEW),
    }
    const id = await lawIdFrom(await client.post(NEW, fields))
    const again = await client.post(NEW, fields)
    assert.equal(again.status, 303)
    assert.equal(
      again.headers.get('location'),
      `/laws/${id}`,
      'the resubmission leads to the first',
    )
    assert.deepEqual(await lawsTitled('قانون دوبار فرستاده'), [{ id }], 'one law')
    assert.equal((await auditEventsOf(t.deps.db, id)).length, 1, 'one audit event')
  })

  it('re-renders a refused form with a fresh token, and the corrected form can still be sent', async () => {
    const client = await signedIn(t, centralAdmin)
    const token = await onceToken(client, NEW)
    const taken = await client.post(NEW, {
      ...validForm({ title: cited.title, number: cited.number ?? '' }),
      [FORM_ONCE_FIELD]: token,
    })
    assert.equal(taken.status, 422)
    const $ = cheerio.load(await taken.text())
    assert.match($('.mr-error-summary').text(), /پیش‌تر ثبت شده است/)
    const fresh = $(`input[name="${FORM_ONCE_FIELD}"]`).val()
    assert.ok(typeof fresh === 'string' && fresh.length === 43 && fresh !== token)
    const corrected = await client.post(NEW, {
      ...validForm({ title: 'قانون پس از اصلاح', number: '' }),
      [FORM_ONCE_FIELD]: token,
    })
    const id = await lawIdFrom(corrected)
    assert.deepEqual(await lawsTitled('قانون پس از اصلاح'), [{ id }])
  })

  it('refuses a form without its one-time token with a Persian message, saving nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const before = await everything()
    const res = await client.post(NEW, validForm({ title: 'قانون بی‌نشانه' }))
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /فرم کهنه است/)
    assert.equal($(`input[name="${FORM_ONCE_FIELD}"]`).length, 1, 'the form comes back with one')
    assert.deepEqual(await everything(), before)
  })
})

describe('editing a law', () => {
  let agencyLaw: string

  before(async () => {
    const client = await signedIn(t, agencyAdmin)
    agencyLaw = await lawIdFrom(
      await postOnce(
        client,
        NEW,
        NEW,
        validForm({ title: 'دستورالعمل ویرایشی', kind: 'bylaw', number: '' }),
      ),
    )
  })

  it('fills the form with the stored law, its date back in Jalali', async () => {
    const res = await (await signedIn(t, centralAdmin)).get(`/admin/laws/${cited.id}/edit`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'ویرایش قانون یا مقرره')
    assert.equal($('#main form[method="post"]').attr('action'), `/admin/laws/${cited.id}/edit`)
    assert.equal($('input[name="title"]').attr('value'), 'قانون مدیریت خدمات کشوری')
    assert.equal($('select[name="kind"] option[selected]').attr('value'), 'law')
    assert.equal($('input[name="approvedOn-day"]').attr('value'), '17')
    assert.equal($('input[name="approvedOn-month"]').attr('value'), '12')
    assert.equal($('input[name="approvedOn-year"]').attr('value'), '1388')
  })

  it('lets the agency admin who added it edit it, recording before and after', async () => {
    const client = await signedIn(t, agencyAdmin)
    assert.equal((await client.get(`/admin/laws/${agencyLaw}/edit`)).status, 200)
    const res = await client.post(
      `/admin/laws/${agencyLaw}/edit`,
      validForm({ title: 'دستورالعمل ویرایش‌شده', kind: 'bylaw', number: '' }),
    )
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/laws/${agencyLaw}`)
    assert.equal((await findLawById(t.deps.db, agencyLaw))?.title, 'دستورالعمل ویرایش‌شده')
    const update = (await auditEventsOf(t.deps.db, agencyLaw)).find((e) => e.action === 'update')
    assert.ok(update, 'the edit is audited')
    assert.equal((update.before as { title: string }).title, 'دستورالعمل ویرایشی')
    assert.equal((update.after as { title: string }).title, 'دستورالعمل ویرایش‌شده')
    assert.equal(update.agencyId, agency.id)
  })

  it('refuses agency admins a law they did not add, and agency editors any law', async () => {
    for (const [user, id] of [
      [agencyAdmin, cited.id],
      [otherAgencyAdmin, agencyLaw],
      [agencyEditor, agencyLaw],
    ] as const) {
      const client = await signedIn(t, user)
      assert.equal((await client.get(`/admin/laws/${id}/edit`)).status, 403, user.username)
      const before = await everything()
      const res = await client.post(`/admin/laws/${id}/edit`, validForm({ title: 'تغییر غیرمجاز' }))
      assert.equal(res.status, 403, user.username)
      assert.deepEqual(await everything(), before)
    }
  })

  it('sends anonymous visitors to sign in', async () => {
    const res = await t.client().get(`/admin/laws/${agencyLaw}/edit`)
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /^\/sign-in\?next=/)
    assert.equal((await t.client().post(`/admin/laws/${agencyLaw}/edit`, validForm())).status, 401)
  })

  it('re-renders bad input with 422, changing nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const before = await everything()
    const res = await client.post(`/admin/laws/${cited.id}/edit`, validForm({ title: '' }))
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /عنوان را وارد کنید/)
    assert.equal($('#main form[method="post"]').attr('action'), `/admin/laws/${cited.id}/edit`)
    assert.deepEqual(await everything(), before)
  })

  it('answers 404 for an unknown or malformed id', async () => {
    const client = await signedIn(t, centralAdmin)
    assert.equal(
      (await client.get('/admin/laws/00000000-0000-4000-8000-000000000000/edit')).status,
      404,
    )
    assert.equal((await client.get('/admin/laws/nope/edit')).status, 404)
  })
})
