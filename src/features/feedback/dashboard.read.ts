import { z } from 'zod'
import type { TransactionChannel } from '../../db/schema.ts'
import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import {
  bayesianAverage,
  meanInterval,
  type SampleTotals,
  wilsonLowerBound,
} from '../../lib/stats.ts'
import {
  addCalendarDays,
  isWorkingDay,
  tehranIsoDay,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import { findAgencyById, listAgencyBriefs } from '../agencies/index.ts'
import { loadWorkingCalendar } from '../calendar/index.ts'
import { helpfulFigure } from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { dashboardMsg as msg } from './dashboard.messages.fa.ts'
import {
  helpfulByAgency,
  onTimeByAgency,
  openReportAges,
  RATING_DIMENSIONS,
  type RatingDimension,
  ratingTotalsByAgency,
  ratingTotalsByChannel,
  ratingTotalsByDimension,
  reportStatesByAgency,
  timeRowsOfAgency,
} from './dashboard.queries.ts'
import { REPORT_STATES, type ReportState } from './report.model.ts'
import { countReports } from './report.queries.ts'
import { WHOLE } from './transaction.rollup.queries.ts'

/** The same prior as the public API's Bayesian average: 10 pseudo-ratings of the portal mean. */
const PRIOR_WEIGHT = 10
const SCALE_MIDDLE = 3
const CHANNELS: readonly TransactionChannel[] = ['online', 'counter_office', 'in_person']

/** A 1–5 mean with its n and 95% interval; `shown` is false below the minimum n. */
export interface MeanFigure {
  n: number
  mean: number | null
  ci95: [number, number] | null
  shown: boolean
}

/** A proportion with its n and 95% Wilson interval. */
export interface ShareFigure {
  positive: number
  n: number
  share: number | null
  /** The Wilson interval: the lower bound ranks, the upper bound draws the whisker. */
  low: number
  high: number
  shown: boolean
}

export function meanFigure(t: SampleTotals, minN: number): MeanFigure {
  const m = meanInterval(t)
  return { n: t.n, mean: m?.mean ?? null, ci95: m?.ci95 ?? null, shown: t.n >= minN && m !== null }
}

/** The upper Wilson bound of `positive` is one minus the lower bound of the rest. */
export function shareFigure(positive: number, n: number, minN: number): ShareFigure {
  return {
    positive,
    n,
    share: n > 0 ? positive / n : null,
    low: wilsonLowerBound(positive, n),
    high: n > 0 ? 1 - wilsonLowerBound(n - positive, n) : 0,
    shown: n >= minN && n > 0,
  }
}

/**
 * Who sees which agency: central staff any agency (null: all), agency staff their own only.
 * Another agency's figures are refused the same way as an unknown agency.
 */
function agencyScope(actor: Actor, requested: string | null): string | null {
  if (isCentral(actor)) return requested
  if (!actor.agencyId) throw new ForbiddenError('feedback.dashboard', msg.forbidden)
  if (requested !== null && requested !== actor.agencyId)
    throw new NotFoundError('feedback.dashboard.agency', msg.agencyNotFound)
  return actor.agencyId
}

export function canSeeAllAgencies(actor: Actor): boolean {
  return isCentral(actor)
}

/**
 * The first Tehran day whose reports are at most 5 working days old today: the 6th working day
 * counted back from today (today included when it is a working day). A report received that day
 * has 5 working days after it up to today; one received the day before has 6.
 */
export function fiveWorkingDaysBack(todayIso: string, cal: WorkingCalendar): string {
  let day = todayIso
  let counted = 0
  for (let i = 0; i < 366; i++) {
    if (isWorkingDay(day, cal)) counted++
    if (counted === 6) return day
    day = addCalendarDays(day, -1)
  }
  return day
}

export interface StepTime {
  serviceId: string
  serviceTitle: string
  stepId: string
  stepTitle: string
  n: number
  medianHours: number | null
  p90Hours: number | null
  promised: { max: number; unit: string } | null
  withPromise: number
  onTime: ShareFigure
}

export interface AgencyDashboard {
  agencyId: string
  agencyName: string
  minN: number
  helpful: ShareFigure & { no: number }
  reportStates: Record<ReportState, number>
  reportAges: { young: number; middle: number; overdue: number }
  dimensions: { key: RatingDimension; figure: MeanFigure }[]
  channels: { key: TransactionChannel; figure: MeanFigure }[]
  times: StepTime[]
  /** The oldest computation among the time rollup rows shown (they are refreshed elsewhere). */
  timesComputedAt: Date | null
}

const StepsJson = z
  .array(
    z.object({
      id: z.string(),
      title: z.string(),
      duration: z.object({ max: z.number(), unit: z.string() }).nullish(),
    }),
  )
  .catch([])

const hours = (s: number | null): number | null => (s === null ? null : Number(s) / 3600)

/**
 * One agency's dashboard (issue 13 item 7) in a fixed number of queries: the settings, the
 * agency, helpful sums over the rollup rows, reports by state and by age, ratings by dimension
 * and by channel (SQL aggregates of running totals), the time rollups with their steps, and the
 * working calendar of the last weeks for the age buckets.
 */
export async function loadAgencyDashboard(
  deps: Deps,
  actor: Actor,
  requested: string | null,
): Promise<AgencyDashboard> {
  const agencyId = agencyScope(actor, requested)
  if (agencyId === null) throw new ForbiddenError('feedback.dashboard', msg.forbidden)
  const today = tehranIsoDay(deps.clock.now())
  const [settings, agency, helpful, states, cal, dims, chans, timeRows] = await Promise.all([
    loadPortalSettings(deps.db),
    findAgencyById(deps.db, agencyId),
    helpfulByAgency(deps.db, agencyId),
    countReports(deps.db, agencyId, today),
    loadWorkingCalendar(deps, addCalendarDays(today, -60), today),
    ratingTotalsByDimension(deps.db, agencyId),
    ratingTotalsByChannel(deps.db, agencyId),
    timeRowsOfAgency(deps.db, agencyId),
  ])
  if (!agency) throw new NotFoundError('feedback.dashboard.agency', msg.agencyNotFound)
  const minN = settings.feedbackMinN
  const ages = await openReportAges(deps.db, agencyId, {
    todayIso: today,
    since5Iso: fiveWorkingDaysBack(today, cal),
  })
  const h = helpful.get(agencyId) ?? { yes: 0, no: 0 }
  const hf = helpfulFigure(h, minN)
  return {
    agencyId,
    agencyName: agency.nameFa,
    minN,
    helpful: { ...shareFigure(hf.yes, hf.n, minN), no: hf.no },
    reportStates: states.byState,
    reportAges: ages.get(agencyId) ?? { young: 0, middle: 0, overdue: 0 },
    dimensions: RATING_DIMENSIONS.map((key) => ({ key, figure: meanFigure(dims[key], minN) })),
    channels: CHANNELS.map((key) => ({
      key,
      figure: meanFigure(chans.get(key) ?? { n: 0, sum: 0, sumSquares: 0 }, minN),
    })),
    timesComputedAt: timeRows.reduce<Date | null>(
      (oldest, r) => (oldest === null || r.computedAt < oldest ? r.computedAt : oldest),
      null,
    ),
    times: timeRows.map((r) => {
      const steps = StepsJson.parse(r.steps ?? [])
      const step = steps.find((s) => s.id === r.stepId)
      return {
        serviceId: r.serviceId,
        serviceTitle: r.serviceTitle,
        stepId: r.stepId,
        stepTitle: r.stepId === WHOLE ? msg.wholeTransaction : (step?.title ?? r.stepId),
        n: r.n,
        medianHours: hours(r.medianSeconds),
        p90Hours: hours(r.p90Seconds),
        promised: step?.duration ? { max: step.duration.max, unit: step.duration.unit } : null,
        withPromise: r.withPromise,
        onTime: shareFigure(r.onTime, r.withPromise, minN),
      }
    }),
  }
}

export const METRICS = ['satisfaction', 'helpful', 'ontime'] as const
export type Metric = (typeof METRICS)[number]

export interface AgencyRow {
  agencyId: string
  agencyName: string
  helpful: ShareFigure
  satisfaction: MeanFigure & { bayesMean: number }
  reportsOpen: number
  reportsOverdue: number
  reportsTotal: number
  onTime: ShareFigure
  /** n and value of the figure sorted on; rank only where n reaches the minimum. */
  n: number
  value: number | null
  rank: number | null
}

export interface CentralDashboard {
  minN: number
  metric: Metric
  sort: 'n' | 'value'
  rows: AgencyRow[]
}

/**
 * The centre's table: the same figures per agency, from grouped aggregates (one query per
 * figure, whatever the number of agencies). Ranked by the chosen figure among agencies whose
 * n reaches the minimum; sorted by that value (ranked first) or by n.
 */
export async function loadCentralDashboard(
  deps: Deps,
  actor: Actor,
  q: { by?: string | undefined; sort?: string | undefined },
): Promise<CentralDashboard> {
  if (!isCentral(actor)) throw new ForbiddenError('feedback.dashboard', msg.forbidden)
  const metric = METRICS.find((m) => m === q.by) ?? 'satisfaction'
  const sort = q.sort === 'n' ? 'n' : 'value'
  const today = tehranIsoDay(deps.clock.now())
  const [settings, agencies, helpful, ratings, states, ages, times] = await Promise.all([
    loadPortalSettings(deps.db),
    listAgencyBriefs(deps.db),
    helpfulByAgency(deps.db, null),
    ratingTotalsByAgency(deps.db),
    reportStatesByAgency(deps.db),
    openReportAges(deps.db, null, { todayIso: today, since5Iso: today }),
    onTimeByAgency(deps.db),
  ])
  const minN = settings.feedbackMinN
  let allN = 0
  let allSum = 0
  for (const t of ratings.values()) {
    allN += t.n
    allSum += t.sum
  }
  const prior = { mean: allN > 0 ? allSum / allN : SCALE_MIDDLE, weight: PRIOR_WEIGHT }
  const rows: AgencyRow[] = agencies.map((a) => {
    const h = helpful.get(a.id) ?? { yes: 0, no: 0 }
    const r = ratings.get(a.id) ?? { n: 0, sum: 0, sumSquares: 0 }
    const s = states.get(a.id) ?? {}
    const t = times.get(a.id) ?? { n: 0, withPromise: 0, onTime: 0 }
    const helpfulF = shareFigure(h.yes, h.yes + h.no, minN)
    const satisfaction = { ...meanFigure(r, minN), bayesMean: bayesianAverage(r, prior) }
    const onTime = shareFigure(t.onTime, t.withPromise, minN)
    const picked =
      metric === 'helpful'
        ? { n: helpfulF.n, value: helpfulF.n > 0 ? helpfulF.low : null }
        : metric === 'ontime'
          ? { n: onTime.n, value: onTime.share }
          : { n: r.n, value: r.n > 0 ? satisfaction.bayesMean : null }
    return {
      agencyId: a.id,
      agencyName: a.nameFa,
      helpful: helpfulF,
      satisfaction,
      reportsOpen: (s.received ?? 0) + (s.accepted ?? 0),
      reportsOverdue: ages.get(a.id)?.overdue ?? 0,
      reportsTotal: REPORT_STATES.reduce((sum, st) => sum + (s[st] ?? 0), 0),
      onTime,
      ...picked,
      rank: null,
    }
  })
  const ranked = rows
    .filter((r) => r.n >= minN && r.value !== null)
    .sort((x, y) => (y.value ?? 0) - (x.value ?? 0) || y.n - x.n)
  ranked.forEach((r, i) => {
    r.rank = i + 1
  })
  rows.sort((x, y) =>
    sort === 'n'
      ? y.n - x.n || x.agencyName.localeCompare(y.agencyName, 'fa')
      : (x.rank ?? Number.MAX_SAFE_INTEGER) - (y.rank ?? Number.MAX_SAFE_INTEGER) ||
        y.n - x.n ||
        x.agencyName.localeCompare(y.agencyName, 'fa'),
  )
  return { minN, metric, sort, rows }
}
