import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import {
  type Frequency,
  type IndicatorDefinition,
  isoDayOf,
  type Period,
  parsePeriod,
  periodDueDay,
  periodInstants,
  periodKey,
  UNIT_RANGES,
  type YearTarget,
} from '../indicators/index.ts'
import { seededRandom } from './demo-feedback.plan.ts'
import {
  AMENDED_LIMITATIONS,
  CHANGES_COMMENT,
  type DemoAgencyIndicators,
  type DemoIndicatorText,
  EVIDENCE_NOTES,
  NEW_VERSION_LIMITATIONS,
  PERIOD_RETURN_COMMENT,
  REJECTION_REASONS,
} from './demo-indicators.texts.ts'
import { stableHash } from './demo-reviews.plan.ts'

/**
 * The demo's indicator story (issue 14 item 7), planned relative to the moment the demo is
 * loaded so that it reads the same whenever `npm start` runs. The portal went live a little
 * before last Jalali year: the centre proposed and approved the general indicators, each
 * agency received its credentials and sent its first proposals within the directive's month
 * or after it; the supervisor decided them (some returned first and amended). Since then the
 * agencies have recorded two years of values — most before the due day, some after — and the
 * centre accepted the periods every other agency sent (locked), returned one and has one
 * waiting. One agency stopped recording an indicator months ago (stale). Lately agencies sent
 * more proposals: some wait for a decision, some were returned with a comment, some rejected
 * with a reason, some withdrawn, and new versions of approved indicators wait beside the
 * version in force. One agency is overdue with its first proposal; one is still in its month.
 * Everything comes from seeded generators (no Math.random); `demo-indicators.load.ts` plays it
 * through the real indicator actions, each step on a clock set to its moment.
 */

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
/** The portal went live this many days before last Jalali year began. */
const LIVE_BEFORE_VALUES_DAYS = 80
/** How long a value stays fresh, by frequency: its period and the next, with some slack. */
export const DEMO_MAX_AGE_DAYS: Record<Frequency, number> = {
  monthly: 45,
  quarterly: 120,
  yearly: 400,
}
/** A value comes after its due day with this chance. */
const LATE_SHARE = 0.12
/** The stale indicator's agency stopped recording this many months before the demo. */
const STALE_MONTHS = 5

/** What becomes of a proposal. */
export type ProposalFate =
  | 'approved'
  /** Returned with a comment first, amended, then approved. */
  | 'amended_approved'
  /** Approved, with a new version proposed beside it and waiting for a decision. */
  | 'new_version'
  | 'submitted'
  | 'changes_requested'
  | 'rejected'
  | 'withdrawn'

/** The fates of every proposal after an agency's first, dealt in turn across the agencies. */
const LATER_FATES: readonly ProposalFate[] = [
  'submitted',
  'approved',
  'changes_requested',
  'new_version',
  'rejected',
  'withdrawn',
  'approved',
]

export type StepAction =
  | 'propose'
  | 'submit'
  | 'request_changes'
  | 'amend'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'start_version'

export interface PlannedStep {
  at: Date
  /** `<agency key>:<index>`: the proposal the step acts on. */
  proposal: string
  action: StepAction
  /** For `propose` and `amend`: the definition written. */
  definition?: IndicatorDefinition
  /** For the centre's decisions other than approval. */
  comment?: string
  /** For `request_changes`: the ISO day the amended proposal is expected by. */
  untilDay?: string
}

export interface PlannedValue {
  /** `<agency key>:<index>`. */
  proposal: string
  period: string
  numerator: number
  denominator: number | null
  recordedAt: Date
  /** Recorded after the period's due day. */
  late: boolean
  source: 'api' | 'manual'
  evidenceNote: string | null
}

export interface PlannedPeriod {
  agencyKey: string
  period: string
  submittedAt: Date
  /** Null: still waiting for the centre. */
  decision: { at: Date; accept: boolean; comment: string | null } | null
}

export interface PlannedProposal {
  id: string
  agencyKey: string
  fate: ProposalFate
  definition: IndicatorDefinition
}

export type Standing = 'on_time' | 'late' | 'overdue' | 'waiting'

export interface PlannedAgency {
  key: string
  standing: Standing
  credentialsAt: Date
}

export interface DemoIndicatorPlan {
  /** When the central admin proposes the general indicators; submitted an hour later. */
  generalProposedAt: Date
  /** When the supervisor approves them. */
  generalApprovedAt: Date
  agencies: PlannedAgency[]
  proposals: PlannedProposal[]
  steps: PlannedStep[]
  values: PlannedValue[]
  periods: PlannedPeriod[]
  /** The proposal whose agency stopped recording values. */
  staleProposal: string | null
}

