import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations, screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'

/**
 * Directive item 3 end to end, in a real browser: the central admin issues an agency's
 * credentials, and the agency admin's first sign-in forces a password change.
 */
describe('an agency admin’s first sign-in', () => {
  const e2e = useE2e()

  const path = (page: Page) => new URL(page.url()).pathname

  async function signIn(page: Page, agencyCode: string, username: string, password: string) {
    await page.goto(`${e2e().server.baseUrl}/sign-in`)
    await page.locator('input[name=agencyCode]').fill(agencyCode)
    await page.locator('input[name=username]').fill(username)
    await page.locator('input[name=password]').fill(password)
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/sign-in'),
      page.locator('form[action="/sign-in"] button[type=submit]').click(),
    ])
  }

  it('is issued credentials by the central admin, must change the password, then reaches the dashboard', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    // An agency that has no credentials yet.
    const agency = await server.deps.db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('credentialsIssuedAt', 'is', null)
      .where('level', '=', 'organisation')
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow()

    const context = await newContext()
    const page = await context.newPage()
    try {
      // 1. The central admin (agency code left empty) issues the credentials.
      await signIn(page, '', 'demo-admin', server.account('demo-admin').oneTimePassword)
      assert.equal(path(page), '/admin', 'the central admin lands on the dashboard')

      const credentialsUrl = `${server.baseUrl}/admin/agencies/${agency.code}/credentials`
      const form = await page.goto(credentialsUrl)
      assert.equal(form?.status(), 200, `GET ${credentialsUrl}`)
      await page.locator('input[name=displayName]').fill('مریم احمدی')
      const [posted] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('form:has(input[name=displayName]) button[type=submit]').click(),
      ])
      assert.ok(posted.status() < 400, `POST ${posted.url()} answered ${posted.status()}`)
      await page.waitForLoadState('load')
      await page.locator('.mr-panel').waitFor()

      const issued = await server.deps.db
        .selectFrom('users')
        .select(['username'])
        .where('agencyId', '=', agency.id)
        .where('role', '=', 'agency_admin')
        .executeTakeFirstOrThrow()
      const panel = (await page.locator('.mr-panel').textContent()) ?? ''
      assert.ok(panel.includes(agency.code), `the panel shows the agency code:\n${panel}`)
      assert.ok(panel.includes(issued.username), `the panel shows the username:\n${panel}`)
      const otp = ((await page.locator('.mr-panel__code code').textContent()) ?? '').trim()
      assert.ok(otp.length >= 10, `a one-time password is shown: ${JSON.stringify(otp)}`)
      await screenshot(page, 'credentials-issued')

      // 2. Sign out through the header's form.
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/'),
        page.locator('form.mr-header__sign-out button').click(),
      ])

      // 3. The agency admin's first sign-in leads to the password change, nowhere else.
      await signIn(page, agency.code, issued.username, otp)
      assert.equal(path(page), '/account/password', 'a first sign-in must change the password')
      await page.goto(`${server.baseUrl}/admin`)
      assert.equal(path(page), '/account/password', 'other pages stay closed until then')
      const violations = await axeViolations(page)
      assert.deepEqual(
        violations,
        [],
        `axe violations on /account/password:\n${violations.join('\n')}`,
      )

      const newPassword = 'یک عبارت بلند برای ثبت احوال 1405'
      await page.locator('input[name=currentPassword]').fill(otp)
      await page.locator('input[name=newPassword]').fill(newPassword)
      await page.locator('input[name=confirmPassword]').fill(newPassword)
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/account/password'),
        page.locator('form[action="/account/password"] button[type=submit]').click(),
      ])

      // 4. The dashboard.
      assert.equal(path(page), '/admin')
      const heading = page.locator('h1')
      assert.equal(await heading.count(), 1, 'the dashboard has one h1')
      assert.ok(((await heading.textContent()) ?? '').trim().length > 0, 'the h1 has text')
      await screenshot(page, 'agency-admin-dashboard')
    } finally {
      await context.close()
    }
  })
})
