import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { bayesianAverage, meanInterval } from '../../lib/stats.ts'
import {
  findHelpfulCounts,
  helpfulFigure,
  loadPublishedById,
  STEP_TIME_UNITS,
} from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { allRatingTotals, ratingTotals } from './rating.queries.ts'
import { WHOLE } from './transaction.rollup.queries.ts'
import { serviceTimeRollups, WINDOW_DAYS } from './transaction.rollup.ts'

/** How many pseudo-ratings of the portal-wide mean a service's Bayesian average starts with. */
export const PRIOR_WEIGHT = 10
/** The prior before any rating exists anywhere: the middle of the 1–5 scale. */
export const SCALE_MIDDLE = 3

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits
const hours = (seconds: number | null) => (seconds === null ? null : round(seconds / 3600, 2))
const rate = (part: number, whole: number) => (whole === 0 ? null : round(part / whole))

export const feedbackParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'شناسهٔ خدمت' }),
})

const timeFigures = {
  n: z.number().int().openapi({ description: 'تعداد در ۹۰ روز گذشته' }),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  withPromise: z.number().int().openapi({ description: 'چند مورد زمان وعده‌داده‌شده داشتند' }),
  onTimeRate: z.number().nullable().openapi({ description: 'سهم موارد به‌موقع از withPromise' }),
}

export const feedbackJson = z
  .object({
    serviceId: z.uuid(),
    helpful: z.object({
      yes: z.number().int(),
      no: z.number().int(),
      n: z.number().int(),
      wilsonLow: z.number().openapi({ description: 'کران پایین ویلسون (۹۵٪) برای «مفید بود»' }),
      shown: z.boolean().openapi({ description: 'n به کمینهٔ لازم رسیده است' }),
    }),
    satisfaction: z.object({
      n: z.number().int(),
      mean: z.number().nullable(),
      ci95: z.tuple([z.number(), z.number()]).nullable(),
      bayesMean: z.number().openapi({ description: 'میانگین بیزی با پیشین میانگین کل پرتال' }),
      shown: z.boolean().openapi({ description: 'n به کمینهٔ لازم رسیده است' }),
      minimumN: z.number().int(),
    }),
    actualTime: z.object({
      ...timeFigures,
      windowDays: z.number().int(),
      inPersonVisitsMean: z.number().nullable(),
      shown: z.boolean(),
      steps: z.array(
        z.object({
          stepId: z.string(),
          title: z.string().nullable(),
          promised: z
            .object({ min: z.number(), max: z.number(), unit: z.enum(STEP_TIME_UNITS) })
            .nullable(),
          ...timeFigures,
        }),
      ),
    }),
  })
  .openapi('ServiceFeedback')

export type FeedbackJson = z.output<typeof feedbackJson>

/**
 * GET /services/{id}/feedback: what citizens said and how long it really took, every figure
 * with its n, read from the rollups (never from raw rows per request).
 */
export async function feedbackBody(deps: Deps, serviceId: string): Promise<FeedbackJson> {
  const { version } = await loadPublishedById(deps.db, serviceId)
  // Below the central minimum n (settings) a page says «هنوز دادهٔ کافی نیست» instead of a score.
  const [{ feedbackMinN: minimumN }, helpful, totals, all, times] = await Promise.all([
    loadPortalSettings(deps.db),
    findHelpfulCounts(deps.db, serviceId),
    ratingTotals(deps.db, serviceId),
    allRatingTotals(deps.db),
    serviceTimeRollups(deps, serviceId),
  ])
  const interval = meanInterval(totals)
  const prior = { mean: all.n > 0 ? all.sum / all.n : SCALE_MIDDLE, weight: PRIOR_WEIGHT }
  const whole = times.find((t) => t.stepId === WHOLE)
  const figures = (t: (typeof times)[number] | undefined) => ({
    n: t?.n ?? 0,
    medianHours: hours(t?.medianSeconds ?? null),
    p90Hours: hours(t?.p90Seconds ?? null),
    withPromise: t?.withPromise ?? 0,
    onTimeRate: rate(t?.onTime ?? 0, t?.withPromise ?? 0),
  })
  const steps = version.content.process.steps
  const helpfulFig = helpfulFigure(helpful, minimumN)
  return {
    serviceId,
    helpful: {
      yes: helpfulFig.yes,
      no: helpfulFig.no,
      n: helpfulFig.n,
      wilsonLow: round(helpfulFig.wilsonLow),
      shown: helpfulFig.shown,
    },
    satisfaction: {
      n: totals.n,
      mean: interval ? round(interval.mean) : null,
      ci95: interval ? [round(interval.ci95[0]), round(interval.ci95[1])] : null,
      bayesMean: round(bayesianAverage(totals, prior)),
      shown: totals.n >= minimumN,
      minimumN,
    },
    actualTime: {
      ...figures(whole),
      windowDays: WINDOW_DAYS,
      inPersonVisitsMean: whole && whole.n > 0 ? round(whole.visitsTotal / whole.n, 2) : null,
      shown: (whole?.n ?? 0) >= minimumN,
      steps: times
        .filter((t) => t.stepId !== WHOLE)
        .map((t) => {
          const step = steps.find((s) => s.id === t.stepId)
          return {
            stepId: t.stepId,
            title: step?.title ?? null,
            promised: step?.duration ?? null,
            ...figures(t),
          }
        }),
    },
  }
}
