import { toPersianDigits } from '../../lib/fa/digits.ts'
import {
  type DeclaredTime,
  declaredTimeText,
  type ServiceContent,
  type TimeUnit,
} from '../services/index.ts'
import { declaredHours, elapsedHours, type ProcessTiming, processTiming } from './process.timing.ts'

/**
 * The one total time of a service (issue 17 item 2): what the card, the steps section, the API
 * and the open-data files all say, in the same words.
 *
 * - From the process when it has one that holds together (its critical path, min–max), since
 *   that is what the steps add up to; from the card's declared time only when there is none.
 * - Rounded to what a person plans with: minutes below an hour, hours below a day, working
 *   days above («۴ تا ۶ روز کاری», not «۴ روز کاری و ۳ ساعت و ۳۶ دقیقه تا …»). Calendar days
 *   and elapsed hours become working days with the same estimate the declared-time check uses
 *   (`elapsedHours`: a working day stands for 7/5 × 24 hours), so the total and the check agree.
 * - Rounded to the nearest whole unit, not up: the steps' minutes on top of whole days (an online
 *   form before a one-day decision) would otherwise turn «۱ روز کاری» into «۲ روز کاری» and
 *   the total would exceed a declared time the process fits. The exact window, from the working
 *   calendar, is on the service page right under it.
 * - The declared time is shown as the card states it (its unit chosen by the agency).
 */
export interface ServiceTotal {
  source: 'process' | 'declared'
  /** «۴ تا ۶ روز کاری», «حداکثر ۳ ساعت», «۲۰ دقیقه». */
  text: string
  /** The lower figure in `unit`; null when only an upper bound is known («حداکثر …»). */
  min: number | null
  max: number
  /** minute, hour or working_day from a process; the declared time's own unit otherwise. */
  unit: TimeUnit
}

/** Every unit a total may be given in (the declared time's units; a process uses the first three). */
export const TOTAL_UNITS = [
  'minute',
  'hour',
  'working_day',
  'calendar_day',
  'week',
  'month',
] as const satisfies readonly TimeUnit[]
// Fails to compile if the card gains a time unit this list does not have.
const _everyUnit: readonly (typeof TOTAL_UNITS)[number][] = [] as TimeUnit[]

const UNIT_WORDS: Record<'minute' | 'hour' | 'working_day', string> = {
  minute: 'دقیقه',
  hour: 'ساعت',
  working_day: 'روز کاری',
}

const HOURS_PER: Record<'minute' | 'hour' | 'working_day', number> = {
  minute: 1 / 60,
  hour: 1,
  working_day: 24 * (7 / 5),
}

/** The total of a process that holds together (see {@link processTiming}), rounded. */
export function processTotal(timing: Pick<ProcessTiming, 'min' | 'max'>): ServiceTotal {
  const maxHours = elapsedHours(timing.max)
  const hasDays = timing.max.workingDays > 0 || timing.max.calendarDays > 0
  const unit = hasDays || maxHours >= 24 ? 'working_day' : maxHours >= 1 ? 'hour' : 'minute'
  const inUnit = (hours: number) => Math.round(hours / HOURS_PER[unit])
  // The longest time is never rounded down to nothing; a shortest time that rounds to nothing
  // next to it makes the total «حداکثر …» (a few minutes are not «۱ تا ۳ روز کاری»).
  const max = maxHours > 0 ? Math.max(1, inUnit(maxHours)) : 0
  const low = inUnit(elapsedHours(timing.min))
  const words = UNIT_WORDS[unit]
  if (max === 0) return { source: 'process', text: 'بی‌درنگ', min: 0, max: 0, unit }
  if (low === max)
    return { source: 'process', text: `${toPersianDigits(max)} ${words}`, min: max, max, unit }
  if (low === 0)
    return {
      source: 'process',
      text: `حداکثر ${toPersianDigits(max)} ${words}`,
      min: null,
      max,
      unit,
    }
  return {
    source: 'process',
    text: `${toPersianDigits(low)} تا ${toPersianDigits(max)} ${words}`,
    min: low,
    max,
    unit,
  }
}

function declaredTotal(d: DeclaredTime): ServiceTotal {
  const text = declaredTimeText(d)
  if (d.kind === 'fixed')
    return { source: 'declared', text, min: d.value, max: d.value, unit: d.unit }
  if (d.kind === 'up_to') return { source: 'declared', text, min: null, max: d.max, unit: d.unit }
  return { source: 'declared', text, min: d.min, max: d.max, unit: d.unit }
}

/** The service's one total time, or null when it has neither a usable process nor a declared time. */
export function serviceTotal(
  c: Pick<ServiceContent, 'process' | 'declaredTime'>,
): ServiceTotal | null {
  const timing = c.process.steps.length > 0 ? processTiming(c.process) : undefined
  if (timing) return processTotal(timing)
  return c.declaredTime ? declaredTotal(c.declaredTime) : null
}

/**
 * Why a version may not be published with this process (R14): its longest total is more than
 * the card's declared total. The way out is to update the declared total in the same draft (or
 * shorten the steps); null when they agree or either is missing.
 */
export function totalExceedsDeclared(
  c: Pick<ServiceContent, 'process' | 'declaredTime'>,
): { total: string; declared: string } | null {
  if (!c.declaredTime || c.process.steps.length === 0) return null
  const timing = processTiming(c.process)
  if (!timing) return null
  // A little slack for the rounding in the working-day estimate, as in `timingMismatch`.
  if (elapsedHours(timing.max) <= declaredHours(c.declaredTime).max * 1.01) return null
  return { total: processTotal(timing).text, declared: declaredTimeText(c.declaredTime) }
}
