import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { REVIEW_SECTIONS } from '../../src/features/reviews/index.ts'
import { reviewDueAt } from '../../src/features/services/index.ts'
import { loadPortalSettings } from '../../src/features/settings/index.ts'
import { formatDateFa } from '../../src/lib/fa/index.ts'
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
 * The three-year review end to end (issue 12), in a real browser over the demo data: an agency
 * editor opens the review of a service that is due soon and answers it section by section (a
 * refused save shows the error summary), the agency admin signs it off «بدون تغییر», and the
 * public page shows the new «آخرین بازبینی» and «بازبینی بعدی» dates in Jalali. axe finds
 * nothing on the review list, the review page and the central audit page; at 375 px the
 * review page does not scroll sideways.
 */
describe('the three-year review in the browser', () => {
  const e2e = useE2e()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const { signIn, signOut } = demoSessions(url)
  const editor = () => staffAccount(e2e().server.accounts, 'کارشناس دستگاه')
  const admin = () => staffAccount(e2e().server.accounts, 'مدیر دستگاه')
  const supervisor = () => e2e().server.account('demo-supervisor')

  /** axe finds nothing, and the page has its one heading (axe's WCAG tags leave that out). */
  const assertNoAxeViolations = async (page: Page, what: string) => {
    assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${what}`)
    await axe(page, what)
  }

  /** The page's sideways overflow in px (a string, so the test needs no DOM types). */
  const overflow = async (page: Page) =>
    Number(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    )

  it('an editor answers section by section, the admin signs off, the public page shows the dates', {
    skip,
    timeout: 240_000,
  }, async () => {
    const { server, newContext } = e2e()
    let serviceId = ''
    let reviewPath = ''
    let publicPath = ''
    let datesBefore = ''

    await inContext(newContext, async (page) => {
      await signIn(page, editor())

      // The agency's list, filtered to the services due soon (the demo has some).
      await page.goto(url('/admin/reviews?state=due_soon'))
      await assertNoAxeViolations(page, 'the review list')
      const row = page
        .locator('#review-list tbody tr')
        .filter({ hasNotText: 'بازبینی باز' })
        .first()
      const href = await row.locator('a[href^="/admin/reviews/services/"]').getAttribute('href')
      assert.ok(href, 'a service due soon without an open review')
      reviewPath = href
      serviceId = href.split('/').at(-1) ?? ''
      const service = await server.deps.db
        .selectFrom('services')
        .select(['slug', 'lastReviewedAt'])
        .where('id', '=', serviceId)
        .executeTakeFirstOrThrow()
      publicPath = `/services/${service.slug}`

      await page.goto(url(publicPath))
      datesBefore = await textOf(page, '#review-dates')

      await page.goto(url(reviewPath))
      await assertNoAxeViolations(page, 'the review page before the review opens')
      await submitForm(page, `form[action="/admin/reviews/services/${serviceId}/open"]`)
      const answers = 'form[action$="/answers"]'
      assert.equal(await page.locator(answers).count(), 1, 'the review is open')

      // The first half of the sections, saved…
      const half = REVIEW_SECTIONS.slice(0, 4)
      for (const s of half)
        await page.locator(`input[name="${s}-answer"][value="unchanged"]`).check()
      await page.locator('#laws-note').fill('قوانین استنادی با متن جاری سنجیده شد.')
      await submitForm(page, answers)
      for (const s of half)
        assert.ok(
          await page.locator(`input[name="${s}-answer"][value="unchanged"]`).isChecked(),
          `${s} stays answered after the save`,
        )

      // …a note that is too long is refused with an error summary, nothing lost…
      await page.locator('input[name="fees-answer"][value="unchanged"]').check()
      await page.locator('#fees-note').fill('ی'.repeat(2001))
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator(`${answers} button[type=submit]`).click(),
      ])
      await page.waitForLoadState('load')
      const summary = await errorSummaryText(page)
      assert.match(summary, /۲۰۰۰/, `the error summary names the limit: ${summary}`)
      assert.equal(
        await page.locator('.mr-error-summary a[href="#fees-note"]').count(),
        1,
        'the summary links to the note',
      )
      assert.ok(await page.locator('input[name="fees-answer"][value="unchanged"]').isChecked())
      await assertNoAxeViolations(page, 'the review page with an error summary')

      // …then the rest of the sections.
      await page.locator('#fees-note').fill('')
      for (const s of REVIEW_SECTIONS.slice(4))
        await page.locator(`input[name="${s}-answer"][value="unchanged"]`).check()
      await submitForm(page, answers)
      for (const s of REVIEW_SECTIONS)
        assert.ok(
          await page.locator(`input[name="${s}-answer"][value="unchanged"]`).isChecked(),
          `${s} answered`,
        )
      assert.match(await textOf(page, 'body'), /تأیید پایانی بازبینی با مدیر دستگاه است/)
      await assertNoAxeViolations(page, 'the answered review page')

      await page.setViewportSize({ width: 375, height: 800 })
      const sideways = await overflow(page)
      assert.ok(sideways <= 0, `the review page fits 375 px (overflow ${sideways} px)`)
      await screenshot(page, 'review-page-375')
      await signOut(page)
    })

    const before = await server.deps.db
      .selectFrom('services')
      .select('lastReviewedAt')
      .where('id', '=', serviceId)
      .executeTakeFirstOrThrow()
    const started = Date.now()
    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url(reviewPath))
      await assertNoAxeViolations(page, 'the review page as the admin')
      await submitForm(page, 'form[action$="/sign-off"]')
      assert.match(await textOf(page, 'body'), /بدون تغییر تأیید شد/)
      assert.equal(await page.locator('form[action$="/answers"]').count(), 0, 'no open review')
      assert.equal((await page.locator('#past-reviews tbody tr').count()) >= 1, true)
      await screenshot(page, 'review-signed-off')
    })

    const after = await server.deps.db
      .selectFrom('services')
      .select('lastReviewedAt')
      .where('id', '=', serviceId)
      .executeTakeFirstOrThrow()
    const reviewed = after.lastReviewedAt
    assert.ok(reviewed, 'the sign-off recorded the review')
    assert.notEqual(reviewed.getTime(), before.lastReviewedAt?.getTime())
    assert.ok(reviewed.getTime() >= started - 1000 && reviewed.getTime() <= Date.now() + 1000)
    const { reviewPolicy } = await loadPortalSettings(server.deps.db)
    const next = reviewDueAt(reviewed, reviewPolicy.cycleMonths)

    await inContext(newContext, async (page) => {
      await page.goto(url(publicPath))
      const dates = await textOf(page, '#review-dates')
      assert.notEqual(dates, datesBefore, 'the public dates moved')
      assert.ok(
        dates.includes(`آخرین بازبینی: ${formatDateFa(reviewed)}`),
        `the public page shows the review day in Jalali: ${dates}`,
      )
      assert.ok(
        dates.includes(`بازبینی بعدی: ${formatDateFa(next)}`),
        `the public page shows the next review day in Jalali: ${dates}`,
      )
      assert.match(dates, /[۰-۹]{4}/, 'Persian digits')
      assert.doesNotMatch(dates, /[0-9]/, 'no Latin digits')
    })
  })

  it('the central audit page has the demo’s sample; it and the central lists have no axe violations', {
    skip,
    timeout: 120_000,
  }, async () => {
    const { server, newContext } = e2e()
    const sample = await server.deps.db
      .selectFrom('reviewAuditSamples')
      .select(['quarter', 'size'])
      .executeTakeFirstOrThrow()
    await inContext(newContext, async (page) => {
      await signIn(page, supervisor())
      await page.goto(url(`/admin/reviews/audit?quarter=${sample.quarter}`))
      assert.equal(await page.locator('#audit-sample tbody tr').count(), sample.size)
      assert.match(await textOf(page, '#audit-sample'), /پذیرفته نشد/)
      await assertNoAxeViolations(page, 'the audit page with the sample')
      await page.goto(url('/admin/reviews/audit'))
      await assertNoAxeViolations(page, 'the audit page of this quarter')
      await page.goto(url('/admin/reviews'))
      await assertNoAxeViolations(page, 'the review list of every agency')
      await page.goto(url('/admin/reviews/agencies'))
      assert.ok((await page.locator('#agency-review-counts tbody tr').count()) > 10)
      await assertNoAxeViolations(page, 'the counts per agency')
    })
  })
})
