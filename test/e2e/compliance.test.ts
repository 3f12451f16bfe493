import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations } from './support/steps.ts'

/** The public compliance board (issue 15 item 5) on the demo data, in Chromium. */
describe('the compliance board in Chromium', () => {
  const e2e = useE2e()

  it('has no axe violations and fits a 375 px screen, filtered, unfiltered and refused', {
    skip,
  }, async () => {
    const { server, browser } = e2e()
    const context = await browser.newContext({
      locale: 'fa-IR',
      viewport: { width: 375, height: 740 },
    })
    try {
      const page = await context.newPage()
      for (const path of [
        '/compliance',
        '/compliance?group=provincial&province=07',
        '/compliance?group=everyone',
      ]) {
        const res = await page.goto(server.baseUrl + path)
        assert.equal(res?.status(), path.endsWith('everyone') ? 400 : 200, path)
        await assertNoAxeViolations(page, path)
        const extra = await page
          .locator('html')
          .evaluate((root) => root.scrollWidth - root.clientWidth)
        assert.equal(extra, 0, `${path} is ${extra} px wider than the screen`)
      }
      assert.match((await page.locator('.mr-error-summary').textContent()) ?? '', /گروه هم‌تراز/)
    } finally {
      await context.close()
    }
  })

  it('is reached from the footer and filters with JavaScript off', { skip }, async () => {
    const { server, browser } = e2e()
    const context = await browser.newContext({
      locale: 'fa-IR',
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    })
    try {
      const page = await context.newPage()
      await page.goto(server.baseUrl)
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/compliance'),
        page.locator('footer a[href="/compliance"]').click(),
      ])
      const all = await page.locator('#compliance tbody tr').count()
      assert.ok(all > 10, `the demo's agencies are listed (${all})`)
      // Agencies that did nothing are shown as such, not left out.
      const rows = await page.locator('#compliance tbody tr').allInnerTexts()
      assert.ok(
        rows.some((r) => /رمز ورود صادر نشده است|هیچ خدمتی منتشر نکرده است/.test(r)),
        'a row says what an agency has not done',
      )

      await page.selectOption('#group', 'ministry')
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('group') === 'ministry'),
        page.getByRole('button', { name: 'نمایش' }).click(),
      ])
      const ministries = await page.locator('#compliance tbody tr').count()
      assert.ok(ministries > 0 && ministries < all, `ministries only (${ministries} of ${all})`)
      const groups = await page.locator('#compliance tbody th .mr-hint-inline').allTextContents()
      assert.ok(
        groups.every((g) => g.startsWith('وزارتخانه‌ها')),
        groups.join(' / '),
      )
    } finally {
      await context.close()
    }
  })
})
