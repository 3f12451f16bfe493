import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { createApiToken } from '../../src/features/accounts/index.ts'
import { REPORT_STATE_LABELS, runFeedbackUpkeep } from '../../src/features/feedback/index.ts'
import { toPersianDigits } from '../../src/lib/fa/index.ts'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import {
  assertNoAxeViolations as axe,
  errorSummaryText,
  inContext,
  staffAccount,
  submitForm,
  textOf,
} from './support/steps.ts'

/**
 * What citizens say (issue 13) end to end, in a real browser over the demo data: a citizen
 * with JavaScript turned off follows «اطلاعات این بخش نادرست است؟» from a section of a
 * published service page, reports it and gets a tracking code; the agency accepts the report
 * as to be fixed in the next version, fixes the card in a new draft and publishes it, and the
 * public status page says «اصلاح شد» in that version. Every new feedback page (the service
 * page with its helpful widget and figures, the helpful follow-up, the report form and its
 * error state, the status and lookup pages, the rating form of a real transaction with its
 * error state and thanks, the staff report list and report page, the agency and central
 * dashboards and the minimum-n settings) has one h1, no axe violation and no sideways scroll
 * at 375 px.
 */
describe('feedback in the browser: a report of wrong information, fixed; every feedback page', () => {
  const e2e = useE2e()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const path = (page: Page) => new URL(page.url()).pathname
  const { signIn, signOut } = demoSessions(url)
  const editor = () => staffAccount(e2e().server.accounts, 'کارشناس دستگاه')
  const admin = () => staffAccount(e2e().server.accounts, 'مدیر دستگاه')
  const central = () => e2e().server.account('demo-admin')
  const supervisor = () => e2e().server.account('demo-supervisor')

  /** The public forms' minimum fill time is 3 s (abuse.model.ts): a person takes longer. */
  const FILL_MS = 3_500
  const WHAT_WRONG = 'در شرح خدمت نوشته شده که مراجعهٔ حضوری لازم نیست، اما دفتر آن را خواست.'
  const WHAT_RIGHT = 'یک بار مراجعهٔ حضوری به دفتر پیشخوان لازم است.'
  const FIX = 'برای این خدمت یک بار مراجعهٔ حضوری به دفتر پیشخوان خدمات دولت لازم است.'

  /** State the steps pass on (they run in order). */
  const s = { serviceId: '', slug: '', code: '', reportId: '', fixedIn: 0 }

  /** The page's sideways overflow in px (a string, so the test needs no DOM types). */
  const overflow = async (page: Page) =>
    Number(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    )

  /**
   * One h1, no axe violation at desktop width, and no sideways scroll at 375 px (the viewport
   * is put back afterwards; `shot` names a screenshot taken at 375 px). Every page the test
   * passes through is checked with this.
   */
  async function checkPage(page: Page, what: string, shot?: string): Promise<void> {
    assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${what} (${page.url()})`)
    await axe(page, what)
    const size = page.viewportSize()
    await page.setViewportSize({ width: 375, height: 800 })
    const sideways = await overflow(page)
    assert.ok(sideways <= 0, `${what} fits 375 px (overflow ${sideways} px, ${page.url()})`)
    if (shot) await screenshot(page, `${shot}-375`)
    if (size) await page.setViewportSize(size)
  }

  /** Clicks a form's submit button and waits for the answer, which may refuse the form. */
  async function submitExpectingErrors(page: Page, form: string): Promise<string> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator(`${form} button[type=submit]`).first().click(),
    ])
    assert.equal(response.status(), 422, `POST ${response.url()} refuses the form`)
    return errorSummaryText(page)
  }

  it('a citizen without JavaScript reports wrong information from a section and gets a tracking code', {
    skip,
    timeout: 120_000,
  }, async () => {
    const { server, browser } = e2e()
    // A published service of the demo staff's agency without a draft: the fix starts one.
    const agencyCode = editor().agencyCode
    assert.ok(agencyCode)
    const candidates = await server.deps.db
      .selectFrom('services')
      .innerJoin('agencies', 'agencies.id', 'services.agencyId')
      .innerJoin('serviceVersions', 'serviceVersions.serviceId', 'services.id')
      .select(['services.id', 'services.slug'])
      .where('agencies.code', '=', agencyCode)
      .where('services.withdrawnAt', 'is', null)
      .where('serviceVersions.status', '=', 'published')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('serviceVersions as d')
              .select('d.id')
              .whereRef('d.serviceId', '=', 'services.id')
              .where('d.status', '=', 'draft'),
          ),
        ),
      )
      .orderBy('services.slug')
      .execute()
    const chosen = candidates[0]
    assert.ok(chosen, 'the demo agency has a published service without a draft')
    s.serviceId = chosen.id
    s.slug = chosen.slug

    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'fa-IR',
      viewport: { width: 1280, height: 900 },
    })
    try {
      const page = await context.newPage()
      await page.goto(url(`/services/${s.slug}`))
      const link = page.locator(`a[href="/services/${s.slug}/report?section=description"]`)
      assert.equal(await link.count(), 1, 'the description section links to the report form')
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/services/${s.slug}/report`),
        link.click(),
      ])
      assert.ok(
        await page.locator('input[name=section][value=description]').isChecked(),
        'the form starts on the section the link came from',
      )
      const form = `form[action="/services/${s.slug}/report"]`

      // Sent empty: the error summary, and the section is still chosen.
      const errors = await submitExpectingErrors(page, form)
      assert.match(errors, /بنویسید چه چیزی نادرست است/, errors)
      assert.ok(await page.locator('input[name=section][value=description]').isChecked())

      // Filled in like a person: what is wrong, what is right, a mobile in Persian digits.
      await page.locator('#whatWrong').fill(WHAT_WRONG)
      await page.locator('#whatRight').fill(WHAT_RIGHT)
      await page.locator('#contact').fill('۰۹۱۲ ۳۴۵ ۶۷۸۹')
      await page.waitForTimeout(FILL_MS)
      await submitForm(page, form)

      const m = /^\/reports\/([0-9A-Z]{10})$/.exec(path(page))
      assert.ok(m?.[1], `the status page of the new report opens: ${page.url()}`)
      s.code = m[1]
      const received = await textOf(page, '#report-received')
      assert.ok(
        received.includes(`${s.code.slice(0, 3)}-${s.code.slice(3, 6)}-${s.code.slice(6)}`),
        `the tracking code is shown: ${received}`,
      )
      assert.equal(await textOf(page, '#report-state'), REPORT_STATE_LABELS.received)
      assert.equal(await textOf(page, '#report-what-wrong'), WHAT_WRONG)
      const main = await textOf(page, 'main')
      assert.ok(!/۶۷۸۹|6789/.test(main), 'the contact is never shown')

      // The status page again later, by the code alone.
      await page.goto(url(`/reports/${s.code}`))
      assert.equal(await page.locator('#report-received').count(), 0)
      assert.equal(await textOf(page, '#report-state'), REPORT_STATE_LABELS.received)
      await screenshot(page, 'feedback-report-received')
    } finally {
      await context.close()
    }
    const row = await server.deps.db
      .selectFrom('accuracyReports')
      .select(['id', 'state', 'contactMobile', 'section'])
      .where('code', '=', s.code)
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      { state: row.state, contactMobile: row.contactMobile, section: row.section },
      { state: 'received', contactMobile: '09123456789', section: 'description' },
    )
    s.reportId = row.id
  })

  it('the agency accepts it, fixes the card in the next version, and the status page says fixed', {
    skip,
    timeout: 240_000,
  }, async () => {
    assert.ok(s.code, 'the citizen sent a report')
    const { server, newContext } = e2e()
    const current = await server.deps.db
      .selectFrom('serviceVersions')
      .select('versionNo')
      .where('serviceId', '=', s.serviceId)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow()
    s.fixedIn = current.versionNo + 1

    await inContext(newContext, async (page) => {
      await signIn(page, editor())
      // The inbox tells the agency, and the report list has it.
      await page.goto(url('/inbox'))
      assert.equal(
        await page.locator(`main a[href="/admin/reports/${s.reportId}"]`).count(),
        1,
        'the editor’s inbox links to the new report',
      )
      await page.goto(url('/admin/reports'))
      await checkPage(page, 'the agency’s report list')
      const open = page.locator(`#report-list a[href="/admin/reports/${s.reportId}"]`)
      assert.equal(await open.count(), 1, 'the new report is listed')
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/admin/reports/${s.reportId}`),
        open.click(),
      ])
      assert.ok((await textOf(page, '#report-contact')).includes('09123456789'))
      await checkPage(page, 'the report page with the answer form', 'feedback-report-answer')

      // Accepted as to be fixed in the next version (the form proposes it).
      const answer = `form[action="/admin/reports/${s.reportId}/answer"]`
      assert.match(await submitExpectingErrors(page, answer), /یکی از پاسخ‌ها را انتخاب کنید/)
      await checkPage(page, 'the report page with an error summary')
      await page.locator('input[name=decision][value=accept]').check()
      assert.equal(
        await page.locator('#fixVersionNo').inputValue(),
        toPersianDigits(s.fixedIn),
        'the next version is proposed',
      )
      await submitForm(page, answer)
      assert.equal(await textOf(page, '#report-state'), REPORT_STATE_LABELS.accepted)
      assert.equal(
        await textOf(page, '#report-answer'),
        `در نسخهٔ ${toPersianDigits(s.fixedIn)} اصلاح می‌شود`,
      )
      assert.equal(await page.locator(answer).count(), 0, 'answered once')
      await checkPage(page, 'the answered report page')

      // The fix: a new draft whose description says what the citizen said.
      await page.goto(url(`/admin/services/${s.serviceId}`))
      await submitForm(page, `form[action="/admin/services/${s.serviceId}/draft"]`)
      await page.goto(url(`/admin/services/${s.serviceId}/edit/basics`))
      const description = page.locator('textarea[name=description]')
      await description.fill(`${await description.inputValue()}\n${FIX}`)
      await submitForm(page, `form[action="/admin/services/${s.serviceId}/edit/basics"]`)
      await signOut(page)
    })

    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url(`/admin/services/${s.serviceId}`))
      await page.locator('textarea[name=changeNote]').fill('اصلاح شرح خدمت بنا بر گزارش یک شهروند.')
      await submitForm(page, `form[action="/admin/services/${s.serviceId}/publish"]`)
      assert.ok((await textOf(page, '#service-status')).includes('منتشرشده'))
      await page.goto(url(`/admin/reports?state=fixed`))
      assert.equal(
        await page.locator(`#report-list a[href="/admin/reports/${s.reportId}"]`).count(),
        1,
        'the report is listed as fixed',
      )
      await checkPage(page, 'the report list filtered to fixed')
      await signOut(page)
    })

    const published = await server.deps.db
      .selectFrom('serviceVersions')
      .select('versionNo')
      .where('serviceId', '=', s.serviceId)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow()
    assert.equal(published.versionNo, s.fixedIn, 'the fix is the version the answer named')

    // The citizen, still without JavaScript, sees the report fixed in that version.
    const context = await e2e().browser.newContext({ javaScriptEnabled: false, locale: 'fa-IR' })
    try {
      const page = await context.newPage()
      await page.goto(url(`/reports/${s.code}`))
      assert.equal(await textOf(page, '#report-state'), REPORT_STATE_LABELS.fixed)
      assert.equal(
        await textOf(page, '#report-answer'),
        `در نسخهٔ ${toPersianDigits(s.fixedIn)} اصلاح شد`,
      )
      await page.goto(url(`/services/${s.slug}`))
      assert.ok((await textOf(page, 'main')).includes(FIX), 'the public page has the fix')
      await screenshot(page, 'feedback-report-fixed')
    } finally {
      await context.close()
    }
    // The page says so at once; the stored report is closed and its contact deleted by the
    // feedback upkeep (the publish command knows nothing of reports), run here as the job does.
    await runFeedbackUpkeep(server.deps)
    const row = await server.deps.db
      .selectFrom('accuracyReports')
      .select(['state', 'contactMobile'])
      .where('id', '=', s.reportId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { state: 'fixed', contactMobile: null }, 'closed, the contact deleted')
  })

  it('the public feedback pages: one h1, no axe violation, no sideways scroll at 375 px', {
    skip,
    timeout: 240_000,
  }, async () => {
    assert.ok(s.code, 'the citizen sent a report')
    const { server, newContext } = e2e()

    // A real completed transaction, posted by the agency's system with its API token.
    const { secret } = await createApiToken(server.deps, null, editor().userId, 'e2e feedback')
    const posted = await fetch(url('/api/v1/transactions'), {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: s.serviceId,
        trackingCode: 'E2E-FEEDBACK-0001',
        channel: 'online',
        startedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        completedAt: new Date(Date.now() - 3_600_000).toISOString(),
        outcome: 'approved',
      }),
    })
    const body = (await posted.json()) as { ratingUrl?: string }
    assert.equal(posted.status, 201, JSON.stringify(body))
    assert.ok(body.ratingUrl, 'a completed transaction gets a rating link')
    const ratingPath = new URL(body.ratingUrl).pathname

    await inContext(newContext, async (page) => {
      // The service page with the widget, its figure and the «در عمل» figures.
      await page.goto(url(`/services/${s.slug}`))
      assert.equal(await page.locator('#helpful form').count(), 1, 'the helpful widget')
      assert.match(
        await textOf(page, '#helpful-figure'),
        /\(n = [۰-۹٬]+\)|هنوز دادهٔ کافی نیست \([۰-۹٬]+ پاسخ/,
        'the helpful figure with its n, or not enough data',
      )
      assert.equal(await page.locator('#in-practice').count(), 1, 'the in-practice figures')
      await checkPage(page, 'the service page with the feedback widgets', 'feedback-service-page')

      // «خیر» leads to the follow-up question; sent empty it says what is missing.
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/services/${s.slug}/helpful/more`),
        page.locator('#helpful button[value=no]').click(),
      ])
      await checkPage(page, 'the helpful follow-up')
      const followUp = `form[action^="/services/${s.slug}/helpful/more"]`
      assert.notEqual(await submitExpectingErrors(page, followUp), '')
      await checkPage(page, 'the helpful follow-up with an error summary', 'feedback-helpful-more')
      await page.locator('#missing').fill('نشانی دفترها کامل نیست.')
      await page.waitForTimeout(FILL_MS)
      await submitForm(page, followUp)
      assert.equal(path(page), `/services/${s.slug}/helpful`)
      await checkPage(page, 'the helpful thanks page')
      await page.goto(url(`/services/${s.slug}/helpful`))
      await checkPage(page, 'the helpful question as its own page')

      // The report form, its error state, the status and lookup pages.
      await page.goto(url(`/services/${s.slug}/report?section=fees`))
      await checkPage(page, 'the report form')
      await submitExpectingErrors(page, `form[action="/services/${s.slug}/report"]`)
      await checkPage(page, 'the report form with an error summary', 'feedback-report-form-errors')
      await page.goto(url(`/reports/${s.code}?sent=1`))
      await checkPage(page, 'the report status page just after sending')
      await page.goto(url(`/reports/${s.code}`))
      await checkPage(page, 'the report status page')
      await page.goto(url('/reports'))
      await checkPage(page, 'the report lookup page')
      await page.locator('#code').fill('نه-یک-کد')
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/reports'),
        page.locator('form[action="/reports"] button').click(),
      ])
      await page.waitForLoadState('load')
      assert.match(await errorSummaryText(page), /گزارشی با این کد پیدا نشد/)
      await checkPage(page, 'the report lookup page with an error summary')

      // The rating form, its error state and its thanks.
      await page.goto(url(ratingPath))
      await checkPage(page, 'the rating form')
      const rating = `form[action="${ratingPath}"]`
      assert.notEqual(await submitExpectingErrors(page, rating), '')
      await checkPage(page, 'the rating form with an error summary', 'feedback-rating-form-errors')
      await page.locator('input[name=overall][value="4"]').check()
      await page.locator('input[name=clarity][value="5"]').check()
      await page.locator('textarea[name=comment]').fill('کارمند باجه خوش‌برخورد بود.')
      await page.waitForTimeout(FILL_MS)
      await submitForm(page, rating)
      assert.equal(await page.locator('.mr-panel').count(), 1, 'the thanks panel')
      await checkPage(page, 'the rating thanks page')
      await screenshot(page, 'feedback-rating-thanks')

      // The link again (used), and a forged one.
      assert.equal((await page.goto(url(ratingPath)))?.status(), 409)
      await checkPage(page, 'a used rating link')
      const forged = `${ratingPath.slice(0, -1)}${ratingPath.endsWith('A') ? 'B' : 'A'}`
      assert.equal((await page.goto(url(forged)))?.status(), 404)
      await checkPage(page, 'a forged rating link')
    })
  })

  it('the staff feedback pages: agency and central dashboards, reports, settings', {
    skip,
    timeout: 240_000,
  }, async () => {
    const { server, newContext } = e2e()
    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url('/admin/feedback'))
      await checkPage(page, 'the agency’s feedback dashboard')
      await screenshot(page, 'feedback-agency-dashboard')
      await page.goto(url('/admin/reports?overdue=1'))
      await checkPage(page, 'the agency’s overdue reports')
      await page.goto(url(`/admin/reports/${s.reportId}`))
      await checkPage(page, 'a fixed report for the agency')
      await screenshot(page, 'feedback-report-staff')
      await signOut(page)
    })
    await inContext(newContext, async (page) => {
      await signIn(page, supervisor())
      await page.goto(url('/admin/reports'))
      await checkPage(page, 'every agency’s reports')
      await signOut(page)
    })
    const agencyId = (
      await server.deps.db
        .selectFrom('services')
        .select('agencyId')
        .where('id', '=', s.serviceId)
        .executeTakeFirstOrThrow()
    ).agencyId
    await inContext(newContext, async (page) => {
      await signIn(page, central())
      await page.goto(url('/admin/feedback'))
      await checkPage(page, 'the central feedback dashboard')
      await screenshot(page, 'feedback-central-dashboard')
      await page.goto(url(`/admin/feedback/agencies/${agencyId}`))
      await checkPage(page, 'one agency’s dashboard seen by the centre')
      await page.goto(url('/admin/feedback/settings'))
      await checkPage(page, 'the minimum-n settings')
      const settings = 'form[action="/admin/feedback/settings"]'
      await page.locator('input[name=feedbackMinN]').fill('صفر')
      assert.notEqual(await submitExpectingErrors(page, settings), '')
      await checkPage(page, 'the minimum-n settings with an error summary')
      await page.locator('input[name=feedbackMinN]').fill('۳۰')
      await submitForm(page, settings)
      await checkPage(page, 'the minimum-n settings, saved')
    })
  })
})
