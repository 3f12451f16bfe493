import type { Deps } from '../../deps.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import { endOfTehranDay, startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { bayesianAverage, meanInterval, wilsonLowerBound } from '../../lib/stats.ts'
import { loadPortalSettings } from '../settings/index.ts'
import {
  helpfulByMonth,
  type MonthWindow,
  namesFor,
  ratingsByMonth,
  reportsByMonth,
  timesByMonth,
} from './open-data.queries.ts'
import { PRIOR_WEIGHT, SCALE_MIDDLE } from './rating.api.ts'

/**
 * The monthly open-data file of the feedback aggregates (issue 13 item 8): per service and per
 * agency for one Jalali month, every figure with its n and `shown` (n reaches the central
 * minimum n; below it a page would say «هنوز دادهٔ کافی نیست»). The figures are published as
 * computed even when not shown, like GET /services/{id}/feedback, so the file adds up.
 */

export interface FeedbackMonthRow {
  level: 'service' | 'agency'
  agencyId: string
  agencyCode: string
  agencyName: string
  serviceId: string | null
  serviceSlug: string | null
  helpful: { yes: number; no: number; n: number; wilsonLow: number; shown: boolean }
  satisfaction: {
    n: number
    mean: number | null
    ci95: [number, number] | null
    bayesMean: number
    shown: boolean
  }
  actualTime: {
    n: number
    medianHours: number | null
    p90Hours: number | null
    withPromise: number
    onTimeRate: number | null
    shown: boolean
  }
  reports: { received: number; answered: number; overdue: number; n: number; shown: boolean }
}

export interface FeedbackMonthFile {
  /** `1405-09`. */
  month: string
  /** The month's first and last instants in Tehran time (to is exclusive). */
  from: string
  to: string
  /** False while the month is still running: its figures will grow. */
  complete: boolean
  generatedAt: string
  minimumN: number
  /** The Bayesian prior: the month's portal-wide mean rating with this many pseudo-ratings. */
  prior: { mean: number; weight: number }
  rows: FeedbackMonthRow[]
}

const MONTH = /^(\d{4})-(\d{2})$/
const MONTH_MESSAGE = 'ماه را به شکل سال-ماه شمسی با رقم لاتین بنویسید، مانند 1405-09 (آذر ۱۴۰۵).'

