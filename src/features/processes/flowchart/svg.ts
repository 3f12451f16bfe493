/**
 * Draws a laid-out process as a self-contained, accessible SVG string.
 *
 * - `role="img"` with `<title>` and `<desc>` (the desc tells the steps in order), so a screen
 *   reader gets the whole process; the page still shows the same steps as a list beside it.
 * - No `style=` attributes, no `<style>` and no scripts (the Content Security Policy forbids
 *   inline styles): colours and sizes are presentation attributes; classes are hooks for CSS.
 * - Drawn at its own size (`width`/`height` in CSS px, equal to the `viewBox`), so no text is
 *   ever below 12px: the public page lets a chart wider than its column scroll sideways inside
 *   its box instead of shrinking it (issue 17; a page may still scale it down with CSS).
 * - Print-friendly: black text and lines on white; return edges are dashed as well as coloured,
 *   with an open arrowhead, so they stay distinct in greyscale.
 * - Every text is XML-escaped.
 */
import { toPersianDigits } from '../../../lib/fa/index.ts'
import type { ProcessStep, ServiceProcess, StepActor } from '../../services/index.ts'
import type { LayoutEdge, LayoutNode, Point, ProcessLayout } from './layout.ts'
import {
  edgeLabelBox,
  FLOWCHART_WORDS_FA,
  type FlowchartText,
  lineHeight,
  METRICS,
  type StepBoxText,
  stepBoxText,
  stepTextHeight,
  textWidth,
  VARIANT_TAG_PAD,
} from './text.ts'

export interface FlowchartLabels extends FlowchartText {
  /** Accessible name of the chart, e.g. «مراحل خدمت صدور گواهی». */
  title: string
  /** Opening sentence of the description; the steps in order are appended to it. */
  description: string
  /**
   * Prefix of the ids inside the SVG (title, desc, arrowheads); must be unique on the page
   * when several charts are shown. Default `mr-flowchart`.
   */
  idPrefix?: string
}

/** Colours (print-friendly: the text and lines are near-black). */
export const FLOWCHART_COLOURS = {
  text: '#0b0c0c',
  secondaryText: '#3d4448',
  line: '#0b0c0c',
  box: '#0f3b5f',
  brand: '#0f3b5f',
  returnLine: '#b14a00',
  white: '#ffffff',
} as const

/** Box fills by actor: light tints that keep black text readable and print light. */
export const ACTOR_FILLS: Readonly<Record<StepActor, string>> = {
  citizen: '#fff1c7',
  agency: '#d9e6f2',
  other_agency: '#dcefe1',
  system: '#ebe5f5',
}

const FONT_FAMILY = 'Vazirmatn, Tahoma, sans-serif'
const LEGEND = { size: 12, swatch: 14, gap: 6, itemGap: 18, rowHeight: 24, pad: 12, line: 34 }
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/

/** Escapes text and attribute values for XML. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Numbers in the output: at most one decimal, never `-0`. */
function n(v: number): string {
  const r = Math.round(v * 10) / 10
  return String(r === 0 ? 0 : r)
}

/** A polyline with rounded corners (radius r, less on short segments). */
export function roundedPath(points: Point[], r = 8): string {
  const first = points[0]
  if (!first) return ''
  let d = `M${n(first.x)},${n(first.y)}`
  for (let i = 1; i < points.length; i++) {
    const p = points[i]
    const prev = points[i - 1]
    const next = points[i + 1]
    if (!p || !prev) continue
    if (!next) {
      d += ` L${n(p.x)},${n(p.y)}`
      continue
    }
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y)
    const outLen = Math.hypot(next.x - p.x, next.y - p.y)
    const k = Math.min(r, inLen / 2, outLen / 2)
    if (k <= 0) {
      d += ` L${n(p.x)},${n(p.y)}`
      continue
    }
    const a = { x: p.x - ((p.x - prev.x) / inLen) * k, y: p.y - ((p.y - prev.y) / inLen) * k }
    const b = { x: p.x + ((next.x - p.x) / outLen) * k, y: p.y + ((next.y - p.y) / outLen) * k }
    d += ` L${n(a.x)},${n(a.y)} Q${n(p.x)},${n(p.y)} ${n(b.x)},${n(b.y)}`
  }
  return d
}

