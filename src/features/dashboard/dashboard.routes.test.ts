import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { lastAuditEvent } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { refused } from '../../../test/support/forms.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { formatNumberFa } from '../../lib/fa/index.ts'
import type { Agency } from '../agencies/index.ts'

let t: TestApp
let withCredentials: Agency
let centralAdmin: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser
let agencyEditor: MadeUser
const pending: Agency[] = []

async function dashboard(client: TestClient, path = '/admin') {
  const res = await client.get(path)
  assert.equal(res.status, 200)
  return cheerio.load(await res.text())
}

const date = (day: string, month: string, year: string) => ({
  'directiveDate-day': day,
  'directiveDate-month': month,
  'directiveDate-year': year,
})

before(async () => {
  t = await createTestApp()
  withCredentials = await makeAgency(t.deps, { nameFa: 'سازمان دارای رمز' })
  // 30 agencies without credentials: two pages of 25.
  for (let i = 1; i <= 30; i++)
    pending.push(await makeAgency(t.deps, { nameFa: `اداره بی‌رمز ${i}` }))
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', withCredentials)
  agencyEditor = await makeUser(t.deps, 'agency_editor', withCredentials)
})
after(() => t.close())

describe('GET /admin', () => {
  it('sends anonymous visitors to sign in', async () => {
    const res = await t.client().get('/admin')
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/sign-in?next=%2Fadmin')
  })

  it('says plainly that the default directive deadline (1389/06/17) is long overdue', async () => {
    const $ = await dashboard(await signedIn(t, supervisor))
    assert.match($('.mr-summary-list').first().text(), /سازمان اداری و استخدامی کشور/)
    assert.match($('.mr-summary-list').first().text(), /۱۷ اسفند ۱۳۸۸/)
    assert.match($('.mr-summary-list').first().text(), /۱۷ شهریور ۱۳۸۹/)
    // 2010-09-08 → 2026-11-22 (the test clock).
    const overdue = (Date.UTC(2026, 10, 22) - Date.UTC(2010, 8, 8)) / 86_400_000
    assert.equal(
      $('#deadline-status').text(),
      `مهلت ${formatNumberFa(overdue)} روز پیش به پایان رسیده است. دستگاهی که هنوز کد و رمز ورود ندارد از مهلت بخشنامه عقب مانده است.`,
    )
    assert.equal($('form[action="/admin/directive-date"]').length, 0, 'the supervisor only reads')
  })

  it('counts agencies with and without credentials and pages the ones without', async () => {
    const client = await signedIn(t, centralAdmin)
    const $ = await dashboard(client)
    const counts = $('#credential-counts .mr-summary-list__value')
      .map((_, el) => $(el).text())
      .get()
    assert.deepEqual(counts, ['۳۱', '۱', '۳۰'])
    assert.equal($('#pending-agencies tbody tr').length, 25)
    assert.ok(!$('#pending-agencies').text().includes('سازمان دارای رمز'))
    const first = pending[0]
    assert.ok(first)
    assert.equal(
      $(`#pending-agencies a[href="/admin/agencies/${first.code}/credentials"]`).length,
      1,
    )
    const second = await dashboard(client, '/admin?page=2')
    assert.equal(second('#pending-agencies tbody tr').length, 5)
    assert.equal(second('.mr-pagination').length, 1)
  })

  it('shows the password-changed banner only when asked to', async () => {
    const client = await signedIn(t, agencyEditor)
    assert.match(
      (await dashboard(client, '/admin?changed=password'))('.mr-notification-banner').text(),
      /رمز عبور شما تغییر کرد/,
    )
    assert.equal((await dashboard(client))('.mr-notification-banner').length, 0)
  })

  it('shows agency staff their agency, role and shortcuts, not the national figures', async () => {
    const admin = await dashboard(await signedIn(t, agencyAdmin))
    assert.equal(admin(`a[href="/agencies/${withCredentials.code}"]`).length, 1)
    assert.match(admin('#main').text(), /مدیر دستگاه/)
    assert.equal(admin('#main a[href="/admin/users"]').length, 1)
    assert.equal(admin('#main a[href="/account/tokens"]').length, 1)
    assert.equal(admin('#pending-agencies').length, 0)
    const editor = await dashboard(await signedIn(t, agencyEditor))
    assert.equal(editor('#main a[href="/admin/users"]').length, 0)
    assert.equal(editor('#main a[href="/account/tokens"]').length, 1)
  })
})

