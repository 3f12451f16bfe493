import type { Deps } from '../../deps.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import {
  addCalendarDays,
  isPastKnownHolidays,
  tehranIsoDay,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import { holidayDateFa, holidayWeekdayFa, loadWorkingCalendar } from '../calendar/index.ts'
import {
  ACTOR_LABELS,
  processCompletion,
  processFlowchartSvg,
  processTiming,
  serviceTotal,
  stepDurationText,
} from '../processes/index.ts'
import type { ServiceContent } from '../services/index.ts'
import type { ProcessSectionView } from './views/process-section.ts'

function dayFa(iso: string): string {
  return `${holidayWeekdayFa(iso)} ${holidayDateFa(iso)}`
}

export interface ProcessViewInput {
  slug: string
  content: ServiceContent
  /** The immutable version's id, so its chart is drawn once; null for drafts. */
  versionId: string | null
  /** The application instant to compute the completion window from. */
  start: Date
  ask: ProcessSectionView['ask']
}

/** How far ahead of the application day the completion window is looked for. */
const COMPLETION_HORIZON_DAYS = 730

/**
 * The days of the working calendar the completion window needs (from the application day),
 * or null when there is no window to compute (no process, or its timing is incomplete).
 */
export function processCalendarDays(
  content: ServiceContent,
  start: Date,
): { from: string; to: string } | null {
  const p = content.process
  if (p.steps.length === 0 || !processTiming(p)) return null
  const from = tehranIsoDay(start)
  return { from, to: addCalendarDays(from, COMPLETION_HORIZON_DAYS) }
}

/** The view model of the process section, or null when the version has no process. */
export async function buildProcessSection(
  deps: Deps,
  input: ProcessViewInput,
): Promise<ProcessSectionView | null> {
  const days = processCalendarDays(input.content, input.start)
  const cal = days ? await loadWorkingCalendar(deps, days.from, days.to) : null
  return processSectionOf(input, cal, deps.clock.now())
}

/**
 * The view model of the process section from an already-loaded working calendar covering
 * {@link processCalendarDays} (null when those are null), or null when there is no process.
 */
export function processSectionOf(
  input: ProcessViewInput,
  cal: WorkingCalendar | null,
  now: Date,
): ProcessSectionView | null {
  const p = input.content.process
  if (p.steps.length === 0) return null
  const timing = processTiming(p)
  const number = new Map(p.steps.map((s, i) => [s.id, toPersianDigits(i + 1)]))
  const variants = new Map(p.variants.map((v) => [v.id, v.label]))
  const repeat = new Set(timing?.mayRepeat ?? [])
  const steps = p.steps.map((s) => ({
    number: number.get(s.id) ?? '',
    title: s.title,
    kind: s.kind,
    actor: ACTOR_LABELS[s.actor],
    time: s.duration ? stepDurationText(s.duration) : '—',
    next:
      p.transitions
        .filter((t) => t.from === s.id)
        .map(
          (t) =>
            `${t.kind === 'return' ? 'بازگشت به ' : ''}${number.get(t.to) ?? ''}${t.label ? ` (${t.label})` : ''}`,
        )
        .join('، ') || 'پایان',
    attendance: s.requiresAttendance,
    variant: s.variantId ? (variants.get(s.variantId) ?? null) : null,
    mayRepeat: repeat.has(s.id),
  }))
  let completion: ProcessSectionView['completion'] = null
  if (timing) {
    if (!cal) throw new Error('the completion window needs the working calendar')
    const startDay = tehranIsoDay(input.start)
    const w = processCompletion(input.start, timing, cal)
    completion = {
      startFa: dayFa(startDay),
      earliestFa: dayFa(w.earliest),
      latestFa: dayFa(w.latest),
      today: startDay === tehranIsoDay(now),
      // Past the lunar holidays the calendar knows, the page must not claim they are excluded.
      lunarKnownThroughFa:
        cal.lunarKnownThrough && isPastKnownHolidays(w.latest, cal)
          ? holidayDateFa(cal.lunarKnownThrough)
          : null,
    }
  }
  return {
    slug: input.slug,
    svg: processFlowchartSvg(p, input.content.title, input.versionId),
    steps,
    // The same words as the card, the API and the open-data files (issue 17 item 2).
    totalText: timing ? (serviceTotal(input.content)?.text ?? '') : 'فرایند هنوز کامل نیست',
    visits:
      timing && timing.inPersonVisits > 0 ? `${toPersianDigits(timing.inPersonVisits)} بار` : null,
    repeatNote:
      repeat.size > 0
        ? 'مراحلی که با «بازگشت برای اصلاح» به آن‌ها برمی‌گردید ممکن است تکرار شوند و زمان کل را بیشتر کنند.'
        : null,
    completion,
    ask: input.ask,
  }
}
