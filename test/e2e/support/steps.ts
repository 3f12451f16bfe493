import assert from 'node:assert/strict'
import type { BrowserContext, Page } from 'playwright-core'
import type { DemoAccount } from '../../../src/features/demo/demo.load.ts'
import { axeViolations } from './chromium.ts'

/** Steps the browser tests share: finding demo staff, submitting forms, axe. */

/** The demo staff account of an agency with the given role label («کارشناس دستگاه»…). */
export function staffAccount(accounts: readonly DemoAccount[], roleLabel: string): DemoAccount {
  const found = accounts.find((a) => a.agencyCode !== null && a.roleLabel === roleLabel)
  assert.ok(found, `the demo data has a «${roleLabel}» account`)
  return found
}

export async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page)
  assert.deepEqual(
    violations,
    [],
    `axe violations on ${what} (${page.url()}):\n${violations.join('\n')}`,
  )
}

/** The text of the page's error summary, or '' when there is none. */
export async function errorSummaryText(page: Page): Promise<string> {
  await page.waitForLoadState('load')
  const summary = page.locator('.mr-error-summary')
  return (await summary.count()) ? ((await summary.first().textContent()) ?? '').trim() : ''
}

/**
 * Clicks a form's submit button and waits for the page the form leads to (a 303 is
 * followed by the browser); fails when the answer is 4xx/5xx or shows an error summary.
 */
export async function submitForm(page: Page, formSelector: string): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator(`${formSelector} button[type=submit]`).first().click(),
  ])
  assert.ok(
    response.status() < 400,
    `POST ${response.url()} answered ${response.status()}:\n${await errorSummaryText(page)}`,
  )
  await page.waitForLoadState('load')
  const errors = await errorSummaryText(page)
  assert.equal(errors, '', `the form was refused: ${errors}`)
}

/** Runs `run` in a fresh browser context (its own cookies), closed whatever happens. */
export async function inContext<T>(
  newContext: () => Promise<BrowserContext>,
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await newContext()
  try {
    return await run(await context.newPage())
  } finally {
    await context.close()
  }
}

/** Whitespace-collapsed text of the first element matching `selector`. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
}
