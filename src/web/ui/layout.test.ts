import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { html } from 'hono/html'
import { type PageProps, renderPage } from '../layout.ts'
import { footer } from './footer.ts'
import { header } from './header.ts'
import { load, renderToString } from './testing.ts'

const XSS = '<script>alert(1)</script>'

async function page(props: Partial<PageProps> = {}) {
  const out = await renderToString(
    renderPage({
      title: 'خدمات',
      content: html`<h1 class="mr-heading-l">خدمات</h1>`,
      csrfToken: 'csrf-token-1',
      ...props,
    }),
  )
  return { out, $: cheerio.load(out) }
}

describe('header', () => {
  it('links the service name home and has a labelled GET search form', async () => {
    const $ = await load(header({ csrfToken: 't', searchQuery: XSS }))
    assert.equal($('a.mr-header__service-name').attr('href'), '/')
    assert.equal($('a.mr-header__service-name').text(), 'پرتال مردم')
    const form = $('form[role=search]')
    assert.equal(form.attr('method'), 'get')
    assert.equal(form.attr('action'), '/search')
    const input = form.find('input[name=q]')
    assert.equal(input.attr('value'), XSS)
    assert.equal(form.find(`label[for="${input.attr('id')}"]`).length, 1)
    assert.equal($('.mr-header__account').length, 0)
    // The home page's autocomplete (search.js) finds the box by these.
    assert.equal(input.attr('data-suggest-url'), '/search/suggest')
    assert.equal(input.parent('.mr-suggest').length, 1)
    assert.equal(form.find('label').text(), 'جست‌وجو در خدمات')
    assert.equal(form.find('button').text(), 'جست‌وجو')
  })

  it('can leave the suggestions out', async () => {
    const $ = await load(header({ csrfToken: 't', suggestUrl: '' }))
    assert.equal($('input[name=q]').attr('data-suggest-url'), undefined)
  })

  it('shows the signed-in user and a POST sign-out form with the CSRF field', async () => {
    const $ = await load(
      header({
        csrfToken: 'tok',
        user: { displayName: XSS, roleLabel: 'ویراستار', agencyName: 'ثبت' },
        nav: [
          { href: '/a', text: 'الف', current: true },
          { href: '/b', text: 'ب' },
        ],
      }),
    )
    assert.equal($('.mr-header__user-name').text(), XSS)
    assert.match($('.mr-header__user-meta').text(), /ویراستار.*ثبت/)
    const form = $('form.mr-header__sign-out')
    assert.equal(form.attr('method'), 'post')
    assert.equal(form.find('input[type=hidden][name=_csrf]').attr('value'), 'tok')
    assert.equal(form.find('button[type=submit]').text(), 'خروج')
    assert.equal($('nav[aria-label] a[aria-current=page]').attr('href'), '/a')
    assert.equal($('nav a').length, 2)
  })
})

describe('footer', () => {
  it('shows the links and the supervising body', async () => {
    const $ = await load(footer({ links: [{ href: '/about', text: XSS }] }))
    assert.equal($('footer a[href="/about"]').text(), XSS)
    assert.match($('footer').text(), /سازمان اداری و استخدامی کشور/)
  })
})

