import { createHash } from 'node:crypto'
import { type JalaliDate, startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'

/**
 * The central audit of «بدون تغییر» reviews (issue 12 item 3): each Jalali quarter the portal
 * draws a random sample and records the seed, so anyone can redraw it and get the same reviews.
 * The rule: order the quarter's unchanged reviews by SHA-256(seed + ":" + review id), take the
 * first `size`; size = 10% of them, rounded up, at least 1 and at most 30.
 */

export interface Quarter {
  jy: number
  q: 1 | 2 | 3 | 4
}

export function quarterOf(d: JalaliDate): Quarter {
  return { jy: d.jy, q: (Math.floor((d.jm - 1) / 3) + 1) as Quarter['q'] }
}

export function quarterKey(q: Quarter): string {
  return `${q.jy}-Q${q.q}`
}

export function parseQuarterKey(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key)
  return m ? { jy: Number(m[1]), q: Number(m[2]) as Quarter['q'] } : null
}

/** The quarter's bounds as instants: [start, end). */
export function quarterRange(q: Quarter): { from: Date; to: Date } {
  const startMonth = (q.q - 1) * 3 + 1
  const next = q.q === 4 ? { jy: q.jy + 1, jm: 1 } : { jy: q.jy, jm: startMonth + 3 }
  return { from: startOfTehranDay(q.jy, startMonth, 1), to: startOfTehranDay(next.jy, next.jm, 1) }
}

export function currentQuarter(now: Date): Quarter {
  return quarterOf(tehranDateOf(now))
}

export function sampleSize(population: number): number {
  if (population === 0) return 0
  return Math.min(30, Math.max(1, Math.ceil(population * 0.1)))
}

/** The sample for a seed: deterministic, so the recorded seed re-draws the same reviews. */
export function drawSample(seed: string, reviewIds: readonly string[], size: number): string[] {
  const key = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex')
  return [...reviewIds]
    .map((id) => ({ id, k: key(id) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, size)
    .map((x) => x.id)
}
