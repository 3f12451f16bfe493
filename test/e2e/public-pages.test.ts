import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { axeViolations, screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'

describe('public pages in Chromium', () => {
  const e2e = useE2e()
  let agencyCode = ''

  before(() => {
    if (skip) return
    // The demo agency that has staff accounts (ثبت احوال): an organisation with offices.
    const withStaff = e2e().server.accounts.find((a) => a.agencyCode !== null)?.agencyCode
    assert.ok(withStaff, 'the demo data has an agency with accounts')
    agencyCode = withStaff
  })

  const pages: [string, () => string][] = [
    ['home page', () => '/'],
    ['agency index', () => '/agencies'],
    ['agency page', () => `/agencies/${agencyCode}`],
    ['sign-in page', () => '/sign-in'],
    ['open-data page', () => '/open-data'],
  ]

  for (const [name, path] of pages) {
    it(`${name} has no axe violations (WCAG 2.1 AA) and is right-to-left Persian`, {
      skip,
    }, async () => {
      const { server, newContext } = e2e()
      const context = await newContext()
      try {
        const page = await context.newPage()
        const res = await page.goto(server.baseUrl + path())
        assert.equal(res?.status(), 200, `GET ${path()}`)
        assert.equal(await page.locator('html').getAttribute('lang'), 'fa')
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl')
        assert.equal(await page.locator('h1').count(), 1, 'exactly one h1')
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], `axe violations on ${path()}:\n${violations.join('\n')}`)
      } finally {
        await context.close()
      }
    })
  }

  it('takes screenshots of the home page and an agency page (test-results/)', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
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
      await context.close()
    }
  })
})
