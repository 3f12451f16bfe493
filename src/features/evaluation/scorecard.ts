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
 * The scorecards of every agency under one method. The final score weighs the base total and
 * growth as the method does: `base × (100 − g) / 100 + growth points`, where g is the growth
 * weight; without a previous period, the base alone is the score (growth not comparable).
 */
export function scorecards(
  method: Pick<EvaluationMethod, 'components' | 'growthWeight' | 'minComparableShare'>,
  inputs: readonly ScorecardInput[],
): Scorecard[] {
  const rules = rulesOf(method)
  const cards = inputs.map((input): Scorecard => {
    const components = rules.map((rule, i) => {
      const observed = input.observed[rule.key as ComponentKey] ?? null
      const result = observed
        ? componentScore(rule, observed)
        : ({ comparable: false, reason: 'no-value' } as const)
      return {
        key: method.components[i]?.key ?? (rule.key as ComponentKey),
        weight: rule.weight,
        observed,
        result,
      }
    })
    const base = totalScore(
      rules,
      components.map((c) => c.result),
      method.minComparableShare,
    )
    const g = method.growthWeight
    const growth = g > 0 && base.comparable ? growthScore(base.score, input.previousTotal, g) : null
    const score = !base.comparable
      ? null
      : growth?.comparable
        ? round((base.score * (100 - g)) / 100 + growth.score)
        : base.score
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
