import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { axeViolations } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'

/**
 * Issue 17 items 7 and 8 on the demo's longest service pages. Measured before the change:
 * driving-licence-issue (the longest text, eight offices) printed on 16 A4 pages and
 * building-permit (20-step process) on 13, with the date form, «اکنون باز است» and link targets
 * such as (tel:…) and (geo:…) on paper; the screen page was 14,355 px high at 1280 px.
 */
describe('the service page printed and read at length', () => {
  const e2e = useE2e()
  const LONGEST = ['driving-licence-issue', 'building-permit']
  const MOST_OFFICES = 'driving-licence-issue'
  const HEIGHT_BEFORE = 14_355

  /** The number of pages of a PDF: its page tree's largest /Count. */
  function pdfPages(pdf: Buffer): number {
    const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]))
    return Math.max(0, ...counts)
  }

  const printed = z.object({
    text: z.string(),
    /** The generated ::after text of every link in <main> (what paper shows after it). */
    linkAfters: z.array(z.string()),
  })

  for (const slug of LONGEST) {
    it(`${slug}: prints on at most 3 A4 pages, without forms, badges of the moment or internal link targets`, {
      skip,
    }, async () => {
      const context = await e2e().newContext()
      try {
        const page = await context.newPage()
        const res = await page.goto(`${e2e().server.baseUrl}/services/${slug}`)
        assert.equal(res?.status(), 200)
        await page.evaluate('document.fonts.ready')
        const pages = pdfPages(await page.pdf({ format: 'A4' }))
        assert.ok(pages >= 1 && pages <= 3, `${slug} prints on ${pages} A4 pages`)

        await page.emulateMedia({ media: 'print' })
        const p = printed.parse(
          await page.evaluate(`({
            text: document.body.innerText,
            linkAfters: [...document.querySelectorAll('main a[href]')]
              .filter((a) => a.offsetParent !== null)
              .map((a) => getComputedStyle(a, '::after').content)
              .filter((c) => c && c !== 'none' && c !== 'normal'),
          })`),
        )
        for (const moment of ['اکنون باز است', 'اکنون بسته است', 'ساعات کار امروز']) {
          assert.ok(!p.text.includes(moment), `no «${moment}» on paper`)
        }
        for (const form of [
          'محاسبه برای تاریخ دیگری',
          'آیا این صفحه مفید بود',
          'اطلاعات این بخش نادرست است',
        ]) {
          assert.ok(!p.text.includes(form), `no «${form}» on paper`)
        }
        assert.ok(
          p.text.includes('مراحل به ترتیب') || slug !== 'building-permit',
          'the steps table is printed',
        )
        const printedTargets = p.linkAfters.join('\n')
        assert.doesNotMatch(printedTargets, /tel:|geo:|mailto:|\(\/|\(offices|\(#/, printedTargets)
        assert.doesNotMatch(p.text, /\((tel|geo):/)
        if (slug === MOST_OFFICES) {
          // Every office in the condensed table, none of the cards.
          const offices = await page.evaluate(
            'document.querySelectorAll(".mr-print-offices tbody tr").length',
          )
          assert.equal(offices, 8)
          assert.ok(p.text.includes('خیابان زند'), 'the eighth office’s address is printed')
        }
      } finally {
        await context.close()
      }
    })
  }

  it(`${MOST_OFFICES}: a contents list whose links all land, offices after the third folded, shorter page, axe-clean`, {
    skip,
  }, async () => {
    const context = await e2e().newContext()
    try {
      const page = await context.newPage()
      const res = await page.goto(`${e2e().server.baseUrl}/services/${MOST_OFFICES}`)
      assert.equal(res?.status(), 200)
      await page.evaluate('document.fonts.ready')
      const m = z
        .object({
          targets: z.array(z.string()),
          missing: z.array(z.string()),
          contentsTop: z.number(),
          firstSectionTop: z.number(),
          openOffices: z.number(),
          summary: z.string(),
          height: z.number(),
        })
        .parse(
          await page.evaluate(`(() => {
            const links = [...document.querySelectorAll('#contents a[href^="#"]')]
            const targets = links.map((a) => a.getAttribute('href').slice(1))
            const visible = (el) => el.getClientRects().length > 0
            return {
              targets,
              missing: targets.filter((id) => !document.getElementById(id)),
              contentsTop: document.getElementById('contents').getBoundingClientRect().top,
              firstSectionTop: document.getElementById('description').getBoundingClientRect().top,
              openOffices: [...document.querySelectorAll('.mr-office')].filter((o) => visible(o) && !o.closest('details:not([open])')).length,
              summary: document.querySelector('#offices-more summary')?.textContent?.trim() ?? '',
              height: document.documentElement.scrollHeight,
            }
          })()`),
        )
      assert.ok(
        m.targets.length >= 8,
        `the contents list names the sections (${m.targets.join(', ')})`,
      )
      assert.deepEqual(m.missing, [], 'every contents link has its target')
      for (const id of ['description', 'documents', 'fees', 'process', 'offices', 'laws'])
        assert.ok(m.targets.includes(id), `#${id} is in the contents list`)
      assert.ok(m.contentsTop < m.firstSectionTop, 'the contents list comes before the sections')
      assert.equal(m.openOffices, 3, 'three offices shown, the rest folded')
      assert.equal(m.summary, 'نمایش ۵ محل دیگر')
      assert.ok(
        m.height < HEIGHT_BEFORE - 2000,
        `page height ${m.height} px (was ${HEIGHT_BEFORE})`,
      )

      // A contents link scrolls to its section; the disclosure opens without JavaScript's help.
      await page.click('#contents a[href="#offices"]')
      assert.equal(await page.evaluate('location.hash'), '#offices')
      await page.click('#offices-more summary')
      const open = await page.evaluate('document.querySelector("#offices-more").open')
      assert.equal(open, true)

      const violations = await axeViolations(page)
      assert.deepEqual(violations, [], `axe violations:\n${violations.join('\n')}`)
    } finally {
      await context.close()
    }
  })
})
