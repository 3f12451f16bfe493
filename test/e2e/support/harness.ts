import { after, before } from 'node:test'
import type { Browser, BrowserContext } from 'playwright-core'
import { browserSkip, launchBrowser } from './chromium.ts'
import { type E2eServer, startE2eServer } from './server.ts'

/**
 * The `skip` option for every browser test: a reason when Chromium is missing on a
 * developer machine (so the skips are counted), `false` otherwise.
 */
export const SKIP_BROWSER: string | false = browserSkip()

export interface E2e {
  server: E2eServer
  browser: Browser
  /** A fresh browser context (AxeBuilder needs a page from a context, not `browser.newPage()`). */
  newContext(): Promise<BrowserContext>
}

/**
 * Registers hooks in the calling suite that start Chromium and the real server (demo data
 * loaded) before its tests and stop both after them; returns a getter for the running pair.
 * Under CI a missing Chromium fails the `before` hook, so every test of the suite fails.
 */
export function useE2e(): () => E2e {
  let server: E2eServer | undefined
  let browser: Browser | undefined

  before(async () => {
    if (SKIP_BROWSER) return
    const [b, s] = await Promise.allSettled([launchBrowser(), startE2eServer()])
    if (b.status === 'fulfilled') browser = b.value
    if (s.status === 'fulfilled') server = s.value
    if (b.status === 'rejected') throw b.reason
    if (s.status === 'rejected') throw s.reason
  })

  after(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()])
  })

  return () => {
    if (!server || !browser)
      throw new Error('The browser and server did not start (see the before hook)')
    const b = browser
    return {
      server,
      browser: b,
      newContext: () => b.newContext({ locale: 'fa-IR', viewport: { width: 1280, height: 900 } }),
    }
  }
}
