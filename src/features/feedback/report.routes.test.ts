import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm, refused } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { REVIEW_SECTIONS } from '../reviews/index.ts'
import { parseTrackingCode } from './report.model.ts'

let t: TestApp
let agency: Agency
let admin: MadeUser
let editor: MadeUser
let otherEditor: MadeUser
let supervisor: MadeUser
let serviceId: string
let slug: string
const codes = { a: '', b: '', c: '', d: '', e: '' }

/** The minimum fill time of public forms: a person takes a few seconds. */
const FILL_MS = 5_000

async function reportRow(code: string) {
  return t.deps.db
    .selectFrom('accuracyReports')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
}

/** Opens the form as a browser does, waits like a person, sends it; returns the answer. */
async function sendReport(client: TestClient, fields: Record<string, string>, section = 'fees') {
  const form = await checkedPage(await client.get(`/services/${slug}/report?section=${section}`))
  t.clock.advance(FILL_MS)
  return postForm(client, `/services/${slug}/report`, {
    ...formFields(form, 'form[action$="/report"]'),
    ...fields,
  })
}

async function submitted(res: Response): Promise<string> {
  assert.equal(res.status, 303)
  const m = /^\/reports\/([0-9A-Z]{10})\?sent=1$/.exec(res.headers.get('location') ?? '')
  assert.ok(m?.[1], `redirects to the status page: ${res.headers.get('location')}`)
  return m[1]
}