describe('POST /admin/directive-date', () => {
  it('saves a Jalali date, audited, and counts the days left from the Tehran day', async () => {
    const client = await signedIn(t, centralAdmin)
    // 1405/06/01 + 6 months = 1405/12/01; the clock's Tehran day is 1405/09/01: 90 days.
    const res = await client.post('/admin/directive-date', date('۱', '۶', '۱۴۰۵'))
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/admin?changed=directive-date')
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.entityType, 'setting')
    assert.equal(event?.entityId, 'directive_date')
    assert.deepEqual(event?.before, { directiveDate: '1388/12/17' })
    assert.deepEqual(event?.after, { directiveDate: '1405/06/01' })
    const $ = await dashboard(client, '/admin?changed=directive-date')
    assert.match($('.mr-notification-banner').text(), /تاریخ بخشنامه ذخیره شد/)
    assert.equal($('#deadline-status').text(), '۹۰ روز تا پایان مهلت مانده است.')
    assert.match($('.mr-summary-list').first().text(), /۱ اسفند ۱۴۰۵/)
    assert.equal($('#directiveDate-year').attr('value'), '۱۴۰۵')

    await client.post('/admin/directive-date', date('1', '1', '1405'))
    assert.match(
      (await dashboard(client))('#deadline-status').text(),
      /^مهلت ۶۰ روز پیش به پایان رسیده است/,
    )
    await client.post('/admin/directive-date', date('1', '3', '1405'))
    assert.equal((await dashboard(client))('#deadline-status').text(), 'امروز آخرین روز مهلت است.')
  })

  it('re-renders the dashboard with 422 and Persian messages for dates that do not exist', async () => {
    const client = await signedIn(t, centralAdmin)
    const cases: [Record<string, string>, RegExp][] = [
      [date('', '6', '1405'), /تاریخ بخشنامه را کامل وارد کنید/],
      [date('31', '7', '1405'), /تاریخ بخشنامه باید یک تاریخ واقعی خورشیدی/],
      [date('1', '1', '05'), /تاریخ بخشنامه باید یک تاریخ واقعی خورشیدی/],
      [date('a', '1', '1405'), /باید عدد باشند/],
      [date('1', '1', '1200'), /میان ۱۳۵۸ و ۱۴۵۰/],
    ]
    for (const [fields, message] of cases) {
      const $ = cheerio.load(await refused(t, client, '/admin/directive-date', fields, 422))
      assert.match($('.mr-error-summary').text(), message)
      assert.equal($('.mr-error-summary a').attr('href'), '#directiveDate-day')
      assert.match($('#directiveDate-error').text(), message)
      assert.equal($('#directiveDate-day').attr('value') ?? '', fields['directiveDate-day'])
    }
  })

  it('refuses agency staff, the supervisor, anonymous requests and a missing CSRF token', async () => {
    const fields = date('1', '1', '1400')
    await refused(t, await signedIn(t, agencyAdmin), '/admin/directive-date', fields, 403)
    await refused(t, await signedIn(t, supervisor), '/admin/directive-date', fields, 403)
    await refused(t, null, '/admin/directive-date', fields, 401)
    await refused(t, await signedIn(t, centralAdmin), '/admin/directive-date', fields, 403, {
      csrf: false,
    })
  })
})

describe('POST /admin/central-body', () => {
  it('renames the central body, audited, and shows it', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.post('/admin/central-body', { centralBodyName: 'نهاد ناظر آزمايشي' })
    assert.equal(res.status, 303)
    const event = await lastAuditEvent(t.deps.db)
    assert.deepEqual(event?.after, { centralBodyName: 'نهاد ناظر آزمایشی' })
    assert.deepEqual(event?.before, { centralBodyName: 'سازمان اداری و استخدامی کشور' })
    const $ = await dashboard(client)
    assert.match($('.mr-summary-list').first().text(), /نهاد ناظر آزمایشی/)
  })

  it('re-renders with 422 for an empty name; refuses others and a missing CSRF token', async () => {
    const $ = cheerio.load(
      await refused(
        t,
        await signedIn(t, centralAdmin),
        '/admin/central-body',
        { centralBodyName: '' },
        422,
      ),
    )
    assert.match($('#centralBodyName-error').text(), /نام نهاد ناظر مرکزی را وارد کنید/)
    const fields = { centralBodyName: 'نام دیگر' }
    await refused(t, await signedIn(t, agencyAdmin), '/admin/central-body', fields, 403)
    await refused(t, await signedIn(t, supervisor), '/admin/central-body', fields, 403)
    await refused(t, null, '/admin/central-body', fields, 401)
    await refused(t, await signedIn(t, centralAdmin), '/admin/central-body', fields, 403, {
      csrf: false,
    })
  })
})

describe('the review cycle on the dashboard (issue 12)', () => {
  it('shows every agency’s services by review state to central staff and its own to an agency', async () => {
    const central = await dashboard(await signedIn(t, supervisor))
    assert.match(central('#review-counts').text(), /به‌روز/)
    assert.equal(central('a[href="/admin/reviews/agencies"]').length, 1)
    assert.equal(central('a[href="/admin/reports"]').length, 1, 'the centre reaches the reports')
    const agency = await dashboard(await signedIn(t, agencyEditor))
    assert.equal(agency('#review-counts').length, 1)
    assert.equal(agency('a[href="/admin/reports"]').length, 1, 'the agency reaches its reports')
    assert.equal(agency('a[href="/admin/feedback/settings"]').length, 0)
    assert.equal(agency('a[href="/admin/reviews/agencies"]').length, 0)
  })

  it('lets the central admin set the cycle and the warnings, audited; refuses bad values and others', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.post('/admin/review-policy', {
      cycleMonths: '۲۴',
      dueSoonDays: '60',
      dueDays: '15',
    })
    assert.equal(res.status, 303)
    const event = await lastAuditEvent(t.deps.db)
    assert.deepEqual(event?.after, { cycleMonths: 24, dueSoonDays: 60, dueDays: 15 })
    const $ = cheerio.load(
      await refused(
        t,
        client,
        '/admin/review-policy',
        { cycleMonths: '36', dueSoonDays: '10', dueDays: '30' },
        422,
      ),
    )
    assert.match($('#dueDays-error').text(), /زودتر/)
    const fields = { cycleMonths: '36', dueSoonDays: '90', dueDays: '30' }
    await refused(t, await signedIn(t, agencyAdmin), '/admin/review-policy', fields, 403)
    await refused(t, await signedIn(t, supervisor), '/admin/review-policy', fields, 403)
  })
})
