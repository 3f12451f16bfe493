import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { z } from 'zod'
import { signedIn } from '../../../test/support/clients.ts'
import { auditEventsOf } from '../../../test/support/db-snapshot.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import {
  apiRequest,
  createTestApp,
  type TestApp,
  type TestClient,
} from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import { postOnce } from '../accounts/issued.test-helpers.ts'
import type { Agency } from '../agencies/index.ts'
import { msg } from './messages.fa.ts'
import { createOffice } from './office.actions.ts'
import { officeInput } from './office.input.ts'
import type { Office } from './office.model.ts'
import { findOfficeById } from './office.queries.ts'

let t: TestApp
let agency: Agency
let child: Agency
let other: Agency
let editor: MadeUser
let admin: MadeUser
let otherEditor: MadeUser
let central: MadeUser
let lawId: string

/** The clock stands at 2026-11-22T08:00Z: Sunday 1 Azar 1405, 11:30 in Tehran. */
const form = (over: Record<string, string> = {}) => ({
  name: 'دفتر مرکزی',
  address: 'خیابان آزادی، پلاک ۱۰',
  provinceCode: '08',
  city: 'تهران',
  postalCode: '۱۳۱۴۵-۶۷۸۹۰',
  lat: '35.7000',
  lng: '51.3400',
  phone1: '۰۲۱-۶۶۰۰۱۱۲۲',
  phone2: '',
  phone3: '',
  email: '',
  accessibilityNotes: 'رمپ در ورودی شرقی',
  'hours-sat': '07:30-14:30',
  'hours-sun': '07:30-14:30',
  'hours-mon': '07:30-14:30',
  'hours-tue': '07:30-14:30',
  'hours-wed': '07:30-14:30',
  'hours-thu': '07:30-12:30',
  'hours-fri': '',
  ...over,
})

