import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations } from './support/steps.ts'

/** The small things of issue 17 item 9 that are seen, not parsed: measured in Chromium. */
describe('site-wide details in Chromium', () => {
  const e2e = useE2e()

  for (const path of ['/contact', '/privacy', '/accessibility']) {
    it(`${path} has no axe violations and fits a 320 px screen`, { skip }, async () => {
      const { server, browser } = e2e()
      const context = await browser.newContext({
        locale: 'fa-IR',
        viewport: { width: 320, height: 640 },
      })
      try {
        const page = await context.newPage()
        const res = await page.goto(server.baseUrl + path)
        assert.equal(res?.status(), 200)
        await assertNoAxeViolations(page, path)
        const extra = await page
          .locator('html')
          .evaluate((root) => root.scrollWidth - root.clientWidth)
        assert.equal(extra, 0, `${path} is ${extra} px wider than the screen`)
      } finally {
        await context.close()
      }
    })
  }

  it('the services sidebar shows its whole life-event list, not a box scrolled inside the page', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/services`)
      const lists = await page.locator('.mr-facet .mr-list').evaluateAll((els) =>
        els.map((e) => ({
          label: e.closest('nav')?.getAttribute('aria-label') ?? '',
          links: e.querySelectorAll('a').length,
          hidden: e.scrollHeight - e.clientHeight,
          overflow: e.ownerDocument.defaultView?.getComputedStyle(e).overflowY,
        })),
      )
      const lifeEvents = lists.find((l) => l.label === 'رویدادهای زندگی')
      assert.ok(lifeEvents, `a life-event list among ${JSON.stringify(lists)}`)
      assert.ok(lifeEvents.links > 10, 'the demo data has many life events')
      for (const l of lists) {
        assert.equal(l.overflow, 'visible', `«${l.label}» is a scroll box`)
        assert.ok(l.hidden <= 1, `«${l.label}» hides ${l.hidden} px of its list`)
      }
      await assertNoAxeViolations(page, 'the service list')
    } finally {
      await context.close()
    }
  })

  it('the «شروع خدمت برخط» chevron sits at the end of the words and points forward (left) in right-to-left text', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/search?online=1`)
      const href = await page.locator('.mr-service-list__item a').first().getAttribute('href')
      assert.ok(href)
      await page.goto(server.baseUrl + href)
      // The painted shape, CSS transforms included (getScreenCTM): a chevron pointing left is
      // filled at the middle of its left edge (the tip) and empty at the middle of its right
      // edge (between the arms).
      const shape = await page.locator('#online-start').evaluate((button) => {
        const icon = button.querySelector('svg')
        const path = icon?.querySelector('path')
        const toShape = path?.getScreenCTM()?.inverse()
        if (!icon || !path || !toShape) return null
        const r = icon.getBoundingClientRect()
        const b = button.getBoundingClientRect()
        const filled = (x: number) => {
          const point = icon.createSVGPoint()
          point.x = x
          point.y = r.top + r.height / 2
          return path.isPointInFill(point.matrixTransform(toShape))
        }
        return {
          tipOnLeft: filled(r.left + 2),
          notchOnRight: !filled(r.right - 2),
          iconCentre: r.left + r.width / 2,
          buttonCentre: b.left + b.width / 2,
        }
      })
      assert.ok(shape, 'the start button has its icon')
      assert.ok(shape.iconCentre < shape.buttonCentre, 'the icon follows the words (on their left)')
      assert.ok(shape.tipOnLeft && shape.notchOnRight, `points left: ${JSON.stringify(shape)}`)
    } finally {
      await context.close()
    }
  })
})
