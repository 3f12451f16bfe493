import type { ProcessStep, ServiceProcess, Transition } from '../services/index.ts'
import { rules } from './messages.fa.ts'

/** The structure of a process with return edges set aside: what timing and layout work on. */
export interface ProcessGraph {
  byId: Map<string, ProcessStep>
  /** Normal outgoing transitions per step. */
  next: Map<string, Transition[]>
  /** Normal incoming transitions per step. */
  previous: Map<string, Transition[]>
  returns: Transition[]
}

export function processGraph(p: ServiceProcess): ProcessGraph {
  const byId = new Map(p.steps.map((s) => [s.id, s]))
  const next = new Map<string, Transition[]>(p.steps.map((s) => [s.id, []]))
  const previous = new Map<string, Transition[]>(p.steps.map((s) => [s.id, []]))
  const returns: Transition[] = []
  for (const t of p.transitions) {
    if (!byId.has(t.from) || !byId.has(t.to)) continue
    if (t.kind === 'return') returns.push(t)
    else {
      next.get(t.from)?.push(t)
      previous.get(t.to)?.push(t)
    }
  }
  return { byId, next, previous, returns }
}

/**
 * Steps in an order where every normal transition goes forward (Kahn). Steps on
 * or after a cycle of normal transitions are left out and returned as `stuck`.
 */
export function sortSteps(g: ProcessGraph): { order: string[]; stuck: string[] } {
  const indegree = new Map([...g.previous].map(([id, ts]) => [id, ts.length]))
  const queue = [...indegree].filter(([, n]) => n === 0).map(([id]) => id)
  const order: string[] = []
  while (queue.length > 0) {
    const id = queue.shift() as string
    order.push(id)
    for (const t of g.next.get(id) ?? []) {
      const n = (indegree.get(t.to) ?? 0) - 1
      indegree.set(t.to, n)
      if (n === 0) queue.push(t.to)
    }
  }
  const placed = new Set(order)
  return { order, stuck: [...g.byId.keys()].filter((id) => !placed.has(id)) }
}

/** The forward order of the steps, or null when normal transitions form a cycle. */
export function topologicalOrder(g: ProcessGraph): string[] | null {
  const { order, stuck } = sortSteps(g)
  return stuck.length === 0 ? order : null
}

/** Every step reachable from `start` (itself included) following `edges`. */
export function reachableFrom(start: string, edges: (id: string) => string[]): Set<string> {
  const seen = new Set([start])
  const stack = [start]
  while (stack.length > 0) {
    const id = stack.pop() as string
    for (const n of edges(id)) {
      if (!seen.has(n)) {
        seen.add(n)
        stack.push(n)
      }
    }
  }
  return seen
}

/** Steps reachable from `from` along normal transitions (itself included). */
export function forwardFrom(g: ProcessGraph, from: string): Set<string> {
  return reachableFrom(from, (id) => (g.next.get(id) ?? []).map((t) => t.to))
}

/** The single step with no normal incoming transition, if there is exactly one. */
export function startStep(g: ProcessGraph): string | undefined {
  const starts = [...g.previous].filter(([, ts]) => ts.length === 0).map(([id]) => id)
  return starts.length === 1 ? starts[0] : undefined
}

/**
 * Steps where the process ends: no way on at all. A step whose only way on is "return for
 * correction" is not an end (the file goes back, the applicant gets no result there), so the
 * chart draws no «پایان» after it and the total time does not stop at it.
 */
export function endSteps(g: ProcessGraph): string[] {
  const returning = new Set(g.returns.map((r) => r.from))
  return [...g.next].filter(([id, ts]) => ts.length === 0 && !returning.has(id)).map(([id]) => id)
}

/** Every way on from a step: normal transitions and "return for correction" edges. */
function anyWayOn(g: ProcessGraph): (id: string) => string[] {
  return (id) => [
    ...(g.next.get(id) ?? []).map((t) => t.to),
    ...g.returns.filter((r) => r.from === id).map((r) => r.to),
  ]
}

/**
 * Everything wrong with a process, as Persian messages for the editor (an
 * empty list means valid): one start; every step reachable; an end reachable
 * from every step; cycles only through "return for correction" edges;
 * decisions branch with labelled conditions; tasks have a time.
 */
export function processProblems(p: ServiceProcess): string[] {
  if (p.steps.length === 0) return []
  const problems: string[] = []
  const seen = new Set<string>()
  for (const s of p.steps) {
    if (seen.has(s.id)) problems.push(rules.duplicateId(s.id))
    seen.add(s.id)
    if (s.kind === 'task' && !s.duration) problems.push(rules.durationMissing(s.title))
    if (s.duration && s.duration.min > s.duration.max) problems.push(rules.durationOrder(s.title))
    if (s.variantId && !p.variants.some((v) => v.id === s.variantId))
      problems.push(rules.unknownVariant(s.title))
  }
  for (const t of p.transitions) {
    if (!seen.has(t.from)) problems.push(rules.unknownStep(t.from))
    if (!seen.has(t.to)) problems.push(rules.unknownStep(t.to))
    if (t.from === t.to)
      problems.push(rules.selfLoop(p.steps.find((s) => s.id === t.from)?.title ?? t.from))
  }
  if (problems.length > 0) return problems

  const g = processGraph(p)
  const title = (id: string) => g.byId.get(id)?.title ?? id
  const { stuck } = sortSteps(g)
  if (stuck.length > 0) {
    problems.push(rules.cycle(stuck.map(title).join('، ')))
    return problems
  }
  const starts = [...g.previous].filter(([, ts]) => ts.length === 0).map(([id]) => id)
  if (starts.length === 0) problems.push(rules.noStart)
  if (starts.length > 1) problems.push(rules.manyStarts(starts.map(title).join('، ')))
  const start = starts[0]
  if (start) {
    const reachable = reachableFrom(start, (id) => (g.next.get(id) ?? []).map((t) => t.to))
    for (const id of g.byId.keys())
      if (!reachable.has(id) && !starts.includes(id)) problems.push(rules.unreachable(title(id)))
  }
  const ends = new Set(endSteps(g))
  // A returning step reaches the end through the step it returns to.
  const wayOn = anyWayOn(g)
  for (const id of g.byId.keys()) {
    const onward = reachableFrom(id, wayOn)
    if (![...onward].some((x) => ends.has(x))) problems.push(rules.noEnd(title(id)))
  }
  for (const s of p.steps) {
    const out = g.next.get(s.id) ?? []
    if (s.kind === 'decision') {
      if (out.length < 2) problems.push(rules.decisionBranches(s.title))
      else if (out.some((t) => !t.label)) problems.push(rules.decisionLabels(s.title))
    } else if (out.length > 1) {
      problems.push(rules.taskBranches(s.title))
    }
  }
  for (const r of g.returns) {
    // A return goes back to a step from which the returning step can be reached.
    const ahead = reachableFrom(r.to, (x) => (g.next.get(x) ?? []).map((t) => t.to))
    if (!ahead.has(r.from)) problems.push(rules.returnForward(title(r.from), title(r.to)))
  }
  return problems
}
