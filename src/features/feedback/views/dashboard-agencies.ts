import { html } from 'hono/html'
import { formatNumberFa } from '../../../lib/fa/digits.ts'
import { type Html, table } from '../../../web/ui/index.ts'
import { NOT_ENOUGH_DATA } from '../../services/index.ts'
import { METRIC_LABELS, dashboardMsg as msg } from '../dashboard.messages.fa.ts'
import { type AgencyRow, type CentralDashboard, METRICS } from '../dashboard.read.ts'
import { type Bar, barChart } from './charts.ts'
import { fmt, MEAN_TICKS, SHARE_TICKS } from './dashboard-page.ts'

/** The sorted-on figure as written in the chart and in the table's «مقدار» column. */
function valueText(v: CentralDashboard, r: AgencyRow): string {
  if (r.n < v.minN || r.value === null) return NOT_ENOUGH_DATA
  return v.metric === 'satisfaction' ? fmt.mean(r.value) : fmt.share(r.value)
}

function bar(v: CentralDashboard, r: AgencyRow): Bar {
  const text = valueText(v, r)
  if (text === NOT_ENOUGH_DATA || r.value === null)
    return { label: r.agencyName, value: null, text }
  if (v.metric === 'satisfaction')
    return {
      label: r.agencyName,
      value: r.value,
      low: r.satisfaction.ci95?.[0] ?? null,
      high: r.satisfaction.ci95?.[1] ?? null,
      text,
    }
  const f = v.metric === 'helpful' ? r.helpful : r.onTime
  return { label: r.agencyName, value: r.value, low: f.low, high: f.high, text }
}

function sortLink(v: CentralDashboard, by: string, sort: 'n' | 'value', text: string): Html {
  const current = v.metric === by && v.sort === sort
  return html`<a class="mr-link" href="/admin/feedback/agencies?by=${by}&amp;sort=${sort}"${current ? html` aria-current="true"` : ''}>${text}</a>`
}

/** The centre's comparison: one row per agency, sortable by n or by value, ranked where n ≥ min. */
export function centralDashboardPage(v: CentralDashboard): Html {
  const label = METRIC_LABELS[v.metric]
  const nav = html`<nav aria-label="${msg.sortBy}"><ul class="mr-list">${METRICS.map(
    (m) =>
      html`<li>${METRIC_LABELS[m]}: ${sortLink(v, m, 'value', 'بر پایهٔ مقدار')} · ${sortLink(v, m, 'n', 'بر پایهٔ n')}</li>`,
  )}</ul></nav>`
  const chart = barChart({
    title: `${label}، هر دستگاه`,
    max: v.metric === 'satisfaction' ? 5 : 1,
    ticks: v.metric === 'satisfaction' ? MEAN_TICKS : SHARE_TICKS,
    bars: v.rows.map((r) => bar(v, r)),
  })
  const rows = v.rows.map((r) => [
    { text: r.rank === null ? '—' : formatNumberFa(r.rank), format: 'numeric' as const },
    {
      html: html`<a class="mr-link" href="/admin/feedback/agencies/${r.agencyId}">${r.agencyName}</a>`,
    },
    { text: fmt.count(r.n), format: 'numeric' as const },
    { text: valueText(v, r), format: 'numeric' as const },
    { text: fmt.count(r.helpful.n), format: 'numeric' as const },
    { text: fmt.count(r.satisfaction.n), format: 'numeric' as const },
    {
      text:
        r.satisfaction.shown && r.satisfaction.mean !== null && r.satisfaction.ci95
          ? `${fmt.mean(r.satisfaction.mean)} (${fmt.interval(r.satisfaction.ci95)})`
          : NOT_ENOUGH_DATA,
      format: 'numeric' as const,
    },
    { text: fmt.count(r.reportsTotal), format: 'numeric' as const },
    { text: fmt.count(r.reportsOpen), format: 'numeric' as const },
    { text: fmt.count(r.reportsOverdue), format: 'numeric' as const },
    { text: fmt.count(r.onTime.n), format: 'numeric' as const },
  ])
  return html`<div class="mr-feedback-dashboard">
    <h1 class="mr-heading-l">${msg.centralTitle}</h1>
    <p class="mr-body">${msg.minNote(formatNumberFa(v.minN))} ${msg.rankNote}</p>
    ${nav}
    <section id="agencies" aria-labelledby="agencies-heading">
      <h2 class="mr-heading-m" id="agencies-heading">${label}</h2>
      <figure class="mr-chart-figure">${chart}</figure>
      ${table({
        id: 'agencies-table',
        caption: `${label}، هر دستگاه`,
        scrollable: true,
        head: [
          { text: 'رتبه', format: 'numeric' },
          { text: 'دستگاه' },
          { text: 'n', format: 'numeric' },
          { text: 'مقدار', format: 'numeric' },
          { text: 'n مفید بودن', format: 'numeric' },
          { text: 'n رضایت', format: 'numeric' },
          { text: 'میانگین رضایت (بازهٔ ۹۵٪)', format: 'numeric' },
          { text: 'گزارش‌ها', format: 'numeric' },
          { text: 'باز', format: 'numeric' },
          { text: 'گذشته از موعد', format: 'numeric' },
          { text: 'n با وعدهٔ زمان', format: 'numeric' },
        ],
        rows,
      })}
    </section>
  </div>`
}