/** One centred line of Persian text (baseline from the line's middle `y`). */
function textLine(
  s: string,
  x: number,
  y: number,
  size: number,
  extra: { cls: string; weight?: number; fill?: string },
): string {
  const weight = extra.weight ? ` font-weight="${extra.weight}"` : ''
  return `<text class="${extra.cls}" x="${n(x)}" y="${n(y + size * 0.35)}" font-size="${size}"${weight} fill="${extra.fill ?? FLOWCHART_COLOURS.text}" direction="rtl" text-anchor="middle">${escapeXml(s)}</text>`
}

/** The lines of a box, stacked and centred on (x, y). */
function boxText(box: StepBoxText, kind: ProcessStep['kind'], x: number, y: number): string[] {
  const out: string[] = []
  const titleSize = kind === 'decision' ? METRICS.questionSize : METRICS.titleSize
  const titleLH = lineHeight(titleSize)
  const metaLH = lineHeight(METRICS.metaSize)
  let top = y - stepTextHeight(box, kind) / 2
  for (const line of box.title) {
    out.push(
      textLine(line, x, top + titleLH / 2, titleSize, { cls: 'mr-flowchart__title', weight: 700 }),
    )
    top += titleLH
  }
  if (box.meta.length > 0 || box.variant) top += METRICS.boxGap
  for (const line of box.meta) {
    out.push(
      textLine(line, x, top + metaLH / 2, METRICS.metaSize, {
        cls: 'mr-flowchart__meta',
        fill: FLOWCHART_COLOURS.secondaryText,
      }),
    )
    top += metaLH
  }
  if (box.variant) {
    const w = textWidth(box.variant, METRICS.metaSize) + VARIANT_TAG_PAD
    out.push(
      `<rect class="mr-flowchart__variant-tag" x="${n(x - w / 2)}" y="${n(top + 1)}" width="${n(w)}" height="${metaLH - 2}" rx="${(metaLH - 2) / 2}" fill="${FLOWCHART_COLOURS.white}" stroke="${FLOWCHART_COLOURS.box}" stroke-width="1"/>`,
      textLine(box.variant, x, top + metaLH / 2, METRICS.metaSize, {
        cls: 'mr-flowchart__variant',
        weight: 700,
      }),
    )
  }
  return out
}

function renderStep(step: ProcessStep, node: LayoutNode, box: StepBoxText, number: string): string {
  const fill = ACTOR_FILLS[step.actor] ?? FLOWCHART_COLOURS.white
  const stroke = FLOWCHART_COLOURS.box
  const left = node.x - node.width / 2
  const top = node.y - node.height / 2
  const shape =
    step.kind === 'decision'
      ? `<path class="mr-flowchart__shape" d="M${n(node.x)},${n(top)} L${n(left + node.width)},${n(node.y)} L${n(node.x)},${n(top + node.height)} L${n(left)},${n(node.y)} Z" fill="${fill}" stroke="${stroke}" stroke-width="1.5" stroke-linejoin="round"/>`
      : `<rect class="mr-flowchart__shape" x="${n(left)}" y="${n(top)}" width="${node.width}" height="${node.height}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`
  // The step number in a small circle on the box's inline-start (right) corner.
  const badgeX = step.kind === 'decision' ? node.x + node.width / 4 + 6 : left + node.width - 2
  const badgeY = step.kind === 'decision' ? top + node.height / 4 - 6 : top + 2
  const badge = `<circle class="mr-flowchart__number-badge" cx="${n(badgeX)}" cy="${n(badgeY)}" r="9" fill="${FLOWCHART_COLOURS.brand}"/>${textLine(number, badgeX, badgeY, METRICS.numberSize, { cls: 'mr-flowchart__number', weight: 700, fill: FLOWCHART_COLOURS.white })}`
  return [
    `<g class="mr-flowchart__step mr-flowchart__step--${step.kind}" data-step-id="${escapeXml(step.id)}" data-actor="${escapeXml(step.actor)}">`,
    shape,
    ...boxText(box, step.kind, node.x, node.y),
    badge,
    '</g>',
  ].join('')
}