/** The Tehran-time bounds of a Jalali month `yyyy-mm`; a clear Persian message otherwise. */
export function monthWindow(month: string): MonthWindow & { jy: number; jm: number } {
  const m = MONTH.exec(month)
  const jy = Number(m?.[1])
  const jm = Number(m?.[2])
  if (!m || jm < 1 || jm > 12 || jy < 1300 || jy > 1600)
    throw new ValidationError(MONTH_MESSAGE, { month: MONTH_MESSAGE })
  const from = startOfTehranDay(jy, jm, 1)
  const to = jm === 12 ? startOfTehranDay(jy + 1, 1, 1) : startOfTehranDay(jy, jm + 1, 1)
  return { jy, jm, from, to }
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits
const hours = (s: number | null) => (s === null ? null : round(s / 3600, 2))
const key = (agencyId: string | null, serviceId: string | null) => `${agencyId}|${serviceId ?? ''}`

/** The month's figures; 404 for a month that has not begun. */
export async function feedbackMonthFile(deps: Deps, month: string): Promise<FeedbackMonthFile> {
  const w = monthWindow(month)
  const now = deps.clock.now()
  if (w.from.getTime() > now.getTime())
    throw new NotFoundError(
      'feedback.export-future',
      'این ماه هنوز نیامده است؛ پرونده‌ای برای آن نیست.',
    )
  const [settings, helpful, ratings, times, reports] = await Promise.all([
    loadPortalSettings(deps.db),
    helpfulByMonth(deps.db, w),
    ratingsByMonth(deps.db, w),
    timesByMonth(deps.db, w),
    reportsByMonth(deps.db, w),
  ])
  const minN = settings.feedbackMinN
  const all = ratings.find((r) => r.agencyId === null && r.serviceId === null)
  const prior = {
    mean: all && all.n > 0 ? all.sum / all.n : SCALE_MIDDLE,
    weight: PRIOR_WEIGHT,
  }

  // Every (agency, service) and (agency) pair with anything in the month.
  const pairs = new Map<string, { agencyId: string; serviceId: string | null }>()
  const add = (agencyId: string | null, serviceId: string | null) => {
    if (agencyId !== null) pairs.set(key(agencyId, serviceId), { agencyId, serviceId })
  }
  for (const r of [...helpful, ...ratings, ...times]) add(r.agencyId, r.serviceId)
  const reportCounts = new Map<string, { received: number; answered: number; overdue: number }>()
  for (const r of reports) {
    // Overdue: its due day is over and it was not answered by the end of that day.
    const dueEnd = endOfTehranDay(new Date(`${r.dueOn}T12:00:00Z`)).getTime()
    const overdue =
      dueEnd <= now.getTime() && (r.answeredAt === null || r.answeredAt.getTime() >= dueEnd)
    for (const k of [key(r.agencyId, r.serviceId), key(r.agencyId, null)]) {
      const c = reportCounts.get(k) ?? { received: 0, answered: 0, overdue: 0 }
      c.received++
      if (r.answeredAt !== null) c.answered++
      if (overdue) c.overdue++
      reportCounts.set(k, c)
    }
    add(r.agencyId, r.serviceId)
    add(r.agencyId, null)
  }

  const ids = [...pairs.values()]
  const names = await namesFor(
    deps.db,
    [...new Set(ids.flatMap((p) => (p.serviceId ? [p.serviceId] : [])))],
    [...new Set(ids.map((p) => p.agencyId))],
  )
  const slugOf = new Map(names.services.map((s) => [s.id, s.slug]))
  const agencyOf = new Map(names.agencies.map((a) => [a.id, a]))
  const byKey = <T extends { agencyId: string | null; serviceId: string | null }>(rows: T[]) =>
    new Map(rows.filter((r) => r.agencyId !== null).map((r) => [key(r.agencyId, r.serviceId), r]))
  const helpfulOf = byKey(helpful)
  const ratingsOf = byKey(ratings)
  const timesOf = byKey(times)

  const rows = ids.map(({ agencyId, serviceId }): FeedbackMonthRow => {
    const k = key(agencyId, serviceId)
    const agency = agencyOf.get(agencyId)
    const h = helpfulOf.get(k) ?? { yes: 0, no: 0 }
    const hn = h.yes + h.no
    const g = ratingsOf.get(k) ?? { n: 0, sum: 0, sumSquares: 0 }
    const interval = meanInterval(g)
    const t = timesOf.get(k)
    const tn = t?.n ?? 0
    const rc = reportCounts.get(k) ?? { received: 0, answered: 0, overdue: 0 }
    return {
      level: serviceId === null ? 'agency' : 'service',
      agencyId,
      agencyCode: agency?.code ?? '',
      agencyName: agency?.nameFa ?? '',
      serviceId,
      serviceSlug: serviceId === null ? null : (slugOf.get(serviceId) ?? null),
      helpful: {
        yes: h.yes,
        no: h.no,
        n: hn,
        wilsonLow: round(wilsonLowerBound(h.yes, hn)),
        shown: hn >= minN,
      },
      satisfaction: {
        n: g.n,
        mean: interval ? round(interval.mean) : null,
        ci95: interval ? [round(interval.ci95[0]), round(interval.ci95[1])] : null,
        bayesMean: round(bayesianAverage(g, prior)),
        shown: g.n >= minN,
      },
      actualTime: {
        n: tn,
        medianHours: hours(t?.medianSeconds ?? null),
        p90Hours: hours(t?.p90Seconds ?? null),
        withPromise: t?.withPromise ?? 0,
        onTimeRate: t && t.withPromise > 0 ? round(t.onTime / t.withPromise) : null,
        shown: tn >= minN,
      },
      reports: { ...rc, n: rc.received, shown: rc.received >= minN },
    }
  })
  // Agencies by code, each followed by its services by slug.
  rows.sort(
    (a, b) =>
      a.agencyCode.localeCompare(b.agencyCode) ||
      a.agencyId.localeCompare(b.agencyId) ||
      (a.serviceSlug === null
        ? -1
        : b.serviceSlug === null
          ? 1
          : a.serviceSlug.localeCompare(b.serviceSlug)),
  )
  return {
    month,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    complete: w.to.getTime() <= now.getTime(),
    generatedAt: now.toISOString(),
    minimumN: minN,
    prior: { mean: round(prior.mean), weight: prior.weight },
    rows,
  }
}

export const FEEDBACK_CSV_HEADER = [
  'month',
  'level',
  'agency_code',
  'agency_name',
  'service_id',
  'service_slug',
  'helpful_yes',
  'helpful_no',
  'helpful_n',
  'helpful_wilson_low',
  'helpful_shown',
  'satisfaction_n',
  'satisfaction_mean',
  'satisfaction_ci95_low',
  'satisfaction_ci95_high',
  'satisfaction_bayes_mean',
  'satisfaction_shown',
  'actual_time_n',
  'actual_time_median_hours',
  'actual_time_p90_hours',
  'actual_time_with_promise',
  'actual_time_on_time_rate',
  'actual_time_shown',
  'reports_received',
  'reports_answered',
  'reports_overdue',
  'reports_n',
  'reports_shown',
] as const

/** A cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const s = String(value)
  if (typeof value !== 'string') return s
  const guarded = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** The same rows as CSV (UTF-8 with a BOM, CRLF), one line per service or agency. */
export function feedbackMonthCsv(file: FeedbackMonthFile): string {
  const lines = [FEEDBACK_CSV_HEADER.join(',')]
  for (const r of file.rows) {
    const values: (string | number | boolean | null)[] = [
      file.month,
      r.level,
      r.agencyCode,
      r.agencyName,
      r.serviceId,
      r.serviceSlug,
      r.helpful.yes,
      r.helpful.no,
      r.helpful.n,
      r.helpful.wilsonLow,
      r.helpful.shown,
      r.satisfaction.n,
      r.satisfaction.mean,
      r.satisfaction.ci95?.[0] ?? null,
      r.satisfaction.ci95?.[1] ?? null,
      r.satisfaction.bayesMean,
      r.satisfaction.shown,
      r.actualTime.n,
      r.actualTime.medianHours,
      r.actualTime.p90Hours,
      r.actualTime.withPromise,
      r.actualTime.onTimeRate,
      r.actualTime.shown,
      r.reports.received,
      r.reports.answered,
      r.reports.overdue,
      r.reports.n,
      r.reports.shown,
    ]
    lines.push(values.map(cell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