async function answer(client: TestClient, code: string, fields: Record<string, string>) {
  const row = await reportRow(code)
  return postForm(client, `/admin/reports/${row.id}/answer`, fields)
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'دستگاه گزارش‌پذیر' })
  const other = await makeAgency(t.deps, { nameFa: 'دستگاه دیگر گزارش' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  const law = await makeLaw(t.deps)
  const made = await makePublishedService(t.deps, agency, completeContent('خدمت گزارش‌شدنی', law.id))
  serviceId = made.service.id
  slug = made.slug
  // A known working calendar: no seeded holiday in these weeks, one holiday on Wednesday
  // 2026-11-25 (the test clock starts on Sunday 2026-11-22, Thursdays working).
  await t.deps.db
    .deleteFrom('holidays')
    .where('day', '>=', '2026-11-01')
    .where('day', '<=', '2027-02-28')
    .execute()
  await t.deps.db
    .insertInto('holidays')
    .values({
      day: '2026-11-25',
      title: 'تعطیل آزمایشی',
      kind: 'adhoc',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .execute()
})
after(() => t.close())

describe('a citizen reports wrong information', () => {
  it('is linked from each section of the service page, and the form starts on that section', async () => {
    const page = await checkedPage(await t.client().get(`/services/${slug}`))
    for (const s of ['description', 'documents', 'fees', 'laws'])
      assert.equal(page(`a[href="/services/${slug}/report?section=${s}"]`).length, 1, s)
    // This service states no channel: the page has no channels section, so no link to report it.
    assert.equal(page(`a[href="/services/${slug}/report?section=channels"]`).length, 0)
    assert.equal(page('#channels').length, 0)
    const form = await checkedPage(await t.client().get(`/services/${slug}/report?section=fees`))
    assert.ok(form('input[name="section"][value="fees"]').is('[checked]'))
    assert.equal(form('input[name="website"]').length, 1, 'the honeypot is on the form')
  })

  it('refuses bad input with Persian messages and stores nothing', async () => {
    const c = t.client()
    const empty = await refused(
      t,
      c,
      `/services/${slug}/report`,
      { section: 'fees', whatWrong: '' },
      422,
    )
    assert.ok(empty.includes('بنویسید چه چیزی نادرست است'))
    const section = await refused(
      t,
      c,
      `/services/${slug}/report`,
      { section: 'nope', whatWrong: 'قیمت غلط است' },
      422,
    )
    assert.ok(section.includes('بخشی از صفحه را که نادرست است انتخاب کنید'))
    for (const contact of ['0912', '۰۸۱۲۱۲۳۴۵۶۷', 'name@', 'نام@مثال']) {
      const text = await refused(
        t,
        c,
        `/services/${slug}/report`,
        { section: 'fees', whatWrong: 'هزینه غلط است', contact },
        422,
      )
      assert.ok(text.includes('شمارهٔ همراه'), contact)
    }
    const long = await refused(
      t,
      c,
      `/services/${slug}/report`,
      { section: 'fees', whatWrong: 'ا'.repeat(4001) },
      422,
    )
    assert.ok(long.includes('حداکثر ۴۰۰۰ نویسه'))
    assert.equal((await t.client().get('/services/no-such-service/report')).status, 404)
  })

  it('drops a bot that fills the honeypot, telling it nothing', async () => {
    const res = await sendReport(t.client(), {
      whatWrong: 'ربات پر کرده است',
      website: 'http://spam',
    })
    assert.equal(res.status, 200)
    const page = await checkedPage(res)
    assert.equal(page('#report-received').length, 1)
    assert.equal((await t.deps.db.selectFrom('accuracyReports').select('id').execute()).length, 0)
  })

  it('gives a tracking code, a due date 15 working days ahead on the working calendar, and tells the agency', async () => {
    const res = await sendReport(t.client(), {
      section: 'fees',
      whatWrong: 'هزینه <script>alert(1)</script> ۵۰ هزار تومان است نه ۳۰',
      whatRight: '۵۰ هزار تومان',
      contact: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
    })
    codes.a = await submitted(res)
    assert.equal(codes.a.length, 10)
    assert.ok(!/[ILOU]/.test(codes.a), 'Crockford alphabet: no I, L, O or U')
    const row = await reportRow(codes.a)
    // Sunday 22 Nov: 15 working days, skipping Fridays and the holiday on Wednesday 25 Nov.
    assert.equal(row.dueOn, '2026-12-10')
    assert.equal(row.contactMobile, '09121234567', 'Persian digits and spaces accepted')
    assert.equal(row.state, 'received')
    const inbox = await t.deps.db
      .selectFrom('notifications')
      .select('userId')
      .where('kind', '=', 'feedback.report')
      .execute()
    assert.deepEqual(new Set(inbox.map((n) => n.userId)), new Set([admin.userId, editor.userId]))
  })

  it('shows the state on the public page, with the script escaped and never the contact', async () => {
    const res = await t.client().get(`/reports/${codes.a}?sent=1`)
    assert.equal(res.status, 200)
    const text = await res.text()
    assert.ok(!text.includes('<script>alert(1)'), 'script not echoed raw')
    assert.ok(text.includes('&lt;script&gt;'), 'script shown as text')
    assert.ok(!text.includes('09121234567') && !text.includes('۰۹۱۲'), 'contact never shown')
    const page = await checkedPage(new Response(text))
    assert.ok(
      page('#report-received')
        .text()
        .includes(`${codes.a.slice(0, 3)}-${codes.a.slice(3, 6)}-`),
    )
    assert.ok(page('#report-state').text().includes('در انتظار پاسخ'))
    // A code typed in lower case with dashes finds the same report.
    const typed = `${codes.a.slice(0, 3)}-${codes.a.slice(3)}`.toLowerCase()
    assert.equal(parseTrackingCode(typed), codes.a)
    const lookup = await t.client().get(`/reports?code=${encodeURIComponent(typed)}`)
    assert.equal(lookup.headers.get('location'), `/reports/${codes.a}`)
    assert.equal((await t.client().get('/reports/ABCDEFGHJK')).status, 404)
  })

  it('takes more reports: e-mail contact, other sections', async () => {
    const c = t.client()
    codes.b = await submitted(
      await sendReport(
        c,
        {
          section: 'documents',
          whatWrong: 'کپی شناسنامه دیگر لازم نیست',
          contact: 'Ali@Example.ir',
        },
        'documents',
      ),
    )
    assert.equal((await reportRow(codes.b)).contactEmail, 'ali@example.ir')
    codes.c = await submitted(
      await sendReport(c, { section: 'fees', whatWrong: 'مبلغ هزینه اشتباه است' }),
    )
    codes.d = await submitted(
      await sendReport(c, { section: 'description', whatWrong: 'تبلیغ فروش' }, 'description'),
    )
    codes.e = await submitted(
      await sendReport(c, { section: 'laws', whatWrong: 'این ماده لغو شده است' }, 'laws'),
    )
  })

  it('answers GET /api/v1/reports/{code} with the public state only, and problem+json otherwise', async () => {
    const res = await t.app.request(`/api/v1/reports/${codes.a}`)
    assert.equal(res.status, 200)
    const body = (await res.json()) as Record<string, unknown>
    assert.equal(body.code, codes.a)
    assert.equal(body.state, 'received')
    assert.equal(body.dueOn, '2026-12-10')
    assert.ok(!JSON.stringify(body).includes('0912'), 'no contact in the API')
    const missing = await t.app.request('/api/v1/reports/ABCDEFGHJK')
    assert.equal(missing.status, 404)
    assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/)
    const bad = await t.app.request('/api/v1/reports/not-a-code')
    assert.equal(bad.status, 422)
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/)
    assert.ok(JSON.stringify(await bad.json()).includes('کد پیگیری'))
  })
})

