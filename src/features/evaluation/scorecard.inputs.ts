import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import {
  type ComputedValue,
  computeGeneralIndicators,
  GENERAL_KEYS,
  isoDayOf,
  parsePeriod,
  periodDays,
  periodInstants,
} from '../indicators/index.ts'
import { peerGroupOf } from './compliance.model.ts'
import { listBoardAgencies } from './compliance.queries.ts'
import type { ComponentKey } from './method.model.ts'
import { acceptedSpecificValues, valuesDueBetween } from './scorecard.queries.ts'
import type { ScorecardInput } from './scorecard.ts'
import type { Observed } from './scoring.ts'

/** Which general indicator each component reads. */
const FROM_GENERAL: Partial<Record<ComponentKey, string>> = {
  publication: GENERAL_KEYS.cardComplete,
  reviews: GENERAL_KEYS.reviewsOnTime,
  eService: GENERAL_KEYS.electronicStages,
  satisfaction: GENERAL_KEYS.satisfaction,
  accuracy: GENERAL_KEYS.reportsPer1000,
  promises: GENERAL_KEYS.promiseOnTime,
}

const targets = z.array(z.object({ year: z.number(), target: z.number() }).passthrough())

/**
 * The measured inputs of every agency's scorecard for one Jalali year (issue 15 item 2): the
 * general indicators computed over the year, the share of its own indicator values that came by
 * their due day, and how close its accepted specific values came to their targets. What is
 * stored in a snapshot, so that the scores can be recomputed from it alone.
 */
export async function loadScorecardInputs(
  deps: Pick<Deps, 'db' | 'clock'>,
  jy: number,
  previousTotals: ReadonlyMap<string, number> = new Map(),
): Promise<ScorecardInput[]> {
  const year = parsePeriod(String(jy))
  if (!year) throw new Error(`not a Jalali year: ${jy}`)
  const instants = periodInstants(year)
  const days = periodDays(year)
  const [agencies, general, due, specific] = await Promise.all([
    listBoardAgencies(deps.db),
    computeGeneralIndicators(deps.db, instants, deps.clock.now()),
    valuesDueBetween(deps.db, isoDayOf(days.first), isoDayOf(days.last)),
    acceptedSpecificValues(deps.db, jy),
  ])
  const generalOf = new Map<string, Map<string, ComputedValue>>()
  for (const [key, rows] of general) generalOf.set(key, new Map(rows.map((r) => [r.agencyId, r])))
  const dueOf = new Map(due.map((d) => [d.agencyId, d]))
  const reached = new Map<string, { sum: number; n: number }>()
  for (const v of specific) {
    const t = targets.safeParse(v.targets)
    const target = t.success ? t.data.find((x) => x.year === jy)?.target : undefined
    if (target === undefined) continue
    const ratio =
      v.direction === 'higher'
        ? target <= 0
          ? 1
          : v.value / target
        : v.value <= 0
          ? 1
          : target / v.value
    const acc = reached.get(v.agencyId) ?? { sum: 0, n: 0 }
    acc.sum += Math.min(Math.max(ratio, 0), 1)
    acc.n++
    reached.set(v.agencyId, acc)
  }
  return agencies.map((a) => {
    const observed: Partial<Record<ComponentKey, Observed>> = {}
    for (const [component, key] of Object.entries(FROM_GENERAL) as [ComponentKey, string][]) {
      const g = generalOf.get(key)?.get(a.id)
      if (g)
        observed[component] = {
          value: g.value,
          n: g.n,
          numerator: g.numerator,
          denominator: g.denominator,
        }
    }
    const d = dueOf.get(a.id)
    if (d)
      observed.indicatorsOnTime = {
        value: (100 * d.onTime) / d.due,
        n: d.due,
        numerator: d.onTime,
        denominator: d.due,
      }
    const r = reached.get(a.id)
    if (r)
      observed.specificTargets = {
        value: (100 * r.sum) / r.n,
        n: r.n,
        numerator: r.sum,
        denominator: r.n,
      }
    return {
      agencyId: a.id,
      peerGroup: peerGroupOf(a.level),
      provinceCode: a.provinceCode,
      observed,
      previousTotal: previousTotals.get(a.id) ?? null,
    }
  })
}
