import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { EvaluationStatus } from '../../db/schema.ts'
import { PEER_GROUPS } from './compliance.model.ts'
import { COMPONENT_KEYS, type ComponentKey, type EvaluationMethod } from './method.model.ts'
import { type Scorecard, type ScorecardInput, scorecards } from './scorecard.ts'

/**
 * An evaluation of one Jalali year, frozen (issue 15 item 3): the method version it used, the
 * inputs every score came from, their digest and the scorecards. The scorecards are never
 * trusted on their own: `recompute` must give exactly them again from the inputs and the method.
 */
export interface Snapshot {
  id: string
  period: string
  status: EvaluationStatus
  /** 0 for the provisional evaluation; 1 for the first published one, then each correction. */
  seq: number
  correctsId: string | null
  methodId: string
  methodVersion: number
  inputs: ScorecardInput[]
  inputsDigest: string
  scorecards: Scorecard[]
  /** How many agencies it scores. */
  agencies: number
  computedAt: Date
  publishedAt: Date | null
  objectionsUntil: Date | null
  noteFa: string | null
}

/** What lists of evaluations show, without the (large) inputs and scorecards. */
export type SnapshotSummary = Omit<Snapshot, 'inputs' | 'scorecards'>

/** Public pages that show evaluations are dropped from the page cache by this tag. */
export const EVALUATION_CACHE_TAG = 'evaluation'

/** Days an agency has, after publication, to object to a component of its scorecard. */
export const OBJECTION_WINDOW_DAYS = 30

export const componentKey = z.enum(COMPONENT_KEYS as [ComponentKey, ...ComponentKey[]])

const observed = z.object({
  value: z.number().nullable(),
  n: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().nullable().optional(),
})

const componentScore = z.discriminatedUnion('comparable', [
  z.object({ comparable: z.literal(true), ratio: z.number(), score: z.number() }),
  z.object({ comparable: z.literal(false), reason: z.enum(['no-value', 'too-few']) }),
])

const peerGroup = z.enum(PEER_GROUPS)

export const storedInputs = z.array(
  z.object({
    agencyId: z.string(),
    peerGroup,
    provinceCode: z.string().nullable(),
    observed: z.partialRecord(componentKey, observed),
    previousTotal: z.number().nullable(),
  }),
)

export const storedScorecards = z.array(
  z.object({
    agencyId: z.string(),
    peerGroup,
    provinceCode: z.string().nullable(),
    components: z.array(
      z.object({
        key: componentKey,
        weight: z.number(),
        observed: observed.nullable(),
        result: componentScore,
        points: z.number().nullable(),
      }),
    ),
    base: z.discriminatedUnion('comparable', [
      z.object({ comparable: z.literal(true), score: z.number(), comparableWeight: z.number() }),
      z.object({ comparable: z.literal(false), comparableWeight: z.number() }),
    ]),
    growth: componentScore.nullable(),
    score: z.number().nullable(),
    rank: z.number().nullable(),
  }),
)

/**
 * JSON with every object's keys sorted, so the same inputs give the same text (and digest)
 * whether they were just computed or read back from jsonb, which reorders keys.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries)
  })
}

/** SHA-256 of the canonical JSON of a snapshot's inputs: what the public can check a download by. */
export function inputsDigest(inputs: readonly ScorecardInput[]): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex')
}

export interface Verification {
  digestMatches: boolean
  scoresMatch: boolean
  /** The agencies whose recomputed scorecard differs from the stored one. */
  differing: string[]
}

/** Recomputes a snapshot from its stored inputs and method and compares, digit for digit. */
export function verifySnapshot(
  snapshot: Pick<Snapshot, 'inputs' | 'inputsDigest' | 'scorecards'>,
  method: Pick<EvaluationMethod, 'components' | 'growthWeight' | 'minComparableShare'>,
): Verification {
  const again = scorecards(method, snapshot.inputs)
  const stored = new Map(snapshot.scorecards.map((c) => [c.agencyId, canonicalJson(c)]))
  const differing = again
    .filter((c) => stored.get(c.agencyId) !== canonicalJson(c))
    .map((c) => c.agencyId)
  for (const id of stored.keys()) if (!again.some((c) => c.agencyId === id)) differing.push(id)
  return {
    digestMatches: inputsDigest(snapshot.inputs) === snapshot.inputsDigest,
    scoresMatch: differing.length === 0,
    differing,
  }
}

/**
 * The inputs of a correction: the corrected snapshot's inputs with each accepted objection's
 * value put in place of the component it was about (everything else as it was).
 */
export function correctedInputs(
  inputs: readonly ScorecardInput[],
  accepted: readonly {
    agencyId: string
    component: ComponentKey
    value: number | null
    n: number
  }[],
): ScorecardInput[] {
  return inputs.map((input) => {
    const fixes = accepted.filter((a) => a.agencyId === input.agencyId)
    if (fixes.length === 0) return input
    const observedNow = { ...input.observed }
    for (const f of fixes) observedNow[f.component] = { value: f.value, n: f.n }
    return { ...input, observed: observedNow }
  })
}
