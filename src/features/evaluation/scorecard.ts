import type { PeerGroup } from './compliance.model.ts'
import { type ComponentKey, type EvaluationMethod, rulesOf } from './method.model.ts'
import {
  type ComponentScore,
  componentScore,
  growthScore,
  type Observed,
  rankGroup,
  round,
  type TotalScore,
  totalScore,
} from './scoring.ts'

/**
 * One agency's scorecard for one period (issue 15 item 2), computed from its stored inputs alone
 * (the measured value and n of each component, and last period's published total), so that a
 * published snapshot recomputes to exactly the same scores.
 */
export interface ScorecardInput {
  agencyId: string
  peerGroup: PeerGroup
  /** The group's province for provincial offices (they are ranked within their province). */
  provinceCode: string | null
  observed: Partial<Record<ComponentKey, Observed>>
  /** The agency's published total of the previous period, if any. */
  previousTotal: number | null
}

export interface ScoredComponent {
  key: ComponentKey
  weight: number
  observed: Observed | null
  result: ComponentScore
  /**
   * What the component adds to the final score: its points rescaled to the comparable weight
   * and to the share growth leaves, so a scorecard's points (and growth's) sum to its score.
   */
  points: number | null
}

export interface Scorecard {
  agencyId: string
  peerGroup: PeerGroup
  provinceCode: string | null
  components: ScoredComponent[]
  /** The total of the components, on 100, before growth. */
  base: TotalScore
  growth: ComponentScore | null
  /** What the agency is ranked on: base and growth weighed as the method says. */
  score: number | null
  /** Rank within its peer group (provincial offices: within their province); null when not comparable. */
  rank: number | null
}

/**
 * The scorecards of every agency under one method. The base total is on 100 over the weight of
 * the comparable components; the score weighs it and growth as the method does, `base × (100 −
 * g) / 100 + growth points` (g the growth weight), and is computed as the sum of each
 * component's points so that the published parts add up to the published whole. Without a
 * previous period the base alone is the score (growth not comparable: its weight is spread).
 */
export function scorecards(
  method: Pick<EvaluationMethod, 'components' | 'growthWeight' | 'minComparableShare'>,
  inputs: readonly ScorecardInput[],
): Scorecard[] {
  const rules = rulesOf(method)
  const cards = inputs.map((input): Scorecard => {
    const results = rules.map((rule) => {
      const observed = input.observed[rule.key as ComponentKey] ?? null
      const result = observed
        ? componentScore(rule, observed)
        : ({ comparable: false, reason: 'no-value' } as const)
      return { observed, result }
    })
    const base = totalScore(
      rules,
      results.map((r) => r.result),
      method.minComparableShare,
    )
    const g = method.growthWeight
    const growth = g > 0 && base.comparable ? growthScore(base.score, input.previousTotal, g) : null
    const factor = base.comparable
      ? (100 / base.comparableWeight) * (growth?.comparable ? (100 - g) / 100 : 1)
      : 0
    const growthPoints = growth?.comparable ? growth.score : 0
    const raw = results.map(({ result }) =>
      base.comparable && result.comparable ? result.score * factor : null,
    )
    const score = base.comparable
      ? round(raw.reduce<number>((sum, x) => sum + (x ?? 0), 0) + growthPoints)
      : null
    const points = score === null ? raw : apportion(raw, score - growthPoints)
    const components = results.map(({ observed, result }, i) => ({
      key: method.components[i]?.key ?? (rules[i]?.key as ComponentKey),
      weight: rules[i]?.weight ?? 0,
      observed,
      result,
      points: points[i] ?? null,
    }))
    return {
      agencyId: input.agencyId,
      peerGroup: input.peerGroup,
      provinceCode: input.provinceCode,
      components,
      base,
      growth,
      score,
      rank: null,
    }
  })
  const groups = new Map<string, Scorecard[]>()
  for (const c of cards) {
    const key = c.peerGroup === 'provincial' ? `provincial:${c.provinceCode ?? ''}` : c.peerGroup
    const list = groups.get(key) ?? []
    list.push(c)
    groups.set(key, list)
  }
  for (const list of groups.values())
    for (const r of rankGroup(list, (c) => c.score)) r.item.rank = r.rank
  return cards
}

/**
 * Rounds each part to four decimals so that the parts sum exactly to `total` (itself to four
 * decimals): each is rounded down, and the units left go to the largest remainders, first come
 * first served. Rounding each part on its own would let ranks differ on 0.0001 that no one sees
 * (eight components of 100/90 each sum to 100.0001).
 */
function apportion(parts: readonly (number | null)[], total: number): (number | null)[] {
  const units = parts.map((p) => (p === null ? null : p * 10_000))
  const floors = units.map((u) => (u === null ? null : Math.floor(u + 1e-6)))
  let left = Math.round(total * 10_000) - floors.reduce<number>((s, f) => s + (f ?? 0), 0)
  const order = units
    .map((u, i) => ({ i, rest: u === null ? -1 : u - (floors[i] ?? 0) }))
    .filter((x) => x.rest >= 0)
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
  const out = [...floors]
  for (const { i } of order) {
    if (left <= 0) break
    out[i] = (out[i] ?? 0) + 1
    left--
  }
  return out.map((u) => (u === null ? null : u / 10_000))
}