export interface DemoIndicatorPlanInput {
  now: Date
  /** The agencies that propose (those found in the database), in story order. */
  proposing: readonly DemoAgencyIndicators[]
  /** An agency with credentials long ago and no proposal yet. */
  overdueKey: string | null
  /** An agency given credentials days ago, still inside its month. */
  waitingKey: string | null
}

/** 10:00 Tehran time of the day an instant falls on, plus `hours`. */
function officeTime(d: Date, hours = 0): Date {
  const t = tehranDateOf(d)
  return new Date(startOfTehranDay(t.jy, t.jm, t.jd).getTime() + (10 + hours) * HOUR_MS)
}

function round(x: number, unit: DemoIndicatorText['unit']): number {
  if (unit === 'score_1_5' || unit === 'level_1_5' || unit === 'per_1000' || unit === 'hours')
    return Math.round(x * 10) / 10
  if (unit === 'rial') return Math.round(x / 100_000) * 100_000
  return Math.round(x)
}

function targetsOf(t: DemoIndicatorText, jy: number, withNextYear: boolean): YearTarget[] {
  const mid = round(t.baseline + (t.target - t.baseline) / 2, t.unit)
  const out: YearTarget[] = [
    { year: jy - 1, baseline: t.baseline, target: mid },
    { year: jy, baseline: null, target: t.target },
  ]
  if (withNextYear) {
    const beyond = t.target + (t.target - t.baseline) / 4
    const { min, max } = UNIT_RANGES[t.unit]
    out.push({
      year: jy + 1,
      baseline: null,
      target: round(Math.min(max, Math.max(min, beyond)), t.unit),
    })
  }
  return out
}

function definitionOf(t: DemoIndicatorText, jy: number): IndicatorDefinition {
  return {
    nameFa: t.nameFa,
    definition: t.definition,
    rationale: t.rationale,
    category: t.category,
    unit: t.unit,
    direction: t.direction,
    numeratorFa: t.numeratorFa,
    denominatorFa: t.denominatorFa,
    frequency: t.frequency,
    source: t.source,
    maxAgeDays: DEMO_MAX_AGE_DAYS[t.frequency],
    limitations: t.limitations,
    scopeServiceIds: [],
    targets: targetsOf(t, jy, false),
  }
}

/** Every period of `frequency` in Jalali years `jy - 1` and `jy` that has ended by `now`. */
export function endedPeriodsOfTwoYears(frequency: Frequency, jy: number, now: Date): Period[] {
  const parts =
    frequency === 'yearly'
      ? [0]
      : frequency === 'quarterly'
        ? [1, 2, 3, 4]
        : [...Array(12).keys()].map((i) => i + 1)
  const out: Period[] = []
  for (const year of [jy - 1, jy])
    for (const part of parts) {
      const p = parsePeriod(periodKey(frequency, year, part))
      if (p && periodInstants(p).to.getTime() <= now.getTime()) out.push(p)
    }
  return out
}

const MONTHS_IN: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 }
const SCALE: Record<DemoIndicatorText['unit'], number> = {
  percent: 100,
  per_1000: 1000,
  count: 1,
  days: 1,
  hours: 1,
  score_1_5: 1,
  level_1_5: 1,
  rial: 1,
}

/** The values one approved indicator has: a trend from its baseline towards its target. */
function valuesOf(
  id: string,
  t: DemoIndicatorText,
  periods: readonly Period[],
  nowMs: number,
  window: { from: number; to: number },
  forceLateAt: number | null,
): PlannedValue[] {
  const rnd = seededRandom(stableHash(`indicator-values:${id}`))
  const { min, max } = UNIT_RANGES[t.unit]
  const span = t.target - t.baseline
  const out: PlannedValue[] = []
  periods.forEach((p, k) => {
    // How far through the two years the period ends: a year's value sits halfway.
    const ended = periodInstants(p).to.getTime()
    const progress = (ended - window.from) / (window.to - window.from)
    const noise = (rnd() - 0.5) * 0.25 * Math.abs(span)
    const v = Math.min(max, Math.max(min, t.baseline + span * 0.9 * progress + noise))
    const late = k === forceLateAt || rnd() < LATE_SHARE
    const due = startOfTehranDay(periodDueDay(p).jy, periodDueDay(p).jm, periodDueDay(p).jd)
    const recordedAt = late
      ? officeTime(new Date(due.getTime() + (4 + Math.floor(rnd() * 26)) * DAY_MS), rnd() * 6)
      : officeTime(new Date(ended + (2 + Math.floor(rnd() * 10)) * DAY_MS), rnd() * 6)
    const volume = t.perMonth * MONTHS_IN[p.frequency] * (0.92 + rnd() * 0.16)
    const evidence = EVIDENCE_NOTES[Math.floor(rnd() * EVIDENCE_NOTES.length)] ?? null
    if (recordedAt.getTime() >= nowMs) return // not recorded yet (and not yet due, or late)
    let numerator: number
    let denominator: number | null = null
    if (t.denominatorFa === null) numerator = round(v, t.unit)
    else {
      denominator = Math.max(1, Math.round(volume))
      // The value the action computes from these two stays inside the unit's range.
      numerator = Math.min(
        Math.round((v * denominator) / SCALE[t.unit]),
        Math.floor((max * denominator) / SCALE[t.unit]),
      )
    }
    out.push({
      proposal: id,
      period: p.key,
      numerator,
      denominator,
      recordedAt,
      late,
      source: t.source,
      evidenceNote: t.source === 'manual' ? evidence : null,
    })
  })
  return out
}

