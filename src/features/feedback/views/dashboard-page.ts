import { html } from 'hono/html'
import type { TransactionChannel } from '../../../db/schema.ts'
import { formatNumberFa } from '../../../lib/fa/digits.ts'
import { formatDateTimeFa } from '../../../lib/fa/format-date.ts'
import { type Html, table } from '../../../web/ui/index.ts'
import { elapsedText, NOT_ENOUGH_DATA } from '../../services/index.ts'
import {
  AGE_LABELS,
  CHANNEL_LABELS,
  DIMENSION_LABELS,
  dashboardMsg as msg,
} from '../dashboard.messages.fa.ts'
import type { AgencyDashboard, MeanFigure, ShareFigure } from '../dashboard.read.ts'
import { REPORT_STATE_LABELS } from '../report.messages.fa.ts'
import { REPORT_STATES } from '../report.model.ts'
import { WINDOW_DAYS } from '../transaction.rollup.ts'
import { type Bar, barChart } from './charts.ts'

/** Numbers as the dashboards write them: the chart's text and its table use these same helpers. */
export const fmt = {
  count: (n: number) => formatNumberFa(n),
  share: (x: number) => `${formatNumberFa(Math.round(x * 1000) / 10)}٪`,
  mean: (x: number) => formatNumberFa(Math.round(x * 100) / 100),
  interval: (ci: [number, number]) =>
    `${formatNumberFa(Math.round(ci[0] * 100) / 100)} تا ${formatNumberFa(Math.round(ci[1] * 100) / 100)}`,
  shareInterval: (f: ShareFigure) => `${fmt.share(f.low)} تا ${fmt.share(f.high)}`,
}

/** Scale marks of a 1–5 mean and of a share. */
export const MEAN_TICKS = [0, 1, 2, 3, 4, 5].map((v) => ({ value: v, text: formatNumberFa(v) }))
export const SHARE_TICKS = [0, 0.5, 1].map((v) => ({ value: v, text: fmt.share(v) }))

const STEP_UNITS: Record<string, string> = {
  minute: 'دقیقه',
  hour: 'ساعت',
  working_day: 'روز کاری',
  calendar_day: 'روز',
}

export function meanBar(label: string, f: MeanFigure): Bar {
  return f.shown && f.mean !== null
    ? {
        label,
        value: f.mean,
        low: f.ci95?.[0] ?? null,
        high: f.ci95?.[1] ?? null,
        text: fmt.mean(f.mean),
      }
    : { label, value: null, text: NOT_ENOUGH_DATA }
}

export function shareBar(label: string, f: ShareFigure): Bar {
  return f.shown && f.share !== null
    ? { label, value: f.share, low: f.low, high: f.high, text: fmt.share(f.share) }
    : { label, value: null, text: NOT_ENOUGH_DATA }
}

function meanCells(f: MeanFigure) {
  return f.shown && f.mean !== null && f.ci95
    ? [
        { text: fmt.mean(f.mean), format: 'numeric' as const },
        { text: fmt.interval(f.ci95), format: 'numeric' as const },
      ]
    : [{ text: NOT_ENOUGH_DATA, colspan: 2 }]
}

function section(id: string, heading: string, chart: Html, tableHtml: Html): Html {
  return html`<section class="mr-feedback-dashboard__figure" aria-labelledby="${id}-heading" id="${id}">
    <h2 class="mr-heading-m" id="${id}-heading">${heading}</h2>
    <figure class="mr-chart-figure">${chart}</figure>
    ${tableHtml}
  </section>`
}

function meanTable(id: string, caption: string, rows: { label: string; figure: MeanFigure }[]) {
  return table({
    id: `${id}-table`,
    caption,
    firstCellIsHeader: true,
    head: [
      { text: '' },
      { text: 'n', format: 'numeric' },
      { text: 'میانگین', format: 'numeric' },
      { text: 'بازهٔ ۹۵٪', format: 'numeric' },
    ],
    rows: rows.map((r) => [
      { text: r.label },
      { text: fmt.count(r.figure.n), format: 'numeric' as const },
      ...meanCells(r.figure),
    ]),
  })
}

