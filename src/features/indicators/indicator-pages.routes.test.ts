import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import {
  actorOf,
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { type Fields, postForm, refused } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import { onceToken } from '../accounts/issued.test-helpers.ts'
import type { Agency } from '../agencies/index.ts'
import { proposeIndicator } from './indicator.actions.ts'
import { versionsOf } from './indicator.queries.ts'
import { definition } from './indicator.test-helpers.ts'

let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let editor: MadeUser
let otherAdmin: MadeUser
let supervisor: MadeUser
let supervisor2: MadeUser
let ownService: { id: string; title: string }
let centralAdmin: MadeUser
let waitingAgency: Agency
let otherServiceId: string

/** Every field of a good proposal, typed as a person would (Persian digits in the targets). */
function proposal(over: Fields = {}): Fields {
  return {
    nameFa: 'درصد پروانه‌های صادرشده در مهلت',
    definition: 'سهم پروانه‌هایی که در مهلت اعلام‌شده در شناسنامهٔ خدمت صادر شده‌اند.',
    rationale: 'به‌هنگامی صدور پروانه مهم‌ترین شکایت مراجعان است.',
    category: 'time',
    unit: 'percent',
    direction: 'higher',
    numeratorFa: 'پروانه‌های صادرشده در مهلت',
    denominatorFa: 'همهٔ پروانه‌های صادرشده',
    frequency: 'quarterly',
    source: 'manual',
    maxAgeDays: '۱۲۰',
    limitations: '',
    scopeServiceIds: ownService.id,
    targets: '۱۴۰۵: ۶۰، ۸۰',
    ...over,
  }
}

async function indicatorRow(code: string) {
  const row = await t.deps.db
    .selectFrom('indicators')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  return { row, versions: await versionsOf(t.deps.db, row.id) }
}

let a: TestClient
let sup: TestClient
let code = ''

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'وزارت صفحه‌های شاخص' })
  other = await makeAgency(t.deps, { nameFa: 'دستگاه دیگر شاخص' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherAdmin = await makeUser(t.deps, 'agency_admin', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  supervisor2 = await makeUser(t.deps, 'central_supervisor')
  centralAdmin = await makeUser(t.deps, 'central_admin')
  // An agency that never got credentials: on the board, its clock has not started.
  waitingAgency = await makeAgency(t.deps, { nameFa: 'دستگاه بی‌اطلاعات ورود' })
  const law = await makeLaw(t.deps)
  const own = await makePublishedService(t.deps, agency, completeContent('صدور پروانهٔ کسب', law.id))
  ownService = { id: own.service.id, title: 'صدور پروانهٔ کسب' }
  otherServiceId = (
    await makePublishedService(t.deps, other, completeContent('خدمت دستگاه دیگر', law.id))
  ).service.id
  a = await signedIn(t, admin)
  sup = await signedIn(t, supervisor)
})
after(() => t.close())

/** `fields` with the one-time token of the form on the page at `formPath`, as a browser sends it. */
async function withOnce(
  client: TestClient,
  fields: Fields,
  formPath = '/admin/indicators/new',
): Promise<Fields> {
  return { ...fields, [FORM_ONCE_FIELD]: await onceToken(client, formPath) }
}

describe('proposing an indicator (agency admin)', () => {
  it('offers the form with the agency’s own published services as the scope', async () => {
    const $ = await checkedPage(await a.get('/admin/indicators/new'))
    assert.equal($('h1').text(), 'پیشنهاد شاخص تازه')
    const scope = $('input[name=scopeServiceIds]')
    assert.equal(scope.length, 1, 'only the agency’s own service')
    assert.equal(scope.attr('value'), ownService.id)
    assert.match($('label[for=targets]').text(), /مبنا و هدف/)
    assert.match($('#targets-hint').text(), /۱۴۰۵: ۶۰، ۸۰/)
    assert.equal($('input[name=source][value=computed]').length, 0, 'computed is the centre’s')
  })

  it('answers bad input with 422, the error summary and what was typed', async () => {
    const fields = proposal({ nameFa: 'ا', targets: '۱۴۰۵ شصت' })
    const snapshotText = await refused(
      t,
      a,
      '/admin/indicators/new',
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
      422,
    )
    const $ = cheerio.load(snapshotText)
    assert.equal($('.mr-error-summary a[href="#nameFa"]').length, 1)
    assert.equal($('.mr-error-summary a[href="#targets"]').length, 1)
    assert.match($('title').text(), /^خطا: /)
    assert.equal($('#targets').text(), '۱۴۰۵ شصت', 'the targets box keeps what was typed')
    assert.equal(
      $(`input[name=scopeServiceIds][value="${ownService.id}"]`).attr('checked'),
      'checked',
    )
  })

  it('refuses a scope with another agency’s service (422, nothing written)', async () => {
    const text = await refused(
      t,
      a,
      '/admin/indicators/new',
      Object.fromEntries(
        Object.entries(await withOnce(a, proposal({ scopeServiceIds: otherServiceId }))).map(
          ([k, v]) => [k, String(v)],
        ),
      ),
      422,
    )
    assert.match(text, /خدمت انتخاب‌شده از خدمات این دستگاه نیست/)
  })

  it('lets only the agency admin propose', async () => {
    const e = await signedIn(t, editor)
    assert.equal((await e.get('/admin/indicators/new')).status, 403)
    await refused(t, e, '/admin/indicators/new', { nameFa: 'x' }, 403)
    await refused(t, sup, '/admin/indicators/new', { nameFa: 'x' }, 403)
    const anonymous = await t.client().get('/admin/indicators/new')
    assert.equal(anonymous.status, 303)
    assert.match(anonymous.headers.get('location') ?? '', /^\/sign-in/)
  })

  it('refuses a form without the CSRF token', async () => {
    const fields = Object.fromEntries(Object.entries(proposal()).map(([k, v]) => [k, String(v)]))
    await refused(t, a, '/admin/indicators/new', fields, 403, { csrf: false })
  })

  it('saves a draft (303 → the indicator’s page) with the targets read from Persian digits', async () => {
    const res = await postForm(a, '/admin/indicators/new', await withOnce(a, proposal()))
    assert.equal(res.status, 303)
    const location = res.headers.get('location') ?? ''
    const m = /^\/admin\/indicators\/(S-[A-Z0-9]+-01)\?done=proposed$/.exec(location)
    assert.ok(m?.[1], location)
    code = m[1]
    const { versions } = await indicatorRow(code)
    assert.deepEqual(versions[0]?.targets, [{ year: 1405, baseline: 60, target: 80 }])
    const $ = await checkedPage(await a.get(location))
    assert.match($('.mr-notification-banner').text(), /پیش‌نویس شاخص ذخیره شد/)
    assert.match($('#open-proposal').text(), /پیش‌نویس/)
    assert.match($('#open-proposal').text(), /صدور پروانهٔ کسب/)
    assert.match($('#open-proposal-targets').text(), /۸۰٪/)
    assert.equal($('#submit-proposal').length, 1)
    assert.equal($('#withdraw-proposal').length, 1)
  })

  it('reads a targets box of several lines, one year a line', async () => {
    const res = await postForm(
      a,
      '/admin/indicators/new',
      await withOnce(a, proposal({ targets: '۱۴۰۵: ۶۰، ۸۰\n۱۴۰۶: ۸۵', nameFa: 'شاخص چندساله' })),
    )
    assert.equal(res.status, 303)
    const made = /\/admin\/indicators\/([^?]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? ''
    const { versions } = await indicatorRow(made)
    assert.deepEqual(versions[0]?.targets, [
      { year: 1405, baseline: 60, target: 80 },
      { year: 1406, baseline: null, target: 85 },
    ])
  })

  it('proposes once for a form sent twice, both answers leading to its page (issue 17 item 10)', async () => {
    const fields = await withOnce(a, proposal({ nameFa: 'شاخص دوبار فرستاده' }))
    const first = await postForm(a, '/admin/indicators/new', fields)
    const again = await postForm(a, '/admin/indicators/new', fields)
    assert.equal(first.status, 303)
    assert.equal(again.status, 303)
    assert.equal(again.headers.get('location'), first.headers.get('location'))
    const named = await t.deps.db
      .selectFrom('indicatorVersions')
      .select('indicatorId')
      .where('nameFa', '=', 'شاخص دوبار فرستاده')
      .execute()
    assert.equal(named.length, 1, 'one proposal')
  })

  it('refuses a proposal without its one-time token with a Persian message, writing nothing', async () => {
    const fields = Object.fromEntries(
      Object.entries(proposal({ nameFa: 'شاخص بی‌نشانه' })).map(([k, v]) => [k, String(v)]),
    )
    const $ = cheerio.load(await refused(t, a, '/admin/indicators/new', fields, 422))
    assert.match($('.mr-error-summary').text(), /فرم کهنه است/)
    assert.equal($(`input[name="${FORM_ONCE_FIELD}"]`).length, 1, 'the form comes back with one')
  })

  it('shows the agency list with the new indicator, and not to another agency', async () => {
    const $ = await checkedPage(await a.get('/admin/indicators'))
    assert.match($('#specific-indicators').text(), /درصد پروانه‌های صادرشده در مهلت/)
    assert.equal($('#propose-indicator').length, 1)
    const o = await signedIn(t, otherAdmin)
    assert.equal((await o.get(`/admin/indicators/${code}`)).status, 403)
    const theirs = await checkedPage(await o.get('/admin/indicators'))
    assert.doesNotMatch(theirs('body').text(), /درصد پروانه‌های صادرشده در مهلت/)
  })
})

describe('editing a proposal', () => {
  it('opens the edit form filled from the draft, with its revision', async () => {
    const $ = await checkedPage(await a.get(`/admin/indicators/${code}/edit`))
    const fields = formFields($, '#definition-form')
    assert.equal(fields.nameFa, 'درصد پروانه‌های صادرشده در مهلت')
    assert.equal(fields.targets, '۱۴۰۵: ۶۰، ۸۰')
    assert.equal(fields.maxAgeDays, '۱۲۰')
    assert.equal(fields.scopeServiceIds, ownService.id)
    assert.equal(fields.revision, '1')
  })

  it('answers a stale save with 409, showing the difference and keeping what was typed', async () => {
    const { versions } = await indicatorRow(code)
    const id = versions[0]?.id ?? ''
    const $edit = await checkedPage(await a.get(`/admin/indicators/${code}/edit`))
    const stale = formFields($edit, '#definition-form')
    // Someone else saves first…
    const first = await postForm(a, `/admin/indicators/${code}/versions/${id}`, {
      ...stale,
      limitations: 'پروانه‌های تمدیدی شمرده نمی‌شوند.',
    })
    assert.equal(first.status, 303)
    // …so the form loaded before it is refused.
    const text = await refused(
      t,
      a,
      `/admin/indicators/${code}/versions/${id}`,
      Object.fromEntries(
        Object.entries({ ...stale, nameFa: 'درصد پروانه‌های به‌هنگام' }).map(([k, v]) => [
          k,
          String(v),
        ]),
      ),
      409,
    )
    const $ = cheerio.load(text)
    assert.match($('h1').text(), /تغییر کرده است/)
    assert.match($('#conflict-changes').text(), /درصد پروانه‌های به‌هنگام/)
    assert.match($('#conflict-changes').text(), /پروانه‌های تمدیدی/)
    assert.equal($('#conflict-resubmit input[name=revision]').attr('value'), '2')
    // Resubmitting from the conflict page saves the person's text on top.
    const resubmit = formFields($, '#conflict-resubmit')
    const res = await postForm(a, `/admin/indicators/${code}/versions/${id}`, resubmit)
    assert.equal(res.status, 303)
    const { versions: after } = await indicatorRow(code)
    assert.equal(after[0]?.nameFa, 'درصد پروانه‌های به‌هنگام')
  })

  it('shows the agency’s editor the proposal without its buttons, and refuses their posts', async () => {
    const e = await signedIn(t, editor)
    const $ = await checkedPage(await e.get(`/admin/indicators/${code}`))
    assert.equal($('#submit-proposal').length, 0)
    assert.equal($('#edit-proposal').length, 0)
    assert.match($('#open-proposal').text(), /با مدیر دستگاه است/)
    assert.equal((await e.get(`/admin/indicators/${code}/edit`)).status, 403)
    const { versions } = await indicatorRow(code)
    await refused(
      t,
      e,
      `/admin/indicators/${code}/versions/${versions[0]?.id}/submit`,
      { revision: String(versions[0]?.revision) },
      403,
    )
  })

  it('answers bad input on the edit form with 422 and the error summary', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    const text = await refused(
      t,
      a,
      `/admin/indicators/${code}/versions/${v?.id}`,
      Object.fromEntries(
        Object.entries(
          proposal({ maxAgeDays: 'صد', revision: String(v?.revision), unit: 'percent' }),
        ).map(([k, val]) => [k, String(val)]),
      ),
      422,
    )
    assert.match(text, /href="#maxAgeDays"/)
  })
})

describe('the ladder: submit, return with a comment, amend, approve', () => {
  it('submits (303) and the centre sees it in the queue', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    const res = await postForm(a, `/admin/indicators/${code}/versions/${v?.id}/submit`, {
      revision: String(v?.revision),
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/indicators/${code}?done=submitted`)
    t.clock.advance(3 * 86_400_000)
    // Sessions end when idle; three days on, both sign in again.
    a = await signedIn(t, admin)
    sup = await signedIn(t, supervisor)
    const $ = await checkedPage(await sup.get('/admin/indicators'))
    const row = $('#approval-queue tbody tr').filter((_, tr) => $(tr).text().includes('به‌هنگام'))
    assert.equal(row.length, 1)
    assert.match(row.text(), /۳ روز/)
    assert.match(row.text(), /وزارت صفحه‌های شاخص/)
    const boardRow = (name: string) =>
      $('#deadline-board tbody tr')
        .filter((_, tr) => $(tr).find('td').first().text() === name)
        .text()
    assert.match(boardRow(agency.nameFa), /پیشنهاد در مهلت فرستاده شد/)
    // Credentials on the test clock's day: a month's deadline, three days of it gone.
    assert.match(boardRow(other.nameFa), /روز تا پایان مهلت/)
    assert.equal(boardRow(waitingAgency.nameFa), '', 'no clock, no row on the board…')
    assert.match($('#not-started').text(), new RegExp(waitingAgency.nameFa), '…but named')
    assert.match($('#deadline-summary').text(), /دستگاه در مهلت پیشنهاد داده‌اند/)
  })

  it('refuses a second submit with the old revision (409)', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    await refused(
      t,
      a,
      `/admin/indicators/${code}/versions/${v?.id}/submit`,
      { revision: String((v?.revision ?? 0) - 1) },
      409,
    )
  })

  it('lets no agency person decide', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    await refused(
      t,
      a,
      `/admin/indicators/${code}/versions/${v?.id}/decide`,
      { decision: 'approve', revision: String(v?.revision) },
      403,
    )
  })

  it('needs a comment to return, and a «تا تاریخ» not in the past (422)', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    const path = `/admin/indicators/${code}/versions/${v?.id}/decide`
    const noComment = await refused(
      t,
      sup,
      path,
      { decision: 'request_changes', comment: '', revision: String(v?.revision) },
      422,
    )
    assert.match(noComment, /href="#comment"/)
    const past = await refused(
      t,
      sup,
      path,
      {
        decision: 'request_changes',
        comment: 'مخرج را روشن کنید.',
        'untilDay-day': '۱',
        'untilDay-month': '۱',
        'untilDay-year': '۱۴۰۰',
        revision: String(v?.revision),
      },
      422,
    )
    assert.match(past, /href="#untilDay-day"/)
    assert.match(past, /مخرج را روشن کنید/, 'the comment is kept')
  })

  it('returns it with a comment and a date (303); the history shows both', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    const res = await postForm(sup, `/admin/indicators/${code}/versions/${v?.id}/decide`, {
      decision: 'request_changes',
      comment: 'مخرج را روشن کنید: پروانه‌های تمدیدی هم شمرده می‌شوند؟',
      'untilDay-day': '۱۵',
      'untilDay-month': '۱۰',
      'untilDay-year': '۱۴۰۵',
      revision: String(v?.revision),
    })
    assert.equal(res.status, 303)
    const $ = await checkedPage(await a.get(`/admin/indicators/${code}`))
    const history = $('#decision-history').text()
    assert.match(history, /درخواست اصلاح/)
    assert.match(history, /پروانه‌های تمدیدی هم شمرده/)
    assert.match(history, /۱۵ دی ۱۴۰۵/)
    assert.match(history, /کاربر مرکزی/, 'staff see who decided')
    assert.equal($('#submit-proposal').length, 1, 'the admin may amend and resubmit')
  })

  it('is approved after the amendment, by another central person than its author', async () => {
    let { versions } = await indicatorRow(code)
    let v = versions[0]
    const edit = await checkedPage(await a.get(`/admin/indicators/${code}/edit`))
    const amended = {
      ...formFields(edit, '#definition-form'),
      denominatorFa: 'همهٔ پروانه‌های صادرشده، بی‌پروانه‌های تمدیدی',
    }
    assert.equal(
      (await postForm(a, `/admin/indicators/${code}/versions/${v?.id}`, amended)).status,
      303,
    )
    ;({ versions } = await indicatorRow(code))
    v = versions[0]
    assert.equal(
      (
        await postForm(a, `/admin/indicators/${code}/versions/${v?.id}/submit`, {
          revision: String(v?.revision),
        })
      ).status,
      303,
    )
    // An anonymous visit caches the public list before the approval…
    const before = await checkedPage(await t.client().get('/indicators'))
    assert.doesNotMatch(before('body').text(), /به‌هنگام/)
    ;({ versions } = await indicatorRow(code))
    v = versions[0]
    const sup2 = await signedIn(t, supervisor2)
    const res = await postForm(sup2, `/admin/indicators/${code}/versions/${v?.id}/decide`, {
      decision: 'approve',
      comment: '',
      revision: String(v?.revision),
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/indicators/${code}?done=approved`)
    // …and the approval drops it.
    const list = await checkedPage(await t.client().get('/indicators'))
    assert.match(list(`#indicators-${agency.code}`).text(), /درصد پروانه‌های به‌هنگام/)
    assert.match(list(`#indicators-${agency.code}`).text(), /فصلی/)
  })

  it('shows the public page: definition, targets, decision dates, no staff names', async () => {
    const res = await t.client().get(`/indicators/${code}`)
    assert.equal(res.status, 200)
    assert.ok(res.headers.get('etag'), 'cacheable')
    const $ = await checkedPage(res)
    assert.equal($('h1').text(), 'درصد پروانه‌های به‌هنگام')
    assert.match($('#indicator-definition').text(), /بی‌پروانه‌های تمدیدی/)
    assert.match($('#indicator-targets').text(), new RegExp(`${toPersianDigits(1405)}.*۸۰٪`))
    const dates = $('#decision-dates').text()
    assert.match(dates, /تصویب ستاد مرکزی/)
    assert.match(dates, /وزارت صفحه‌های شاخص/)
    assert.doesNotMatch($('main').text(), /کاربر مرکزی|کاربر \d|user\d|central\d/)
  })

  it('keeps drafts and unknown codes off the public site (404)', async () => {
    assert.equal((await t.client().get('/indicators/S-NOPE-01')).status, 404)
  })

  it('starts a new version beside the approved one; the approved stays in force', async () => {
    const newVersion = `/admin/indicators/${code}/new-version`
    // Two tabs open on the indicator's page: each shows the button with its own token.
    const tab = { [FORM_ONCE_FIELD]: await onceToken(a, `/admin/indicators/${code}`) }
    const otherTab = { [FORM_ONCE_FIELD]: await onceToken(a, `/admin/indicators/${code}`) }
    await refused(t, a, newVersion, {}, 422)
    const res = await postForm(a, newVersion, tab)
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/indicators/${code}/edit`)
    const again = await postForm(a, newVersion, tab)
    assert.equal(again.status, 303, 'sent again, the button leads to the draft it started')
    assert.equal(again.headers.get('location'), `/admin/indicators/${code}/edit`)
    const $ = await checkedPage(await a.get(`/admin/indicators/${code}`))
    assert.match($('#in-force').text(), /نسخهٔ ۱/)
    assert.match($('#open-proposal').text(), /نسخهٔ ۲/)
    assert.doesNotMatch($('#versions, main').text(), /نسخهٔ ۳/, 'one new version')
    assert.equal($('#new-version').length, 0, 'one open proposal at a time')
    await refused(t, a, newVersion, otherTab, 409)
    const pub = await checkedPage(await t.client().get(`/indicators/${code}`))
    assert.match(pub('#indicator-definition').text(), /۱/)
  })

  it('withdraws the new version (303)', async () => {
    const { versions } = await indicatorRow(code)
    const v = versions[0]
    assert.equal(v?.versionNo, 2)
    const res = await postForm(a, `/admin/indicators/${code}/versions/${v?.id}/withdraw`, {
      revision: String(v?.revision),
    })
    assert.equal(res.status, 303)
    const $ = await checkedPage(await a.get(`/admin/indicators/${code}`))
    assert.equal($('#open-proposal').length, 0)
    assert.match($('#decision-history').text(), /پس‌گرفتن/)
  })

  it('answers a version of another indicator under this code with 404', async () => {
    const { versions } = await indicatorRow(code)
    await refused(
      t,
      a,
      `/admin/indicators/S-NOPE-01/versions/${versions[0]?.id}/submit`,
      { revision: '1' },
      404,
    )
  })

  it('shows the centre one agency’s indicators with ?agency=', async () => {
    const $ = await checkedPage(await sup.get(`/admin/indicators?agency=${agency.code}`))
    assert.match($('h1').text(), /وزارت صفحه‌های شاخص/)
    assert.match($('#specific-indicators').text(), /به‌هنگام/)
    assert.equal($('#propose-indicator').length, 0)
    assert.equal((await sup.get('/admin/indicators?agency=NOPE')).status, 404)
  })
})

describe('general indicators', () => {
  let general = ''

  it('are proposed by the central admin, who may not decide their own', async () => {
    const made = await proposeIndicator(t.deps, actorOf(centralAdmin, 'central_admin'), {
      kind: 'general',
      agencyId: null,
      code: 'G-PAGES-TEST',
      definition: definition({ nameFa: 'شاخص عمومی آزمون صفحه‌ها', source: 'computed' }),
    })
    general = made.indicator.code
    const c = await signedIn(t, centralAdmin)
    const v = made.version
    assert.equal(
      (
        await postForm(c, `/admin/indicators/${general}/versions/${v.id}/submit`, {
          revision: String(v.revision),
        })
      ).status,
      303,
    )
    const $ = await checkedPage(await c.get(`/admin/indicators/${general}`))
    assert.equal($('#decide-form').length, 0, 'no decide form on one’s own proposal')
    assert.match($('main').text(), /همکار دیگری در ستاد/)
    const { versions } = await indicatorRow(general)
    await refused(
      t,
      c,
      `/admin/indicators/${general}/versions/${versions[0]?.id}/decide`,
      { decision: 'approve', revision: String(versions[0]?.revision) },
      403,
    )
  })

  it('once approved, stand in every agency’s list and first on the public page', async () => {
    const { versions } = await indicatorRow(general)
    const res = await postForm(
      sup,
      `/admin/indicators/${general}/versions/${versions[0]?.id}/decide`,
      {
        decision: 'approve',
        revision: String(versions[0]?.revision),
      },
    )
    assert.equal(res.status, 303)
    const o = await signedIn(t, otherAdmin)
    const list = await checkedPage(await o.get('/admin/indicators'))
    assert.match(list('#general-indicators').text(), /شاخص عمومی آزمون صفحه‌ها/)
    const page = await checkedPage(await o.get(`/admin/indicators/${general}`))
    assert.equal(page('#new-version').length, 0, 'an agency does not change a general indicator')
    const pub = await checkedPage(await t.client().get('/indicators'))
    assert.match(pub('#general-indicators').text(), /شاخص عمومی آزمون صفحه‌ها/)
    const one = await checkedPage(await t.client().get(`/indicators/${general}`))
    assert.match(one('.mr-caption-l').text(), /ستاد مرکزی/)
    assert.match(one('#indicator-definition').text(), /محاسبه به دست پرتال/)
  })
})
