import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { html } from 'hono/html'
import { breadcrumbs } from './breadcrumbs.ts'
import { button } from './button.ts'
import { details } from './details.ts'
import { insetText } from './inset-text.ts'
import { notificationBanner } from './notification-banner.ts'
import { pagination, paginationItems } from './pagination.ts'
import { panel } from './panel.ts'
import { skipLink } from './skip-link.ts'
import { summaryList } from './summary-list.ts'
import { table } from './table.ts'
import { tag } from './tag.ts'
import { load, renderToString } from './testing.ts'
import { warningText } from './warning-text.ts'

const XSS = '<script>alert(1)</script>'

describe('button', () => {
  it('renders primary, secondary and warning submit buttons', async () => {
    const $ = await load(
      html`${button({ text: 'الف' })}${button({ text: 'ب', variant: 'secondary', type: 'button' })}${button({ text: 'پ', variant: 'warning', name: 'action', value: 'delete' })}`,
    )
    const b = $('button')
    assert.equal(b.eq(0).attr('type'), 'submit')
    assert.equal(b.eq(0).attr('class'), 'mr-button')
    assert.equal(b.eq(1).attr('type'), 'button')
    assert.ok(b.eq(1).hasClass('mr-button--secondary'))
    assert.ok(b.eq(2).hasClass('mr-button--warning'))
    assert.equal(b.eq(2).attr('name'), 'action')
  })

  it('renders a link as a button and escapes its text and href', async () => {
    const $ = await load(button({ text: XSS, href: '/x?a=1&b="2"' }))
    const a = $('a.mr-button')
    assert.equal(a.attr('href'), '/x?a=1&b="2"')
    assert.equal(a.attr('role'), 'button')
    assert.equal(a.text(), XSS)
  })
})

describe('table', () => {
  it('has a caption, column headers, row headers and numeric cells', async () => {
    const $ = await load(
      table({
        caption: 'مراحل',
        firstCellIsHeader: true,
        head: [{ text: 'مرحله' }, { text: 'روز', format: 'numeric' }],
        rows: [[{ text: XSS }, { text: '۱۰', format: 'numeric' }]],
      }),
    )
    assert.equal($('caption').text(), 'مراحل')
    assert.equal($('thead th[scope=col]').length, 2)
    assert.equal($('tbody th[scope=row]').text(), XSS)
    assert.ok($('tbody td').hasClass('mr-table__cell--numeric'))
    assert.ok($('thead th').eq(1).hasClass('mr-table__header--numeric'))
  })

  it('names a scrollable table region by its caption', async () => {
    const $ = await load(table({ id: 't', caption: 'دفاتر', scrollable: true, rows: [] }))
    const region = $('.mr-table-wrapper')
    assert.equal(region.attr('role'), 'region')
    assert.equal(region.attr('tabindex'), '0')
    assert.equal($(`#${region.attr('aria-labelledby')}`).text(), 'دفاتر')
  })
})

describe('summaryList', () => {
  it('renders key/value rows with a change link carrying hidden context', async () => {
    const $ = await load(
      summaryList({
        rows: [
          {
            key: { text: 'عنوان' },
            value: { text: XSS },
            actions: { items: [{ href: '/edit#title', visuallyHiddenText: 'عنوان' }] },
          },
          { key: { text: 'دستگاه' }, value: { text: 'ثبت' } },
        ],
      }),
    )
    assert.equal($('dt').first().text(), 'عنوان')
    assert.equal($('dd.mr-summary-list__value').first().text(), XSS)
    const link = $('.mr-summary-list__actions a')
    assert.equal(link.attr('href'), '/edit#title')
    assert.equal(link.text(), 'تغییر عنوان')
    assert.equal(link.find('.mr-visually-hidden').text(), ' عنوان')
    assert.ok($('.mr-summary-list__row').eq(1).hasClass('mr-summary-list__row--no-actions'))
  })
})

describe('tag', () => {
  it('renders each colour', async () => {
    for (const colour of ['grey', 'green', 'red', 'yellow', 'blue'] as const) {
      const $ = await load(tag({ text: colour, colour }))
      assert.ok($('strong').hasClass(`mr-tag--${colour}`))
    }
    assert.match(await renderToString(tag({ text: XSS })), /mr-tag--blue.*&lt;script&gt;/)
  })
})

describe('breadcrumbs', () => {
  it('is a labelled nav with an ordered list, the last item current', async () => {
    const $ = await load(breadcrumbs({ items: [{ href: '/', text: 'خانه' }, { text: XSS }] }))
    assert.equal($('nav').attr('aria-label'), 'مسیر راهنما')
    assert.equal($('ol > li').length, 2)
    assert.equal($('ol > li a').attr('href'), '/')
    assert.equal($('li[aria-current=page]').text(), XSS)
  })
})