describe('the agency answers', () => {
  it('lists its reports with state and age; another agency cannot see them; the centre sees all', async () => {
    const e = await signedIn(t, editor)
    const list = await checkedPage(await e.get('/admin/reports'))
    assert.equal(list('#report-list tbody tr').length, 5)
    assert.ok(list('#report-list').text().includes('خدمت گزارش‌شدنی'))
    const other = await signedIn(t, otherEditor)
    const row = await reportRow(codes.a)
    assert.equal((await other.get(`/admin/reports/${row.id}`)).status, 404)
    assert.equal((await checkedPage(await other.get('/admin/reports')))('#no-reports').length, 1)
    const central = await checkedPage(await (await signedIn(t, supervisor)).get('/admin/reports'))
    assert.ok(central('#report-list').text().includes('دستگاه گزارش‌پذیر'))
    const detail = await checkedPage(await e.get(`/admin/reports/${row.id}`))
    assert.ok(
      detail('#report-contact').text().includes('09121234567'),
      'the agency sees the contact',
    )
    const centralDetail = await checkedPage(
      await (await signedIn(t, supervisor)).get(`/admin/reports/${row.id}`),
    )
    assert.equal(centralDetail('#report-contact').length, 0)
  })

  it('accepts a report as fixed in version N (N after the current version)', async () => {
    const e = await signedIn(t, editor)
    const early = await answer(e, codes.a, { decision: 'accept', fixVersionNo: '1' })
    assert.equal(early.status, 422)
    assert.ok((await early.text()).includes('بزرگ‌تر از نسخهٔ فعلی'))
    const none = await answer(e, codes.a, {})
    assert.equal(none.status, 422)
    assert.equal((await answer(e, codes.a, { decision: 'accept', fixVersionNo: '۲' })).status, 303)
    const page = await checkedPage(await t.client().get(`/reports/${codes.a}`))
    assert.equal(page('#report-answer').text(), 'در نسخهٔ ۲ اصلاح می‌شود')
    assert.equal((await reportRow(codes.a)).contactMobile, '09121234567', 'kept while open')
    assert.equal((await answer(e, codes.a, { decision: 'spam' })).status, 409, 'answered once')
  })

  it('rejects with a reason, and the contact is deleted at once', async () => {
    const e = await signedIn(t, editor)
    const noReason = await answer(e, codes.b, { decision: 'reject', reason: '' })
    assert.equal(noReason.status, 422)
    assert.ok((await noReason.text()).includes('دلیل نپذیرفتن را بنویسید'))
    assert.equal(
      (await answer(e, codes.b, { decision: 'reject', reason: 'طبق آیین‌نامهٔ جدید هنوز لازم است' }))
        .status,
      303,
    )
    const row = await reportRow(codes.b)
    assert.equal(row.state, 'rejected')
    assert.equal(row.contactEmail, null)
    assert.ok(row.closedAt)
    const page = await checkedPage(await t.client().get(`/reports/${codes.b}`))
    assert.ok(page('#report-answer').text().includes('طبق آیین‌نامهٔ جدید هنوز لازم است'))
  })

  it('marks a duplicate of another report of the service, and spam', async () => {
    const e = await signedIn(t, editor)
    const wrong = await answer(e, codes.c, { decision: 'duplicate', duplicateOf: 'ZZZZZZZZZZ' })
    assert.equal(wrong.status, 422)
    const self = await answer(e, codes.c, { decision: 'duplicate', duplicateOf: codes.c })
    assert.equal(self.status, 422)
    const typed = `${codes.a.slice(0, 3)}-${codes.a.slice(3, 6)}-${codes.a.slice(6)}`.toLowerCase()
    assert.equal(
      (await answer(e, codes.c, { decision: 'duplicate', duplicateOf: typed })).status,
      303,
    )
    const dup = await checkedPage(await t.client().get(`/reports/${codes.c}`))
    assert.ok(dup('#report-answer').text().includes(codes.a.slice(0, 3)))
    assert.equal((await answer(e, codes.d, { decision: 'spam' })).status, 303)
    const api = (await (await t.app.request(`/api/v1/reports/${codes.d}`)).json()) as {
      state: string
    }
    assert.equal(api.state, 'spam')
  })
})

