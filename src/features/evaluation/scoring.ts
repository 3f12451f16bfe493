/**
 * The arithmetic of an evaluation (issue 15 items 1–2), pure so that a published snapshot can be
 * recomputed from its stored inputs to exactly the same scores.
 *
 * Iran's own form (the 1381 regulation) scores each indicator as `min(actual / target, 1) ×
 * weight`, inverted where lower is better; the festival ranks within peer groups and counts
 * growth over the previous year. Below a component's minimum data it is «غیرقابل مقایسه» — never
 * a zero, which would punish an agency for what nobody measured.
 */

/** How one component of the method turns a measured value into points. */
export interface ComponentRule {
  key: string
  /** Points of the whole (the weights of a method sum to 100). */
  weight: number
  /** The value that earns the full weight. */
  target: number
  direction: 'higher' | 'lower'
  /** Below this many observations the component is not comparable. */
  minN: number
}

export interface Observed {
  /** Null when there is nothing to measure (a zero denominator). */
  value: number | null
  n: number
  /** The data behind the value, shown on the scorecard; scoring reads only value and n. */
  numerator?: number
  denominator?: number | null
}

export type ComponentScore =
  | { comparable: true; ratio: number; score: number }
  | { comparable: false; reason: 'no-value' | 'too-few' }

/**
 * `min(actual / target, 1) × weight` where higher is better; `min(target / actual, 1) × weight`
 * where lower is better (an actual of 0 meets any target); never below 0.
 */
export function componentScore(rule: ComponentRule, observed: Observed): ComponentScore {
  if (observed.value === null) return { comparable: false, reason: 'no-value' }
  if (observed.n < rule.minN) return { comparable: false, reason: 'too-few' }
  const actual = Math.max(observed.value, 0)
  const ratio =
    rule.direction === 'higher'
      ? rule.target <= 0
        ? 1
        : actual / rule.target
      : actual === 0
        ? 1
        : rule.target / actual
  const capped = Math.min(Math.max(ratio, 0), 1)
  return { comparable: true, ratio: capped, score: round(capped * rule.weight) }
}

/** Scores are kept to four decimals, so a recomputation compares equal, digit for digit. */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000
}

export type TotalScore =
  | { comparable: true; score: number; comparableWeight: number }
  | { comparable: false; comparableWeight: number }

/**
 * The agency's total on 100: the points earned over the weight of the components that could be
 * compared, so a component nobody could measure neither helps nor hurts. When less than
 * `minShare` of the weight is comparable, the total itself is not comparable.
 */
export function totalScore(
  rules: readonly ComponentRule[],
  scores: readonly ComponentScore[],
  minShare = 0.5,
): TotalScore {
  const all = rules.reduce((s, r) => s + r.weight, 0)
  let weight = 0
  let points = 0
  rules.forEach((r, i) => {
    const s = scores[i]
    if (s?.comparable) {
      weight += r.weight
      points += s.score
    }
  })
  const comparableWeight = round(weight)
  if (all <= 0 || weight / all < minShare) return { comparable: false, comparableWeight }
  return { comparable: true, score: round((100 * points) / weight), comparableWeight }
}

/**
 * Growth against the previous period as the share of the remaining gap closed:
 * `clamp((now − before) / (100 − before), 0, 1) × weight`. A fall earns nothing; an agency
 * already at 100 that stays there keeps the full weight. Without a previous total it is not
 * comparable.
 */
export function growthScore(now: number, before: number | null, weight: number): ComponentScore {
  if (before === null) return { comparable: false, reason: 'no-value' }
  const gap = 100 - before
  const ratio = gap <= 0 ? (now >= 100 ? 1 : 0) : (now - before) / gap
  const capped = Math.min(Math.max(ratio, 0), 1)
  return { comparable: true, ratio: round(capped), score: round(capped * weight) }
}

export interface Ranked<T> {
  item: T
  /** Competition ranking: equal scores share a rank and the next rank skips ("1, 2, 2, 4"). */
  rank: number
}

/**
 * Ranks within one peer group by score, highest first; agencies whose total is not comparable
 * are left out of the ranking (and listed as such by the caller), never ranked last.
 */
export function rankGroup<T>(items: readonly T[], scoreOf: (t: T) => number | null): Ranked<T>[] {
  const scored = items
    .map((item) => ({ item, score: scoreOf(item) }))
    .filter((x): x is { item: T; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score)
  const out: Ranked<T>[] = []
  scored.forEach((x, i) => {
    const prev = scored[i - 1]
    const rank = prev && prev.score === x.score ? (out[i - 1]?.rank ?? i + 1) : i + 1
    out.push({ item: x.item, rank })
  })
  return out
}

/** The weights of a method must sum to exactly 100 (checked before a method is saved). */
export function weightsProblem(
  rules: readonly { weight: number }[],
  growthWeight = 0,
): string | null {
  if (rules.some((r) => !(r.weight > 0)) || growthWeight < 0)
    return 'وزن هر جزء باید عددی بزرگ‌تر از صفر باشد.'
  const sum = round(rules.reduce((s, r) => s + r.weight, 0) + growthWeight)
  return sum === 100 ? null : `جمع وزن‌ها باید ۱۰۰ باشد؛ اکنون ${sum.toLocaleString('fa-IR')} است.`
}
