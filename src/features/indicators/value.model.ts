import { type IndicatorVersion, inRange, ratioValue } from './indicator.model.ts'
import { type Period, periodInstants } from './period.ts'

/**
 * A value of an indicator for one agency and one Jalali period (issue 14 item 4): the numerator
 * and denominator it came from, the value, its evidence, and whether it came on time. An
 * agency submits a period; the centre accepts it (the period's values are then locked) or
 * returns it with a comment.
 */
export interface IndicatorValue {
  id: string
  indicatorId: string
  versionId: string
  agencyId: string
  period: string
  numerator: number | null
  denominator: number | null
  value: number | null
  n: number | null
  note: string | null
  evidenceNote: string | null
  evidenceFileId: string | null
  source: 'computed' | 'api' | 'manual' | 'csv'
  queryFrom: Date | null
  queryTo: Date | null
  recordedAt: Date
  recordedBy: string | null
  /** ISO day the value was due. */
  dueOn: string
}

export type SubmissionState = 'submitted' | 'accepted' | 'returned'

/** Whether a value came after its due day (Tehran days; `dueOn` is the last day allowed). */
export function isLate(
  v: Pick<IndicatorValue, 'recordedAt' | 'dueOn'>,
  tehranDayOf: (d: Date) => string,
): boolean {
  return tehranDayOf(v.recordedAt) > v.dueOn
}

/**
 * An indicator is stale for an agency when its newest value's period ended more than the
 * version's maximum age ago (or it has no value at all once a first period is due).
 */
export function isStale(
  version: Pick<IndicatorVersion, 'maxAgeDays'>,
  newest: Period | null,
  now: Date,
): boolean {
  if (newest === null) return true
  const ended = periodInstants(newest).to.getTime()
  return now.getTime() - ended > version.maxAgeDays * 86_400_000
}

/** What a person or a system sends for one period. */
export interface ValueInput {
  period: string
  numerator: number
  denominator: number | null
  note: string | null
  evidenceNote: string | null
}

export type ValueCheck =
  | { ok: true; value: number | null }
  | {
      ok: false
      field: 'numerator' | 'denominator' | 'period'
      problem:
        | 'zero-denominator'
        | 'denominator-needed'
        | 'out-of-range'
        | 'frequency'
        | 'not-ended'
    }

/**
 * Checks a value against its version: the period has the version's frequency and has ended; a
 * ratio indicator (one with a denominator definition) needs a positive denominator; the value
 * (the ratio in its unit, or the numerator itself) lies in the unit's range.
 */
export function checkValue(
  version: Pick<IndicatorVersion, 'unit' | 'denominatorFa' | 'frequency'>,
  period: Period,
  input: Pick<ValueInput, 'numerator' | 'denominator'>,
  now: Date,
): ValueCheck {
  if (period.frequency !== version.frequency)
    return { ok: false, field: 'period', problem: 'frequency' }
  if (periodInstants(period).to.getTime() > now.getTime())
    return { ok: false, field: 'period', problem: 'not-ended' }
  if (version.denominatorFa !== null) {
    if (input.denominator === null)
      return { ok: false, field: 'denominator', problem: 'denominator-needed' }
    if (input.denominator === 0)
      return { ok: false, field: 'denominator', problem: 'zero-denominator' }
    if (input.denominator < 0 || input.numerator < 0)
      return { ok: false, field: 'numerator', problem: 'out-of-range' }
    const value = ratioValue(version.unit, input.numerator, input.denominator)
    if (value === null || !inRange(version.unit, value))
      return { ok: false, field: 'numerator', problem: 'out-of-range' }
    return { ok: true, value }
  }
  if (!inRange(version.unit, input.numerator))
    return { ok: false, field: 'numerator', problem: 'out-of-range' }
  return { ok: true, value: input.numerator }
}
