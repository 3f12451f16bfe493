import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { recordAudit } from '../../src/features/audit/index.ts'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations as axe, inContext, staffAccount } from './support/steps.ts'

/**
 * The audit log's layout (issue 17 item 14), in a real browser over the demo data signed in
 * as the demo central admin: at 1280 px the table fits its column (no cell cut off, nothing
 * to scroll), even with a row's JSON unfolded; at 375 px the page does not scroll sideways
 * and the table scrolls inside its own labelled, focusable box. axe finds nothing at either
 * width. Boxes are measured, not pixels.
 */
describe('the audit log in the browser', () => {
  const e2e = useE2e()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const { signIn } = demoSessions(url)

  interface Layout {
    /** The page's sideways overflow in px. */
    pageOverflow: number
    /** How far the table runs past its scrolling box, in px. */
    tableOverflow: number
    /** Cells whose box is not wholly inside the scrolling box's visible part. */
    cellsOutside: number
    /** Cells whose content is wider than the cell. */
    cellsClipped: number
    cells: number
    region: { role: string | null; tabindex: string | null; name: string }
  }

  // A string, so the test needs no DOM types; it returns JSON measured in the page.
  const MEASURE = `(() => {
    const doc = document.documentElement
    const wrap = document.querySelector('#audit-events').closest('.mr-table-wrapper')
    const box = wrap.getBoundingClientRect()
    const cells = [...document.querySelectorAll('#audit-events th, #audit-events td')]
    const outside = cells.filter((c) => {
      const r = c.getBoundingClientRect()
      return r.left < box.left - 1 || r.right > box.right + 1
    })
    const clipped = cells.filter((c) => c.scrollWidth > c.clientWidth + 1)
    const label = document.getElementById(wrap.getAttribute('aria-labelledby') ?? '')
    return JSON.stringify({
      pageOverflow: doc.scrollWidth - doc.clientWidth,
      tableOverflow: wrap.scrollWidth - wrap.clientWidth,
      cellsOutside: outside.length,
      cellsClipped: clipped.length,
      cells: cells.length,
      region: {
        role: wrap.getAttribute('role'),
        tabindex: wrap.getAttribute('tabindex'),
        name: label ? label.textContent.trim() : '',
      },
    })
  })()`

  const measure = async (page: Page): Promise<Layout> =>
    JSON.parse(String(await page.evaluate(MEASURE)))

  it('fits at 1280 px, scrolls only inside its box at 375 px, and axe finds nothing', {
    skip,
    timeout: 180_000,
  }, async () => {
    const { server, newContext } = e2e()
    // A stored form file, as an agency editor's upload records it: its id is the file's
    // SHA-256 (64 characters with no break), the longest id the log shows.
    const editor = await server.deps.db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agencyId')
      .select(['users.id', 'users.displayName', 'users.agencyId', 'agencies.nameFa'])
      .where('users.username', '=', staffAccount(server.accounts, 'کارشناس دستگاه').username)
      .executeTakeFirstOrThrow()
    await recordAudit(server.deps.db, server.deps.clock, {
      actor: {
        userId: editor.id,
        username: staffAccount(server.accounts, 'کارشناس دستگاه').username,
        displayName: editor.displayName,
        role: 'agency_editor',
        agencyId: editor.agencyId,
        agencyNameFa: editor.nameFa,
        mustChangePassword: false,
        via: 'session',
      },
      entityType: 'form-file',
      entityId: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      action: 'store',
      agencyId: editor.agencyId,
      before: null,
      after: {
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        size: 0,
      },
    })
    await inContext(newContext, async (page) => {
      await signIn(page, server.account('demo-admin'))
      await page.goto(url('/admin/audit'))
      assert.equal(await page.locator('h1').count(), 1)
      assert.ok((await page.locator('#audit-events tbody tr').count()) > 10, 'the demo has events')

      const wide = await measure(page)
      assert.ok(wide.cells > 60)
      assert.equal(wide.pageOverflow, 0, 'no sideways page scroll at 1280 px')
      assert.ok(
        wide.tableOverflow <= 1,
        `the table fits at 1280 px (${wide.tableOverflow} px over)`,
      )
      assert.equal(wide.cellsOutside, 0, 'no cell is cut off at 1280 px')
      assert.equal(wide.cellsClipped, 0, 'no cell content overflows its cell at 1280 px')
      const table = (await page.locator('#audit-events tbody').textContent()) ?? ''
      assert.match(table, /پروندهٔ فرم/, "the form file's event is on the first page")
      assert.match(table, /ذخیرهٔ پرونده/)
      await axe(page, 'the audit log at 1280 px')

      // The before/after JSON of a row, unfolded, wraps inside the table.
      await page.locator('#audit-events details summary').first().click()
      const unfolded = await measure(page)
      assert.ok(unfolded.tableOverflow <= 1, `with JSON open (${unfolded.tableOverflow} px over)`)
      assert.equal(unfolded.cellsClipped, 0)
      await screenshot(page, 'audit-log-1280')

      await page.setViewportSize({ width: 375, height: 740 })
      await page.goto(url('/admin/audit'))
      const narrow = await measure(page)
      assert.equal(narrow.pageOverflow, 0, 'no sideways page scroll at 375 px')
      assert.equal(narrow.cellsClipped, 0, 'no cell content overflows its cell at 375 px')
      assert.deepEqual(narrow.region.role, 'region')
      assert.deepEqual(narrow.region.tabindex, '0')
      assert.match(narrow.region.name, /رویداد/, 'the scrolling box is named by the caption')
      await axe(page, 'the audit log at 375 px')
      await screenshot(page, 'audit-log-375')
    })
  })
})
