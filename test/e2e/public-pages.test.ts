import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext } from 'playwright-core'
import { axeViolations, browserSkip, launchBrowser, screenshot } from './support/chromium.ts'
import { type E2eServer, startE2eServer } from './support/server.ts'

describe('public pages in Chromium', { skip: browserSkip() }, () => {
  let server: E2eServer
  let browser: Browser
  let context: BrowserContext
  let agencyCode: string

  before(async () => {
    ;[server, browser] = await Promise.all([startE2eServer(), launchBrowser()])
    context = await browser.newContext({ locale: 'fa-IR', viewport: { width: 1280, height: 900 } })
    // The demo agency that has staff accounts (ثبت احوال): an organisation with offices.
    const withStaff = server.accounts.find((a) => a.agencyCode !== null)?.agencyCode
    assert.ok(withStaff, 'the demo data has an agency with accounts')
    agencyCode = withStaff
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  const pages: [string, () => string][] = [
    ['home page', () => '/'],
    ['agency index', () => '/agencies'],
    ['agency page', () => `/agencies/${agencyCode}`],
    ['sign-in page', () => '/sign-in'],
  ]

  for (const [name, path] of pages) {
    it(`${name} has no axe violations (WCAG 2.1 AA) and is right-to-left Persian`, async () => {
      const page = await context.newPage()
      try {
        const res = await page.goto(server.baseUrl + path())
        assert.equal(res?.status(), 200, `GET ${path()}`)
        assert.equal(await page.locator('html').getAttribute('lang'), 'fa')
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl')
        assert.equal(await page.locator('h1').count(), 1, 'exactly one h1')
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], `axe violations on ${path()}:\n${violations.join('\n')}`)
      } finally {
        await page.close()
      }
    })
  }

  it('takes screenshots of the home page and an agency page (test-results/)', async () => {
    const page = await context.newPage()
    try {
      for (const [name, path] of [
        ['home', '/'],
        ['agency', `/agencies/${agencyCode}`],
      ] as const) {
        await page.goto(server.baseUrl + path)
        // The web font must have loaded before the picture is taken.
        assert.equal(
          await page.evaluate('document.fonts.ready.then(() => document.fonts.status)'),
          'loaded',
        )
        await screenshot(page, name)
      }
    } finally {
      await page.close()
    }
  })
})