/** The agency's feedback dashboard: four groups of figures, each a chart and its table. */
export function agencyDashboardPage(v: AgencyDashboard, central: boolean): Html {
  const h = v.helpful
  const helpful = section(
    'helpful',
    msg.helpfulHeading,
    barChart({ title: msg.helpfulChart, max: 1, ticks: SHARE_TICKS, bars: [shareBar('بله', h)] }),
    table({
      id: 'helpful-table',
      caption: msg.helpfulChart,
      head: [
        { text: 'بله', format: 'numeric' },
        { text: 'خیر', format: 'numeric' },
        { text: 'n', format: 'numeric' },
        { text: 'سهم «بله»', format: 'numeric' },
        { text: 'کران پایین ویلسون', format: 'numeric' },
      ],
      rows: [
        [
          { text: fmt.count(h.positive), format: 'numeric' },
          { text: fmt.count(h.no), format: 'numeric' },
          { text: fmt.count(h.n), format: 'numeric' },
          ...(h.shown && h.share !== null
            ? [
                { text: fmt.share(h.share), format: 'numeric' as const },
                { text: fmt.share(h.low), format: 'numeric' as const },
              ]
            : [{ text: NOT_ENOUGH_DATA, colspan: 2 }]),
        ],
      ],
    }),
  )
  const stateMax = Math.max(1, ...REPORT_STATES.map((s) => v.reportStates[s]))
  const states = section(
    'report-states',
    msg.reportStateHeading,
    barChart({
      title: msg.reportStateHeading,
      max: stateMax,
      bars: REPORT_STATES.map((s) => ({
        label: REPORT_STATE_LABELS[s],
        value: v.reportStates[s],
        text: fmt.count(v.reportStates[s]),
      })),
    }),
    table({
      id: 'report-states-table',
      caption: msg.reportStateHeading,
      firstCellIsHeader: true,
      head: [{ text: 'وضعیت' }, { text: 'شمار', format: 'numeric' }],
      rows: REPORT_STATES.map((s) => [
        { text: REPORT_STATE_LABELS[s] },
        { text: fmt.count(v.reportStates[s]), format: 'numeric' as const },
      ]),
    }),
  )
  const ageKeys = ['young', 'middle', 'overdue'] as const
  const ages = section(
    'report-ages',
    msg.reportAgeHeading,
    barChart({
      title: msg.reportAgeHeading,
      max: Math.max(1, ...ageKeys.map((k) => v.reportAges[k])),
      bars: ageKeys.map((k) => ({
        label: AGE_LABELS[k],
        value: v.reportAges[k],
        text: fmt.count(v.reportAges[k]),
      })),
    }),
    table({
      id: 'report-ages-table',
      caption: msg.reportAgeHeading,
      firstCellIsHeader: true,
      head: [{ text: 'سن' }, { text: 'شمار', format: 'numeric' }],
      rows: ageKeys.map((k) => [
        { text: AGE_LABELS[k] },
        { text: fmt.count(v.reportAges[k]), format: 'numeric' as const },
      ]),
    }),
  )
  const dimRows = v.dimensions.map((d) => ({ label: DIMENSION_LABELS[d.key], figure: d.figure }))
  const dims = section(
    'dimensions',
    msg.dimensionHeading,
    barChart({
      title: msg.dimensionHeading,
      max: 5,
      ticks: MEAN_TICKS,
      bars: dimRows.map((r) => meanBar(r.label, r.figure)),
    }),
    meanTable('dimensions', msg.dimensionHeading, dimRows),
  )
  const chanRows = v.channels.map((c) => ({
    label: CHANNEL_LABELS[c.key satisfies TransactionChannel],
    figure: c.figure,
  }))
  const chans = section(
    'channels',
    msg.channelHeading,
    barChart({
      title: msg.channelHeading,
      max: 5,
      ticks: MEAN_TICKS,
      bars: chanRows.map((r) => meanBar(r.label, r.figure)),
    }),
    meanTable('channels', msg.channelHeading, chanRows),
  )
  const times =
    v.times.length === 0
      ? html`<section id="times" aria-labelledby="times-heading"><h2 class="mr-heading-m" id="times-heading">${msg.timeHeading}</h2><p class="mr-body">${msg.noTimes}</p></section>`
      : section(
          'times',
          msg.timeHeading,
          barChart({
            title: msg.timeChart,
            max: 1,
            ticks: SHARE_TICKS,
            bars: v.times.map((t) => shareBar(`${t.serviceTitle} — ${t.stepTitle}`, t.onTime)),
          }),
          table({
            id: 'times-table',
            caption: msg.timeChart,
            scrollable: true,
            head: [
              { text: 'خدمت' },
              { text: 'مرحله' },
              { text: 'n', format: 'numeric' },
              { text: 'میانه', format: 'numeric' },
              { text: 'صدک ۹۰', format: 'numeric' },
              { text: 'وعده', format: 'numeric' },
              { text: 'با وعده', format: 'numeric' },
              { text: 'سهم انجام در زمان وعده', format: 'numeric' },
            ],
            rows: v.times.map((t) => [
              { text: t.serviceTitle },
              { text: t.stepTitle },
              { text: fmt.count(t.n), format: 'numeric' as const },
              {
                text: t.medianHours === null ? '—' : elapsedText(t.medianHours),
                format: 'numeric' as const,
              },
              {
                text: t.p90Hours === null ? '—' : elapsedText(t.p90Hours),
                format: 'numeric' as const,
              },
              {
                text: t.promised
                  ? `${formatNumberFa(t.promised.max)} ${STEP_UNITS[t.promised.unit] ?? ''}`
                  : '—',
                format: 'numeric' as const,
              },
              { text: fmt.count(t.withPromise), format: 'numeric' as const },
              {
                text:
                  t.onTime.shown && t.onTime.share !== null
                    ? fmt.share(t.onTime.share)
                    : NOT_ENOUGH_DATA,
                format: 'numeric' as const,
              },
            ]),
          }),
        )
  const computed = v.timesComputedAt
    ? html`<p class="mr-body" id="times-computed">${msg.timesComputed(formatNumberFa(WINDOW_DAYS), formatDateTimeFa(v.timesComputedAt))}</p>`
    : ''
  return html`<div class="mr-feedback-dashboard">
    <h1 class="mr-heading-l">${msg.title}: ${v.agencyName}</h1>
    <p class="mr-body">${msg.minNote(formatNumberFa(v.minN))}</p>
    ${central ? html`<p class="mr-body"><a class="mr-link" href="/admin/feedback/agencies">${msg.toAgencies}</a></p>` : ''}
    ${helpful}${states}${ages}${dims}${chans}${times}${computed}
  </div>`
}
