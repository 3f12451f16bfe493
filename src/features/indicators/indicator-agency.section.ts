import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import { type Html, table } from '../../web/ui/index.ts'
import { targetFor } from './indicator.model.ts'
import { listIndicators } from './indicator.queries.ts'
import { parsePeriod, periodAt, periodLabel } from './period.ts'
import { valuesWithState } from './value.queries.ts'
import { amount } from './views/indicator-common.ts'

/**
 * The agency page's indicators (issue 14 item 5): its approved specific indicators with this
 * year's target and the newest accepted value, and the newest value the portal computed for it
 * of each general indicator. The catalogue composes the agency page and cannot import this
 * feature; the composition root hands this section to it.
 */
export function agencyIndicatorsSection(deps: Deps) {
  return async (agency: { id: string; code: string }): Promise<Html> => {
    const rows = await listIndicators(deps.db, {
      agencyId: agency.id,
      withGeneral: true,
      approvedOnly: true,
    })
    const year = periodAt('yearly', deps.clock.now()).jy
    const lines = await Promise.all(
      rows.flatMap((r) => {
        const v = r.approved
        if (!v) return []
        return [
          (async () => {
            const values = (await valuesWithState(deps.db, r.indicator.id, agency.id)).filter(
              (x) => x.source === 'computed' || x.submission === 'accepted',
            )
            const newest = values.filter((x) => x.value !== null).at(-1)
            const p = newest ? parsePeriod(newest.period) : null
            const target = targetFor(v, year)
            return [
              {
                html: html`<a class="mr-link" href="/indicators/${r.indicator.code}">${v.nameFa}</a>`,
              },
              { text: r.indicator.kind === 'general' ? 'عمومی' : 'اختصاصی' },
              {
                text:
                  newest?.value != null && p
                    ? `${amount(Math.round(newest.value * 100) / 100, v.unit)} (${periodLabel(p)}${newest.n != null ? `، n = ${newest.n.toLocaleString('fa-IR')}` : ''})`
                    : 'هنوز مقدار پذیرفته‌شده‌ای نیست',
              },
              { text: target ? amount(target.target, v.unit) : '—' },
            ]
          })(),
        ]
      }),
    )
    if (lines.length === 0)
      return html`<h2 class="mr-heading-m" id="indicators">شاخص‌های عملکرد</h2>
        <p class="mr-body">این دستگاه هنوز شاخص تصویب‌شده‌ای ندارد. <a class="mr-link" href="/indicators">همهٔ شاخص‌های تصویب‌شده</a></p>`
    return html`<h2 class="mr-heading-m" id="indicators">شاخص‌های عملکرد</h2>
      ${table({
        caption: 'شاخص‌های تصویب‌شده و تازه‌ترین مقدار پذیرفته‌شده یا محاسبه‌شده',
        captionClasses: 'mr-table__caption--s',
        id: 'agency-indicators',
        scrollable: true,
        head: [
          { text: 'شاخص' },
          { text: 'نوع' },
          { text: 'تازه‌ترین مقدار' },
          { text: `هدف ${year.toLocaleString('fa-IR', { useGrouping: false })}` },
        ],
        rows: lines,
      })}`
  }
}