describe('pagination', () => {
  it('marks the current page, uses Persian digits and «قبلی»/«بعدی»', async () => {
    const $ = await load(
      pagination({
        previous: { href: '?page=1' },
        next: { href: '?page=3' },
        items: paginationItems(2, 3, (p) => `?page=${p}`),
      }),
    )
    assert.equal($('nav').attr('aria-label'), 'صفحه‌بندی')
    const current = $('[aria-current=page]')
    assert.equal(current.length, 1)
    assert.equal(current.text(), '۲')
    assert.equal(current.attr('href'), '?page=2')
    assert.equal(current.attr('aria-label'), 'صفحهٔ ۲')
    assert.deepEqual(
      $('.mr-pagination__item a')
        .toArray()
        .map((el) => $(el).text()),
      ['۱', '۲', '۳'],
    )
    assert.equal($('a[rel=prev]').text().trim(), 'صفحهٔ قبلی')
    assert.equal($('a[rel=prev] .mr-pagination__link-title').text(), 'صفحهٔ قبلی')
    assert.equal($('a[rel=next] .mr-pagination__link-title').text(), 'صفحهٔ بعدی')
    assert.equal($('svg[aria-hidden=true][focusable=false]').length, 2)
  })

  it('builds items with ellipses around the current page', () => {
    const items = paginationItems(6, 12, (p) => `/p/${p}`)
    const shape = items.map((i) => ('ellipsis' in i ? '…' : i.current ? `[${i.number}]` : i.number))
    assert.deepEqual(shape, [1, '…', 5, '[6]', 7, '…', 12])
    assert.deepEqual(
      paginationItems(1, 3, String).map((i) => ('ellipsis' in i ? '…' : i.number)),
      [1, 2, 3],
    )
    // A gap of one page shows the page rather than an ellipsis.
    assert.deepEqual(
      paginationItems(3, 4, String).map((i) => ('ellipsis' in i ? '…' : i.number)),
      [1, 2, 3, 4],
    )
    assert.deepEqual(paginationItems(1, 1, String).length, 1)
  })

  it('renders the block layout without a page list', async () => {
    const $ = await load(pagination({ next: { href: '/b', labelText: XSS } }))
    assert.ok($('nav').hasClass('mr-pagination--block'))
    assert.equal($('ul').length, 0)
    assert.equal($('.mr-pagination__link-label').text(), XSS)
  })
})

describe('notificationBanner', () => {
  it('is a labelled region titled «توجه» by default', async () => {
    const $ = await load(notificationBanner({ text: XSS }))
    const banner = $('.mr-notification-banner')
    assert.equal(banner.attr('role'), 'region')
    assert.equal($(`#${banner.attr('aria-labelledby')}`).text(), 'توجه')
    assert.equal($('.mr-notification-banner__heading').text(), XSS)
  })

  it('is an alert titled «انجام شد» for success', async () => {
    const $ = await load(notificationBanner({ type: 'success', text: 'ذخیره شد' }))
    assert.equal($('.mr-notification-banner').attr('role'), 'alert')
    assert.ok($('.mr-notification-banner').hasClass('mr-notification-banner--success'))
    assert.equal($('h2').text(), 'انجام شد')
  })
})

describe('inset text, details, panel, warning text, skip link', () => {
  it('escape their text', async () => {
    for (const h of [
      insetText({ text: XSS }),
      details({ summaryText: XSS, text: XSS }),
      panel({ titleText: XSS, text: XSS, code: XSS }),
      warningText({ text: XSS }),
    ]) {
      assert.doesNotMatch(await renderToString(h), /<script/)
    }
  })

  it('renders details as a native disclosure', async () => {
    const $ = await load(details({ summaryText: 'بیشتر', text: 'متن', open: true }))
    assert.equal($('details[open] > summary').text(), 'بیشتر')
    assert.equal($('.mr-details__text').text(), 'متن')
  })

  it('shows a one-time code left-to-right in the confirmation panel', async () => {
    const $ = await load(panel({ titleText: 'ساخته شد', code: 'Ab12-xY' }))
    assert.equal($('h1.mr-panel__title').text(), 'ساخته شد')
    assert.equal($('.mr-panel__code code[dir=ltr]').text(), 'Ab12-xY')
  })

  it('hides the warning icon and names it for screen readers', async () => {
    const $ = await load(warningText({ text: 'مراقب باشید' }))
    assert.equal($('.mr-warning-text__icon').attr('aria-hidden'), 'true')
    assert.equal($('.mr-warning-text__text').text(), 'هشدار: مراقب باشید')
  })

  it('skips to #main', async () => {
    const $ = await load(skipLink())
    assert.equal($('a').attr('href'), '#main')
    assert.equal($('a').text(), 'پرش به محتوای اصلی')
  })
})