describe('the review lock and the fix', () => {
  function unchanged() {
    return Object.fromEntries(
      REVIEW_SECTIONS.flatMap((s) => [
        [`${s}-answer`, 'unchanged'],
        [`${s}-note`, ''],
      ]),
    )
  }

  it('refuses «بدون تغییر» while an accepted report on a section is open, naming the section', async () => {
    const a = await signedIn(t, admin)
    assert.equal((await postForm(a, `/admin/reviews/services/${serviceId}/open`, {})).status, 303)
    let page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    assert.ok(
      page('#section-fees').text().includes(codes.a.slice(0, 3)),
      'facts list the open report',
    )
    assert.ok(page('#section-fees').text().includes('در نسخهٔ ۲ اصلاح می‌شود'))
    assert.ok(
      page('#section-laws').text().includes(codes.e.slice(0, 3)),
      'unanswered reports listed too',
    )
    const action = page('form[action$="/answers"]').attr('action') ?? ''
    const fields = formFields(page, 'form[action$="/answers"]')
    assert.equal((await postForm(a, action, { ...fields, ...unchanged() })).status, 303)
    page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const revision = String(formFields(page, 'form[action$="/sign-off"]').revision)
    const res = await postForm(a, action.replace('/answers', '/sign-off'), { revision })
    assert.equal(res.status, 422)
    const refusedPage = await checkedPage(res)
    const summary = refusedPage('.mr-error-summary').text()
    assert.ok(summary.includes('«هزینه‌ها»'), summary)
    assert.ok(summary.includes('پذیرفته‌شده'))
    const review = await t.deps.db
      .selectFrom('serviceReviews')
      .select('status')
      .where('serviceId', '=', serviceId)
      .executeTakeFirstOrThrow()
    assert.equal(review.status, 'open')
  })

  it('lists unanswered reports past their due day as overdue, for the agency and the centre', async () => {
    t.clock.set(new Date('2026-12-11T08:00:00Z'))
    const e = await signedIn(t, editor)
    const list = await checkedPage(await e.get('/admin/reports?overdue=1'))
    const text = list('#report-list').text()
    assert.equal(list('#report-list tbody tr').length, 1)
    assert.ok(text.includes(codes.e.slice(0, 3)), 'the unanswered report is overdue')
    assert.ok(!text.includes(codes.a.slice(0, 3)), 'an answered report is not')
    assert.ok(list('#report-filters').text().includes('گذشته از موعد پاسخ (۱)'))
    const central = await checkedPage(
      await (await signedIn(t, supervisor)).get('/admin/reports?overdue=1'),
    )
    assert.equal(central('#report-list tbody tr').length, 1)
    assert.ok(central('#report-list').text().includes('دستگاه گزارش‌پذیر'))
  })

  it('reads as fixed once version N is published, closes on the next write, and lets the review sign off', async () => {
    const a = await signedIn(t, admin)
    assert.equal((await postForm(a, `/admin/services/${serviceId}/draft`, {})).status, 303)
    const published = await postForm(a, `/admin/services/${serviceId}/publish`, {
      changeNote: 'اصلاح هزینه',
    })
    assert.equal(published.status, 303)
    // At once: the public page and the API read the fix (the publish command knows nothing of it).
    const page = await checkedPage(await t.client().get(`/reports/${codes.a}`))
    assert.ok(page('#report-state').text().includes('اصلاح شد'))
    assert.equal(page('#report-answer').text(), 'در نسخهٔ ۲ اصلاح شد')
    const api = (await (await t.app.request(`/api/v1/reports/${codes.a}`)).json()) as {
      state: string
    }
    assert.equal(api.state, 'fixed')
    const fixedList = await checkedPage(
      await (await signedIn(t, editor)).get('/admin/reports?state=fixed'),
    )
    assert.equal(
      fixedList('#report-list tbody tr').length,
      1,
      'listed as fixed before it is closed',
    )
    assert.ok(fixedList('#report-filters').text().includes('اصلاح شد (۱)'))
    // The next report write records it and deletes the contact.
    await submitted(
      await sendReport(
        t.client(),
        { section: 'process', whatWrong: 'زمان مرحله دوم غلط است' },
        'process',
      ),
    )
    const row = await reportRow(codes.a)
    assert.equal(row.state, 'fixed')
    assert.equal(row.contactMobile, null)
    assert.ok(row.closedAt)
    // The lock is gone: the review signs off unchanged.
    const review = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const revision = String(formFields(review, 'form[action$="/sign-off"]').revision)
    const action = review('form[action$="/sign-off"]').attr('action') ?? ''
    assert.equal((await postForm(a, action, { revision })).status, 303)
  })
})