function renderTerminal(node: LayoutNode): string {
  const r = node.width / 2
  const isStart = node.kind === 'start'
  const label = isStart ? FLOWCHART_WORDS_FA.start : FLOWCHART_WORDS_FA.end
  const circle = isStart
    ? `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(r)}" fill="${FLOWCHART_COLOURS.brand}"/>`
    : `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(r - 1.5)}" fill="${FLOWCHART_COLOURS.white}" stroke="${FLOWCHART_COLOURS.brand}" stroke-width="3"/>`
  return [
    `<g class="mr-flowchart__terminal mr-flowchart__terminal--${node.kind}">`,
    circle,
    textLine(label, node.x, node.y, METRICS.terminalSize, {
      cls: 'mr-flowchart__terminal-label',
      weight: 700,
      fill: isStart ? FLOWCHART_COLOURS.white : FLOWCHART_COLOURS.text,
    }),
    '</g>',
  ].join('')
}

function renderEdge(edge: LayoutEdge, prefix: string): string {
  const isReturn = edge.kind === 'return'
  const cls = isReturn
    ? 'mr-flowchart__edge mr-flowchart__edge--return mr-flowchart__edge--dashed'
    : 'mr-flowchart__edge mr-flowchart__edge--normal'
  const stroke = isReturn ? FLOWCHART_COLOURS.returnLine : FLOWCHART_COLOURS.line
  const dash = isReturn ? ' stroke-dasharray="7 4"' : ''
  const marker = isReturn ? `${prefix}-arrow-return` : `${prefix}-arrow`
  return `<path class="${cls}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" d="${roundedPath(edge.points, isReturn ? 14 : 8)}" fill="none" stroke="${stroke}" stroke-width="1.6"${dash} stroke-linejoin="round" marker-end="url(#${marker})"/>`
}

function renderEdgeLabel(edge: LayoutEdge): string {
  if (!edge.label || !edge.labelPosition) return ''
  const isReturn = edge.kind === 'return'
  const box = edgeLabelBox(edge.label, isReturn)
  const at = edge.labelPosition
  const lh = lineHeight(METRICS.labelSize)
  const top = at.y - box.height / 2
  const stroke = isReturn
    ? ` stroke="${FLOWCHART_COLOURS.returnLine}" stroke-width="1" stroke-dasharray="3 2"`
    : ''
  return [
    `<g class="mr-flowchart__edge-label${isReturn ? ' mr-flowchart__edge-label--return' : ''}">`,
    `<rect x="${n(at.x - box.width / 2)}" y="${n(top)}" width="${box.width}" height="${box.height}" rx="3" fill="${FLOWCHART_COLOURS.white}"${stroke}/>`,
    ...box.lines.map((line, i) =>
      textLine(line, at.x, top + METRICS.labelPadY + lh * (i + 0.5), METRICS.labelSize, {
        cls: 'mr-flowchart__edge-text',
        fill: FLOWCHART_COLOURS.text,
      }),
    ),
    '</g>',
  ].join('')
}

function markers(prefix: string): string {
  return [
    '<defs>',
    `<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="strokeWidth" orient="auto"><path d="M0,0 L10,5 L0,10 Z" fill="${FLOWCHART_COLOURS.line}"/></marker>`,
    `<marker id="${prefix}-arrow-return" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="8" markerHeight="8" markerUnits="strokeWidth" orient="auto"><path d="M1,1 L8,5 L1,9" fill="none" stroke="${FLOWCHART_COLOURS.returnLine}" stroke-width="1.6" stroke-linejoin="round"/></marker>`,
    '</defs>',
  ].join('')
}

interface LegendItem {
  width: number
  /** Starts a new row (the line samples go below the actors). */
  breakBefore?: boolean
  draw(right: number, y: number): string
}

/** A text whose right (inline-start) edge is at `right`. */
function legendText(s: string, right: number, y: number): string {
  return `<text x="${n(right)}" y="${n(y + LEGEND.size * 0.35)}" font-size="${LEGEND.size}" fill="${FLOWCHART_COLOURS.text}" direction="rtl" text-anchor="start">${escapeXml(s)}</text>`
}

