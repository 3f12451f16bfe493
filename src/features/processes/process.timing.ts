import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { DeclaredTime, ProcessStep, ServiceProcess } from '../services/index.ts'
import {
  endSteps,
  forwardFrom,
  processGraph,
  processProblems,
  startStep,
  topologicalOrder,
} from './process.rules.ts'

/** Time summed per unit along a path: units are kept apart, never silently converted. */
export interface TimeSum {
  minutes: number
  hours: number
  workingDays: number
  calendarDays: number
}

const ZERO: TimeSum = { minutes: 0, hours: 0, workingDays: 0, calendarDays: 0 }

function add(a: TimeSum, step: ProcessStep, bound: 'min' | 'max'): TimeSum {
  const d = step.duration
  if (!d) return a
  const n = d[bound]
  return {
    minutes: a.minutes + (d.unit === 'minute' ? n : 0),
    hours: a.hours + (d.unit === 'hour' ? n : 0),
    workingDays: a.workingDays + (d.unit === 'working_day' ? n : 0),
    calendarDays: a.calendarDays + (d.unit === 'calendar_day' ? n : 0),
  }
}

/**
 * An estimate of elapsed hours, used only to compare paths and to compare
 * with the declared total: a working day stands for 7/5 calendar days
 * (a five-day office week), minutes and hours count as they are.
 */
export function elapsedHours(t: TimeSum): number {
  return t.minutes / 60 + t.hours + t.workingDays * 24 * (7 / 5) + t.calendarDays * 24
}

export interface ProcessTiming {
  /** The shortest possible total along the critical path (each step at its minimum). */
  min: TimeSum
  /** The longest total: the critical path with each step at its maximum. */
  max: TimeSum
  /** Step ids of the critical (longest) path, first to last. */
  criticalPath: string[]
  /** Steps inside a "return for correction" loop: their time may repeat. */
  mayRepeat: string[]
  /** In-person visits on the path that needs the most of them. */
  inPersonVisits: number
}

/** Longest path from the start by `weight`, in forward order (return edges ignored). */
function longestPath(p: ServiceProcess, weight: (acc: TimeSum, s: ProcessStep) => TimeSum) {
  const g = processGraph(p)
  const order = topologicalOrder(g)
  const start = startStep(g)
  if (!order || !start) return undefined
  const best = new Map<string, { sum: TimeSum; prev: string | null }>()
  const startStepObj = g.byId.get(start)
  if (!startStepObj) return undefined
  best.set(start, { sum: weight(ZERO, startStepObj), prev: null })
  for (const id of order) {
    const here = best.get(id)
    if (!here) continue
    for (const t of g.next.get(id) ?? []) {
      const step = g.byId.get(t.to)
      if (!step) continue
      const candidate = weight(here.sum, step)
      const current = best.get(t.to)
      if (!current || elapsedHours(candidate) > elapsedHours(current.sum))
        best.set(t.to, { sum: candidate, prev: id })
    }
  }
  // Paths stop at the real ends: a step that only returns for correction gives no result.
  const outcomes = new Set(endSteps(g))
  const ends = order.filter((id) => outcomes.has(id) && best.has(id))
  let end = ends[0]
  for (const id of ends)
    if (
      end === undefined ||
      elapsedHours(best.get(id)?.sum ?? ZERO) > elapsedHours(best.get(end)?.sum ?? ZERO)
    )
      end = id
  if (end === undefined) return undefined
  const path: string[] = []
  for (let at: string | null = end; at !== null; at = best.get(at)?.prev ?? null) path.unshift(at)
  return { sum: best.get(end)?.sum ?? ZERO, path, g }
}

function stepsInReturnLoops(p: ServiceProcess): string[] {
  const g = processGraph(p)
  const forward = (from: string) => forwardFrom(g, from)
  const repeat = new Set<string>()
  for (const r of g.returns) {
    for (const id of forward(r.to)) if (forward(id).has(r.from)) repeat.add(id)
  }
  return p.steps.map((s) => s.id).filter((id) => repeat.has(id))
}

