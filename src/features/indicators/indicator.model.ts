import type {
  IndicatorDecisionAction,
  IndicatorKind,
  IndicatorState,
  IndicatorVersionsTable,
} from '../../db/schema.ts'
import type { Frequency } from './period.ts'

/**
 * Performance indicators (directive items 5 and 6, issue 14). The centre sets general
 * indicators for every agency; each agency proposes its own specific ones within a month; none
 * is used until the centre approves it. An indicator keeps its code for ever; its definition is
 * a numbered version (the method version). An approved version is frozen: a change is the next
 * version, proposed beside it, and the approved one stays in force until the new one is approved.
 */
export type { IndicatorDecisionAction, IndicatorKind, IndicatorState }
export type Category = IndicatorVersionsTable['category']
export type Unit = IndicatorVersionsTable['unit']
export type Direction = IndicatorVersionsTable['direction']
export type Source = IndicatorVersionsTable['source']

export const CATEGORIES: readonly Category[] = [
  'time',
  'cost',
  'accuracy',
  'satisfaction',
  'e_service',
  'transparency',
  'other',
]
export const UNITS: readonly Unit[] = [
  'percent',
  'count',
  'days',
  'hours',
  'score_1_5',
  'level_1_5',
  'per_1000',
  'rial',
]
export const FREQUENCIES: readonly Frequency[] = ['monthly', 'quarterly', 'yearly']
export const SOURCES: readonly Source[] = ['computed', 'api', 'manual']

/** The values a unit admits (a value outside is refused with a Persian message). */
export const UNIT_RANGES: Record<Unit, { min: number; max: number }> = {
  percent: { min: 0, max: 100 },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER },
  days: { min: 0, max: 36_500 },
  hours: { min: 0, max: 876_000 },
  score_1_5: { min: 1, max: 5 },
  level_1_5: { min: 1, max: 5 },
  per_1000: { min: 0, max: 1_000_000 },
  rial: { min: 0, max: Number.MAX_SAFE_INTEGER },
}

/** A baseline and a target for one Jalali year. */
export interface YearTarget {
  year: number
  baseline: number | null
  target: number
}

/** What an indicator says: every field of a version that a proposal fills in. */
export interface IndicatorDefinition {
  nameFa: string
  definition: string
  rationale: string
  category: Category
  unit: Unit
  direction: Direction
  numeratorFa: string
  denominatorFa: string | null
  frequency: Frequency
  source: Source
  maxAgeDays: number
  limitations: string
  /** The agency's services it covers; empty: the whole agency. */
  scopeServiceIds: string[]
  targets: YearTarget[]
}

export interface Indicator {
  id: string
  code: string
  kind: IndicatorKind
  agencyId: string | null
  createdAt: Date
}

export interface IndicatorVersion extends IndicatorDefinition {
  id: string
  indicatorId: string
  versionNo: number
  state: IndicatorState
  revision: number
  createdAt: Date
  createdBy: string | null
  updatedAt: Date
  submittedAt: Date | null
  decidedAt: Date | null
}

export interface IndicatorDecision {
  id: string
  versionId: string
  versionNo: number
  action: IndicatorDecisionAction
  actorName: string
  at: Date
  comment: string | null
  untilDay: string | null
}

/**
 * The cache tag of every public page that shows indicators or their values: dropped (in every
 * process) by each decision, each accepted period and each computation.
 */
export const INDICATORS_CACHE_TAG = 'indicators'

/** States a proposal can still change in (by its agency). */
export const EDITABLE: readonly IndicatorState[] = ['draft', 'changes_requested']
/** States of the one open proposal an indicator may have beside its approved version. */
export const OPEN: readonly IndicatorState[] = ['draft', 'submitted', 'changes_requested']

/** The centre's three answers to a submitted proposal. */
export type Decision = 'approve' | 'reject' | 'request_changes'

export const DECISION_TO: Record<
  Decision,
  { state: IndicatorState; action: IndicatorDecisionAction }
> = {
  approve: { state: 'approved', action: 'approved' },
  reject: { state: 'rejected', action: 'rejected' },
  request_changes: { state: 'changes_requested', action: 'changes_requested' },
}

/** Whether a value in `unit` is admissible, and the value a numerator and denominator give. */
export function inRange(unit: Unit, value: number): boolean {
  const r = UNIT_RANGES[unit]
  return Number.isFinite(value) && value >= r.min && value <= r.max
}

/**
 * The value of a ratio in its unit: a percent is 100 × n/d, per 1,000 is 1000 × n/d, anything
 * else n/d. Null when the denominator is 0 (the value does not exist; it is not 0).
 */
export function ratioValue(unit: Unit, numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  const scale = unit === 'percent' ? 100 : unit === 'per_1000' ? 1000 : 1
  return (scale * numerator) / denominator
}

/** The target of a year, if the version sets one. */
export function targetFor(v: IndicatorDefinition, year: number): YearTarget | undefined {
  return v.targets.find((t) => t.year === year)
}
