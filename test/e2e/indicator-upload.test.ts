import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import {
  decideVersion,
  proposeIndicator,
  submitVersion,
} from '../../src/features/indicators/indicator.actions.ts'
import { definition } from '../../src/features/indicators/indicator.test-helpers.ts'
import type { Actor } from '../../src/lib/actor.ts'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations as axe, inContext, staffAccount, textOf } from './support/steps.ts'

/**
 * The CSV upload of indicator values (issue 14 item 4) in a real browser over the demo data:
 * with JavaScript, a refused file shows the upload's <progress> and then the row errors in
 * place (focus on the error summary), and a good file «۱ مقدار ثبت شد»; without JavaScript the
 * same form is a plain post with the same answers. One h1, no axe violation and no sideways
 * scroll at 375 px on the form, the refusal and the result.
 */
describe('indicator values uploaded as CSV in the browser', () => {
  const e2e = useE2e()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const { signIn } = demoSessions(url)

  const overflow = async (page: Page) =>
    Number(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    )

  const checkPage = async (page: Page, what: string) => {
    assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${what}`)
    await axe(page, what)
    const size = page.viewportSize()
    await page.setViewportSize({ width: 375, height: 800 })
    const sideways = await overflow(page)
    assert.ok(sideways <= 0, `${what} fits 375 px (overflow ${sideways} px)`)
    if (size) await page.setViewportSize(size)
  }

  /** An approved quarterly indicator of the admin's agency, and two of its quarters still open. */
  async function setUp(): Promise<{ code: string; periods: [string, string] }> {
    const { server } = e2e()
    const admin = staffAccount(server.accounts, 'مدیر دستگاه')
    const supervisor = server.account('demo-supervisor')
    const db = server.deps.db
    const user = await db
      .selectFrom('users')
      .select(['id', 'agencyId'])
      .where('id', '=', admin.userId)
      .executeTakeFirstOrThrow()
    assert.ok(user.agencyId)
    const actor = (userId: string, role: Actor['role'], agencyId: string | null): Actor => ({
      userId,
      username: userId,
      displayName: userId,
      role,
      agencyId,
      agencyNameFa: null,
      mustChangePassword: false,
      via: 'session',
    })
    const asAdmin = actor(admin.userId, 'agency_admin', user.agencyId)
    const { indicator, version } = await proposeIndicator(server.deps, asAdmin, {
      kind: 'specific',
      agencyId: user.agencyId,
      definition: definition({ nameFa: 'درصد پرونده‌های بارگذاری‌شده (آزمون مرورگر)', targets: [] }),
    })
    const sent = await submitVersion(server.deps, asAdmin, version.id, version.revision)
    await decideVersion(
      server.deps,
      actor(supervisor.userId, 'central_supervisor', null),
      sent.id,
      {
        decision: 'approve',
        comment: null,
        expectedRevision: sent.revision,
      },
    )
    // Quarters the demo data has not submitted for this agency (a submitted period is closed).
    const taken = new Set(
      (
        await db
          .selectFrom('indicatorPeriodSubmissions')
          .select('period')
          .where('agencyId', '=', user.agencyId)
          .execute()
      ).map((s) => s.period),
    )
    const free = ['1400', '1401', '1402']
      .flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`))
      .filter((p) => !taken.has(p))
    assert.ok(free.length >= 2)
    return { code: indicator.code, periods: [free[0] ?? '', free[1] ?? ''] }
  }

  const csv = (lines: string[]) => ({
    name: 'مقدارها.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
  })

  it('with JavaScript: progress, then the row errors or the count, in place', {
    skip,
    timeout: 300_000,
  }, async () => {
    const { server, newContext } = e2e()
    const { code, periods } = await setUp()
    await inContext(newContext, async (page) => {
      await signIn(page, staffAccount(server.accounts, 'مدیر دستگاه'))
      await page.goto(url('/admin/indicators/upload'))
      await checkPage(page, 'the upload form')
      assert.equal(await page.locator('[data-upload-status]').isHidden(), true)

      // A zero denominator: refused in place, nothing written.
      await page
        .locator('#file')
        .setInputFiles(
          csv([
            'code,period,numerator,denominator,evidence_note',
            `${code},${periods[0]},5,10,گزارش`,
            `${code},${periods[1]},1,0,گزارش`,
          ]),
        )
      // The answer is held back a moment, so the progress can be seen while it is awaited.
      await page.route('**/admin/indicators/upload', async (route) => {
        if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 700))
        await route.continue()
      })
      // XMLHttpRequest, not a navigation: the enhancement script sent it.
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.request().resourceType() === 'xhr',
      )
      await page.locator('form[data-upload-progress] button[type=submit]').click()
      await page.locator('[data-upload-status] progress').waitFor({ state: 'visible' })
      assert.match(await textOf(page, '[data-upload-status] [role=status]'), /فرستاد|رسید/)
      assert.equal(
        await page.locator('form[data-upload-progress] button[type=submit]').isDisabled(),
        true,
        'the button waits for the answer',
      )
      const answer = await answered
      assert.equal(answer.status(), 422)
      await page.unroute('**/admin/indicators/upload')
      await page.locator('#csv-errors').waitFor()
      assert.equal(new URL(page.url()).pathname, '/admin/indicators/upload', 'no navigation')
      assert.match(await textOf(page, '#csv-errors tbody'), /مخرج کسر صفر است/)
      assert.equal(
        await page.evaluate('document.activeElement?.classList.contains("mr-error-summary")'),
        true,
        'focus is on the error summary',
      )
      assert.match(await page.title(), /^خطا: /)
      await checkPage(page, 'the refused upload')
      await screenshot(page, 'indicator-upload-refused')

      // The form of the answer works again: a good file.
      await page
        .locator('#file')
        .setInputFiles(
          csv([
            'code,period,numerator,denominator,evidence_note',
            `${code},${periods[0]},5,10,گزارش`,
          ]),
        )
      await page.locator('form[data-upload-progress] button[type=submit]').click()
      await page.locator('.mr-panel__title').waitFor()
      assert.equal(await textOf(page, '.mr-panel__title'), '۱ مقدار ثبت شد')
      await checkPage(page, 'the upload result')
      await screenshot(page, 'indicator-upload-done')
    })
  })

  it('without the enhancement script: the same form is a plain post', {
    skip,
    timeout: 300_000,
  }, async () => {
    const { server, newContext } = e2e()
    const { code, periods } = await setUp()
    await inContext(newContext, async (page) => {
      // The script is refused, as for a browser without JavaScript or with it blocked.
      await page.route('**/assets/indicator-upload.js', (route) => route.abort())
      await signIn(page, staffAccount(server.accounts, 'مدیر دستگاه'))
      await page.goto(url('/admin/indicators/upload'))
      await page
        .locator('#file')
        .setInputFiles(csv(['کد;دوره;صورت;مخرج;مستند', `${code};${periods[1]};3;4;گزارش دفتر`]))
      const [answer] = await Promise.all([
        page.waitForNavigation(),
        page.locator('form[data-upload-progress] button[type=submit]').click(),
      ])
      assert.equal(answer?.status(), 200)
      assert.equal(await textOf(page, 'h1'), '۱ مقدار ثبت شد')
      await checkPage(page, 'the result of a plain post')
    })
  })
})
