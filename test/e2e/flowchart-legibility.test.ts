import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { z } from 'zod'
import { axeViolations, screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'

/**
 * Issue 17 item 5: the process flowchart on a service page is legible at every width. Measured
 * in Chromium on the demo service with the longest process (صدور پروانه ساختمانی, 20 steps,
 * branches and loops): the rendered size of the smallest step title (its font size times the
 * SVG's scale on the page) is at least 12 CSS px at 375 and 1280 px, no text in the chart is
 * cut with «…», every step title is in its box in full, and the page itself never scrolls
 * sideways (a chart wider than its column scrolls inside its own box).
 */
describe('the process flowchart is legible on phones and desktops', () => {
  const e2e = useE2e()
  const SLUG = 'building-permit'
  const MIN_TITLE_PX = 12

  /** What the page measures in the browser; parsed, since it crosses from the page. */
  const measured = z.object({
    /** Rendered width of the SVG ÷ its viewBox width. */
    scale: z.number(),
    /** Smallest step title (tasks and decision questions), in rendered CSS px. */
    smallestTitle: z.number(),
    /** Smallest text of any kind in the chart, in rendered CSS px. */
    smallestText: z.number(),
    /** Chart texts ending with «…». */
    cut: z.array(z.string()),
    /** Each step's title as drawn in its box (lines joined), in step order. */
    drawnTitles: z.array(z.string()),
    /** The steps table's titles, in order. */
    tableTitles: z.array(z.string()),
    pageWidth: z.number(),
    viewportWidth: z.number(),
  })

  // Runs in the page (the project's TypeScript has no DOM types, so it is passed as text).
  const MEASURE = `(() => {
    const svg = document.querySelector('#process svg.mr-flowchart')
    if (!svg) throw new Error('no flowchart on the page')
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
    const px = (el) => Number.parseFloat(getComputedStyle(el).fontSize) * scale
    const texts = [...svg.querySelectorAll('text')]
    const titles = [...svg.querySelectorAll('text.mr-flowchart__title')]
    const steps = [...svg.querySelectorAll('g.mr-flowchart__step')]
    const rows = [...document.querySelectorAll('#process .mr-process-table tbody tr')]
    return {
      scale,
      smallestTitle: Math.min(...titles.map(px)),
      smallestText: Math.min(...texts.map(px)),
      cut: texts.map((t) => t.textContent ?? '').filter((t) => t.endsWith('…')),
      drawnTitles: steps.map((g) =>
        [...g.querySelectorAll('text.mr-flowchart__title')].map((t) => t.textContent ?? '').join(' '),
      ),
      // The row header holds the title, then tags («حضوری»…) and a hidden «تصمیم: ».
      tableTitles: rows.map((r) => {
        const th = r.querySelector('th')?.cloneNode(true)
        for (const extra of th?.querySelectorAll('.mr-tag, .mr-visually-hidden') ?? []) extra.remove()
        return (th?.textContent ?? '').replace(/\\s+/g, ' ').trim()
      }),
      pageWidth: document.documentElement.scrollWidth,
      viewportWidth: window.innerWidth,
    }
  })()`

  async function measure(page: Page): Promise<z.output<typeof measured>> {
    return measured.parse(await page.evaluate(MEASURE))
  }

  for (const width of [375, 1280]) {
    it(`at ${width} px: step titles render at ≥ ${MIN_TITLE_PX} CSS px, uncut, axe-clean`, {
      skip,
    }, async () => {
      const context = await e2e().browser.newContext({
        locale: 'fa-IR',
        viewport: { width, height: 900 },
      })
      try {
        const page = await context.newPage()
        const res = await page.goto(`${e2e().server.baseUrl}/services/${SLUG}`)
        assert.equal(res?.status(), 200)
        assert.equal(
          await page.evaluate('document.fonts.ready.then(() => document.fonts.status)'),
          'loaded',
        )
        const m = await measure(page)
        assert.ok(m.tableTitles.length >= 15, `a long process (${m.tableTitles.length} steps)`)
        assert.ok(
          m.smallestTitle >= MIN_TITLE_PX,
          `smallest step title ${m.smallestTitle.toFixed(1)} px (SVG scale ${m.scale.toFixed(2)})`,
        )
        assert.ok(m.smallestText >= MIN_TITLE_PX, `smallest text ${m.smallestText.toFixed(1)} px`)
        assert.deepEqual(m.cut, [], 'no label is cut with «…»')
        assert.deepEqual(m.drawnTitles, m.tableTitles, 'each box shows its whole title')
        assert.ok(
          m.pageWidth <= m.viewportWidth,
          `the page is ${m.pageWidth} px wide in a ${m.viewportWidth} px window`,
        )
        // The chart's box is reachable by keyboard when it scrolls (axe: scrollable-region-focusable).
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], `axe violations at ${width} px:\n${violations.join('\n')}`)
        await page.locator('#process figure').scrollIntoViewIfNeeded()
        await screenshot(page, `flowchart-${width}`)
      } finally {
        await context.close()
      }
    })
  }
})