/** Legend rows (right to left, wrapped to `width`) and their height. */
function legend(
  p: ServiceProcess,
  layout: ProcessLayout,
  labels: FlowchartLabels,
  width: number,
  prefix: string,
): { svg: string; height: number } {
  const items: LegendItem[] = []
  const heading = FLOWCHART_WORDS_FA.legendActors
  items.push({
    width: textWidth(heading, LEGEND.size),
    draw: (right, y) => legendText(heading, right, y),
  })
  const actors: StepActor[] = []
  for (const s of p.steps) if (!actors.includes(s.actor)) actors.push(s.actor)
  for (const a of actors) {
    const label = labels.actorLabel(a)
    items.push({
      width: LEGEND.swatch + LEGEND.gap + textWidth(label, LEGEND.size),
      draw: (right, y) =>
        `<rect x="${n(right - LEGEND.swatch)}" y="${n(y - LEGEND.swatch / 2)}" width="${LEGEND.swatch}" height="${LEGEND.swatch}" rx="3" fill="${ACTOR_FILLS[a]}" stroke="${FLOWCHART_COLOURS.box}" stroke-width="1"/>${legendText(label, right - LEGEND.swatch - LEGEND.gap, y)}`,
    })
  }
  const lineItem = (label: string, isReturn: boolean): LegendItem => ({
    breakBefore: !isReturn,
    width: LEGEND.line + LEGEND.gap + textWidth(label, LEGEND.size),
    draw: (right, y) => {
      const stroke = isReturn ? FLOWCHART_COLOURS.returnLine : FLOWCHART_COLOURS.line
      const dash = isReturn ? ' stroke-dasharray="7 4"' : ''
      const cls = isReturn ? 'mr-flowchart__legend-return' : 'mr-flowchart__legend-normal'
      // Drawn right to left, like the text, with the arrowhead at the inline end.
      return `<path class="${cls}" d="M${n(right)},${n(y)} L${n(right - LEGEND.line + 2)},${n(y)}" fill="none" stroke="${stroke}" stroke-width="1.6"${dash} marker-end="url(#${prefix}-arrow${isReturn ? '-return' : ''})"/>${legendText(label, right - LEGEND.line - LEGEND.gap, y)}`
    },
  })
  items.push(lineItem(FLOWCHART_WORDS_FA.legendFlow, false))
  if (layout.edges.some((e) => e.kind === 'return')) {
    items.push(lineItem(FLOWCHART_WORDS_FA.legendReturn, true))
  }

  const rows: LegendItem[][] = [[]]
  let used = 0
  const available = width - 2 * LEGEND.pad
  for (const item of items) {
    const row = rows[rows.length - 1]
    if (
      row &&
      row.length > 0 &&
      (item.breakBefore || used + LEGEND.itemGap + item.width > available)
    ) {
      rows.push([item])
      used = item.width
    } else {
      row?.push(item)
      used += (row && row.length > 1 ? LEGEND.itemGap : 0) + item.width
    }
  }
  const parts: string[] = []
  rows.forEach((row, i) => {
    let right = width - LEGEND.pad
    const y = LEGEND.pad + LEGEND.rowHeight * (i + 0.5)
    for (const item of row) {
      parts.push(item.draw(right, y))
      right -= item.width + LEGEND.itemGap
    }
  })
  const height = LEGEND.pad + rows.length * LEGEND.rowHeight + 4
  return {
    svg: `<g class="mr-flowchart__legend">\n${parts.join('\n')}\n<line x1="${LEGEND.pad}" y1="${height}" x2="${n(width - LEGEND.pad)}" y2="${height}" stroke="${FLOWCHART_COLOURS.secondaryText}" stroke-width="0.5"/></g>`,
    height: height + 4,
  }
}