describe('renderPage', () => {
  it('is a complete right-to-left Persian document', async () => {
    const { out, $ } = await page()
    assert.match(out, /^<!doctype html>\n<html lang="fa" dir="rtl">/)
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
    assert.equal($('meta[charset]').attr('charset'), 'utf-8')
    assert.match($('meta[name=viewport]').attr('content') ?? '', /width=device-width/)
    assert.equal($('title').text(), 'خدمات — پرتال مردم')
    assert.equal($('link[rel=stylesheet][href="/assets/site.css"]').length, 1)
    assert.equal($('link[rel=stylesheet][media=print][href="/assets/print.css"]').length, 1)
  })

  it('orders skip link, header, main and footer, and the skip link targets main', async () => {
    const { $ } = await page()
    const body = $('body').children()
    assert.ok(body.first().is('a.mr-skip-link'))
    assert.equal(body.first().attr('href'), '#main')
    assert.equal($('main#main').length, 1)
    assert.equal($('main#main h1').text(), 'خدمات')
    assert.equal($('header').length, 1)
    assert.ok(body.last().is('footer'))
    assert.equal($('h1').length, 1)
  })

  it('has no inline script, inline style or event handler', async () => {
    const { out, $ } = await page({
      user: { displayName: 'کاربر', roleLabel: 'مدیر' },
      banner: { kind: 'success', text: 'ذخیره شد' },
      breadcrumbs: [{ href: '/', text: 'خانه' }, { text: 'خدمات' }],
      scripts: ['/assets/flowchart.js'],
    })
    assert.doesNotMatch(out, /\sstyle=/i)
    assert.doesNotMatch(out, /<style/i)
    assert.doesNotMatch(out, /\son[a-z]+=/i)
    $('script').each((_, el) => {
      assert.match($(el).attr('src') ?? '', /^\/assets\//, 'every script is external')
      assert.equal($(el).text(), '')
    })
    assert.deepEqual(
      $('script')
        .toArray()
        .map((el) => $(el).attr('src')),
      ['/assets/ui.js', '/assets/search.js', '/assets/flowchart.js'],
    )
  })

  it('links the icon (ICO and SVG) and the contact, privacy and accessibility pages', async () => {
    const { $ } = await page()
    assert.deepEqual(
      $('link[rel=icon]')
        .toArray()
        .map((el) => $(el).attr('href')),
      ['/favicon.ico', '/assets/favicon.svg'],
    )
    const footerLinks = $('footer a')
      .toArray()
      .map((el) => [$(el).attr('href'), $(el).text()])
    for (const [href, text] of [
      ['/contact', 'تماس با ما'],
      ['/privacy', 'حریم خصوصی'],
      ['/accessibility', 'بیانیهٔ دسترس‌پذیری'],
    ])
      assert.ok(
        footerLinks.some(([h, t]) => h === href && t === text),
        `footer links ${href} as «${text}»`,
      )
  })

  it('refuses scripts outside /assets/', () => {
    assert.throws(() =>
      renderPage({
        title: 'x',
        content: html``,
        csrfToken: 't',
        scripts: ['https://cdn.example/x.js'],
      }),
    )
  })

  it('escapes the title, search query and user name', async () => {
    const { out, $ } = await page({
      title: XSS,
      searchQuery: XSS,
      user: { displayName: XSS, roleLabel: XSS },
    })
    assert.doesNotMatch(out, /<script>alert/)
    assert.equal($('title').text(), `${XSS} — پرتال مردم`)
  })

  it('renders breadcrumbs, the banner inside main, nav and the signed-in area', async () => {
    const { $ } = await page({
      user: { displayName: 'مریم', roleLabel: 'ناظر مرکزی' },
      nav: [{ href: '/services', text: 'خدمات', current: true }],
      breadcrumbs: [{ href: '/', text: 'خانه' }, { text: 'خدمات' }],
      banner: { kind: 'info', title: 'اطلاعیه', text: 'به‌روزرسانی' },
    })
    assert.equal($('nav[aria-label="مسیر راهنما"] li').length, 2)
    assert.equal($('main#main > .mr-notification-banner[role=region]').length, 1)
    assert.equal($('#mr-notification-banner-title').text(), 'اطلاعیه')
    assert.equal($('.mr-service-navigation a[aria-current=page]').text(), 'خدمات')
    assert.equal($('form.mr-header__sign-out input[name=_csrf]').attr('value'), 'csrf-token-1')
  })

  it('leaves out optional parts when not given', async () => {
    const { $ } = await page()
    assert.equal($('.mr-breadcrumbs').length, 0)
    assert.equal($('.mr-notification-banner').length, 0)
    assert.equal($('.mr-header__account').length, 0)
    assert.equal($('.mr-service-navigation').length, 0)
  })
})