export function planDemoIndicators(input: DemoIndicatorPlanInput): DemoIndicatorPlan {
  const { now } = input
  const nowMs = now.getTime()
  const latest = nowMs - HOUR_MS
  const clampNow = (d: Date) => new Date(Math.min(d.getTime(), latest))
  const jy = tehranDateOf(now).jy
  const valuesFrom = startOfTehranDay(jy - 1, 1, 1).getTime()
  const window = { from: valuesFrom, to: startOfTehranDay(jy + 1, 1, 1).getTime() }
  const live = valuesFrom - LIVE_BEFORE_VALUES_DAYS * DAY_MS

  const generalProposedAt = officeTime(new Date(live - 20 * DAY_MS))
  const generalApprovedAt = officeTime(new Date(live - 18 * DAY_MS))

  const agencies: PlannedAgency[] = []
  const proposals: PlannedProposal[] = []
  const steps: PlannedStep[] = []
  let values: PlannedValue[] = []
  let fateTurn = 0
  let firstApproved: string | null = null

  input.proposing.forEach((a, i) => {
    const rnd = seededRandom(stableHash(`indicator-agency:${a.key}`))
    const credentialsAt = officeTime(new Date(live + 2 * i * DAY_MS))
    // Every fourth agency sent its first proposal after its month had run out.
    const standing: Standing = i % 4 === 3 ? 'late' : 'on_time'
    agencies.push({ key: a.key, standing, credentialsAt })
    const firstDays = standing === 'late' ? 36 + Math.floor(rnd() * 14) : 6 + Math.floor(rnd() * 20)
    const first = officeTime(new Date(credentialsAt.getTime() + firstDays * DAY_MS))

    a.proposals.forEach((text, j) => {
      const id = `${a.key}:${j}`
      const fate: ProposalFate =
        j === 0
          ? i % 3 === 1
            ? 'amended_approved'
            : 'approved'
          : (LATER_FATES[fateTurn++ % LATER_FATES.length] ?? 'approved')
      const definition = definitionOf(text, jy)
      proposals.push({ id, agencyKey: a.key, fate, definition })
      const step = (at: Date, action: StepAction, extra: Partial<PlannedStep> = {}) =>
        steps.push({ at: clampNow(at), proposal: id, action, ...extra })
      const days = (from: Date, d: number, hours = 0) =>
        officeTime(new Date(from.getTime() + d * DAY_MS), hours)

      // Approved ones come early (values need them); the open ones are recent.
      let submitAt: Date
      if (
        fate === 'approved' ||
        fate === 'amended_approved' ||
        fate === 'new_version' ||
        fate === 'rejected'
      )
        submitAt = j === 0 ? first : days(first, 4 * j + Math.floor(rnd() * 3))
      else if (fate === 'submitted')
        submitAt = officeTime(new Date(nowMs - (4 + Math.floor(rnd() * 20)) * DAY_MS))
      else if (fate === 'changes_requested')
        submitAt = officeTime(new Date(nowMs - (40 + Math.floor(rnd() * 20)) * DAY_MS))
      else submitAt = officeTime(new Date(nowMs - (90 + Math.floor(rnd() * 30)) * DAY_MS))

      step(days(submitAt, -2, 1), 'propose', { definition })
      step(submitAt, 'submit')
      const decideAt = days(submitAt, 3 + Math.floor(rnd() * 6), 2)
      switch (fate) {
        case 'approved':
        case 'new_version':
          step(decideAt, 'approve')
          break
        case 'amended_approved': {
          step(decideAt, 'request_changes', {
            comment: CHANGES_COMMENT,
            untilDay: isoDayOf(tehranDateOf(new Date(decideAt.getTime() + 14 * DAY_MS))),
          })
          const amendAt = days(decideAt, 2)
          step(amendAt, 'amend', {
            definition: {
              ...definition,
              limitations: definition.limitations + AMENDED_LIMITATIONS,
              targets: targetsOf(text, jy, true),
            },
          })
          step(days(amendAt, 0, 1), 'submit')
          step(days(amendAt, 4, 2), 'approve')
          break
        }
        case 'changes_requested':
          step(decideAt, 'request_changes', {
            comment: CHANGES_COMMENT,
            untilDay: isoDayOf(tehranDateOf(new Date(decideAt.getTime() + 21 * DAY_MS))),
          })
          break
        case 'rejected':
          step(decideAt, 'reject', { comment: REJECTION_REASONS[text.category] })
          break
        case 'withdrawn':
          step(days(submitAt, 2, 3), 'withdraw')
          break
        case 'submitted':
          break
      }
      if (fate === 'new_version') {
        const startAt = officeTime(new Date(nowMs - (8 + Math.floor(rnd() * 10)) * DAY_MS))
        step(startAt, 'start_version')
        step(new Date(startAt.getTime() + HOUR_MS), 'amend', {
          definition: {
            ...definition,
            limitations: definition.limitations + NEW_VERSION_LIMITATIONS,
            targets: targetsOf(text, jy, true),
          },
        })
        step(new Date(startAt.getTime() + 2 * HOUR_MS), 'submit')
      }
      if (fate === 'approved' || fate === 'amended_approved' || fate === 'new_version') {
        const periods = endedPeriodsOfTwoYears(text.frequency, jy, now)
        values.push(
          ...valuesOf(id, text, periods, nowMs, window, firstApproved === null ? 2 : null),
        )
        firstApproved ??= id
      }
    })
  })

  // The stale one: the last monthly indicator with values; its agency stopped recording.
  const monthly = proposals.filter(
    (p) => p.definition.frequency === 'monthly' && values.some((v) => v.proposal === p.id),
  )
  const stale = monthly[monthly.length - 1] ?? null
  if (stale) {
    const stoppedAt = nowMs - STALE_MONTHS * 30 * DAY_MS
    values = values.filter((v) => v.proposal !== stale.id || v.recordedAt.getTime() < stoppedAt)
  }

  const periods = planPeriods(input, values, jy, nowMs)

  for (const key of [input.overdueKey, input.waitingKey]) {
    if (key === null) continue
    agencies.push({
      key,
      standing: key === input.overdueKey ? 'overdue' : 'waiting',
      credentialsAt:
        key === input.overdueKey
          ? officeTime(new Date(live))
          : officeTime(new Date(nowMs - 9 * DAY_MS)),
    })
  }

  steps.sort((a, b) => a.at.getTime() - b.at.getTime())
  return {
    generalProposedAt,
    generalApprovedAt,
    agencies,
    proposals,
    steps,
    values,
    periods,
    staleProposal: stale?.id ?? null,
  }
}

