import type {
  ContentChange,
  ProcessVariant,
  ServiceProcess,
  Transition,
} from '../../services/index.ts'
import type { StepFields, TransitionInput } from './process.input.ts'

/**
 * The process editor's changes, as pure functions of the process they are applied to. After a
 * conflict the same change is applied again to the newer draft, so each one finds its step by
 * id, makes up new ids only when applied, and does nothing (rather than fail) when what it
 * refers to has gone in the meantime.
 */
export type ProcessChange = (p: ServiceProcess) => ServiceProcess

/** A process change as a change of the whole card. */
export function onProcess(change: ProcessChange): ContentChange {
  return (content) => ({ ...content, process: change(content.process) })
}

/** The most steps, transitions and variants a process may hold (as process.schema.ts allows). */
export const PROCESS_MAX = { steps: 200, transitions: 600, variants: 20 } as const

function nextId(prefix: string, used: readonly string[]): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`)
  let n = 0
  for (const id of used) {
    const m = pattern.exec(id)
    if (m) n = Math.max(n, Number(m[1]))
  }
  return `${prefix}${n + 1}`
}

/** `s1`, `s2`…: the number after the highest one used. */
export function nextStepId(p: ServiceProcess): string {
  return nextId(
    's',
    p.steps.map((s) => s.id),
  )
}

export function nextVariantId(p: ServiceProcess): string {
  return nextId(
    'v',
    p.variants.map((v) => v.id),
  )
}

/**
 * Adds a step at the end, with a normal transition from `after` when that step still exists;
 * `label` is that transition's condition (a decision's branch needs one).
 */
export function addStep(
  fields: StepFields,
  after: string | null,
  label: string | null = null,
): ProcessChange {
  return (p) => {
    const id = nextStepId(p)
    const transitions: Transition[] =
      after && p.steps.some((s) => s.id === after)
        ? [...p.transitions, { from: after, to: id, label, kind: 'normal' }]
        : p.transitions
    return { ...p, steps: [...p.steps, { id, ...fields }], transitions }
  }
}

/**
 * Replaces the fields of step `id`. If someone removed it in the meantime, it is added again at
 * the end (without transitions), so the editor's work is kept.
 */
export function replaceStep(id: string, fields: StepFields): ProcessChange {
  return (p) => {
    const at = p.steps.findIndex((s) => s.id === id)
    const step = { id, ...fields }
    if (at === -1) return { ...p, steps: [...p.steps, step] }
    return { ...p, steps: p.steps.map((s, i) => (i === at ? step : s)) }
  }
}

/** The longest condition a transition may carry (as process.schema.ts allows). */
const LABEL_MAX = 200

/**
 * Both conditions of a path that loses its middle step: «مدارک کامل است» then «پرداخت برخط»
 * becomes «مدارک کامل است؛ پرداخت برخط», cut to the schema's length.
 */
function joinedLabel(first: string | null, second: string | null): string | null {
  const text = [first, second].filter((s): s is string => !!s).join('؛ ')
  if (text === '') return null
  return text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1)}…`
}

/** What removing a step does to the transitions around it. */
export interface StepRemoval {
  /** Every transition from or to the step: removed with it. */
  removed: Transition[]
  /**
   * The normal transitions that keep the flow whole: each step that led to it (normal) now leads
   * to each step it led to, with both conditions. None that would loop a step to itself or
   * repeat a transition already there. "Return for correction" edges are not carried over: a
   * return to a step that is gone has no obvious new target, so the editor is told it went.
   */
  added: Transition[]
}

export function stepRemoval(p: ServiceProcess, id: string): StepRemoval {
  const removed = p.transitions.filter((t) => t.from === id || t.to === id)
  const into = removed.filter((t) => t.to === id && t.from !== id && t.kind === 'normal')
  const onward = removed.filter((t) => t.from === id && t.to !== id && t.kind === 'normal')
  const added: Transition[] = []
  for (const a of into)
    for (const b of onward) {
      if (a.from === b.to) continue
      const t: Transition = {
        from: a.from,
        to: b.to,
        label: joinedLabel(a.label, b.label),
        kind: 'normal',
      }
      const kept = p.transitions.some((x) => x.from !== id && x.to !== id && same(x, t))
      if (!kept && !added.some((x) => same(x, t))) added.push(t)
    }
  return { removed, added }
}

function same(a: Transition, b: Transition): boolean {
  return a.from === b.from && a.to === b.to && a.kind === b.kind
}

/**
 * Removes step `id` and every transition from or to it; with `reconnect`, its predecessors
 * are joined to its successors ({@link stepRemoval}), so deleting a middle step does not
 * silently cut the flow in two.
 */
export function removeStep(id: string, reconnect: boolean): ProcessChange {
  return (p) => {
    const added = reconnect ? stepRemoval(p, id).added : []
    return {
      ...p,
      steps: p.steps.filter((s) => s.id !== id),
      transitions: [...p.transitions.filter((t) => t.from !== id && t.to !== id), ...added],
    }
  }
}

/** Moves step `id` one place up or down in the list (the numbering); the graph is unchanged. */
export function moveStep(id: string, direction: 'up' | 'down'): ProcessChange {
  return (p) => {
    const at = p.steps.findIndex((s) => s.id === id)
    const to = direction === 'up' ? at - 1 : at + 1
    const a = p.steps[at]
    const b = p.steps[to]
    if (at === -1 || !a || !b) return p
    const steps = [...p.steps]
    steps[at] = b
    steps[to] = a
    return { ...p, steps }
  }
}

/** True when `from` already has a transition of this kind to `to`. */
export function hasTransition(
  p: ServiceProcess,
  from: string,
  to: string,
  kind: Transition['kind'],
): boolean {
  return p.transitions.some((t) => t.from === from && t.to === to && t.kind === kind)
}

/** Adds a transition from `from`, unless either step has gone or the same one exists. */
export function addTransition(from: string, t: TransitionInput): ProcessChange {
  return (p) => {
    const exists = (id: string) => p.steps.some((s) => s.id === id)
    if (!exists(from) || !exists(t.to) || hasTransition(p, from, t.to, t.kind)) return p
    return {
      ...p,
      transitions: [...p.transitions, { from, to: t.to, label: t.label, kind: t.kind }],
    }
  }
}

export function removeTransition(
  from: string,
  to: string,
  kind: Transition['kind'],
): ProcessChange {
  return (p) => ({
    ...p,
    transitions: p.transitions.filter((t) => !(t.from === from && t.to === to && t.kind === kind)),
  })
}

/** Sets the condition of one transition (null: none); nothing when it has gone meanwhile. */
export function relabelTransition(
  from: string,
  to: string,
  kind: Transition['kind'],
  label: string | null,
): ProcessChange {
  return (p) => ({
    ...p,
    transitions: p.transitions.map((t) =>
      t.from === from && t.to === to && t.kind === kind ? { ...t, label } : t,
    ),
  })
}

/** Adds a variant case, unless one with the same label exists. */
export function addVariant(label: string): ProcessChange {
  return (p) => {
    if (p.variants.some((v) => v.label === label)) return p
    const variant: ProcessVariant = { id: nextVariantId(p), label }
    return { ...p, variants: [...p.variants, variant] }
  }
}

/** Removes a variant case; its steps then apply to every case. */
export function removeVariant(id: string): ProcessChange {
  return (p) => ({
    ...p,
    variants: p.variants.filter((v) => v.id !== id),
    steps: p.steps.map((s) => (s.variantId === id ? { ...s, variantId: null } : s)),
  })
}
