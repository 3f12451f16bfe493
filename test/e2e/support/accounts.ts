import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import type { DemoAccount } from '../../../src/features/demo/demo.load.ts'

/**
 * Signing demo accounts in and out through the real forms. The first sign-in of an
 * account with a one-time password goes through the forced password change; the new
 * password is remembered for the next sign-in in the same test file.
 */
export function demoSessions(url: (path: string) => string) {
  const passwords = new Map<string, string>()
  const path = (page: Page) => new URL(page.url()).pathname

  async function signIn(page: Page, account: DemoAccount): Promise<void> {
    const current = passwords.get(account.username) ?? account.oneTimePassword
    await page.goto(url('/sign-in'))
    await page.locator('input[name=agencyCode]').fill(account.agencyCode ?? '')
    await page.locator('input[name=username]').fill(account.username)
    await page.locator('input[name=password]').fill(current)
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/sign-in'),
      page.locator('form[action="/sign-in"] button[type=submit]').click(),
    ])
    if (path(page) === '/account/password') {
      const next = `گذرواژهٔ تازه و بلند ${account.username} برای ۱۴۰۵`
      await page.locator('input[name=currentPassword]').fill(current)
      await page.locator('input[name=newPassword]').fill(next)
      await page.locator('input[name=confirmPassword]').fill(next)
      await Promise.all([
        page.waitForURL((u) => u.pathname !== '/account/password'),
        page.locator('form[action="/account/password"] button[type=submit]').click(),
      ])
      passwords.set(account.username, next)
    }
    assert.equal(path(page), '/admin', `${account.username} reaches the dashboard`)
  }

  async function signOut(page: Page): Promise<void> {
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/'),
      page.locator('form.mr-header__sign-out button').click(),
    ])
  }

  return { signIn, signOut }
}