/** R6: the total time as the critical path's min–max range; undefined for an empty or invalid process. */
export function processTiming(p: ServiceProcess): ProcessTiming | undefined {
  if (p.steps.length === 0 || processProblems(p).length > 0) return undefined
  const max = longestPath(p, (acc, s) => add(acc, s, 'max'))
  const min = longestPath(p, (acc, s) => add(acc, s, 'min'))
  // Visits: count attendance steps as a unit of "time" to find the path with the most.
  const visits = longestPath(p, (acc, s) => ({
    ...acc,
    hours: acc.hours + (s.requiresAttendance && s.actor === 'citizen' ? 1 : 0),
  }))
  if (!max || !min || !visits) return undefined
  return {
    min: min.sum,
    max: max.sum,
    criticalPath: max.path,
    mayRepeat: stepsInReturnLoops(p),
    inPersonVisits: visits.sum.hours,
  }
}

/** «۳ روز کاری و ۲ ساعت»: each unit that is present, largest first. */
export function timeSumText(t: TimeSum): string {
  const totalMinutes = t.minutes + t.hours * 60
  // Elapsed hours beyond a day read better as days: «۲ روز و ۲ ساعت», not «۵۰ ساعت».
  const days = t.calendarDays + Math.floor(totalMinutes / (24 * 60))
  const rest = totalMinutes % (24 * 60)
  const parts: string[] = []
  if (days) parts.push(`${toPersianDigits(days)} روز`)
  if (t.workingDays) parts.push(`${toPersianDigits(t.workingDays)} روز کاری`)
  const h = Math.floor(rest / 60)
  const m = rest % 60
  if (h) parts.push(`${toPersianDigits(h)} ساعت`)
  if (m) parts.push(`${toPersianDigits(m)} دقیقه`)
  return parts.length ? parts.join(' و ') : 'بی‌درنگ'
}

/** «۳ تا ۵ روز کاری» when min and max differ, else one value. */
export function timingRangeText(timing: Pick<ProcessTiming, 'min' | 'max'>): string {
  const a = timeSumText(timing.min)
  const b = timeSumText(timing.max)
  if (a === b) return b
  // «۷ تا ۱۲ روز کاری» rather than «۷ روز کاری تا ۱۲ روز کاری» when one unit is involved.
  const single = (text: string) => (text.includes(' و ') ? null : /^(\S+) (.+)$/.exec(text))
  const ma = single(a)
  const mb = single(b)
  if (ma && mb && ma[2] === mb[2]) return `${ma[1]} تا ${mb[1]} ${mb[2]}`
  return `${a} تا ${b}`
}

/** The declared time in elapsed hours, with the same estimate as {@link elapsedHours}. */
export function declaredHours(d: DeclaredTime): { min: number; max: number } {
  const perUnit = {
    minute: 1 / 60,
    hour: 1,
    working_day: 24 * (7 / 5),
    calendar_day: 24,
    week: 24 * 7,
    month: 24 * 30,
  }[d.unit]
  if (d.kind === 'fixed') return { min: d.value * perUnit, max: d.value * perUnit }
  if (d.kind === 'up_to') return { min: 0, max: d.max * perUnit }
  return { min: d.min * perUnit, max: d.max * perUnit }
}

/**
 * R14 consistency: the process's longest total must fit within the card's
 * declared total time. Returns true when they disagree (shown to editors).
 */
export function timingMismatch(
  timing: Pick<ProcessTiming, 'min' | 'max'>,
  declared: DeclaredTime | null,
): boolean {
  if (!declared) return false
  const d = declaredHours(declared)
  // A little slack for the rounding in the working-day estimate.
  return elapsedHours(timing.max) > d.max * 1.01 || elapsedHours(timing.min) < d.min * 0.99 - 1e-9
}