/**
 * The periods agencies sent to the centre (each sending takes the centre a decision, so the
 * demo keeps them few): every other agency's quarters and year of last year and its first
 * quarter of this year, accepted (locked); one agency's latest period returned with
 * a comment and another's waiting. A period is sent two to five days after its last value.
 */
function planPeriods(
  input: DemoIndicatorPlanInput,
  values: readonly PlannedValue[],
  jy: number,
  nowMs: number,
): PlannedPeriod[] {
  const out: PlannedPeriod[] = []
  input.proposing.forEach((a, i) => {
    const rnd = seededRandom(stableHash(`indicator-periods:${a.key}`))
    const lastAt = new Map<string, number>()
    for (const v of values)
      if (v.proposal.startsWith(`${a.key}:`))
        lastAt.set(v.period, Math.max(lastAt.get(v.period) ?? 0, v.recordedAt.getTime()))
    const keys = [...lastAt.keys()].sort()
    const newest = [...keys].sort((x, y) => (lastAt.get(y) ?? 0) - (lastAt.get(x) ?? 0))[0]
    for (const key of keys) {
      const year = Number(key.slice(0, 4))
      const thisYearFirst = key === `${jy}-Q1` && i % 2 === 0
      const returned = i === 1 && key === newest
      const waiting = i === 2 && key === newest
      // Every other agency sent last year's quarters and year; the centre checks no months.
      const sent = year === jy - 1 && i % 2 === 0 && !/^\d{4}-\d{2}$/.test(key)
      if (!sent && !thisYearFirst && !returned && !waiting) continue
      const submittedAt = officeTime(
        new Date((lastAt.get(key) ?? 0) + (2 + Math.floor(rnd() * 4)) * DAY_MS),
      )
      if (submittedAt.getTime() >= nowMs) continue
      const decidedAt = officeTime(
        new Date(submittedAt.getTime() + (2 + Math.floor(rnd() * 5)) * DAY_MS),
        3,
      )
      const decision =
        waiting || decidedAt.getTime() >= nowMs
          ? null
          : { at: decidedAt, accept: !returned, comment: returned ? PERIOD_RETURN_COMMENT : null }
      out.push({ agencyKey: a.key, period: key, submittedAt, decision })
    }
  })
  return out
}
