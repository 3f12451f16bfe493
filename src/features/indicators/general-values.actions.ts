import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { computeGeneralIndicators, GENERAL_INDICATORS } from './general/index.ts'
import { approvedComputedVersions, upsertComputedValues } from './general-values.queries.ts'
import { proposeIndicator } from './indicator.actions.ts'
import { INDICATORS_CACHE_TAG, type IndicatorDefinition } from './indicator.model.ts'
import { findIndicatorByCode } from './indicator.queries.ts'
import {
  type Frequency,
  isoDayOf,
  type Period,
  parsePeriod,
  periodAt,
  periodDueDay,
  periodInstants,
  previousPeriod,
} from './period.ts'

/** How long a computed value stays fresh: its period and the next one, with a little slack. */
const MAX_AGE_DAYS: Record<Frequency, number> = { monthly: 45, quarterly: 120, yearly: 400 }

/**
 * The general indicators the portal computes (issue 14 item 3) start like any other: the central
 * admin proposes each as a draft with the portal's own definition (source «محاسبه به دست
 * پرتال»), and they are used only after the centre approves them. Creates the missing ones;
 * returns the codes created.
 */
export async function proposeGeneralIndicators(deps: Deps, actor: Actor | null): Promise<string[]> {
  const created: string[] = []
  for (const g of GENERAL_INDICATORS) {
    if (await findIndicatorByCode(deps.db, g.key)) continue
    const definition: IndicatorDefinition = {
      nameFa: g.nameFa,
      definition: g.definition,
      rationale: g.rationale,
      category: g.category,
      unit: g.unit,
      direction: g.direction,
      numeratorFa: g.numeratorFa,
      denominatorFa: g.denominatorFa,
      frequency: g.frequency,
      source: 'computed',
      maxAgeDays: MAX_AGE_DAYS[g.frequency],
      limitations: g.limitations,
      scopeServiceIds: [],
      targets: [],
    }
    await proposeIndicator(deps, actor, {
      kind: 'general',
      agencyId: null,
      code: g.key,
      definition,
    })
    created.push(g.key)
  }
  return created
}

/** What one recomputation did. */
export interface Recomputed {
  /** Periods computed, by key. */
  periods: string[]
  /** Indicator values written (one per approved computed indicator, agency and period). */
  values: number
  ms: number
}

/**
 * Recomputes every APPROVED computed general indicator for every agency over the last ended
 * period of its frequency (or over `only`), storing each value with its numerator, denominator,
 * n and the instants queried. Set-based: one computation per distinct period (a bounded number
 * of statements whatever the number of agencies), one multi-row write per indicator.
 */
export async function recomputeGeneralIndicators(
  deps: Pick<Deps, 'db' | 'clock' | 'publicChange'>,
  only?: string,
): Promise<Recomputed> {
  const started = performance.now()
  const now = deps.clock.now()
  const versions = await approvedComputedVersions(deps.db)
  const wanted = only ? parsePeriod(only) : null
  const byPeriod = new Map<string, { period: Period; versions: typeof versions }>()
  for (const v of versions) {
    const period = wanted ?? previousPeriod(periodAt(v.frequency, now))
    if (period.frequency !== v.frequency) continue
    const entry = byPeriod.get(period.key) ?? { period, versions: [] }
    entry.versions.push(v)
    byPeriod.set(period.key, entry)
  }
  let values = 0
  for (const { period, versions: due } of byPeriod.values()) {
    const instants = periodInstants(period)
    const computed = await computeGeneralIndicators(deps.db, instants, now)
    await deps.publicChange(async (trx, markChanged) => {
      await markChanged(INDICATORS_CACHE_TAG)
      for (const v of due) {
        const rows = computed.get(v.code) ?? []
        values += await upsertComputedValues(trx, {
          indicatorId: v.indicatorId,
          versionId: v.id,
          period: period.key,
          queryFrom: instants.from,
          queryTo: instants.to,
          dueOn: isoDayOf(periodDueDay(period)),
          recordedAt: now,
          rows,
        })
      }
      await recordAudit(trx, deps.clock, {
        actor: null,
        entityType: 'indicator-values',
        entityId: period.key,
        action: 'compute',
        agencyId: null,
        before: null,
        after: { period: period.key, indicators: due.map((v) => v.code) },
      })
    })
  }
  return { periods: [...byPeriod.keys()], values, ms: Math.round(performance.now() - started) }
}

/** Only the centre recomputes by hand (the job runs as the system). */
export function assertCanRecompute(actor: Actor | null): void {
  if (actor?.role !== 'central_admin' && actor?.role !== 'central_supervisor')
    throw new ForbiddenError('indicators.recompute', 'محاسبهٔ دوباره با ستاد مرکزی است.')
}
