import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { ServiceContent, ServiceProcess } from '../../services/index.ts'
import { declaredTimeText } from '../../services/index.ts'
import { FLOWCHART_TEXT_FA, layoutProcess, renderFlowchartSvg } from '../flowchart/index.ts'
import { ACTOR_LABELS, totalExceedsDeclaredMessage } from '../messages.fa.ts'
import { processProblems } from '../process.rules.ts'
import { stepDurationText } from '../process.text.ts'
import { processTiming, timingMismatch, timingRangeText } from '../process.timing.ts'
import { processTotal, totalExceedsDeclared } from '../service-total.ts'
import { processEditorMsg as m, STEP_KIND_SHORT } from './messages.fa.ts'

/** What the editor shows about a process besides its table: chart, totals and their warnings. */
export interface ProcessPicture {
  /** The flowchart (`<svg role="img">`), or null for a process without steps. */
  svg: string | null
  /** «زمان کل مراحل …», or why it cannot be given yet; null without steps. */
  total: string | null
  /** Notes under the total: repeating loops, in-person visits. */
  notes: string[]
  /** The R14 consistency warning when the total disagrees with the card's declared time. */
  mismatch: string | null
  /** The structural problems (processProblems). */
  problems: string[]
}

/** The id prefix of the chart's inner ids; there is one chart on each editor page. */
export const CHART_ID_PREFIX = 'process-flow'

/** The chart as an SVG string, or null when there is nothing to draw. */
export function chartSvg(p: ServiceProcess, serviceTitle: string): string | null {
  if (p.steps.length === 0) return null
  return renderFlowchartSvg(p, layoutProcess(p), {
    ...FLOWCHART_TEXT_FA,
    title: m.chartTitle(serviceTitle || 'خدمت'),
    description: m.chartDescription,
    idPrefix: CHART_ID_PREFIX,
  })
}

/** The total time and its warnings (no chart): also what the service overview shows. */
export function processTotals(c: ServiceContent): Omit<ProcessPicture, 'svg'> {
  const p = c.process
  const problems = processProblems(p)
  if (p.steps.length === 0) return { total: null, notes: [], mismatch: null, problems }
  const timing = processTiming(p)
  if (!timing)
    return {
      total: m.totalUnavailable(toPersianDigits(problems.length)),
      notes: [],
      mismatch: null,
      problems,
    }
  const range = timingRangeText(timing)
  const notes: string[] = []
  if (timing.mayRepeat.length > 0) notes.push(m.mayRepeat)
  if (timing.inPersonVisits > 0) notes.push(m.visits(toPersianDigits(timing.inPersonVisits)))
  // Longer than the card promises: publishing is refused (the card's quality check says the
  // same); other disagreements (faster than the promised minimum) stay a warning.
  const exceeds = totalExceedsDeclared(c)
  const mismatch = exceeds
    ? totalExceedsDeclaredMessage(exceeds.total, exceeds.declared)
    : c.declaredTime && timingMismatch(timing, c.declaredTime)
      ? m.mismatch(range, declaredTimeText(c.declaredTime))
      : null
  return { total: m.total(range, processTotal(timing).text), notes, mismatch, problems }
}

export function processPicture(c: ServiceContent): ProcessPicture {
  return { svg: chartSvg(c.process, c.title), ...processTotals(c) }
}

/**
 * The process as lines of plain text, one a step with where it leads: what the conflict page
 * compares («۲. بررسی مدارک — تصمیم — دستگاه — بدون زمان ← ۳ «کامل است»؛ ۴ «ناقص است»», then the
 * variant cases).
 */
export function processLines(p: ServiceProcess): string[] {
  const number = new Map(p.steps.map((s, i) => [s.id, toPersianDigits(i + 1)]))
  const steps = p.steps.map((s, i) => {
    const bits = [
      STEP_KIND_SHORT[s.kind],
      ACTOR_LABELS[s.actor],
      s.duration ? stepDurationText(s.duration) : m.noTime,
    ]
    const next = p.transitions
      .filter((t) => t.from === s.id)
      .map((t) => {
        const to = number.get(t.to) ?? t.to
        const target = t.kind === 'return' ? m.returnTo(to) : to
        return t.label ? `${target} «${t.label}»` : target
      })
    const onward = next.length > 0 ? ` ← ${next.join('؛ ')}` : ` ← ${m.ending}`
    return `${toPersianDigits(i + 1)}. ${s.title} — ${bits.join(' — ')}${onward}`
  })
  const variants = p.variants.map((v) => `${m.colVariant}: ${v.label}`)
  return [...steps, ...variants]
}

/** The process row of the service overview: the steps, the total, and the consistency warning. */
export interface ProcessOverview {
  lines: string[]
  total: string | null
  mismatch: string | null
}

export function processOverview(c: ServiceContent): ProcessOverview {
  const totals = processTotals(c)
  return {
    lines: c.process.steps.map(
      (s, i) =>
        `${toPersianDigits(i + 1)}. ${s.title}${s.duration ? ` (${stepDurationText(s.duration)})` : ''}`,
    ),
    total: totals.total,
    // A total longer than the declared one is in the overview's list of what blocks publishing
    // (`qualityIssues`); shown again as a warning it would look like something that does not.
    mismatch: totalExceedsDeclared(c) ? null : totals.mismatch,
  }
}
