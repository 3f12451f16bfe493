/**
 * Text of the flowchart and how much room it takes. The layout sizes its boxes from these
 * estimates and the SVG renderer wraps with the same functions, so both always agree on the
 * lines of every box without measuring glyphs (there is no DOM on the server).
 *
 * Width estimate: 0.55em per character. Measured in Chromium with Vazirmatn at 14px, Persian
 * titles and meta lines take 0.40–0.50em per character (bold 0.41–0.50em), so 0.55em leaves
 * room for a fallback font (Tahoma) without text spilling out of its box.
 */

import type { ProcessStep, ServiceProcess, StepActor } from '../../services/index.ts'
import { ACTOR_LABELS } from '../messages.fa.ts'
import { stepDurationText } from '../process.text.ts'

/** The texts the layout and the renderer both need, so that boxes fit what is drawn. */
export interface FlowchartText {
  /** The actor's name as shown in a box, e.g. «دستگاه». */
  actorLabel(actor: StepActor): string
  /** How long the step takes, e.g. «۲ تا ۳ روز کاری»; '' when it has no duration. */
  durationText(step: ProcessStep): string
}

/**
 * The default Persian texts: the feature's own actor names and step times
 * (`ACTOR_LABELS`, `stepDurationText`), so the chart says what the step list says.
 */
export const FLOWCHART_TEXT_FA: FlowchartText = {
  actorLabel: (actor) => ACTOR_LABELS[actor],
  durationText: (step) => (step.duration ? stepDurationText(step.duration) : ''),
}

/** Fixed Persian words drawn in the chart. */
export const FLOWCHART_WORDS_FA = {
  start: 'شروع',
  end: 'پایان',
  returnLabel: 'بازگشت برای اصلاح',
  variantPrefix: 'فقط برای',
  legendFlow: 'مسیر عادی',
  legendReturn: 'بازگشت برای اصلاح',
  legendActors: 'انجام‌دهنده:',
  metaSeparator: '، ',
} as const

/** Sizes in SVG user units (px at 100%). */
export const METRICS = {
  /** Average advance of a character, in em (see the module comment). */
  charEm: 0.55,
  lineHeight: 1.4,
  titleSize: 14,
  metaSize: 12,
  questionSize: 13,
  labelSize: 12,
  terminalSize: 12,
  /** The step number in its badge: no text in the chart is smaller than 12px. */
  numberSize: 12,
  /**
   * Title: lines of 22 characters, as many as it takes. Titles, questions and edge labels are
   * never cut (issue 17): the box grows instead, so the chart says all that the table says.
   */
  titleChars: 22,
  titleLines: Number.POSITIVE_INFINITY,
  /** Actor and time share one line up to this many characters, else they take two. */
  metaChars: 32,
  /** Decision question: lines of 16 characters, as many as it takes. */
  questionChars: 16,
  questionLines: Number.POSITIVE_INFINITY,
  /** Edge condition labels: lines of 18 characters, as many as it takes. */
  labelChars: 18,
  labelLines: Number.POSITIVE_INFINITY,
  /** Return labels stand on a vertical lane, so they are narrow (and grow downwards). */
  returnLabelChars: 11,
  returnLabelLines: Number.POSITIVE_INFINITY,
  boxPadX: 12,
  boxPadY: 9,
  /** Room between the title and the meta lines. */
  boxGap: 5,
  minTaskInner: 150,
  labelPadX: 5,
  labelPadY: 3,
  terminalRadius: 22,
} as const

// Zero-width characters: ZWNJ/ZWJ, bidi marks and isolates, and combining marks (harakat).
const ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\p{M}]/gu

/** Characters that take room on the line (ZWNJ, bidi marks and diacritics do not). */
export function visibleLength(text: string): number {
  let n = 0
  for (const _ of text.replace(ZERO_WIDTH, '')) n++
  return n
}

/** Estimated width in px of a line at a font size. */
export function textWidth(text: string, fontSize: number): number {
  return visibleLength(text) * METRICS.charEm * fontSize
}

/** Line height in px at a font size. */
export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * METRICS.lineHeight)
}

/** Splits a word longer than a line into line-sized pieces (by code points). */
function chop(word: string, maxChars: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const ch of word) {
    if (visibleLength(piece + ch) > maxChars) {
      pieces.push(piece)
      piece = ''
    }
    piece += ch
  }
  if (piece !== '') pieces.push(piece)
  return pieces
}

/**
 * Greedy word wrap to at most `maxLines` lines of `maxChars` visible characters. Text that does
 * not fit ends with «…»: only the one-line actor/time and variant lines of a box are cut so,
 * and their full text is in the steps table beside the chart and in the SVG's description.
 */