async function makeOffice(owner: Agency, over: Record<string, unknown> = {}): Promise<Office> {
  const input = officeInput.parse({
    name: 'ادارهٔ آزمایشی',
    address: 'میدان انقلاب',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1314567890',
    lat: 35.7,
    lng: 51.39,
    phones: ['021-66001122'],
    hours: Object.fromEntries(
      ['sat', 'sun', 'mon', 'tue', 'wed'].map((d) => [d, [{ start: '07:30', end: '14:30' }]]),
    ),
    ...over,
  })
  const centralActor = {
    userId: central.userId,
    username: central.username,
    displayName: 'مرکزی',
    role: 'central_admin' as const,
    agencyId: null,
    agencyNameFa: null,
    mustChangePassword: false,
    via: 'session' as const,
  }
  return createOffice(t.deps, centralActor, owner.id, input)
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  child = await makeAgency(t.deps, {
    level: 'provincial_office',
    parentId: agency.id,
    provinceCode: '04',
  })
  other = await makeAgency(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  admin = await makeUser(t.deps, 'agency_admin', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  central = await makeUser(t.deps, 'central_admin')
  lawId = (await makeLaw(t.deps)).id
})
after(() => t.close())

/** `fields` with the one-time token of the form posting to `action` on the page at `pagePath`. */
async function withTokenOf(
  client: TestClient,
  pagePath: string,
  action: string,
  fields: Record<string, string>,
): Promise<Record<string, string>> {
  const $ = cheerio.load(await (await client.get(pagePath)).text())
  const token = $(`form[action="${action}"] input[name="${FORM_ONCE_FIELD}"]`).val()
  assert.ok(typeof token === 'string' && token.length === 43, `${action} carries a token`)
  return { ...fields, [FORM_ONCE_FIELD]: token }
}

/** Posts an office's exception or closure form (`what`) as shown on the office's page. */
async function postDayForm(
  client: TestClient,
  officeId: string,
  what: 'exceptions' | 'closures',
  fields: Record<string, string>,
): Promise<Response> {
  const action = `/admin/offices/${officeId}/${what}`
  return client.post(
    action,
    await withTokenOf(client, `/admin/offices/${officeId}`, action, fields),
  )
}

const closureFields = {
  'clFrom-year': '1405',
  'clFrom-month': '9',
  'clFrom-day': '20',
  'clTo-year': '1405',
  'clTo-month': '9',
  'clTo-day': '25',
  clReason: 'بازسازی ساختمان',
}

describe('managing offices (HTML)', () => {
  it('an agency editor creates an office: stored normalised, audited, shown publicly', async () => {
    const client = await signedIn(t, editor)
    const res = await postOnce(client, '/admin/offices/new', '/admin/offices/new', form())
    assert.equal(res.status, 303)
    const id =
      /\/admin\/offices\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? ''
    const office = await findOfficeById(t.deps.db, id)
    assert.equal(office?.agencyId, agency.id)
    assert.equal(office?.postalCode, '1314567890')
    assert.deepEqual(office?.phones, ['021-66001122'])
    assert.deepEqual(office?.hours.thu, [{ start: 450, end: 750 }])
    assert.deepEqual(office?.hours.fri, [])
    assert.deepEqual(
      (await auditEventsOf(t.deps.db, id)).map((a) => a.action),
      ['create'],
    )
    const page = cheerio.load(await (await t.client().get(`/offices/${id}`)).text())
    assert.equal(page('h1').text(), 'دفتر مرکزی')
    assert.match(page('main').text(), /۱۳۱۴۵-۶۷۸۹۰/)
    assert.match(page('main').text(), /اکنون باز است/)
    assert.equal(page('a[href="tel:02166001122"]').length, 1)
    assert.equal(
      page(
        'a[href^="https://www.openstreetmap.org/?mlat=35.700000&mlon=51.340000#map=17/35.700000/51.340000"]',
      ).length,
      1,
    )
    assert.equal(page('a[href="geo:35.700000,51.340000"]').length, 1)
    assert.equal(page('script[src^="http"], iframe, img[src^="http"]').length, 0)
  })

  it('bad input gets a 422 page in Persian and saves nothing', async () => {
    const client = await signedIn(t, editor)
    const before = await t.deps.db
      .selectFrom('offices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const res = await client.post(
      '/admin/offices/new',
      form({ postalCode: '10236-12345', lat: '48.85', 'hours-sat': '14:30-07:30', phone1: '12' }),
    )
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    const summary = $('.mr-error-summary').text()
    assert.match(summary, new RegExp(msg.postalCodeInvalid.slice(0, 20)))
    assert.match(summary, /عرض جغرافیایی/)
    assert.match(summary, new RegExp(msg.hoursOrder.slice(0, 20)))
    assert.match(summary, /شمارهٔ تلفن/)
    assert.equal($('input[name="postalCode"]').val(), '10236-12345', 'what was typed is kept')
    const afterCount = await t.deps.db
      .selectFrom('offices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(afterCount.n, before.n)
  })

  it('staff of another agency get 403; anonymous visitors are sent to sign in or refused', async () => {
    const office = await makeOffice(agency)
    const outsider = await signedIn(t, otherEditor)
    assert.equal((await outsider.get(`/admin/offices/${office.id}`)).status, 403)
    assert.equal(
      (await outsider.post(`/admin/offices/${office.id}`, form({ name: 'ربوده' }))).status,
      403,
    )
    assert.equal((await outsider.post(`/admin/offices/${office.id}/delete`, {})).status, 403)
    assert.equal((await findOfficeById(t.deps.db, office.id))?.name, 'ادارهٔ آزمایشی')
    const anon = t.client()
    const get = await anon.get('/admin/offices/new')
    assert.equal(get.status, 303)
    assert.match(get.headers.get('location') ?? '', /^\/sign-in/)
    const post = await anon.post(`/admin/offices/${office.id}`, form({ name: 'ناشناس' }))
    assert.ok([303, 401].includes(post.status), `got ${post.status}`)
    assert.equal((await findOfficeById(t.deps.db, office.id))?.name, 'ادارهٔ آزمایشی')
  })

  it('a form without the CSRF token is refused with 403', async () => {
    const office = await makeOffice(agency)
    const client = await signedIn(t, editor)
    const res = await client.post(`/admin/offices/${office.id}`, form({ name: 'بی‌توکن' }), {
      csrf: false,
    })
    assert.equal(res.status, 403)
    assert.equal((await findOfficeById(t.deps.db, office.id))?.name, 'ادارهٔ آزمایشی')
  })

  it('edits, exceptions and closures are saved and audited; the central admin may edit any office', async () => {
    const office = await makeOffice(agency)
    const client = await signedIn(t, admin)
    assert.equal(
      (await client.post(`/admin/offices/${office.id}`, form({ name: 'نام تازه' }))).status,
      303,
    )
    const ex = await postDayForm(client, office.id, 'exceptions', {
      'exDate-year': '۱۴۰۵',
      'exDate-month': '۹',
      'exDate-day': '۱۰',
      exHours: '۰۸:۰۰-۱۲:۰۰',
      exNote: 'نیمه‌وقت',
    })
    assert.equal(ex.status, 303)
    // The same day typed into a new form (a new token) is refused, not taken for a resubmission.
    const dup = await postDayForm(client, office.id, 'exceptions', {
      'exDate-year': '1405',
      'exDate-month': '9',
      'exDate-day': '10',
      exHours: '',
    })
    assert.equal(dup.status, 422)
    assert.match(await dup.text(), new RegExp(msg.exceptionDuplicate))
    const cl = await postDayForm(client, office.id, 'closures', closureFields)
    assert.equal(cl.status, 303)
    const stored = await findOfficeById(t.deps.db, office.id)
    assert.equal(stored?.name, 'نام تازه')
    assert.deepEqual(stored?.exceptions, [
      { day: '2026-12-01', intervals: [{ start: 480, end: 720 }], note: 'نیمه‌وقت' },
    ])
    assert.deepEqual(stored?.closures, [
      { from: '2026-12-11', to: '2026-12-16', reason: 'بازسازی ساختمان' },
    ])
    const page = await (await t.client().get(`/offices/${office.id}`)).text()
    assert.match(page, /بازسازی ساختمان/)
    assert.match(page, /نیمه‌وقت/)
    const centralClient = await signedIn(t, central)
    assert.equal(
      (await centralClient.post(`/admin/offices/${office.id}`, form({ name: 'ویرایش مرکزی' })))
        .status,
      303,
    )
    assert.equal((await findOfficeById(t.deps.db, office.id))?.name, 'ویرایش مرکزی')
    // The test clock stands still, so every event has the same time: compare them unordered.
    assert.deepEqual((await auditEventsOf(t.deps.db, office.id)).map((a) => a.action).sort(), [
      'add-closure',
      'add-exception',
      'create',
      'update',
      'update',
    ])
    const removed = await client.post(
      `/admin/offices/${office.id}/exceptions/2026-12-01/delete`,
      {},
    )
    assert.equal(removed.status, 303)
    assert.deepEqual((await findOfficeById(t.deps.db, office.id))?.exceptions, [])
  })
})

describe('creating forms of offices sent again (issue 17 item 10)', () => {
  const officesNamed = (name: string) =>
    t.deps.db.selectFrom('offices').select('id').where('name', '=', name).execute()

  it('adds one office for a form sent twice, both answers leading to its page', async () => {
    const client = await signedIn(t, editor)
    const fields = await withTokenOf(
      client,
      '/admin/offices/new',
      '/admin/offices/new',
      form({ name: 'دفتر دوبار فرستاده' }),
    )
    const first = await client.post('/admin/offices/new', fields)
    const again = await client.post('/admin/offices/new', fields)
    const made = await officesNamed('دفتر دوبار فرستاده')
    assert.equal(made.length, 1, 'one office')
    const location = `/admin/offices/${made[0]?.id}?done=created`
    assert.deepEqual(
      [first.status, first.headers.get('location'), again.status, again.headers.get('location')],
      [303, location, 303, location],
    )
  })

  it('refuses a new-office form without its token with a Persian message, adding nothing', async () => {
    const client = await signedIn(t, editor)
    const res = await client.post('/admin/offices/new', form({ name: 'دفتر بی‌نشانه' }))
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /فرم کهنه است/)
    assert.equal($(`form[action="/admin/offices/new"] input[name="${FORM_ONCE_FIELD}"]`).length, 1)
    assert.equal((await officesNamed('دفتر بی‌نشانه')).length, 0)
  })

  it('adds a closure once for a form sent twice, and an exception sent twice is no refusal', async () => {
    const office = await makeOffice(agency)
    const client = await signedIn(t, admin)
    const path = `/admin/offices/${office.id}`
    const closure = await withTokenOf(client, path, `${path}/closures`, closureFields)
    const firstClosure = await client.post(`${path}/closures`, closure)
    const againClosure = await client.post(`${path}/closures`, closure)
    for (const res of [firstClosure, againClosure]) {
      assert.equal(res.status, 303)
      assert.equal(res.headers.get('location'), `${path}?done=closure-added#closures`)
    }
    const exception = await withTokenOf(client, path, `${path}/exceptions`, {
      'exDate-year': '1405',
      'exDate-month': '9',
      'exDate-day': '11',
      exHours: '',
    })
    for (const res of [
      await client.post(`${path}/exceptions`, exception),
      await client.post(`${path}/exceptions`, exception),
    ]) {
      assert.equal(res.status, 303, 'a resubmission leads to the result, not to «already added»')
      assert.equal(res.headers.get('location'), `${path}?done=exception-added#exceptions`)
    }
    const stored = await findOfficeById(t.deps.db, office.id)
    assert.equal(stored?.closures.length, 1, 'one closure')
    assert.equal(stored?.exceptions.length, 1, 'one exception')
    assert.deepEqual((await auditEventsOf(t.deps.db, office.id)).map((a) => a.action).sort(), [
      'add-closure',
      'add-exception',
      'create',
    ])
  })

  it('refuses a closure or exception form without its token, changing nothing', async () => {
    const office = await makeOffice(agency)
    const client = await signedIn(t, admin)
    const path = `/admin/offices/${office.id}`
    const closure = await client.post(`${path}/closures`, closureFields)
    assert.equal(closure.status, 422)
    assert.match(
      cheerio
        .load(await closure.text())('.mr-error-summary')
        .text(),
      /فرم کهنه است/,
    )
    const exception = await client.post(`${path}/exceptions`, {
      'exDate-year': '1405',
      'exDate-month': '9',
      'exDate-day': '12',
      exHours: '',
    })
    assert.equal(exception.status, 422)
    const stored = await findOfficeById(t.deps.db, office.id)
    assert.deepEqual([stored?.closures, stored?.exceptions], [[], []])
  })

  it('lets the corrected exception form be sent with the same token after a refusal', async () => {
    const office = await makeOffice(agency)
    const client = await signedIn(t, admin)
    const path = `/admin/offices/${office.id}`
    const day = { 'exDate-year': '1405', 'exDate-month': '9', 'exDate-day': '13', exHours: '' }
    assert.equal((await postDayForm(client, office.id, 'exceptions', day)).status, 303)
    const fields = await withTokenOf(client, path, `${path}/exceptions`, day)
    const refused = await client.post(`${path}/exceptions`, fields)
    assert.equal(refused.status, 422, 'the day is taken')
    const corrected = await client.post(`${path}/exceptions`, { ...fields, 'exDate-day': '14' })
    assert.equal(corrected.status, 303, 'the refusal did not keep the claim')
    assert.equal((await findOfficeById(t.deps.db, office.id))?.exceptions.length, 2)
  })
})

/** Starts a draft and returns the link editor's stamp. */
async function linkEditor(client: Awaited<ReturnType<typeof signedIn>>, serviceId: string) {
  await client.post(`/admin/services/${serviceId}/draft`, {})
  const $ = cheerio.load(
    await (await client.get(`/admin/services/${serviceId}/edit/offices`)).text(),
  )
  return {
    draft: String($('input[name="draft"]').val()),
    revision: String($('input[name="revision"]').val()),
    $,
  }
}

describe('linking offices to a service', () => {
  it('a save based on an older draft gets the shared conflict page, and resubmitting applies it', async () => {
    const first = await makeOffice(agency, { name: 'دفتر نخست' })
    const second = await makeOffice(agency, { name: 'دفتر دوم' })
    const { service } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت با دو ویرایشگر', lawId),
    )
    const client = await signedIn(t, editor)
    const { draft, revision } = await linkEditor(client, service.id)
    const post = (fields: [string, string][]) =>
      client.request(`/admin/services/${service.id}/edit/offices`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([['_csrf', client.csrfToken], ...fields]),
      })
    // Someone else saves first, from the same form.
    const theirs = await post([
      ['draft', draft],
      ['revision', revision],
      ['office', first.id],
    ])
    assert.equal(theirs.status, 303)
    const mine = await post([
      ['draft', draft],
      ['revision', revision],
      ['office', second.id],
      [`note-${second.id}`, 'فقط عصرها'],
    ])
    assert.equal(mine.status, 409)
    const $ = cheerio.load(await mine.text())
    const changes = $('#conflict-changes').text()
    assert.match(changes, /دفتر نخست/, 'the saved version is shown')
    assert.match(changes, /دفتر دوم — فقط عصرها/, 'what this person chose is shown')
    const resubmit = $('#conflict-resubmit')
    assert.equal(resubmit.attr('action'), `/admin/services/${service.id}/edit/offices`)
    const fields: [string, string][] = resubmit
      .find('input[type="hidden"]')
      .toArray()
      .map((el) => [String($(el).attr('name')), String($(el).attr('value') ?? '')])
    const applied = await client.request(`/admin/services/${service.id}/edit/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })
    assert.equal(applied.status, 303)
    const saved = await t.deps.db
      .selectFrom('serviceVersions')
      .select('content')
      .where('serviceId', '=', service.id)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow()
    const offices = z
      .object({ offices: z.array(z.object({ officeId: z.string(), note: z.string().nullable() })) })
      .parse(saved.content).offices
    assert.deepEqual(offices, [{ officeId: second.id, note: 'فقط عصرها' }])
  })

  it('offers the agency’s and its child agencies’ offices, saves links with notes, and publishes them', async () => {
    const own = await makeOffice(agency, { name: 'دفتر ستاد' })
    const provincial = await makeOffice(child, {
      name: 'ادارهٔ کل اصفهان',
      provinceCode: '04',
      city: 'اصفهان',
      lat: 32.65,
      lng: 51.67,
      postalCode: '8174673441',
    })
    const foreign = await makeOffice(other, { name: 'دفتر بیگانه' })
    const { service } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت با محل', lawId),
    )
    const client = await signedIn(t, admin)
    const { draft, revision, $ } = await linkEditor(client, service.id)
    const offered = $('input[name="office"]')
      .map((_, e) => $(e).val())
      .get()
    assert.ok(offered.includes(own.id) && offered.includes(provincial.id))
    assert.ok(!offered.includes(foreign.id), 'offices of other agencies are not offered')

    const refused = await client.request(`/admin/services/${service.id}/edit/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['_csrf', client.csrfToken],
        ['draft', draft],
        ['revision', revision],
        ['office', foreign.id],
      ]),
    })
    assert.equal(refused.status, 422)
    assert.match(await refused.text(), new RegExp(msg.linkUnknown))

    const saved = await client.request(`/admin/services/${service.id}/edit/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['_csrf', client.csrfToken],
        ['draft', draft],
        ['revision', revision],
        ['office', own.id],
        ['office', provincial.id],
        [`note-${provincial.id}`, 'فقط صبح‌ها'],
      ]),
    })
    assert.equal(saved.status, 303)
    const overview = await (await client.get(`/admin/services/${service.id}`)).text()
    assert.match(overview, /دفتر ستاد/)
    assert.match(overview, /ادارهٔ کل اصفهان — فقط صبح‌ها/)

    const preview = cheerio.load(
      await (await client.get(`/admin/services/${service.id}/preview`)).text(),
    )
    assert.equal(preview('li.mr-office').length, 2, 'the draft preview shows the linked offices')

    const outsider = await signedIn(t, otherEditor)
    assert.equal((await outsider.get(`/admin/services/${service.id}/edit/offices`)).status, 403)

    const published = await client.post(`/admin/services/${service.id}/publish`, {
      changeNote: 'افزودن محل‌های مراجعه',
    })
    assert.equal(published.status, 303)
    const history = await (
      await t
        .client()
        .get(
          `/services/${(await t.deps.db.selectFrom('services').select('slug').where('id', '=', service.id).executeTakeFirstOrThrow()).slug}/history`,
        )
    ).text()
    assert.match(history, /ادارهٔ کل اصفهان — فقط صبح‌ها/)

    // A linked office cannot be deleted; the page says why and where it is used.
    const del = await client.post(`/admin/offices/${own.id}/delete`, {})
    assert.equal(del.status, 422)
    assert.match(await del.text(), /خدمت با محل/)
    assert.ok(await findOfficeById(t.deps.db, own.id))
    const unused = await makeOffice(agency, { name: 'دفتر بی‌استفاده' })
    assert.equal((await client.post(`/admin/offices/${unused.id}/delete`, {})).status, 303)
    assert.equal(await findOfficeById(t.deps.db, unused.id), undefined)
  })
  it('publishing refuses a link to an office that no longer exists', async () => {
    const doomed = await makeOffice(agency, { name: 'دفتر ازمیان‌رفته' })
    const { service } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت با پیوند شکسته', lawId),
    )
    const client = await signedIn(t, admin)
    const { draft, revision } = await linkEditor(client, service.id)
    const saved = await client.request(`/admin/services/${service.id}/edit/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['_csrf', client.csrfToken],
        ['draft', draft],
        ['revision', revision],
        ['office', doomed.id],
      ]),
    })
    assert.equal(saved.status, 303)
    // Removed behind the action's back (the delete action itself would refuse).
    await t.deps.db.deleteFrom('offices').where('id', '=', doomed.id).execute()
    const res = await client.post(`/admin/services/${service.id}/publish`, { changeNote: 'انتشار' })
    assert.equal(res.status, 422)
    assert.match(await res.text(), /محل‌های مراجعهٔ این خدمت وجود ندارد/)
    const versions = await t.deps.db
      .selectFrom('serviceVersions')
      .select('status')
      .where('serviceId', '=', service.id)
      .execute()
    assert.ok(
      versions.some((v) => v.status === 'draft'),
      'the draft stays a draft',
    )
  })
})

