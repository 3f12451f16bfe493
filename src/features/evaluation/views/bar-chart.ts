import { html } from 'hono/html'
import type { Html } from '../../../web/ui/index.ts'

/**
 * A server-rendered horizontal bar chart for the evaluation pages (issue 15 item 4): no
 * JavaScript; right to left (labels on the right, bars growing leftwards); named by its own
 * `<title>` and described by its `<desc>` through `aria-labelledby`, so a screen reader hears
 * what it shows and that the table under it holds the same numbers; every value is written
 * beside its bar, so nothing rests on colour. It scales with its column (viewBox, width 100%),
 * so it never overflows a phone's screen; drawn 440 wide and kept to two thirds of the page on
 * a desktop, its text stays near 11 px on a 375 px phone and under 20 px on a wide screen.
 */

export interface ChartBar {
  label: string
  value: number
  /** The value as written beside the bar (Persian digits). */
  text: string
}

export interface BarChartProps {
  /** Unique on the page: the ids of its title and description derive from it. */
  id: string
  title: string
  desc: string
  /** The scale's end: a bar of this value fills the plot. */
  max: number
  bars: readonly ChartBar[]
  /** Scale marks under the plot, e.g. ۰، ۵۰، ۱۰۰. */
  ticks?: readonly { value: number; text: string }[]
}

const WIDTH = 440
const LABEL_WIDTH = 170
const TEXT_ROOM = 56
const ROW = 30
const BAR = 16
const PAD = 8
/** Longer names are cut with «…» in the drawing; the full name is in the table under it. */
const LABEL_CHARS = 20

function shortLabel(label: string): string {
  const chars = [...label]
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label
}

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
      html`<line x1="${x(t.value).toFixed(1)}" y1="${plotBottom}" x2="${x(t.value).toFixed(1)}" y2="${plotBottom + 4}" stroke="#0b0c0c"></line><text x="${x(t.value).toFixed(1)}" y="${plotBottom + 15}" text-anchor="middle" fill="#0b0c0c">${t.text}</text>`,
  )
  const rows = p.bars.map((b, i) => {
    const mid = PAD + i * ROW + ROW / 2
    const left = x(b.value)
    return html`<g><text x="${WIDTH - PAD}" y="${mid}" dominant-baseline="middle" text-anchor="start" direction="rtl" fill="#0b0c0c">${shortLabel(b.label)}</text><rect x="${left.toFixed(1)}" y="${mid - BAR / 2}" width="${(right - left).toFixed(1)}" height="${BAR}" fill="#1d70b8"></rect><text x="${(left - 6).toFixed(1)}" y="${mid}" dominant-baseline="middle" text-anchor="start" direction="rtl" fill="#0b0c0c">${b.text}</text></g>`
  })
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds"><svg class="mr-chart" role="img" aria-labelledby="${p.id}-title ${p.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg" direction="rtl" font-size="14" data-chart="${p.id}"><title id="${p.id}-title">${p.title}</title><desc id="${p.id}-desc">${p.desc}</desc><line x1="${right}" y1="${PAD}" x2="${right}" y2="${plotBottom}" stroke="#0b0c0c"></line>${ticks.length ? html`<line x1="${x(max).toFixed(1)}" y1="${plotBottom}" x2="${right}" y2="${plotBottom}" stroke="#0b0c0c"></line>` : ''}${tickMarks}${rows}</svg></div></div>`
}
