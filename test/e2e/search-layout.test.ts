import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations } from './support/steps.ts'

/**
 * The search page's layout (issue 17 item 1), measured as boxes: nothing wider than the
 * screen from 320 to 1920 px, the first result above the fold on a laptop, the filter column
 * beside the results and never over them, and on a phone the results before the filters.
 */

const q = (s: string, extra = '') => `/search?q=${encodeURIComponent(s)}${extra}`
const FOLD = 800

/** The pages that overflowed: one agency in the drop-down had a long name under a filter. */
const PAGES: [string, string][] = [
  ['a query', q('گذرنامه')],
  ['a filter only (the 458 px page)', '/search?audience=G2C'],
  ['a query and two filters', q('کارت ملی', '&audience=G2C&online=1')],
  ['nothing asked', '/search'],
  ['the service list', '/services'],
]

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

async function open(browser: Browser, width: number, url: string, javaScriptEnabled = true) {
  const context = await browser.newContext({
    locale: 'fa-IR',
    viewport: { width, height: FOLD },
    javaScriptEnabled,
  })
  const page = await context.newPage()
  const res = await page.goto(url)
  assert.equal(res?.status(), 200, url)
  return { context, page }
}

/** How far the document is wider than the viewport, and the elements that stick out. */
function overflow(page: Page) {
  return page.locator('html').evaluate((root) => {
    const width = root.clientWidth
    const outside = [...root.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
    return { extra: root.scrollWidth - width, outside: outside.slice(0, 5) }
  })
}

function box(page: Page, selector: string): Promise<Box> {
  return page
    .locator(selector)
    .first()
    .evaluate((e) => {
      const r = e.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    })
}

const FILTER_FORM = 'form[aria-label="فیلتر نتایج"]'

function boxes(page: Page, selector: string): Promise<(Box & { id: string })[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect()
      const id = e.id || (e.textContent ?? '').trim().slice(0, 30) || e.tagName
      return { id, left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    }),
  )
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