export function greedyWrap(text: string, maxChars: number, maxLines: number): string[] {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    for (const piece of visibleLength(word) > maxChars ? chop(word, maxChars) : [word]) {
      const candidate = line === '' ? piece : `${line} ${piece}`
      if (visibleLength(candidate) <= maxChars) {
        line = candidate
      } else {
        lines.push(line)
        line = piece
      }
    }
  }
  if (line !== '') lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = `${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`
  while (visibleLength(last) > maxChars - 1) last = [...last].slice(0, -1).join('')
  kept[maxLines - 1] = `${last.trimEnd()}…`
  return kept
}

/**
 * {@link greedyWrap}, then narrowed as long as the line count stays the same, so that lines come
 * out of similar length («ثبت درخواست و / بارگذاری مدارک», not «ثبت درخواست و بارگذاری / مدارک»).
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  let lines = greedyWrap(text, maxChars, maxLines)
  if (lines.length < 2 || lines[lines.length - 1]?.endsWith('…')) return lines
  // Never narrower than the longest word: that would cut a word in two.
  let longest = 0
  for (const word of text.split(/\s+/u)) longest = Math.max(longest, visibleLength(word))
  for (let chars = maxChars - 1; chars >= longest; chars--) {
    const narrower = greedyWrap(text, chars, maxLines)
    if (narrower.length !== lines.length || narrower[narrower.length - 1]?.endsWith('…')) break
    lines = narrower
  }
  return lines
}

/** The lines drawn in a step's box. */
export interface StepBoxText {
  /** Task title or decision question. */
  title: string[]
  /**
   * Actor and time: one line «دستگاه، ۲ تا ۳ روز کاری», or two when too long. (Not «·»
   * between them: a middle dot next to Persian digits reads as the digit zero «۰».)
   */
  meta: string[]
  /** «فقط برای اتباع خارجی» for a variant step, else null. */
  variant: string | null
}

/** What a step's box says, wrapped. */
export function stepBoxText(
  step: ProcessStep,
  p: ServiceProcess,
  text: FlowchartText,
): StepBoxText {
  const variant = step.variantId
    ? (p.variants.find((v) => v.id === step.variantId)?.label ?? step.variantId)
    : null
  const variantLine = variant
    ? wrapText(`${FLOWCHART_WORDS_FA.variantPrefix} ${variant}`, METRICS.metaChars, 1)[0]
    : undefined
  if (step.kind === 'decision') {
    return {
      title: wrapText(step.title, METRICS.questionChars, METRICS.questionLines),
      meta: [],
      variant: variantLine ?? null,
    }
  }
  const actor = text.actorLabel(step.actor)
  const duration = text.durationText(step)
  const combined =
    duration === '' ? actor : `${actor}${FLOWCHART_WORDS_FA.metaSeparator}${duration}`
  const meta =
    visibleLength(combined) <= METRICS.metaChars
      ? [combined]
      : [actor, duration]
          .filter((s) => s !== '')
          .map((s) => wrapText(s, METRICS.metaChars, 1)[0] ?? '')
  return {
    title: wrapText(step.title, METRICS.titleChars, METRICS.titleLines),
    meta,
    variant: variantLine ?? null,
  }
}

/** The variant line is drawn in a pill this much wider than its text. */
export const VARIANT_TAG_PAD = 12

/** Widest estimated line of a box's text, in px (before padding). */
export function stepTextWidth(box: StepBoxText, kind: ProcessStep['kind']): number {
  const titleSize = kind === 'decision' ? METRICS.questionSize : METRICS.titleSize
  let w = 0
  for (const l of box.title) w = Math.max(w, textWidth(l, titleSize))
  for (const l of box.meta) w = Math.max(w, textWidth(l, METRICS.metaSize))
  if (box.variant) w = Math.max(w, textWidth(box.variant, METRICS.metaSize) + VARIANT_TAG_PAD)
  return w
}

/** Height in px of a box's text block (before padding). */
export function stepTextHeight(box: StepBoxText, kind: ProcessStep['kind']): number {
  const titleSize = kind === 'decision' ? METRICS.questionSize : METRICS.titleSize
  const metaLines = box.meta.length + (box.variant ? 1 : 0)
  const gap = metaLines > 0 && box.title.length > 0 ? METRICS.boxGap : 0
  return box.title.length * lineHeight(titleSize) + gap + metaLines * lineHeight(METRICS.metaSize)
}

/** The lines of an edge label, and the size of its white background. */
export function edgeLabelBox(
  label: string,
  returnEdge: boolean,
): { lines: string[]; width: number; height: number } {
  const lines = returnEdge
    ? wrapText(label, METRICS.returnLabelChars, METRICS.returnLabelLines)
    : wrapText(label, METRICS.labelChars, METRICS.labelLines)
  let w = 0
  for (const l of lines) w = Math.max(w, textWidth(l, METRICS.labelSize))
  return {
    lines,
    width: even(w + 2 * METRICS.labelPadX),
    height: even(lines.length * lineHeight(METRICS.labelSize) + 2 * METRICS.labelPadY),
  }
}

/** Rounds up to an even integer, so that a centred box has integer edges. */
export function even(n: number): number {
  return Math.ceil(n / 2) * 2
}