/** «مرحلهٔ ۱: ثبت درخواست (متقاضی، ۱۰ دقیقه). …» — the steps in order, for the `<desc>`. */
export function describeSteps(p: ServiceProcess, text: FlowchartText): string {
  const index = new Map(p.steps.map((s, i) => [s.id, i + 1]))
  const step = (id: string): string => `مرحلهٔ ${toPersianDigits(index.get(id) ?? 0)}`
  const sentences: string[] = []
  for (const s of p.steps) {
    const details = [text.actorLabel(s.actor)]
    const duration = text.durationText(s)
    if (duration !== '') details.push(duration)
    if (s.variantId) {
      const v = p.variants.find((x) => x.id === s.variantId)?.label ?? s.variantId
      details.push(`${FLOWCHART_WORDS_FA.variantPrefix} ${v}`)
    }
    let sentence = `${step(s.id)}: ${s.title} (${details.join('، ')}).`
    const out = p.transitions.filter((t) => t.from === s.id && index.has(t.to))
    const normal = out.filter((t) => t.kind === 'normal')
    const next = normal.map((t) =>
      t.label ? `اگر «${t.label}»: ${step(t.to)}` : `سپس ${step(t.to)}`,
    )
    const back = out
      .filter((t) => t.kind === 'return')
      .map((t) => `${t.label ?? FLOWCHART_WORDS_FA.returnLabel}: ${step(t.to)}`)
    if (next.length > 0) sentence += ` ${next.join('؛ ')}.`
    if (back.length > 0) sentence += ` ${back.join('؛ ')}.`
    if (out.length === 0) sentence += ` ${FLOWCHART_WORDS_FA.end}.`
    sentences.push(sentence)
  }
  return sentences.join(' ')
}

/**
 * Renders the flowchart of a process as an SVG string.
 *
 * @param p - The process that was laid out.
 * @param layout - `layoutProcess(p, { text })` with the same actor and time texts as `labels`.
 * @param labels - Accessible title and description, and the actor and time texts.
 * @returns `<svg role="img" …>…</svg>`, safe to embed in HTML as it is.
 */
export function renderFlowchartSvg(
  p: ServiceProcess,
  layout: ProcessLayout,
  labels: FlowchartLabels,
): string {
  const prefix = labels.idPrefix ?? 'mr-flowchart'
  if (!ID_PATTERN.test(prefix)) throw new Error(`Invalid flowchart id prefix: ${prefix}`)
  const width = Math.max(layout.width, 280)
  const head = legend(p, layout, labels, width, prefix)
  const height = layout.height + head.height
  const dx = Math.round((width - layout.width) / 2)

  const steps = new Map(p.steps.map((s, i) => [s.id, { step: s, number: i + 1 }]))
  const nodes = layout.nodes.flatMap((node) => {
    if (node.kind === 'start' || node.kind === 'end') return [renderTerminal(node)]
    const entry = steps.get(node.id)
    if (!entry) return []
    const box = stepBoxText(entry.step, p, labels)
    return [renderStep(entry.step, node, box, toPersianDigits(entry.number))]
  })
  const edges = [
    ...layout.edges.filter((e) => e.kind === 'normal'),
    ...layout.edges.filter((e) => e.kind === 'return'),
  ]
  const desc = `${labels.description} ${describeSteps(p, labels)}`.trim()

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mr-flowchart" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMidYMin meet" font-family="${FONT_FAMILY}" direction="rtl">`,
    `<title id="${prefix}-title">${escapeXml(labels.title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(desc)}</desc>`,
    markers(prefix),
    `<rect class="mr-flowchart__background" x="0" y="0" width="${width}" height="${height}" fill="${FLOWCHART_COLOURS.white}"/>`,
    head.svg,
    `<g class="mr-flowchart__chart" transform="translate(${dx},${head.height})">`,
    // One element per line, so that a golden-file diff points at the step or edge that changed.
    '<g class="mr-flowchart__edges">',
    ...edges.map((e) => renderEdge(e, prefix)),
    '</g>',
    '<g class="mr-flowchart__nodes">',
    ...nodes,
    '</g>',
    '<g class="mr-flowchart__edge-labels">',
    ...edges.map(renderEdgeLabel).filter((l) => l !== ''),
    '</g>',
    '</g>',
    '</svg>',
    '',
  ].join('\n')
}