describe('a review that publishes the fix', () => {
  it('closes the accepted report at once and deletes its contact', async () => {
    const code = await submitted(
      await sendReport(
        t.client(),
        {
          section: 'documents',
          whatWrong: 'گواهی عدم سوء پیشینه دیگر لازم نیست',
          contact: 'x@example.ir',
        },
        'documents',
      ),
    )
    const e = await signedIn(t, editor)
    assert.equal((await answer(e, code, { decision: 'accept', fixVersionNo: '3' })).status, 303)
    const a = await signedIn(t, admin)
    assert.equal((await postForm(a, `/admin/reviews/services/${serviceId}/open`, {})).status, 303)
    assert.equal((await postForm(a, `/admin/services/${serviceId}/draft`, {})).status, 303)
    let page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const action = page('form[action$="/answers"]').attr('action') ?? ''
    const answers = Object.fromEntries(
      REVIEW_SECTIONS.flatMap((s) => [
        [`${s}-answer`, s === 'documents' ? 'change_needed' : 'unchanged'],
        [`${s}-note`, ''],
      ]),
    )
    const fields = formFields(page, 'form[action$="/answers"]')
    assert.equal((await postForm(a, action, { ...fields, ...answers })).status, 303)
    page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const revision = String(formFields(page, 'form[action$="/publish"]').revision)
    const res = await postForm(a, action.replace('/answers', '/publish'), {
      revision,
      changeNote: 'حذف گواهی از مدارک',
    })
    assert.equal(res.status, 303)
    const row = await reportRow(code)
    assert.equal(row.state, 'fixed', 'closed in the publishing transaction')
    assert.equal(row.contactEmail, null)
    const fixed = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'accuracy-report')
      .where('entityId', '=', row.id)
      .execute()
    assert.deepEqual(fixed.map((f) => f.action).sort(), ['answer', 'fixed', 'submit'])
  })
})