describe('the service page', () => {
  it('lists linked offices with today’s hours, open-now, tel: and map links, filterable by province and city', async () => {
    const tehran = await makeOffice(agency, { name: 'دفتر تهران' })
    const isfahan = await makeOffice(child, {
      name: 'دفتر اصفهان',
      provinceCode: '04',
      city: 'اصفهان',
      lat: 32.65,
      lng: 51.67,
      postalCode: '8174673441',
      hours: {},
    })
    const kashan = await makeOffice(child, {
      name: 'دفتر کاشان',
      provinceCode: '04',
      city: 'کاشان',
      lat: 33.98,
      lng: 51.43,
      postalCode: '8715913741',
    })
    const { slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت چندمحلی', lawId, {
        offices: [
          { officeId: tehran.id, note: null },
          { officeId: isfahan.id, note: 'با نوبت قبلی' },
          { officeId: kashan.id, note: null },
        ],
      }),
    )
    const $ = cheerio.load(await (await t.client().get(`/services/${slug}`)).text())
    const items = $('#offices').closest('section').find('li.mr-office')
    assert.equal(items.length, 3)
    const first = items.first()
    assert.match(first.text(), /دفتر تهران/)
    assert.match(first.text(), /اکنون باز است/)
    assert.match(first.text(), /۰۷:۳۰ تا ۱۴:۳۰/)
    assert.equal(first.find('a[href="tel:02166001122"]').length, 1)
    assert.equal(first.find('a[href^="https://www.openstreetmap.org/?mlat="]').length, 1)
    const second = items.eq(1)
    assert.match(second.text(), /اکنون بسته است/)
    assert.match(second.text(), /با نوبت قبلی/)
    assert.equal($('form[method="get"] select[name="province"]').length, 1)

    const inIsfahan = cheerio.load(
      await (await t.client().get(`/services/${slug}?province=04`)).text(),
    )
    assert.deepEqual(
      inIsfahan('li.mr-office h3')
        .map((_, e) => inIsfahan(e).text())
        .get(),
      ['دفتر اصفهان', 'دفتر کاشان'],
    )
    const inKashan = cheerio.load(
      await (
        await t.client().get(`/services/${slug}?province=04&city=${encodeURIComponent('کاشان')}`)
      ).text(),
    )
    assert.deepEqual(
      inKashan('li.mr-office h3')
        .map((_, e) => inKashan(e).text())
        .get(),
      ['دفتر کاشان'],
    )
    const officePage = await (await t.client().get(`/offices/${kashan.id}`)).text()
    assert.ok(
      officePage.includes(`href="/services/${slug}">خدمت چندمحلی<`),
      'the office page lists the service',
    )
  })

  it('is cached until the next opening or closing, and an office edit invalidates it', async () => {
    const office = await makeOffice(agency, { name: 'دفتر کش' })
    const { slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت کش‌شده', lawId, { offices: [{ officeId: office.id, note: null }] }),
    )
    const path = `/services/${slug}`
    assert.equal((await t.client().get(path)).status, 200)
    // Open at 11:30 Tehran; it closes at 14:30 Tehran = 11:00 UTC, before the day ends (20:30 UTC).
    assert.ok(
      t.deps.pageCache.get(path, Date.parse('2026-11-22T10:59:00Z')),
      'cached before the closing',
    )
    assert.equal(
      t.deps.pageCache.get(path, Date.parse('2026-11-22T11:00:00Z')),
      undefined,
      'expired at closing',
    )

    const client = await signedIn(t, editor)
    assert.equal(
      (await client.post(`/admin/offices/${office.id}`, form({ name: 'دفتر نام‌نو' }))).status,
      303,
    )
    assert.equal(
      t.deps.pageCache.get(path, Date.parse('2026-11-22T10:00:00Z')),
      undefined,
      'invalidated by the edit',
    )
    const page = await (await t.client().get(path)).text()
    assert.match(page, /دفتر نام‌نو/)
  })

  it('lists an agency’s offices on a public page of its own', async () => {
    await makeOffice(other, { name: 'دفتر فهرست' })
    const res = await t.client().get(`/agencies/${other.code}/offices`)
    assert.equal(res.status, 200)
    assert.match(await res.text(), /دفتر فهرست/)
  })
})

