import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { tehranDateOf, toPersianDigits } from '../../src/lib/fa/index.ts'
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
 * Performance indicators end to end (issue 14), in a real browser over the demo data, without
 * relying on JavaScript: an agency admin proposes an indicator (a refused form shows the error
 * summary), sends it; the central supervisor returns it with a comment and a «تا تاریخ»; the
 * admin amends and resubmits it; the supervisor approves it; the admin enters a value with its
 * evidence and sends the quarter; the supervisor accepts it; the public `/indicators/<code>`
 * shows the approved definition with «ستاد مرکزی», no staff names, and the accepted value with
 * its chart. Every new page has one
 * h1, no axe violation and no sideways scroll at 375 px.
 */
describe('indicators in the browser', () => {
  const e2e = useE2e()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const { signIn, signOut } = demoSessions(url)
  const admin = () => staffAccount(e2e().server.accounts, 'مدیر دستگاه')
  const supervisor = () => e2e().server.account('demo-supervisor')

  /** The page's sideways overflow in px (a string, so the test needs no DOM types). */
  const overflow = async (page: Page) =>
    Number(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    )

  /** One h1, axe finds nothing, and at 375 px nothing scrolls sideways. */
  const checkPage = async (page: Page, what: string) => {
    assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${what}`)
    await axe(page, what)
    const size = page.viewportSize()
    await page.setViewportSize({ width: 375, height: 800 })
    const sideways = await overflow(page)
    assert.ok(sideways <= 0, `${what} fits 375 px (overflow ${sideways} px)`)
    if (size) await page.setViewportSize(size)
  }

  it('an admin proposes, the supervisor returns it, the admin amends, the supervisor approves, the public sees it', {
    skip,
    timeout: 300_000,
  }, async () => {
    const { server, newContext } = e2e()
    const name = 'درصد پروانه‌های صادرشده در مهلت (آزمون مرورگر)'
    let code = ''

    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url('/admin/indicators'))
      await checkPage(page, 'the agency’s indicator list')

      await page.locator('#propose-indicator').click()
      await page.waitForURL((u) => u.pathname === '/admin/indicators/new')
      await checkPage(page, 'the proposal form')
      await screenshot(page, 'indicator-proposal-form')

      // A form with the name too short and the targets unreadable is refused with a summary…
      await page.locator('#nameFa').fill('ا')
      await page.locator('#targets').fill('۱۴۰۵ شصت')
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('#definition-form button[type=submit]').click(),
      ])
      await page.waitForLoadState('load')
      const summary = await errorSummaryText(page)
      assert.match(summary, /نام شاخص/, summary)
      assert.equal(await page.locator('.mr-error-summary a[href="#targets"]').count(), 1)
      assert.equal(await page.locator('#targets').inputValue(), '۱۴۰۵ شصت', 'nothing typed is lost')
      await checkPage(page, 'the proposal form with errors')

      // …then filled in properly.
      await page.locator('#nameFa').fill(name)
      await page
        .locator('#definition')
        .fill('سهم پروانه‌هایی که در مهلت اعلام‌شده در شناسنامهٔ خدمت صادر شده‌اند.')
      await page.locator('#rationale').fill('به‌هنگامی صدور پروانه مهم‌ترین شکایت مراجعان است.')
      await page.locator('#category').selectOption('time')
      await page.locator('#unit').selectOption('percent')
      await page.locator('input[name=direction][value=higher]').check()
      await page.locator('#numeratorFa').fill('پروانه‌های صادرشده در مهلت')
      await page.locator('#denominatorFa').fill('همهٔ پروانه‌های صادرشده')
      await page.locator('input[name=frequency][value=quarterly]').check()
      await page.locator('input[name=source][value=manual]').check()
      await page.locator('#maxAgeDays').fill('۱۲۰')
      const firstService = page.locator('input[name=scopeServiceIds]').first()
      if (await firstService.count()) await firstService.check()
      await page.locator('#targets').fill('۱۴۰۵: ۶۰، ۸۰')
      await submitForm(page, '#definition-form')
      const path = new URL(page.url()).pathname
      code = path.split('/').at(-1) ?? ''
      assert.match(code, /^S-[A-Z0-9]+-\d\d$/, `a specific code: ${path}`)
      assert.match(await textOf(page, '#open-proposal'), /پیش‌نویس/)
      await checkPage(page, 'the indicator page with a draft')

      await submitForm(page, 'form[action$="/submit"]')
      assert.match(await textOf(page, '#open-proposal'), /در انتظار تصمیم مرکز/)
      await signOut(page)
    })

    const untilDay = tehranDateOf(new Date(server.deps.clock.now().getTime() + 14 * 86_400_000))
    await inContext(newContext, async (page) => {
      await signIn(page, supervisor())
      await page.goto(url('/admin/indicators'))
      await checkPage(page, 'the central overview')
      await screenshot(page, 'indicator-central')
      assert.match(await textOf(page, '#approval-queue'), new RegExp(name.slice(0, 20)))
      assert.ok((await page.locator('#deadline-board tbody tr').count()) > 0, 'the board')
      await page.locator(`#approval-queue a[href="/admin/indicators/${code}"]`).click()
      await page.waitForURL((u) => u.pathname === `/admin/indicators/${code}`)
      await checkPage(page, 'the indicator page with the decide form')
      await screenshot(page, 'indicator-decide')

      await page.locator('input[name=decision][value=request_changes]').check()
      await page.locator('#comment').fill('مخرج را روشن کنید: پروانه‌های تمدیدی هم شمرده می‌شوند؟')
      await page.locator('#untilDay-day').fill(toPersianDigits(untilDay.jd))
      await page.locator('#untilDay-month').fill(toPersianDigits(untilDay.jm))
      await page.locator('#untilDay-year').fill(toPersianDigits(untilDay.jy))
      await submitForm(page, '#decide-form')
      assert.match(await textOf(page, '#decision-history'), /پروانه‌های تمدیدی هم شمرده/)
      await signOut(page)
    })

    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url(`/admin/indicators/${code}`))
      assert.match(await textOf(page, '#open-proposal'), /بازگشت برای اصلاح/)
      assert.match(await textOf(page, '#decision-history'), /درخواست اصلاح/)
      await page.locator('#edit-proposal').click()
      await page.waitForURL((u) => u.pathname === `/admin/indicators/${code}/edit`)
      await checkPage(page, 'the edit form')
      await page.locator('#denominatorFa').fill('همهٔ پروانه‌های صادرشده، بی‌پروانه‌های تمدیدی')
      await submitForm(page, '#definition-form')
      await submitForm(page, 'form[action$="/submit"]')
      await signOut(page)
    })

    await inContext(newContext, async (page) => {
      await signIn(page, supervisor())
      await page.goto(url(`/admin/indicators/${code}`))
      await page.locator('input[name=decision][value=approve]').check()
      await submitForm(page, '#decide-form')
      assert.match(await textOf(page, '#in-force'), /تصویب‌شده/)
      await signOut(page)
    })

    // The admin enters a value with its evidence for an ended quarter the agency has not sent
    // yet (the demo's agency has sent some of its periods already), and sends that quarter.
    let period = ''
    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url(`/admin/indicators/${code}`))
      await checkPage(page, 'the indicator page with its values section')
      const agency = await server.deps.db
        .selectFrom('indicators as i')
        .innerJoin('agencies as a', 'a.id', 'i.agencyId')
        .select(['a.id', 'a.code'])
        .where('i.code', '=', code)
        .executeTakeFirstOrThrow()
      const sent = new Set(
        (
          await server.deps.db
            .selectFrom('indicatorPeriodSubmissions')
            .select('period')
            .where('agencyId', '=', agency.id)
            .execute()
        ).map((r) => r.period),
      )
      const offered = await page
        .locator('#period option')
        .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))
      period = offered.find((p) => !sent.has(p)) ?? ''
      assert.ok(period, `an ended quarter not yet sent among ${offered.join(', ')}`)
      await page.locator('#period').selectOption(period)
      await page.locator('#numerator').fill('۴۵')
      await page.locator('#denominator').fill('۶۰')
      await page.locator('#evidenceNote').fill('گزارش سامانهٔ صدور پروانه، خروجی پایان فصل')
      await submitForm(page, '#value-form')
      assert.match(await textOf(page, '#indicator-values'), /۷۵٪/)
      assert.equal(await page.locator('#values svg[role="img"]').count(), 1, 'the chart')
      await checkPage(page, 'the indicator page with a value and its chart')
      await submitForm(page, `form[action="/admin/indicators/periods/${period}/submit"]`)
      await signOut(page)

      await signIn(page, supervisor())
      await page.goto(url(`/admin/indicators/periods/${agency.code}/${period}`))
      await checkPage(page, 'the centre’s review of a period')
      assert.match(await textOf(page, '#period-values'), /۷۵٪/)
      await page.locator('input[name=decision][value=accept]').check()
      await submitForm(page, 'form[action^="/admin/indicators/periods/"]')
      await signOut(page)
    })

    await inContext(newContext, async (page) => {
      await page.goto(url('/indicators'))
      await checkPage(page, 'the public indicator list')
      assert.equal(await page.locator(`a[href="/indicators/${code}"]`).count(), 1)
      await page.goto(url(`/indicators/${code}`))
      await checkPage(page, 'the public indicator page')
      assert.equal(await textOf(page, 'h1'), name)
      assert.match(await textOf(page, '#indicator-definition'), /بی‌پروانه‌های تمدیدی/)
      assert.match(await textOf(page, '#decision-dates'), /تصویب ستاد مرکزی/)
      const main = await textOf(page, 'main')
      const staff = await server.deps.db
        .selectFrom('users')
        .select('displayName')
        .where('username', 'in', [supervisor().username, admin().username])
        .execute()
      for (const s of staff)
        assert.ok(!main.includes(s.displayName), `no staff name: ${s.displayName}`)
      assert.match(await textOf(page, '#indicator-values'), /۷۵٪/, 'the accepted value is public')
      // …and the agency's own public page lists the indicator with that value.
      const owner = await server.deps.db
        .selectFrom('indicators as i')
        .innerJoin('agencies as a', 'a.id', 'i.agencyId')
        .select('a.code')
        .where('i.code', '=', code)
        .executeTakeFirstOrThrow()
      await page.goto(url(`/agencies/${owner.code}`))
      await checkPage(page, 'the agency page with its indicators')
      const listed = await textOf(page, '#agency-indicators')
      const at = listed.indexOf(name)
      assert.ok(at >= 0, `the indicator is listed: ${listed}`)
      assert.match(listed.slice(at), /^[^٪]*۷۵٪/, 'with its accepted value')
      await page.setViewportSize({ width: 375, height: 800 })
      await screenshot(page, 'indicator-public-375')
    })
  })
})
