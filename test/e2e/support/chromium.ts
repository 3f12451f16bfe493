import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** Where screenshots go (gitignored). */
export const RESULTS_DIR = join(root, 'test-results')

export function chromiumMissingMessage(): string[] {
  return [
    `Chromium was not found at ${CHROMIUM_PATH}.`,
    'Install it (Debian/Ubuntu) with:  sudo apt-get install -y chromium',
  ]
}

/**
 * A skip reason when Chromium is missing on a developer machine, `false` otherwise. Under
 * CI a missing browser is not skipped: {@link launchBrowser} then fails with the same message.
 */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return false
  return `${chromiumMissingMessage().join(' ')} (browser tests skipped)`
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests cannot run under CI: ${chromiumMissingMessage().join(' ')}`)
  }
  // launch() gives every browser a fresh temporary user-data directory.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Runs axe (WCAG 2.1 A/AA) on the page and returns the violations as readable lines,
 * `[]` when there are none. The page must come from `browser.newContext()`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations.map((v) => {
    const targets = v.nodes.map((n) => JSON.stringify(n.target)).join(', ')
    return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${targets}`
  })
}

/** A full-page PNG in test-results/; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const path = join(RESULTS_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
