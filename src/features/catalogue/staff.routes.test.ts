import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { serviceRows } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { type Fields, postForm } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD, newFormOnceToken } from '../../web/form-once.ts'
import type { Agency } from '../agencies/index.ts'
import { insertLaw, type Law } from '../laws/index.ts'
import {
  editorMsg as em,
  findDraft,
  findPublished,
  itemFingerprint,
  servicesMsg as msg,
} from '../services/index.ts'
import { serviceAdminRoutes } from './staff.routes.ts'
import { postAddItem, postNewService } from './staff.test-helpers.ts'

let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let editor: MadeUser
let editor2: MadeUser
let otherAdmin: MadeUser
let otherEditor: MadeUser
let supervisor: MadeUser
let law: Law

/** The draft stamp a form would carry, read from the database. */
async function stamp(serviceId: string): Promise<{ draft: string; revision: string }> {
  const draft = await findDraft(t.deps.db, serviceId)
  assert.ok(draft, 'the service has a draft')
  return { draft: draft.id, revision: String(draft.revision) }
}

async function createService(client: TestClient, title: string, slug = ''): Promise<string> {
  const res = await postNewService(client, { title, slug })
  assert.equal(res.status, 303)
  const id = /^\/admin\/services\/([0-9a-f-]{36})\?done=created$/.exec(
    res.headers.get('location') ?? '',
  )?.[1]
  assert.ok(id, `redirects to the new service's page, not ${res.headers.get('location')}`)
  return id
}

const section = {
  basics: {
    title: 'صدور گواهی آزمایشی',
    popularNames: 'گواهی آزمون\r\nگواهی‌نامهٔ آزمایشی',
    summary: 'صدور گواهی برای شرکت‌کنندگان آزمون.',
    description: 'این خدمت گواهی شرکت در آزمون را صادر می‌کند.\nگواهی الکترونیکی است.',
    keywords: 'گواهی\nآزمون',
  },
  classification: {
    audiences: ['G2C', 'G2B'],
    nature: 'sovereign',
    level: 'national',
    lifeEvents: ['education'],
    trigger: 'applicant_request',
  },
  details: {
    frequencyKind: 'per_period',
    frequencyTimes: '۲',
    frequencyPer: 'year',
    inPersonVisits: '۱',
    eligibility: 'همهٔ شرکت‌کنندگان آزمون',
    output: 'گواهی الکترونیکی',
    redress: 'اعتراض از راه سامانهٔ پیگیری',
    contactPhone: '۰۲۱-۸۸۱۲۳۴۵۶',
    contactEmail: 'info@test.gov.ir',
    contactUrl: 'https://test.gov.ir',
    nationalServiceCode: '۱۲۳۴۵۶',
  },
  time: { timeKind: 'between', timeMin: '۷', timeMax: '۱۵', timeUnit: 'working_day' },
}
const documentItem = {
  name: 'شناسنامه',
  form: 'original_and_copy',
  count: '۲',
  issuer: 'سازمان ثبت احوال',
  obtainableByInquiry: 'yes',
  note: '',
}
const feeItem = { amount: '۱۲٬۰۰۰', currency: 'IRR', description: 'هزینهٔ صدور' }
const legalItem = () => ({ lawId: law.id, article: 'ماده ۱۲', note: '' })

/** Fills every section of a new service's draft, as an editor would. */
async function fillEverything(client: TestClient, id: string): Promise<void> {
  for (const [name, fields] of Object.entries(section)) {
    const res = await postForm(client, `/admin/services/${id}/edit/${name}`, {
      ...fields,
      ...(await stamp(id)),
    })
    assert.equal(res.status, 303, `${name} saved`)
    assert.equal(res.headers.get('location'), `/admin/services/${id}?done=saved`)
  }
  for (const [list, fields] of [
    ['legal', legalItem()],
    ['documents', documentItem],
    ['fees', feeItem],
    ['fees', { amount: '12,000', currency: 'IRT', description: 'کارمزد پیشخوان' }],
  ] as const) {
    const res = await postAddItem(client, id, list, { ...fields, ...(await stamp(id)) })
    assert.equal(res.status, 303, `${list} item added`)
    assert.equal(res.headers.get('location'), `/admin/services/${id}/edit/${list}?done=added`)
  }
}

