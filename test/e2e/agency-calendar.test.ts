import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import type { Page } from 'playwright-core'
import { demoSessions } from './support/accounts.ts'
import { axeViolations } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'

// Issue 17 items 3 and 4 in Chromium: the agency page with its services and the calendar
// pages past the seeded years, axe-clean at 1280 px and 375 px, without sideways scroll.

/** The page's sideways overflow in px (evaluated as a string: the test needs no DOM types). */
async function overflow(page: Page): Promise<number> {
  return Number(
    await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  )
}

describe('agency and calendar pages in Chromium', () => {
  const e2e = useE2e()
  let agencyCode = ''
  let parentCode = ''

  before(async () => {
    if (skip) return
    // The demo agency with staff accounts (an organisation with services), and its parent,
    // whose page groups the organisation's services under it.
    const withStaff = e2e().server.accounts.find((a) => a.agencyCode !== null)?.agencyCode
    assert.ok(withStaff, 'the demo data has an agency with accounts')
    agencyCode = withStaff
    const res = await fetch(`${e2e().server.baseUrl}/agencies/${agencyCode}`)
    // The breadcrumbs end with the agency's parent.
    const $ = cheerio.load(await res.text())
    const href = $('nav.mr-breadcrumbs a[href^="/agencies/"]').last().attr('href') ?? ''
    parentCode = href.replace('/agencies/', '')
  })

  const pages: [string, () => string][] = [
    ['agency page', () => `/agencies/${agencyCode}`],
    ['parent agency page', () => `/agencies/${parentCode}`],
    ['calendar of this year', () => '/calendar'],
    ['calendar of 1406', () => '/calendar?year=1406'],
    ['calendar of 1407', () => '/calendar?year=1407'],
  ]

  for (const width of [1280, 375]) {
    for (const [name, path] of pages) {
      it(`${name} at ${width} px: no axe violations, no sideways scroll`, { skip }, async () => {
        const { server, browser } = e2e()
        const context = await browser.newContext({
          locale: 'fa-IR',
          viewport: { width, height: 900 },
        })
        try {
          const page = await context.newPage()
          const res = await page.goto(server.baseUrl + path())
          assert.equal(res?.status(), 200, `GET ${path()}`)
          assert.equal(await page.locator('h1').count(), 1)
          const sideways = await overflow(page)
          assert.ok(sideways <= 0, `${path()} fits ${width} px (overflow ${sideways} px)`)
          const violations = await axeViolations(page)
          assert.deepEqual(
            violations,
            [],
            `axe on ${path()} at ${width} px:\n${violations.join('\n')}`,
          )
        } finally {
          await context.close()
        }
      })
    }
  }

  it('lists the services, grouped under the subordinate agency on its parent’s page', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/agencies/${agencyCode}`)
      assert.match(
        (await page.locator('#services-heading').textContent()) ?? '',
        /^خدمات \([۰-۹]+\)$/,
      )
      const own = await page.locator('#services .mr-service-list__item a').count()
      assert.ok(own > 0, 'the demo agency has published services')
      assert.ok(parentCode, 'the demo agency has a parent')
      await page.goto(`${server.baseUrl}/agencies/${parentCode}`)
      const group = page.locator(
        `.mr-agency-services__group:has(h3 a[href="/agencies/${agencyCode}"])`,
      )
      assert.equal(
        await group.count(),
        1,
        'the organisation’s services are grouped on its parent’s page',
      )
      // From a service page's provider row back to the agency's services.
      const first = page.locator('#services .mr-service-list__item a').first()
      await first.click()
      await page.locator('#provider-services').click()
      assert.match(page.url(), /\/agencies\/\d+#services$/)
      assert.equal(await page.locator('#services-heading').isVisible(), true)
    } finally {
      await context.close()
    }
  })

  it('says on /calendar?year=1407 that its lunar holidays are not entered', { skip }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/calendar?year=1407`)
      assert.match(
        (await page.locator('#lunar-unknown').textContent()) ?? '',
        /۱۴۰۷ هنوز ثبت نشده است/,
      )
      assert.equal(await page.locator('#holidays tbody tr').count(), 10)
    } finally {
      await context.close()
    }
  })

  it('the service page’s estimate in 1407 says its lunar holidays are not known, axe-clean at 1280 and 375 px', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${server.baseUrl}/agencies/${agencyCode}`)
      // Services without a documented process have no estimate: find one that has.
      const links = await page
        .locator('#services .mr-service-list__item a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
      let found = false
      for (const link of links) {
        await page.goto(`${server.baseUrl}${link}?start-year=1407&start-month=1&start-day=15`)
        if ((await page.locator('.mr-completion').count()) === 0) continue
        found = true
        assert.match(
          (await page.locator('#completion-lunar-unknown').textContent()) ?? '',
          /پس از ۲۹ اسفند ۱۴۰۶ هنوز در تقویم تعطیلات ثبت نشده/,
        )
        break
      }
      assert.ok(found, 'a demo service of the agency has a process with a completion estimate')
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 })
        const sideways = await overflow(page)
        assert.ok(sideways <= 0, `the service page fits ${width} px (overflow ${sideways} px)`)
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], `axe at ${width} px:\n${violations.join('\n')}`)
      }
    } finally {
      await context.close()
    }
  })

  it('the central admin’s calendar page (lunar-year form) is axe-clean at 1280 and 375 px', {
    skip,
  }, async () => {
    const { server, newContext } = e2e()
    const admin = server.accounts.find(
      (a) => a.agencyCode === null && a.roleLabel === 'مدیر سامانه',
    )
    assert.ok(admin, 'the demo data has a central admin')
    const { signIn } = demoSessions((path) => server.baseUrl + path)
    const context = await newContext()
    try {
      const page = await context.newPage()
      await signIn(page, admin)
      await page.goto(`${server.baseUrl}/admin/calendar?year=1407`)
      assert.match((await page.locator('#lunar-known').textContent()) ?? '', /۱۴۰۶/)
      // A refused year: the error summary and the field error must be accessible too.
      await page.locator('input[name=lunarYear]').fill('۱۴۰۷')
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('form[action^="/admin/calendar/lunar-year"] button').click(),
      ])
      assert.match((await page.locator('.mr-error-summary').textContent()) ?? '', /۱۴۰۷/)
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 })
        const sideways = await overflow(page)
        assert.ok(sideways <= 0, `/admin/calendar fits ${width} px (overflow ${sideways} px)`)
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], `axe at ${width} px:\n${violations.join('\n')}`)
      }
    } finally {
      await context.close()
    }
  })
})