describe('the offices API', () => {
  const body = {
    name: 'دفتر API',
    address: 'خیابان ولیعصر',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '۱۵۹۸۷-۱۳۴۵۶',
    lat: 35.72,
    lng: 51.41,
    phones: ['021-88776655'],
    hours: { sat: [{ start: '07:30', end: '14:30' }], sun: [{ start: '07:30', end: '14:30' }] },
  }

  it('creates with a token of the agency’s staff; 401 without, 403 for another agency, 422 in Persian', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const outsider = await makeToken(t.deps, otherEditor.userId)
    assert.equal(
      (await apiRequest(t.app, 'POST', `/api/v1/agencies/${agency.id}/offices`, { body })).status,
      401,
    )
    assert.equal(
      (
        await apiRequest(t.app, 'POST', `/api/v1/agencies/${agency.id}/offices`, {
          token: outsider,
          body,
        })
      ).status,
      403,
    )
    const bad = await apiRequest(t.app, 'POST', `/api/v1/agencies/${agency.id}/offices`, {
      token,
      body: { ...body, postalCode: '12345' },
    })
    assert.equal(bad.status, 422)
    assert.match(JSON.stringify(await bad.json()), /کد پستی/)
    const created = await apiRequest(t.app, 'POST', `/api/v1/agencies/${agency.id}/offices`, {
      token,
      body,
    })
    assert.equal(created.status, 201)
    const json = (await created.json()) as {
      id: string
      postalCode: string
      openNow: { open: boolean; nextClose: string }
    }
    assert.equal(json.postalCode, '1598713456')
    assert.equal(json.openNow.open, true)
    assert.equal(json.openNow.nextClose, '2026-11-22T11:00:00.000Z')

    const patched = await apiRequest(t.app, 'PATCH', `/api/v1/offices/${json.id}`, {
      token,
      body: { city: 'شمیران' },
    })
    assert.equal(patched.status, 200)
    assert.equal(((await patched.json()) as { city: string; name: string }).city, 'شمیران')
    assert.equal(
      (
        await apiRequest(t.app, 'PATCH', `/api/v1/offices/${json.id}`, {
          token: outsider,
          body: { city: 'x' },
        })
      ).status,
      403,
    )

    const one = await apiRequest(t.app, 'GET', `/api/v1/offices/${json.id}`)
    assert.equal(((await one.json()) as { name: string }).name, 'دفتر API')
    const list = (await (
      await apiRequest(t.app, 'GET', `/api/v1/agencies/${agency.id}/offices`)
    ).json()) as { items: { id: string }[] }
    assert.ok(list.items.some((o) => o.id === json.id))
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await apiRequest(t.app, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>
    }
    for (const path of ['/agencies/{id}/offices', '/offices/{id}', '/services/{id}/offices'])
      assert.ok(doc.paths[path], path)
    // The write bodies are documented field by field (though parsed after the permission check).
    const bodySchema = (path: string, method: string) =>
      z
        .object({
          content: z.object({
            'application/json': z.object({
              schema: z.object({
                properties: z.record(z.string(), z.unknown()),
                required: z.array(z.string()).optional(),
              }),
            }),
          }),
        })
        .parse(doc.paths[path]?.[method]?.requestBody).content['application/json'].schema
    const create = bodySchema('/agencies/{id}/offices', 'post')
    for (const field of ['name', 'postalCode', 'lat', 'lng', 'hours', 'exceptions', 'closures'])
      assert.ok(create.properties[field], `POST body documents ${field}`)
    assert.ok(create.required?.includes('postalCode'), 'the postal code is required')
    const patch = bodySchema('/offices/{id}', 'patch')
    assert.ok(patch.properties.hours, 'PATCH body documents hours')
    assert.deepEqual(patch.required ?? [], [], 'every PATCH field is optional')
  })

  it('gives the offices of a published service, with each link’s note', async () => {
    const office = await makeOffice(agency, { name: 'دفتر خدمت API' })
    const { service } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت API', lawId, { offices: [{ officeId: office.id, note: 'طبقهٔ دوم' }] }),
    )
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${service.id}/offices`)
    assert.equal(res.status, 200)
    const json = (await res.json()) as { items: { note: string; office: { name: string } }[] }
    assert.deepEqual(
      json.items.map((i) => [i.note, i.office.name]),
      [['طبقهٔ دوم', 'دفتر خدمت API']],
    )
  })
})

describe('the admin list', () => {
  it('shows an agency’s own offices to its staff, refuses another agency’s, and lets the central admin pick', async () => {
    await makeOffice(agency, { name: 'دفتر فهرست مدیریتی' })
    const client = await signedIn(t, editor)
    const own = await client.get(`/admin/offices?agency=${agency.code}`)
    assert.equal(own.status, 200)
    assert.match(await own.text(), /دفتر فهرست مدیریتی/)
    assert.equal((await client.get(`/admin/offices?agency=${other.code}`)).status, 403)
    const centralClient = await signedIn(t, central)
    assert.match(
      await (await centralClient.get(`/admin/offices?agency=${agency.code}`)).text(),
      /دفتر فهرست مدیریتی/,
    )
    assert.equal((await t.client().get('/admin/offices')).status, 303)
  })
})
