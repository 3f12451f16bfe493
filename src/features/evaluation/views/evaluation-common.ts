import { html } from 'hono/html'
import type { EvaluationStatus } from '../../../db/schema.ts'
import { formatDateFa } from '../../../lib/fa/index.ts'
import { type Html, type TableCell, type TagColour, table, tag } from '../../../web/ui/index.ts'
import type { AgencyRef, RankingGroup, RankRow, SnapshotHeader } from '../evaluation.read.ts'
import { pagesMsg as msg } from '../evaluation-pages.messages.fa.ts'
import { barChart } from './bar-chart.ts'

const COLOURS: Record<EvaluationStatus, TagColour> = {
  provisional: 'yellow',
  published: 'green',
  corrected: 'blue',
}

export function statusTag(status: EvaluationStatus): Html {
  return tag({ text: msg.status[status], colour: COLOURS[status] })
}

export function day(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${formatDateFa(d)}</time>`
}

/** Where a snapshot is: its own page (the one in force) or its `/v/{seq}` page. */
export function snapshotHref(h: SnapshotHeader, inForce: boolean): string {
  return inForce ? `/evaluation/${h.period}` : `/evaluation/${h.period}/v/${h.seq}`
}

/** Computed, published and objection dates, each on its line. */
export function dates(h: SnapshotHeader): Html {
  const parts: Html[] = []
  if (h.publishedAt) parts.push(html`${msg.publishedAt('')}${day(h.publishedAt)}`)
  else parts.push(html`${msg.computedAt('')}${day(h.computedAt)}`)
  if (h.objectionsUntil && h.status !== 'provisional')
    parts.push(html`${msg.objectionsUntil('')}${day(h.objectionsUntil)}`)
  return html`${parts.map((p, i) => (i === 0 ? p : html`<br>${p}`))}`
}

export function agencyLink(a: AgencyRef, period: string): Html {
  return a.code
    ? html`<a class="mr-link" href="/evaluation/${period}/agencies/${a.code}">${a.nameFa}</a>`
    : html`${a.nameFa}`
}

function rankCell(r: RankRow): Html {
  return r.tied
    ? html`${msg.rankOf(r.rank)} <span class="mr-hint-inline">(${msg.sharedRank})</span>`
    : html`${msg.rankOf(r.rank)}`
}

/**
 * One peer group's ranking: the chart (when drawn), the table under it with the same numbers,
 * and the agencies that could not be compared, apart and with the reason.
 */
export function groupSection(
  g: RankingGroup,
  o: {
    period: string
    totalWeight: number
    neededWeight: number
    hasPrevious: boolean
    chart: boolean
    headingLevel: 2 | 3
  },
): Html {
  const heading =
    o.headingLevel === 2
      ? html`<h2 class="mr-heading-m" id="group-${g.id}">${g.titleFa}</h2>`
      : html`<h3 class="mr-heading-s" id="group-${g.id}">${g.titleFa}</h3>`
  const rows: TableCell[][] = g.ranked.map((r) => [
    { html: rankCell(r), format: 'numeric' },
    { html: agencyLink(r.agency, o.period) },
    { text: msg.score(r.score), format: 'numeric' },
    { text: o.hasPrevious ? msg.change(r.change) : msg.changeNone },
    { text: msg.weightOf(r.comparableWeight, o.totalWeight), format: 'numeric' },
  ])
  const chart =
    o.chart && g.ranked.length > 0
      ? barChart({
          id: `chart-${g.id}`,
          title: msg.chartTitle(g.titleFa),
          desc: msg.chartDesc(g.ranked.length),
          max: 100,
          bars: g.ranked.map((r) => ({
            label: `${msg.rankOf(r.rank)}. ${r.agency.nameFa}`,
            value: r.score,
            text: msg.score(r.score),
          })),
          ticks: [0, 25, 50, 75, 100].map((v) => ({ value: v, text: msg.score(v) })),
        })
      : ''
  return html`<section aria-labelledby="group-${g.id}">${heading}
    <p class="mr-body">${msg.groupCounts(g.ranked.length, g.notComparable.length)}</p>
    ${chart}
    ${
      g.ranked.length === 0
        ? html`<p class="mr-body">${msg.noneRanked}</p>`
        : table({
            id: `ranking-${g.id}`,
            caption: msg.tableCaption(g.titleFa),
            captionClasses: 'mr-table__caption--s',
            scrollable: true,
            head: [
              { text: msg.col.rank, format: 'numeric' },
              { text: msg.col.agency },
              { text: msg.col.score, format: 'numeric' },
              { text: msg.col.change },
              { text: msg.col.weight, format: 'numeric' },
            ],
            rows,
          })
    }
    ${
      g.notComparable.length === 0
        ? ''
        : table({
            id: `not-comparable-${g.id}`,
            caption: msg.notComparableCaption(g.titleFa),
            captionClasses: 'mr-table__caption--s',
            scrollable: true,
            classes: 'mr-eval-not-comparable',
            head: [{ text: msg.col.agency }, { text: msg.col.reason }],
            rows: g.notComparable.map((r) => [
              { html: agencyLink(r.agency, o.period) },
              {
                html: html`${tag({ text: msg.notComparable, colour: 'grey' })} ${msg.notComparableReason(r.comparableWeight, o.totalWeight, o.neededWeight)}`,
              },
            ]),
          })
    }</section>`
}

/** The open-data links of a period (the API's CSV and JSON, and the inputs to recompute). */
export function downloads(period: string): Html {
  return html`<ul class="mr-list mr-list--bullet">
    <li><a class="mr-link" href="/api/v1/evaluations/${period}?format=csv">${msg.downloadCsv(period)}</a></li>
    <li><a class="mr-link" href="/api/v1/evaluations/${period}">${msg.downloadJson(period)}</a></li>
    <li><a class="mr-link" href="/api/v1/evaluations/${period}/inputs">${msg.downloadInputs(period)}</a></li>
  </ul>`
}

/**
 * The inputs' digest. 64 hex digits would overflow a phone: `<wbr>` every 16 lets it wrap
 * without a space a copy would carry.
 */
export function digest(h: SnapshotHeader): Html {
  const parts = h.inputsDigest.match(/.{1,16}/g) ?? []
  return html`<p class="mr-body">${msg.digest}:<br><code dir="ltr" lang="en">${parts.map((p, i) => (i === 0 ? p : html`<wbr>${p}`))}</code></p>`
}
