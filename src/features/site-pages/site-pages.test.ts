import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { SITE_PAGE_PATHS } from './messages.fa.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

async function get(path: string) {
  const res = await t.client().get(path)
  assert.equal(res.status, 200, path)
  return cheerio.load(await res.text())
}

const OPERATOR = 'سازمان اداری و استخدامی کشور'

describe('the footer pages (contact, privacy, accessibility)', () => {
  it('are linked from every page footer and are Persian right-to-left pages naming the operator', async () => {
    const home = await get('/')
    for (const [path, title] of [
      [SITE_PAGE_PATHS.contact, 'تماس با ما'],
      [SITE_PAGE_PATHS.privacy, 'حریم خصوصی'],
      [SITE_PAGE_PATHS.accessibility, 'بیانیهٔ دسترس‌پذیری'],
    ] as const) {
      assert.equal(home(`footer a[href="${path}"]`).length, 1, `the footer links ${path}`)
      const $ = await get(path)
      assert.equal($('html').attr('lang'), 'fa')
      assert.equal($('html').attr('dir'), 'rtl')
      assert.equal($('h1').length, 1)
      assert.equal($('h1').text(), title)
      assert.match($('title').text(), new RegExp(`^${title} — پرتال مردم$`))
      assert.match($('main').text(), new RegExp(OPERATOR))
      assert.ok($('main h2').length >= 3, `${path} has sections`)
    }
  })

  it('contact: says who answers what, with the report deadline and where to follow a report up', async () => {
    const $ = await get('/contact')
    const text = $('main').text()
    assert.match(text, /ظرف ۱۵ روز کاری/)
    assert.equal($('main a[href="/reports"]').length, 1)
    assert.equal($('main a[href="/agencies"]').length, 1)
    assert.match(text, /گزارش آسیب‌پذیری/)
    // Without CONTACT_EMAIL the page says so instead of inventing an address.
    assert.equal($('main a[href^="mailto:"]').length, 0)
    assert.match(text, /نشانی رایانامهٔ پشتیبانی برای این نصب پرتال هنوز تعیین نشده است/)
  })

  it('contact: shows CONTACT_EMAIL as a mail link when it is set', async () => {
    // The route reads the configuration on each request.
    t.deps.config.contactEmail = 'portal@example.ir'
    try {
      const $ = await get('/contact')
      const links = $('main a[href="mailto:portal@example.ir"]')
      assert.ok(links.length >= 2, 'for problems with the portal and for security reports')
      assert.equal(links.first().attr('dir'), 'ltr')
      assert.equal(links.first().text(), 'portal@example.ir')
      const a11y = await get('/accessibility')
      assert.equal(a11y('main a[href="mailto:portal@example.ir"]').length, 1)
    } finally {
      t.deps.config.contactEmail = undefined
    }
  })

  it('privacy: what is kept, as keyed hashes, for how long, and the cookies by name', async () => {
    const text = (await get('/privacy'))('main').text()
    assert.match(text, /چکیدهٔ کلیددار \(HMAC\)/)
    assert.match(text, /پس از ۳۰ روز پاک می‌شود/)
    assert.match(text, /وقتی گزارش بسته شود، این نشانی پاک می‌شود/)
    assert.match(text, /نشانی IP شما در آن نوشته نمی‌شود/)
    for (const cookie of ['mardom_csrf', 'mardom_fb', 'mardom_session'])
      assert.match(text, new RegExp(cookie))
  })

  it('accessibility: the standard, known problems and how it was tested', async () => {
    const $ = await get('/accessibility')
    assert.match($('main').text(), /WCAG 2\.1/)
    const known = $('main h2')
      .filter((_, h) => $(h).text() === 'مشکلات شناخته‌شده')
      .next('ul')
      .find('li')
    assert.ok(known.length >= 3, 'lists the known gaps')
    assert.match($('main').text(), /۱۶ آذر ۱۴۰۵/)
  })

  it('answers 404 for a path it does not own', async () => {
    assert.equal((await t.client().get('/contact/more')).status, 404)
  })
})
