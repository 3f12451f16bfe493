import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import type { Indicator, IndicatorVersion, Unit } from './indicator.model.ts'
import { targetFor } from './indicator.model.ts'
import { endedPeriods, isoDayOf, type Period, parsePeriod, periodLabel } from './period.ts'
import { isStale, type SubmissionState } from './value.model.ts'
import { findSubmission, type ValueWithState, valuesWithState } from './value.queries.ts'

/** One value as a staff page shows it. */
export interface ValueRow {
  agencyCode: string
  agencyNameFa: string
  period: string
  periodLabel: string
  numerator: number | null
  denominator: number | null
  value: number | null
  n: number | null
  note: string | null
  evidenceNote: string | null
  hasEvidenceFile: boolean
  source: 'computed' | 'api' | 'manual' | 'csv'
  recordedAt: Date
  dueOn: string
  late: boolean
  periodState: SubmissionState | 'open'
  target: number | null
}

export interface ValuesSection {
  unit: Unit
  direction: 'higher' | 'lower'
  computed: boolean
  rows: ValueRow[]
  /** One agency's values (agency staff): the chart is drawn; the centre sees a table. */
  ownAgency: boolean
  stale: boolean
  /** The entry form (agency staff of the owning agency, a non-computed indicator in force). */
  canEnter: boolean
  /** Ended periods a value may be entered for, newest first. */
  periods: { key: string; label: string }[]
  /** Periods the agency admin may send to the centre now. */
  submittable: { key: string; label: string }[]
}

/** A stored value as the pages show it, with the target of its year. */
export function valueRowOf(v: ValueWithState, inForce: IndicatorVersion): ValueRow {
  const p = parsePeriod(v.period)
  return {
    agencyCode: v.agencyCode,
    agencyNameFa: v.agencyNameFa,
    period: v.period,
    periodLabel: p ? periodLabel(p) : v.period,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    n: v.n,
    note: v.note,
    evidenceNote: v.evidenceNote,
    hasEvidenceFile: v.evidenceFileId !== null,
    source: v.source,
    recordedAt: v.recordedAt,
    dueOn: v.dueOn,
    late: isoDayOf(tehranDateOf(v.recordedAt)) > v.dueOn,
    periodState: v.submission ?? 'open',
    target: p ? (targetFor(inForce, p.jy)?.target ?? null) : null,
  }
}

/** The values part of `/admin/indicators/<code>` for this person, or null when not in force. */
export async function loadValuesSection(
  deps: Deps,
  actor: Actor | null,
  indicator: Indicator,
  inForce: IndicatorVersion | undefined,
): Promise<ValuesSection | null> {
  if (!inForce || !actor) return null
  const central = isCentral(actor)
  const agencyId = central ? undefined : (indicator.agencyId ?? actor.agencyId ?? undefined)
  if (!central && !agencyId) return null
  const now = deps.clock.now()
  const stored = await valuesWithState(deps.db, indicator.id, agencyId)
  const rows = stored.map((v) => valueRowOf(v, inForce))
  const staff = actor.role === 'agency_admin' || actor.role === 'agency_editor'
  const computed = inForce.source === 'computed'
  const canEnter = staff && !computed && agencyId !== undefined
  const periods = endedPeriods(inForce.frequency, now, 8)
    .reverse()
    .map((p) => ({ key: p.key, label: periodLabel(p) }))
  const newest = rows.at(-1)
  const newestPeriod: Period | null = newest ? parsePeriod(newest.period) : null
  const submittable: { key: string; label: string }[] = []
  if (actor.role === 'agency_admin' && agencyId && !computed) {
    for (const key of new Set(rows.map((r) => r.period))) {
      const s = await findSubmission(deps.db, agencyId, key)
      if (!s || s.state === 'returned') {
        const p = parsePeriod(key)
        submittable.push({ key, label: p ? periodLabel(p) : key })
      }
    }
  }
  return {
    unit: inForce.unit,
    direction: inForce.direction,
    computed,
    rows,
    ownAgency: !central,
    stale: !central && isStale(inForce, newestPeriod, now),
    canEnter,
    periods,
    submittable,
  }
}
