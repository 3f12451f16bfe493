import {
  addCalendarDays,
  addWorkingDays,
  completionDay,
  firstWorkingDayFrom,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import type { ServiceProcess } from '../services/index.ts'
import { FLOWCHART_TEXT_FA, layoutProcess, renderFlowchartSvg } from './flowchart/index.ts'
import type { ProcessTiming, TimeSum } from './process.timing.ts'

// Published versions never change, so their chart is laid out once per process
// (dagre takes milliseconds; a page render should not).
const svgCache = new Map<string, string>()
const SVG_CACHE_LIMIT = 2000

/**
 * The flowchart of a process as SVG. `cacheKey` names an immutable version
 * (e.g. its id); drafts pass null and are drawn afresh.
 */
export function processFlowchartSvg(
  p: ServiceProcess,
  title: string,
  cacheKey: string | null,
  idPrefix = 'mr-flowchart',
): string {
  const key = cacheKey ? `${cacheKey}:${idPrefix}` : null
  const cached = key ? svgCache.get(key) : undefined
  if (cached) return cached
  const layout = layoutProcess(p, { text: FLOWCHART_TEXT_FA })
  const svg = renderFlowchartSvg(p, layout, {
    ...FLOWCHART_TEXT_FA,
    title: `مراحل خدمت ${title}`,
    description: `نمودار مراحل خدمت «${title}»، از آغاز تا پایان، با زمان هر مرحله.`,
    idPrefix,
  })
  if (key) {
    if (svgCache.size >= SVG_CACHE_LIMIT) {
      const oldest = svgCache.keys().next().value
      if (oldest !== undefined) svgCache.delete(oldest)
    }
    svgCache.set(key, svg)
  }
  return svg
}

/**
 * The Tehran day a path's time ends when started at `start`: elapsed minutes
 * and hours first, then calendar days, then working days (the working-calendar
 * rules: rest days and holidays are skipped).
 */
function dayAfter(start: Date, sum: TimeSum, cal: WorkingCalendar): string {
  let day = completionDay(start, sum.minutes + sum.hours * 60, 'minute', cal)
  if (sum.calendarDays > 0)
    day = firstWorkingDayFrom(addCalendarDays(day, Math.ceil(sum.calendarDays)), cal)
  if (sum.workingDays > 0) day = addWorkingDays(day, sum.workingDays, cal)
  return day
}

/** «If you apply on `start`, expect the result between these two days» (ISO Tehran days). */
export function processCompletion(
  start: Date,
  timing: Pick<ProcessTiming, 'min' | 'max'>,
  cal: WorkingCalendar,
) {
  return { earliest: dayAfter(start, timing.min, cal), latest: dayAfter(start, timing.max, cal) }
}
