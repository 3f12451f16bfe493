import { html } from 'hono/html'
import type { Html } from '../../../web/ui/html.ts'

/**
 * Server-rendered SVG charts for the staff dashboards (issue 13 item 7): no JavaScript, an
 * accessible name (`role="img"`, `aria-label` and `<title>`), laid out right to left (labels on
 * the right, bars growing leftwards), and every value written beside its bar, so no meaning
 * rests on colour. Each chart is shown with a table holding the same numbers.
 */

export interface Bar {
  label: string
  /** null: nothing drawn, `text` only (e.g. «هنوز دادهٔ کافی نیست»). */
  value: number | null
  /** An interval drawn as a whisker, e.g. the 95% interval of a mean. */
  low?: number | null
  high?: number | null
  /** The value as written beside the bar (Persian digits). */
  text: string
}

export interface BarChartProps {
  /** The chart's accessible name. */
  title: string
  /** The scale's end: a bar of this value fills the plot. */
  max: number
  bars: Bar[]
  /** Scale marks under the plot, e.g. ۰ to ۵ or ۰٪ to ۱۰۰٪. */
  ticks?: { value: number; text: string }[]
}

const WIDTH = 640
const LABEL_WIDTH = 240
const TEXT_ROOM = 140
const ROW = 30
const BAR = 16
const PAD = 8
/** Longer labels are cut with «…» in the drawing (the full one is its tooltip and in the table). */
const LABEL_CHARS = 28

function shortLabel(label: string): string {
  const chars = [...label]
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label
}

/** A horizontal bar chart with optional interval whiskers. */
export function barChart(p: BarChartProps): Html {
  const right = WIDTH - LABEL_WIDTH - PAD
  const span = right - TEXT_ROOM
  const max = p.max > 0 ? p.max : 1
  const x = (v: number) => right - (Math.min(Math.max(v, 0), max) / max) * span
  const plotBottom = PAD + Math.max(p.bars.length, 1) * ROW
  const ticks = p.ticks ?? []
  const height = plotBottom + PAD + (ticks.length ? 18 : 0)
  const tickMarks = ticks.map(
    (t) =>
      html`<line x1="${x(t.value).toFixed(1)}" y1="${plotBottom}" x2="${x(t.value).toFixed(1)}" y2="${plotBottom + 4}" stroke="#0b0c0c"></line><text x="${x(t.value).toFixed(1)}" y="${plotBottom + 15}" text-anchor="middle" class="mr-chart__tick">${t.text}</text>`,
  )
  const rows = p.bars.map((b, i) => {
    const top = PAD + i * ROW
    const mid = top + ROW / 2
    const hasInterval = b.value !== null && b.low != null && b.high != null
    const leftmost =
      b.value === null ? right : Math.min(x(b.value), hasInterval ? x(b.high ?? 0) : right)
    return html`<g class="mr-chart__row"><title>${b.label}: ${b.text}</title>
      <text x="${WIDTH - PAD}" y="${mid}" dominant-baseline="middle" text-anchor="start" direction="rtl" class="mr-chart__label">${shortLabel(b.label)}</text>
      ${
        b.value === null
          ? ''
          : html`<rect x="${x(b.value).toFixed(1)}" y="${mid - BAR / 2}" width="${(right - x(b.value)).toFixed(1)}" height="${BAR}" class="mr-chart__bar" fill="#1d70b8"></rect>`
      }
      ${
        hasInterval
          ? html`<path d="M${x(b.low ?? 0).toFixed(1)} ${mid}H${x(b.high ?? 0).toFixed(1)}M${x(b.low ?? 0).toFixed(1)} ${mid - 6}V${mid + 6}M${x(b.high ?? 0).toFixed(1)} ${mid - 6}V${mid + 6}" stroke="#0b0c0c" stroke-width="2" fill="none" class="mr-chart__whisker"></path>`
          : ''
      }
      <text x="${(leftmost - 6).toFixed(1)}" y="${mid}" dominant-baseline="middle" text-anchor="start" direction="rtl" class="mr-chart__value">${b.text}</text>
    </g>`
  })
  return html`<svg class="mr-chart" role="img" aria-label="${p.title}" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg" direction="rtl" font-size="13"><title>${p.title}</title><line x1="${right}" y1="${PAD}" x2="${right}" y2="${plotBottom}" stroke="#0b0c0c"></line>${ticks.length ? html`<line x1="${x(p.max)}" y1="${plotBottom}" x2="${right}" y2="${plotBottom}" stroke="#0b0c0c"></line>` : ''}${tickMarks}${rows}</svg>`
}