describe('search page layout in Chromium', () => {
  const e2e = useE2e()

  for (const width of [320, 375, 768, 1024, 1280, 1920]) {
    it(`nothing overflows the ${width} px viewport`, { skip }, async () => {
      const { server, browser } = e2e()
      for (const [what, path] of PAGES) {
        const { context, page } = await open(browser, width, server.baseUrl + path)
        try {
          const found = await overflow(page)
          assert.deepEqual(
            found,
            { extra: 0, outside: [] },
            `${what} at ${width} px is wider than the screen`,
          )
        } finally {
          await context.close()
        }
      }
    })
  }

  for (const width of [1280, 1920]) {
    it(`at ${width} px the first result is above the fold and the filters sit beside the results without covering them`, {
      skip,
    }, async () => {
      const { server, browser } = e2e()
      const { context, page } = await open(browser, width, server.baseUrl + q('گذرنامه'))
      try {
        const first = await box(page, '.mr-service-list__item')
        assert.ok(first.top < FOLD, `first result at ${first.top} px, fold at ${FOLD} px`)
        // Found by what the page has always had: the filter form's label, the result items.
        const form = await box(page, FILTER_FORM)
        const items = await boxes(page, '.mr-service-list__item, #search-count')
        const controls = await boxes(
          page,
          ['select', 'input:not([type=hidden])', 'label', 'button']
            .map((c) => `${FILTER_FORM} ${c}`)
            .join(', '),
        )
        assert.ok(controls.length > 5)
        for (const c of controls) {
          assert.ok(
            c.left >= form.left - 0.5 && c.right <= form.right + 0.5,
            `${c.id} (${c.left}–${c.right}) sticks out of the filters (${form.left}–${form.right})`,
          )
          for (const item of items)
            assert.ok(!overlaps(c, item), `${c.id} covers the result or count «${item.id}»`)
        }
        // Right to left: the filter column is on the right of the results.
        assert.ok(form.left >= Math.max(...items.map((i) => i.right)), 'filters beside the results')
        assert.ok(await page.locator('#filter-agency').isVisible(), 'filters shown as a column')
        assert.ok(!(await page.locator('.mr-search-filters__summary').isVisible()))
        await screenshot(page, `search-layout-${width}`)
      } finally {
        await context.close()
      }
    })
  }

  it('at 375 px the summary and the first result come before the folded filters, which open without JavaScript', {
    skip,
  }, async () => {
    const { server, browser } = e2e()
    const { context, page } = await open(browser, 375, server.baseUrl + q('گذرنامه'), false)
    try {
      const first = await box(page, '.mr-service-list__item')
      assert.ok(first.top < FOLD, `first result at ${first.top} px`)
      const count = await box(page, '#search-count')
      const disclosure = await box(page, '.mr-search-filters__summary')
      assert.ok(count.bottom <= disclosure.top, 'the results summary comes first')
      assert.ok(disclosure.bottom <= first.top, 'then the one-line filters disclosure')
      assert.ok(disclosure.bottom - disclosure.top < 80, 'the folded filters take one line')
      assert.equal(await page.locator('#filter-agency').isVisible(), false)
      await page.click('.mr-search-filters__summary')
      assert.equal(await page.locator('#filter-agency').isVisible(), true)
      await page.check('#filter-audience')
      await Promise.all([
        page.waitForURL(/audience=G2C/),
        page.click('.mr-search-filters__form button[type=submit]'),
      ])
      assert.match(
        (await page.locator('#search-chosen-filters').textContent()) ?? '',
        /خدمات به شهروندان/,
      )
      assert.match(
        (await page.locator('.mr-search-filters__summary').textContent()) ?? '',
        /۱ فیلتر انتخاب شده/,
      )
      await screenshot(page, 'search-layout-375')
    } finally {
      await context.close()
    }
  })

  for (const width of [375, 1280]) {
    it(`has no axe violations at ${width} px, with the filters folded and open`, {
      skip,
    }, async () => {
      const { server, browser } = e2e()
      const { context, page } = await open(
        browser,
        width,
        server.baseUrl + q('گذرنامه', '&audience=G2C'),
      )
      try {
        await assertNoAxeViolations(page, `the search page at ${width} px`)
        await page.locator('#search-filters').evaluate((d) => d.setAttribute('open', ''))
        await assertNoAxeViolations(page, `the search page at ${width} px, filters open`)
      } finally {
        await context.close()
      }
    })
  }

  it('opens the folded filters on a wide screen in a browser without ::details-content', {
    skip,
  }, async () => {
    const { server, browser } = e2e()
    for (const [width, open] of [
      [1280, true],
      [375, false],
    ] as const) {
      const context = await browser.newContext({
        locale: 'fa-IR',
        viewport: { width, height: FOLD },
      })
      try {
        // Such a browser answers no to the selector test; everything else stays real.
        await context.addInitScript(`{
          const real = CSS.supports.bind(CSS)
          CSS.supports = (...args) =>
            args.length === 1 && args[0].includes('::details-content') ? false : real(...args)
        }`)
        const page = await context.newPage()
        await page.goto(server.baseUrl + q('گذرنامه'))
        assert.equal(
          await page.locator('#search-filters').evaluate((d) => d.hasAttribute('open')),
          open,
          `at ${width} px`,
        )
      } finally {
        await context.close()
      }
    }
  })

  it('the header search box autocompletes on every page, as the home page box does', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/agencies`)
      const input = page.locator('#mr-header-search')
      assert.equal(await input.getAttribute('role'), 'combobox')
      await input.pressSequentially('گذرنا', { delay: 30 })
      const options = page.locator(`#${await input.getAttribute('aria-controls')} [role=option]`)
      await options.first().waitFor()
      assert.equal(await input.getAttribute('aria-expanded'), 'true')
      assert.ok((await options.count()) >= 3)
      await assertNoAxeViolations(page, 'the header autocomplete list')
      await input.press('ArrowDown')
      const active = await input.getAttribute('aria-activedescendant')
      assert.ok(active)
      const title = (await page.locator(`#${active}`).textContent()) ?? ''
      await Promise.all([page.waitForURL(/\/services\//), input.press('Enter')])
      assert.equal((await page.locator('h1').textContent())?.trim(), title)
    } finally {
      await context.close()
    }
  })
})