/** A published service with a draft, for the permission checks. */
async function publishedWithDraft(title: string): Promise<string> {
  const adminClient = await signedIn(t, admin)
  const id = await createService(adminClient, title)
  await fillEverything(adminClient, id)
  const res = await postForm(adminClient, `/admin/services/${id}/publish`, {
    changeNote: 'نخستین انتشار',
  })
  assert.equal(res.status, 303)
  assert.equal((await postForm(adminClient, `/admin/services/${id}/draft`, {})).status, 303)
  return id
}

before(async () => {
  t = await createTestApp()
  // Until app.ts mounts the editor, mount it here (before the first request builds the router).
  if (!t.app.routes.some((r) => r.path.startsWith('/admin/services')))
    t.app.route('/admin/services', serviceAdminRoutes(t.deps))
  agency = await makeAgency(t.deps, { nameFa: 'سازمان سنجش آزمایشی' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  editor2 = await makeUser(t.deps, 'agency_editor', agency)
  otherAdmin = await makeUser(t.deps, 'agency_admin', other)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  law = await insertLaw(
    t.deps.db,
    {
      title: 'قانون آزمون‌های نمونه',
      kind: 'law',
      number: '۱۲۳',
      approvedOn: '2020-01-01',
      url: null,
    },
    null,
    t.deps.clock.now(),
  )
})
after(() => t.close())

describe('writing a service card', () => {
  let id: string

  it('lets an editor create a service, fill every section, and preview it, but not publish', async () => {
    const client = await signedIn(t, editor)
    const newPage = await client.get('/admin/services/new')
    assert.equal(newPage.status, 200)
    const slugField = (await checkedPage(newPage))('input[name="slug"]')
    assert.equal(slugField.attr('dir'), 'auto', 'a Persian address is typed right to left')
    id = await createService(client, 'گواهی', 'test-certificate')

    const fresh = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(
      fresh('#quality-issues a').first().attr('href'),
      `/admin/services/${id}/edit/basics`,
    )
    assert.ok(fresh('#quality-issues').text().includes(msg.summaryRequired))
    assert.equal(fresh('#service-status').text().trim(), em.statusDraft)

    await fillEverything(client, id)
    const draft = await findDraft(t.deps.db, id)
    assert.ok(draft)
    const c = draft.content
    assert.equal(c.title, 'صدور گواهی آزمایشی')
    assert.deepEqual(c.popularNames, ['گواهی آزمون', 'گواهی‌نامهٔ آزمایشی'])
    assert.deepEqual(c.audiences, ['G2C', 'G2B'])
    assert.deepEqual(c.frequency, { kind: 'per_period', times: 2, per: 'year' })
    assert.equal(c.contact.phone, '021-88123456')
    assert.equal(c.nationalServiceCode, '123456')
    assert.deepEqual(c.declaredTime, { kind: 'between', min: 7, max: 15, unit: 'working_day' })
    assert.deepEqual(c.legalBases, [{ lawId: law.id, article: 'ماده ۱۲', note: null }])
    assert.deepEqual(c.documents[0], {
      name: 'شناسنامه',
      form: 'original_and_copy',
      count: 2,
      issuer: 'سازمان ثبت احوال',
      obtainableByInquiry: true,
      note: null,
    })
    assert.deepEqual(
      c.fees.map((f) => [f.amount, f.currency]),
      [
        [12000, 'IRR'],
        [12000, 'IRT'],
      ],
    )

    for (const page of [
      'basics',
      'classification',
      'details',
      'time',
      'legal',
      'documents',
      'fees',
      'legal/0',
      'documents/0',
      'fees/0',
    ]) {
      const res = await client.get(`/admin/services/${id}/edit/${page}`)
      assert.equal(res.status, 200, page)
      await checkedPage(res)
    }
    const classification = await checkedPage(
      await client.get(`/admin/services/${id}/edit/classification`),
    )
    assert.deepEqual(
      classification('input[name="audiences"][checked]')
        .map((_, el) => classification(el).attr('value'))
        .get(),
      ['G2C', 'G2B'],
    )
    const fee = formFields(
      await checkedPage(await client.get(`/admin/services/${id}/edit/fees/0`)),
      `form[action="/admin/services/${id}/edit/fees/0"]`,
    )
    assert.equal(fee.amount, '۱۲٬۰۰۰')
    assert.equal(fee.currency, 'IRR')

    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(overview('#quality-issues').length, 0)
    assert.ok(overview('#quality-ready').text().includes(em.ready))
    assert.ok(overview('#cannot-publish').text().includes('فقط مدیر دستگاه'))
    assert.equal(overview('form[action$="/publish"]').length, 0)
    const editLinks = overview('#draft-sections a')
      .map((_, a) => overview(a).attr('href'))
      .get()
    for (const s of ['basics', 'classification', 'details', 'time', 'legal', 'documents', 'fees'])
      assert.ok(editLinks.includes(`/admin/services/${id}/edit/${s}`), `edit link for ${s}`)

    const preview = await client.get(`/admin/services/${id}/preview`)
    assert.equal(preview.status, 200)
    assert.match(preview.headers.get('x-robots-tag') ?? '', /noindex/)
    const $ = cheerio.load(await preview.text())
    assert.equal($('.mr-preview-banner').length, 1)
    assert.equal($('h1').text(), 'صدور گواهی آزمایشی')
    assert.ok($('#documents').parent().text().includes('شناسنامه'))
    assert.ok($('main').text().includes('قانون آزمون‌های نمونه'))
    assert.ok($('main').text().includes('۱۲٬۰۰۰ ریال'))

    const before = await serviceRows(t.deps.db)
    const publish = await postForm(client, `/admin/services/${id}/publish`, {
      changeNote: 'انتشار',
    })
    assert.equal(publish.status, 403)
    assert.deepEqual(await serviceRows(t.deps.db), before)
    assert.equal(await findPublished(t.deps.db, id), undefined)
  })

  it('refuses to publish without a change note, then lets the admin publish with one', async () => {
    const client = await signedIn(t, admin)
    const before = await serviceRows(t.deps.db)
    const bare = await postForm(client, `/admin/services/${id}/publish`, { changeNote: '  ' })
    assert.equal(bare.status, 422)
    const $ = await checkedPage(bare)
    assert.ok($('.mr-error-summary').text().includes(msg.changeNoteRequired))
    assert.equal($('#changeNote').attr('aria-invalid'), 'true')
    assert.deepEqual(await serviceRows(t.deps.db), before)

    const ok = await postForm(client, `/admin/services/${id}/publish`, {
      changeNote: 'نخستین انتشار خدمت',
    })
    assert.equal(ok.status, 303)
    assert.equal(ok.headers.get('location'), `/admin/services/${id}?done=published`)
    const published = await findPublished(t.deps.db, id)
    assert.equal(published?.versionNo, 1)
    assert.equal(published?.changeNote, 'نخستین انتشار خدمت')
    assert.equal(await findDraft(t.deps.db, id), undefined)
    const pub = await t.client().get('/services/test-certificate')
    assert.equal(pub.status, 200)
    assert.equal((await checkedPage(pub))('h1').text(), 'صدور گواهی آزمایشی')
  })

  it('refuses to publish a draft with quality issues, listing each with a link to its section', async () => {
    const client = await signedIn(t, admin)
    const empty = await createService(client, 'خدمت ناقص')
    const before = await serviceRows(t.deps.db)
    const res = await postForm(client, `/admin/services/${empty}/publish`, { changeNote: 'انتشار' })
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    const summary = $('.mr-error-summary')
    for (const m of [
      msg.summaryRequired,
      msg.audienceRequired,
      msg.legalBasisRequired,
      msg.declaredTimeRequired,
    ])
      assert.ok(summary.text().includes(m), m)
    assert.ok(
      summary
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get()
        .includes(`/admin/services/${empty}/edit/legal`),
    )
    assert.deepEqual(await serviceRows(t.deps.db), before)
  })

  it('makes a draft from the published version and supersedes it on republishing', async () => {
    const client = await signedIn(t, editor)
    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(overview('form[action$="/draft"]').length, 1, 'offers «شروع ویرایش»')
    assert.equal((await postForm(client, `/admin/services/${id}/draft`, {})).status, 303)
    const draft = await findDraft(t.deps.db, id)
    const published = await findPublished(t.deps.db, id)
    assert.equal(draft?.versionNo, 2)
    assert.deepEqual(draft?.content, published?.content)

    const form = await checkedPage(await client.get(`/admin/services/${id}/edit/basics`))
    const fields = formFields(form, `form[action="/admin/services/${id}/edit/basics"]`)
    assert.equal(fields.title, 'صدور گواهی آزمایشی')
    assert.equal(fields.revision, String(draft?.revision))
    const saved = await postForm(client, `/admin/services/${id}/edit/basics`, {
      ...fields,
      summary: 'خلاصهٔ بازنگری‌شده.',
    })
    assert.equal(saved.status, 303)

    const adminClient = await signedIn(t, admin)
    const res = await postForm(adminClient, `/admin/services/${id}/publish`, {
      changeNote: 'بازنگری خلاصه',
    })
    assert.equal(res.status, 303)
    const versions = await t.deps.db
      .selectFrom('serviceVersions')
      .select(['versionNo', 'status'])
      .where('serviceId', '=', id)
      .orderBy('versionNo')
      .execute()
    assert.deepEqual(versions, [
      { versionNo: 1, status: 'superseded' },
      { versionNo: 2, status: 'published' },
    ])
    const history = await checkedPage(await t.client().get('/services/test-certificate/history'))
    assert.ok(history('main').text().includes('خلاصهٔ بازنگری‌شده.'))
  })

  it('edits and removes list items through their own forms', async () => {
    const client = await signedIn(t, editor)
    await postForm(client, `/admin/services/${id}/draft`, {})
    const list = await checkedPage(await client.get(`/admin/services/${id}/edit/documents`))
    assert.equal(list('#documents-items tbody tr').length, 1)
    assert.equal(list('#documents-items a').attr('href'), `/admin/services/${id}/edit/documents/0`)
    const item = await checkedPage(await client.get(`/admin/services/${id}/edit/documents/0`))
    const fields = formFields(item, `form[action="/admin/services/${id}/edit/documents/0"]`)
    assert.equal(fields.name, 'شناسنامه')
    assert.equal(fields.obtainableByInquiry, 'yes')
    const edited = await postForm(client, `/admin/services/${id}/edit/documents/0`, {
      ...fields,
      count: '۳',
    })
    assert.equal(edited.status, 303)
    assert.equal((await findDraft(t.deps.db, id))?.content.documents[0]?.count, 3)

    const fees = await checkedPage(await client.get(`/admin/services/${id}/edit/fees`))
    const remove = formFields(fees, `form[action="/admin/services/${id}/edit/fees/1/delete"]`)
    const removed = await postForm(client, `/admin/services/${id}/edit/fees/1/delete`, remove)
    assert.equal(removed.status, 303)
    assert.deepEqual(
      (await findDraft(t.deps.db, id))?.content.fees.map((f) => f.description),
      ['هزینهٔ صدور'],
    )
    assert.equal((await client.get(`/admin/services/${id}/edit/fees/5`)).status, 404)
  })
})

describe('two people saving the same draft', () => {
  it('answers the second with 409, both versions and a form that applies their change', async () => {
    const setup = await signedIn(t, editor)
    const id = await createService(setup, 'خدمت هم‌زمان')
    const a = await signedIn(t, editor)
    const b = await signedIn(t, editor2)
    const path = `/admin/services/${id}/edit/basics`
    const formA = formFields(await checkedPage(await a.get(path)), `form[action="${path}"]`)
    const formB = formFields(await checkedPage(await b.get(path)), `form[action="${path}"]`)
    assert.deepEqual(formA, formB)

    assert.equal((await postForm(a, path, { ...formA, title: 'عنوان نفر نخست' })).status, 303)
    const res = await postForm(b, path, { ...formB, summary: 'خلاصهٔ نفر دوم' })
    assert.equal(res.status, 409)
    const $ = await checkedPage(res)
    assert.ok($('.mr-warning-text').text().includes('کس دیگری'))
    const head = $('#conflict-changes thead').text()
    assert.ok(head.includes(em.conflictCurrent))
    assert.ok(head.includes(em.conflictMine))
    const rows = $('#conflict-changes tbody tr')
      .map((_, tr) => [
        [
          $(tr).find('th').text().trim(),
          ...$(tr)
            .find('td')
            .map((__, td) => $(td).text().trim())
            .get(),
        ],
      ])
      .get() as string[][]
    assert.deepEqual(
      rows,
      [['خلاصه', '—', 'خلاصهٔ نفر دوم']],
      'only what the second person changed: the title they did not touch is not theirs to revert',
    )
    const saved = await findDraft(t.deps.db, id)
    assert.equal(saved?.content.title, 'عنوان نفر نخست', 'nothing of the second save was written')
    assert.equal(saved?.content.summary, '')

    const resubmit = formFields($, '#conflict-resubmit')
    assert.equal(resubmit.summary, 'خلاصهٔ نفر دوم', 'what the second person typed is in the form')
    assert.equal(resubmit.title, 'خدمت هم‌زمان')
    assert.equal(resubmit.revision, String(saved?.revision))
    assert.equal($('#conflict-resubmit').attr('action'), path)
    assert.equal($(`a[href="${path}"]`).text().trim(), em.conflictDiscard)
    const applied = await postForm(b, path, resubmit)
    assert.equal(applied.status, 303)
    const after = await findDraft(t.deps.db, id)
    assert.equal(after?.content.summary, 'خلاصهٔ نفر دوم')
    assert.equal(after?.content.title, 'عنوان نفر نخست', 'the first person’s change is kept')
    assert.equal(after?.revision, (saved?.revision ?? 0) + 1)
  })

  it('shows both values when both changed the same field, and lets the second apply theirs', async () => {
    const setup = await signedIn(t, editor)
    const id = await createService(setup, 'خدمت دوتایی')
    const a = await signedIn(t, editor)
    const b = await signedIn(t, editor2)
    const path = `/admin/services/${id}/edit/basics`
    const formA = formFields(await checkedPage(await a.get(path)), `form[action="${path}"]`)
    const formB = formFields(await checkedPage(await b.get(path)), `form[action="${path}"]`)
    assert.equal((await postForm(a, path, { ...formA, summary: 'خلاصهٔ الف' })).status, 303)
    const res = await postForm(b, path, { ...formB, summary: 'خلاصهٔ ب' })
    assert.equal(res.status, 409)
    const $ = await checkedPage(res)
    assert.equal($('#conflict-changes tbody tr').length, 1)
    assert.ok($('#conflict-changes .mr-diff__before').text().includes('خلاصهٔ الف'))
    assert.ok($('#conflict-changes .mr-diff__after').text().includes('خلاصهٔ ب'))
    assert.equal((await postForm(b, path, formFields($, '#conflict-resubmit'))).status, 303)
    assert.equal((await findDraft(t.deps.db, id))?.content.summary, 'خلاصهٔ ب')
  })

  it('keeps list edits apart: a conflicting removal removes the item that was opened', async () => {
    const client = await signedIn(t, editor)
    const id = await createService(client, 'خدمت فهرست')
    for (const name of ['مدرک یکم', 'مدرک دوم'])
      await postAddItem(client, id, 'documents', { ...documentItem, name, ...(await stamp(id)) })
    const stale = await stamp(id)
    const second = (await findDraft(t.deps.db, id))?.content.documents[1]
    // Someone else removes the first document; our form still says index 1.
    const first = (await findDraft(t.deps.db, id))?.content.documents[0]
    await postForm(client, `/admin/services/${id}/edit/documents/0/delete`, {
      original: itemFingerprint(first),
      ...stale,
    })
    const res = await postForm(client, `/admin/services/${id}/edit/documents/1/delete`, {
      original: itemFingerprint(second),
      ...stale,
    })
    assert.equal(res.status, 409)
    const resubmit = formFields(await checkedPage(res), '#conflict-resubmit')
    assert.equal(
      (await postForm(client, `/admin/services/${id}/edit/documents/1/delete`, resubmit)).status,
      303,
    )
    assert.deepEqual((await findDraft(t.deps.db, id))?.content.documents, [])
  })
})

describe('who may do what', () => {
  let id: string
  const writes = (): {
    path: string
    fields: () => Promise<Fields>
    bad?: { fields: () => Promise<Fields>; message: string }
  }[] => {
    const s = () => stamp(id)
    const withStamp = (f: Fields) => async () => ({ ...f, ...(await s()) })
    // A creating form's one-time token, new for each submission (staff.once.ts).
    const once = () => ({ [FORM_ONCE_FIELD]: newFormOnceToken() })
    const fp = async (list: 'legalBases' | 'documents' | 'fees') =>
      itemFingerprint((await findDraft(t.deps.db, id))?.content[list][0])
    return [
      { path: `/admin/services/${id}/draft`, fields: async () => ({}) },
      {
        path: `/admin/services/${id}/publish`,
        fields: async () => ({ changeNote: 'انتشار' }),
        bad: { fields: async () => ({ changeNote: '' }), message: msg.changeNoteRequired },
      },
      {
        path: `/admin/services/${id}/withdraw`,
        fields: async () => ({ reason: 'ادغام در خدمت دیگر' }),
        bad: { fields: async () => ({ reason: '' }), message: msg.withdrawReasonRequired },
      },
      { path: `/admin/services/${id}/restore`, fields: async () => ({}) },
      {
        path: `/admin/services/${id}/edit/basics`,
        fields: withStamp({ ...section.basics, title: 'تغییر' }),
        bad: { fields: withStamp({ ...section.basics, title: '' }), message: msg.titleRequired },
      },
      {
        path: `/admin/services/${id}/edit/classification`,
        fields: withStamp(section.classification),
        bad: {
          fields: withStamp({ ...section.classification, nature: 'galaxy' }),
          message: em.choiceInvalid,
        },
      },
      {
        path: `/admin/services/${id}/edit/details`,
        fields: withStamp(section.details),
        bad: {
          fields: withStamp({ ...section.details, inPersonVisits: '۵۰' }),
          message: msg.visitsInvalid,
        },
      },
      {
        path: `/admin/services/${id}/edit/time`,
        fields: withStamp(section.time),
        bad: { fields: withStamp({ ...section.time, timeMin: '۲۰' }), message: msg.betweenOrder },
      },
      {
        path: `/admin/services/${id}/edit/legal`,
        fields: async () => ({ ...legalItem(), ...once(), ...(await s()) }),
        bad: {
          fields: withStamp({ lawId: '00000000-0000-4000-8000-000000000000', article: '' }),
          message: msg.lawUnknown,
        },
      },
      {
        path: `/admin/services/${id}/edit/documents`,
        fields: async () => ({ ...documentItem, ...once(), ...(await s()) }),
        bad: {
          fields: withStamp({ ...documentItem, name: '' }),
          message: msg.documentNameRequired,
        },
      },
      {
        path: `/admin/services/${id}/edit/fees`,
        fields: async () => ({ ...feeItem, ...once(), ...(await s()) }),
        bad: {
          fields: withStamp({ ...feeItem, amount: 'دوازده هزار' }),
          message: msg.amountInvalid,
        },
      },
      {
        path: `/admin/services/${id}/edit/legal/0`,
        fields: async () => ({
          ...legalItem(),
          article: 'ماده ۱',
          original: await fp('legalBases'),
          ...(await s()),
        }),
        bad: {
          fields: async () => ({
            ...legalItem(),
            lawId: '',
            original: await fp('legalBases'),
            ...(await s()),
          }),
          message: msg.lawRequired,
        },
      },
      {
        path: `/admin/services/${id}/edit/documents/0`,
        fields: async () => ({ ...documentItem, original: await fp('documents'), ...(await s()) }),
        bad: {
          fields: async () => ({
            ...documentItem,
            count: '۳۰',
            original: await fp('documents'),
            ...(await s()),
          }),
          message: msg.countInvalid,
        },
      },
      {
        path: `/admin/services/${id}/edit/fees/0`,
        fields: async () => ({ ...feeItem, original: await fp('fees'), ...(await s()) }),
        bad: {
          fields: async () => ({
            ...feeItem,
            amount: '-5',
            original: await fp('fees'),
            ...(await s()),
          }),
          message: msg.amountInvalid,
        },
      },
      ...(['legal', 'documents', 'fees'] as const).map((list) => ({
        path: `/admin/services/${id}/edit/${list}/0/delete`,
        fields: async () => ({
          original: await fp(list === 'legal' ? 'legalBases' : list),
          ...(await s()),
        }),
        bad: { fields: withStamp({ original: 'not-a-fingerprint' }), message: em.itemNotFound },
      })),
      {
        path: `/admin/services/${id}/edit/documents/none`,
        fields: withStamp({ noDocumentsRequired: '' }),
        bad: { fields: withStamp({ noDocumentsRequired: 'yes' }), message: em.noDocumentsConflict },
      },
      { path: `/admin/services/${id}/discard`, fields: async () => ({}) },
    ]
  }

  before(async () => {
    id = await publishedWithDraft('خدمت محافظت‌شده')
  })

  it('answers 403 to another agency’s users on every write, changing nothing', async () => {
    for (const user of [otherAdmin, otherEditor]) {
      const client = await signedIn(t, user)
      for (const w of writes()) {
        const fields = await w.fields()
        const before = await serviceRows(t.deps.db)
        const res = await postForm(client, w.path, fields)
        assert.equal(res.status, 403, `${user.username} ${w.path}`)
        assert.deepEqual(await serviceRows(t.deps.db), before, `${w.path} changed nothing`)
      }
      assert.equal((await client.get(`/admin/services/${id}`)).status, 403)
      assert.equal((await client.get(`/admin/services/${id}/preview`)).status, 403)
      assert.equal((await client.get(`/admin/services/${id}/edit/basics`)).status, 403)
      assert.equal((await client.get(`/admin/services?agency=${agency.code}`)).status, 403)
    }
  })

  it('answers 403 to central staff on every write, while letting them read', async () => {
    const client = await signedIn(t, supervisor)
    for (const w of [
      { path: '/admin/services/new', fields: async () => ({ title: 'خدمت مرکزی' }) },
      ...writes(),
    ]) {
      const before = await serviceRows(t.deps.db)
      const res = await postForm(client, w.path, await w.fields())
      assert.equal(res.status, 403, w.path)
      assert.deepEqual(await serviceRows(t.deps.db), before)
    }
    const list = await checkedPage(await client.get(`/admin/services?agency=${agency.code}`))
    assert.equal(list(`#agency-services a[href="/admin/services/${id}"]`).length, 1)
    assert.equal(list('a[href="/admin/services/new"]').length, 0)
    const overview = await client.get(`/admin/services/${id}`)
    assert.equal(overview.status, 200)
    const $ = await checkedPage(overview)
    assert.equal($('form[method="post"][action^="/admin/services"]').length, 0, 'read-only')
    assert.equal((await client.get(`/admin/services/${id}/edit/basics`)).status, 403)
  })

  it('answers an editor 403 on publishing, withdrawing and restoring', async () => {
    const client = await signedIn(t, editor)
    for (const w of writes().filter((w) => /\/(publish|withdraw|restore)$/.test(w.path))) {
      const before = await serviceRows(t.deps.db)
      assert.equal((await postForm(client, w.path, await w.fields())).status, 403, w.path)
      assert.deepEqual(await serviceRows(t.deps.db), before)
    }
  })

  it('sends anonymous visitors to sign in and refuses their posts', async () => {
    const client = t.client()
    for (const path of [
      '/admin/services',
      '/admin/services/new',
      `/admin/services/${id}`,
      `/admin/services/${id}/edit/basics`,
      `/admin/services/${id}/preview`,
    ]) {
      const res = await client.get(path)
      assert.equal(res.status, 303, path)
      assert.equal(res.headers.get('location'), `/sign-in?next=${encodeURIComponent(path)}`)
    }
    for (const w of [
      { path: '/admin/services/new', fields: async () => ({ title: 'بی‌نام' }) },
      ...writes(),
    ]) {
      const before = await serviceRows(t.deps.db)
      assert.equal((await postForm(client, w.path, await w.fields())).status, 401, w.path)
      assert.deepEqual(await serviceRows(t.deps.db), before)
    }
  })

  it('refuses every write without the CSRF token', async () => {
    const client = await signedIn(t, admin)
    for (const w of [
      { path: '/admin/services/new', fields: async () => ({ title: 'بدون توکن' }) },
      ...writes(),
    ]) {
      const before = await serviceRows(t.deps.db)
      const res = await postForm(client, w.path, await w.fields(), { csrf: false })
      assert.equal(res.status, 403, w.path)
      assert.match(await res.text(), /فرم منقضی شده است/)
      assert.deepEqual(await serviceRows(t.deps.db), before)
    }
  })

  it('answers bad input with 422 and the Persian message, saving nothing', async () => {
    const client = await signedIn(t, admin)
    for (const w of [
      {
        path: '/admin/services/new',
        bad: { fields: async () => ({ title: '' }), message: msg.titleRequired },
      },
      {
        path: '/admin/services/new',
        bad: { fields: async () => ({ title: 'x', slug: 'Bad Slug' }), message: msg.slugInvalid },
      },
      ...writes(),
    ]) {
      if (!w.bad) continue
      const before = await serviceRows(t.deps.db)
      const res = await postForm(client, w.path, await w.bad.fields())
      assert.equal(res.status, 422, w.path)
      const $ = await checkedPage(res)
      assert.ok(
        $('.mr-error-summary').text().includes(w.bad.message),
        `${w.path}: ${w.bad.message}`,
      )
      assert.deepEqual(await serviceRows(t.deps.db), before, `${w.path} saved nothing`)
    }
  })

  it('lets the admin do every write on their own service', async () => {
    const client = await signedIn(t, admin)
    for (const w of writes()) {
      if (w.path.endsWith('/publish')) continue // needs a change worth publishing; covered above
      const res = await postForm(client, w.path, await w.fields())
      assert.equal(res.status, 303, w.path)
    }
    assert.equal(await findDraft(t.deps.db, id), undefined, 'the last write discarded the draft')
  })
})

describe('withdrawing a service', () => {
  it('shows the reason on the public page and drops it from the list; restoring brings it back', async () => {
    const id = await publishedWithDraft('خدمت لغوشدنی')
    const slug = (
      await t.deps.db
        .selectFrom('services')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).slug
    const client = await signedIn(t, admin)
    const res = await postForm(client, `/admin/services/${id}/withdraw`, {
      reason: 'این خدمت در خدمت دیگری ادغام شد.',
    })
    assert.equal(res.status, 303)
    const pub = await checkedPage(await t.client().get(`/services/${slug}`))
    assert.ok(pub('.mr-warning-text').text().includes('این خدمت در خدمت دیگری ادغام شد.'))
    const list = await checkedPage(await t.client().get(`/services?agency=${agency.code}`))
    assert.ok(!list('main').text().includes('خدمت لغوشدنی'))
    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.ok(overview('#service-status').text().includes(em.statusWithdrawn))
    assert.equal((await postForm(client, `/admin/services/${id}/restore`, {})).status, 303)
    const back = await checkedPage(await t.client().get(`/services/${slug}`))
    assert.equal(back('.mr-warning-text').length, 0)
  })

  it('refuses to discard the only draft of a service never published', async () => {
    const client = await signedIn(t, editor)
    const id = await createService(client, 'خدمت تازه‌کار')
    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(overview('form[action$="/discard"]').length, 0)
    assert.equal((await postForm(client, `/admin/services/${id}/discard`, {})).status, 409)
    assert.ok(await findDraft(t.deps.db, id))
  })
})

describe('lists and the dashboard', () => {
  it('lists the agency’s services with status, version and missing items', async () => {
    const client = await signedIn(t, editor)
    const id = await createService(client, 'خدمت فهرست‌شده')
    const $ = await checkedPage(await client.get('/admin/services'))
    assert.equal($('a[href="/admin/services/new"]').text(), em.newService)
    const row = $('#agency-services tbody tr').filter((_, tr) =>
      $(tr).text().includes('خدمت فهرست‌شده'),
    )
    assert.equal(row.length, 1)
    assert.equal(row.find('a').attr('href'), `/admin/services/${id}`)
    assert.ok(row.text().includes(em.statusDraft))
    assert.ok(row.text().includes('۱۰ مورد'), row.text())
    assert.equal((await client.get(`/admin/services?agency=${other.code}`)).status, 403)
  })

  it('shows the agency’s unfinished services on the dashboard', async () => {
    const client = await signedIn(t, editor)
    const id = await createService(client, 'خدمت پیشخوان')
    const $ = await checkedPage(await client.get('/admin'))
    const row = $('#agency-services-attention tbody tr').filter((_, tr) =>
      $(tr).text().includes('خدمت پیشخوان'),
    )
    assert.equal(row.find('a').attr('href'), `/admin/services/${id}`)
    const theirs = await checkedPage(await (await signedIn(t, otherEditor)).get('/admin'))
    assert.ok(!theirs('main').text().includes('خدمت پیشخوان'))
  })
})
