import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations } from './support/steps.ts'

const q = (s: string) => `/search?q=${encodeURIComponent(s)}`

describe('search in Chromium', () => {
  const e2e = useE2e()

  const pages: [string, string][] = [
    ['the empty search page', '/search'],
    ['results with highlighting and filters', q('گذرنامه')],
    ['a filtered search', `${q('کارت ملی')}&audience=G2C&online=1`],
    ['a typo with a suggestion', q('گذنامه')],
    ['a search that finds nothing', q('قثفغعهخ')],
  ]
  for (const [what, path] of pages) {
    it(`${what} has no axe violations`, { skip }, async () => {
      const { server, newContext } = e2e()
      const context = await newContext()
      try {
        const page = await context.newPage()
        const res = await page.goto(server.baseUrl + path)
        assert.equal(res?.status(), 200)
        assert.equal(await page.locator('h1').count(), 1)
        await assertNoAxeViolations(page, what)
      } finally {
        await context.close()
      }
    })
  }

  it('works without JavaScript: type, submit, filter', { skip }, async () => {
    const { server, browser } = e2e()
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fa-IR' })
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/`)
      await page.fill('#home-q', 'پاسپورت')
      await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#home-q', 'Enter')])
      assert.match((await page.locator('#search-count').textContent()) ?? '', /خدمت پیدا شد/)
      assert.equal(
        await page.locator('.mr-service-list__item h3 a').first().textContent(),
        'صدور گذرنامه عادی',
      )
      await page.check('#filter-audience')
      await Promise.all([
        page.waitForURL(/audience=G2C/),
        page.click('form.mr-search-filters__form button[type=submit]'),
      ])
      assert.ok((await page.locator('.mr-service-list__item').count()) > 0)
    } finally {
      await context.close()
    }
  })

  it('autocompletes as a combobox: arrow keys choose, Enter opens the service', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/search`)
      const input = page.locator('#search-q')
      assert.equal(await input.getAttribute('role'), 'combobox')
      assert.equal(await input.getAttribute('aria-expanded'), 'false')
      // On a loaded machine a shorter prefix's suggestions can show first; wait for the
      // answer to the whole word so the list under the arrow keys is the final one.
      const finalAnswer = page.waitForResponse(
        (res) => res.url().includes(`q=${encodeURIComponent('گذرنا')}`) && res.ok(),
      )
      await input.pressSequentially('گذرنا', { delay: 30 })
      await finalAnswer
      const options = page.locator('[role=listbox] [role=option]')
      await options.first().waitFor()
      assert.equal(await input.getAttribute('aria-expanded'), 'true')
      assert.ok((await options.count()) >= 3)
      await input.press('ArrowDown')
      const active = await input.getAttribute('aria-activedescendant')
      assert.ok(active)
      assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true')
      await assertNoAxeViolations(page, 'the open autocomplete list')
      await screenshot(page, 'search-autocomplete')
      const title = (await page.locator(`#${active}`).textContent()) ?? ''
      await Promise.all([page.waitForURL(/\/services\//), input.press('Enter')])
      assert.equal((await page.locator('h1').textContent())?.trim(), title)
    } finally {
      await context.close()
    }
  })
})
