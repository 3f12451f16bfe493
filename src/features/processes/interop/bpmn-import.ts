/**
 * Import of a BPMN 2.0 file (from the portal's own export or from a modelling tool) into a
 * `ServiceProcess`, with `bpmn-moddle`. What the portal's model cannot hold is listed, in
 * Persian, in `unmapped`; nothing is dropped silently.
 *
 * - Tasks of any type (`task`, `userTask`, `serviceTask`…) become task steps; a collapsed
 *   `subProcess`, `transaction` or `callActivity` becomes one task step too (its inner
 *   elements are listed as not imported).
 * - `exclusiveGateway` and `inclusiveGateway` become decisions.
 * - Sequence flows between steps become transitions, named with their `name` (else the text of
 *   their condition; a gateway's unnamed default flow gets «در غیر این صورت»).
 * - Start and end events are dropped: they are implicit in the portal's process.
 * - Other flow nodes (parallel, event-based and complex gateways, intermediate and boundary
 *   events) are not imported, and the flows through them are joined: A → (parallel) → B, C
 *   gives A → B and A → C. Data objects, data stores, annotations, groups, pools, message flows
 *   and every other process than the largest are only listed.
 * - Our extension (`bpmn-export.ts`, namespace {@link MARDOM_BPMN_NS}) restores each step's id,
 *   actor, unit, channel, attendance, variant, duration, documents, fees and legal basis, the
 *   process's variants and the return edges, so export → import gives back an equal process.
 *   Without it, a step's actor comes from its lane when the lane is named like one of ours
 *   («متقاضی»…), else `system` for automated task types (service, script, business rule), else
 *   `agency`; its duration is null; and a note lists those steps. A normal flow that closes a
 *   cycle is taken as a "return for correction" edge (noted), as the portal requires.
 *
 * Step ids: those of our extension are kept; others are `s1`, `s2`… (the first free ones) in
 * flow order. Steps keep the file's order when every one of them comes from our export, else
 * they are put in flow order (breadth-first from the start).
 *
 * The file is parsed by saxen through moddle-xml: entities declared in a DTD are not expanded
 * and nothing external is loaded (no XXE, no network); a process of more than 8000 elements is
 * refused before any graph work.
 * Unreadable input throws a {@link ValidationError} (HTTP 422) with a Persian message.
 */

import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import { ValidationError } from '../../../lib/errors.ts'
import {
  ACTORS,
  CHANNELS,
  type ProcessStep,
  type ProcessVariant,
  type ServiceProcess,
  STEP_TIME_UNITS,
  type StepActor,
  type StepChannel,
  type StepDuration,
  type StepTimeUnit,
  type Transition,
} from '../../services/index.ts'
import { ACTOR_LABELS } from '../messages.fa.ts'
import { processGraph, sortSteps } from '../process.rules.ts'
import { MARDOM_BPMN_NS } from './bpmn-export.ts'
import { bpmnElementText, importMessages as msg } from './bpmn-messages.fa.ts'

export interface BpmnImportResult {
  process: ServiceProcess
  /** Persian notes on what was not imported, or guessed; empty for the portal's own export. */
  unmapped: string[]
}

// --- our extension, as a moddle package (so its prefix is resolved by namespace, not by name)

const attr = (name: string) => ({ name, isAttr: true, type: 'String' })
const body = { name: 'text', isBody: true, type: 'String' }
const MARDOM_PACKAGE = {
  name: 'Mardom',
  uri: MARDOM_BPMN_NS,
  prefix: 'mardom',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    { name: 'Step', properties: ['id', 'actor', 'unit', 'channel', 'attendance', 'variant'] },
    { name: 'Duration', properties: ['min', 'max', 'unit'] },
    { name: 'Document', body: true },
    { name: 'Fee', body: true },
    { name: 'LegalBasis', properties: ['law', 'article'] },
    { name: 'Variant', properties: ['id', 'label'] },
    { name: 'Transition', properties: ['kind'] },
  ].map((t) => ({
    name: t.name,
    superClass: ['Element'],
    properties: t.body ? [body] : (t.properties ?? []).map(attr),
  })),
}

// --- reading the loosely typed tree

function isElement(v: unknown): v is ModdleElement {
  return typeof v === 'object' && v !== null && typeof (v as { $type?: unknown }).$type === 'string'
}
function elements(v: unknown): ModdleElement[] {
  return Array.isArray(v) ? v.filter(isElement) : []
}
function element(v: unknown): ModdleElement | undefined {
  return isElement(v) ? v : undefined
}
function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}
function is(e: ModdleElement, type: string): boolean {
  return typeof e.$instanceOf === 'function' ? e.$instanceOf(type) : e.$type === type
}
const describe = (e: ModdleElement) => bpmnElementText(e.$type, e.name)

function extension(e: ModdleElement, type: string): ModdleElement[] {
  const ext = element(e.extensionElements)
  return ext ? elements(ext.values).filter((v) => v.$type === `mardom:${type}`) : []
}

function oneOf<T extends string>(list: readonly T[], v: string | null): T | null {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : null
}

function durationOf(e: ModdleElement): StepDuration | null {
  const d = extension(e, 'Duration')[0]
  if (!d) return null
  const min = Number(text(d.min))
  const max = Number(text(d.max))
  const unit = oneOf<StepTimeUnit>(STEP_TIME_UNITS, text(d.unit))
  if (!unit || !Number.isFinite(min) || !Number.isFinite(max) || text(d.min) === null) return null
  return { min, max, unit }
}

const STEP_ID = /^[a-z0-9_-]{1,40}$/
/**
 * A process holds at most 200 steps and 600 transitions (`processSchema`); a file ten times
 * that is refused before any graph work (which is quadratic at worst).
 */
const MAX_FLOW_ELEMENTS = 8000
/** Task types a machine performs: without our extension their actor is the system. */
const AUTOMATED = ['bpmn:ServiceTask', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask']

type NodeRole = 'step' | 'start' | 'end' | 'through'

interface StepDraft {
  el: ModdleElement
  kind: ProcessStep['kind']
  /** Our extension's `mardom:step`, when present. */
  ours: ModdleElement | undefined
  laneActor: StepActor | undefined
  docIndex: number
}

/**
 * Reads a BPMN 2.0 file into a process.
 *
 * @param xml - The file's text (UTF-8).
 * @returns The process (not yet checked by `processProblems` nor normalised by `processSchema`)
 *   and Persian notes on what was not imported.
 * @throws ValidationError when the text is not a BPMN 2.0 document with a process.
 */
export async function fromBpmnXml(xml: string): Promise<BpmnImportResult> {
  let parsed: Awaited<ReturnType<BpmnModdle['fromXML']>>
  try {
    parsed = await new BpmnModdle({ mardom: MARDOM_PACKAGE }).fromXML(xml)
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : ''
    const message = detail?.startsWith('failed to parse document as')
      ? msg.notBpmn
      : msg.notXml(detail ?? '')
    throw new ValidationError(msg.unreadable, { file: message })
  }
  const definitions = parsed.rootElement
  if (!is(definitions, 'bpmn:Definitions'))
    throw new ValidationError(msg.unreadable, { file: msg.notBpmn })

  const unmapped: string[] = []
  const note = (s: string) => {
    if (!unmapped.includes(s)) unmapped.push(s)
  }
  for (const w of parsed.warnings) note(msg.readWarning(w.message.split('\n')[0] ?? ''))

  // --- the process: the largest one; pools and message flows are only listed
  const roots = elements(definitions.rootElements)
  const processes = roots.filter((r) => is(r, 'bpmn:Process'))
  const size = (p: ModdleElement) => elements(p.flowElements).length
  const proc = processes.reduce<ModdleElement | undefined>(
    (best, p) => (!best || size(p) > size(best) ? p : best),
    undefined,
  )
  if (!proc) throw new ValidationError(msg.unreadable, { file: msg.noProcess })
  if (size(proc) > MAX_FLOW_ELEMENTS)
    throw new ValidationError(msg.unreadable, { file: msg.tooLarge(MAX_FLOW_ELEMENTS) })
  for (const p of processes) if (p !== proc) note(msg.otherProcess(describe(p)))
  for (const c of roots.filter((r) => is(r, 'bpmn:Collaboration'))) {
    for (const part of elements(c.participants)) note(msg.skipped(describe(part)))
    for (const f of elements(c.messageFlows)) note(msg.skipped(describe(f)))
  }

  // --- lanes named like our actors give the actor of their steps
  const laneActor = new Map<ModdleElement, StepActor>()
  const visitLanes = (laneSets: ModdleElement[]) => {
    for (const set of laneSets) {
      for (const lane of elements(set.lanes)) {
        const name = text(lane.name)?.trim() ?? ''
        const actor = ACTORS.find((a) => ACTOR_LABELS[a] === name)
        if (actor) for (const n of elements(lane.flowNodeRef)) laneActor.set(n, actor)
        else note(msg.lane(describe(lane)))
        const child = element(lane.childLaneSet)
        if (child) visitLanes([child])
      }
    }
  }
  visitLanes(elements(proc.laneSets))

  // --- flow nodes
  const role = new Map<ModdleElement, NodeRole>()
  const drafts: StepDraft[] = []
  const flows: ModdleElement[] = []
  elements(proc.flowElements).forEach((e, docIndex) => {
    if (is(e, 'bpmn:SequenceFlow')) {
      flows.push(e)
      return
    }
    const asStep = (kind: ProcessStep['kind']) => {
      role.set(e, 'step')
      drafts.push({
        el: e,
        kind,
        ours: extension(e, 'Step')[0],
        laneActor: laneActor.get(e),
        docIndex,
      })
      const loop = element(e.loopCharacteristics)
      if (loop) note(msg.loop(describe(e), bpmnElementText(loop.$type, null)))
    }
    if (is(e, 'bpmn:Task')) asStep('task')
    else if (is(e, 'bpmn:SubProcess') || is(e, 'bpmn:CallActivity')) {
      asStep('task')
      note(msg.collapsed(describe(e), elements(e.flowElements).length))
    } else if (is(e, 'bpmn:ExclusiveGateway')) asStep('decision')
    else if (is(e, 'bpmn:InclusiveGateway')) {
      asStep('decision')
      note(msg.inclusive(describe(e)))
    } else if (is(e, 'bpmn:StartEvent') || is(e, 'bpmn:EndEvent')) {
      role.set(e, is(e, 'bpmn:StartEvent') ? 'start' : 'end')
      const kinds = elements(e.eventDefinitions).map((d) => bpmnElementText(d.$type, null))
      if (kinds.length > 0) note(msg.eventKind(describe(e), kinds.join('، ')))
    } else if (is(e, 'bpmn:FlowNode')) {
      role.set(e, 'through')
      note(msg.bridged(describe(e)))
    } else {
      note(msg.skipped(describe(e)))
    }
  })
  for (const a of elements(proc.artifacts)) {
    if (!is(a, 'bpmn:Association')) note(msg.skipped(describe(a)))
  }

  // --- transitions between steps, joined through the nodes that are not imported
  interface Edge {
    from: ModdleElement
    to: ModdleElement
    label: string | null
    isReturn: boolean
  }
  const outgoing = new Map<ModdleElement, ModdleElement[]>()
  for (const f of flows) {
    const source = element(f.sourceRef)
    if (!source) continue
    outgoing.set(source, [...(outgoing.get(source) ?? []), f])
  }
  const labelOf = (f: ModdleElement): string | null => {
    const name = text(f.name)?.trim()
    if (name) return name
    const condition = element(f.conditionExpression)
    const expr = condition ? (text(condition.body)?.trim() ?? '') : ''
    if (expr) return expr
    const source = element(f.sourceRef)
    if (source && element(source.default) === f) return msg.defaultFlowLabel
    return null
  }
  const isMarkedReturn = (f: ModdleElement) =>
    extension(f, 'Transition').some((t) => text(t.kind) === 'return')
  const edges: Edge[] = []
  const startTargets: ModdleElement[] = []
  const follow = (
    from: ModdleElement | 'start',
    f: ModdleElement,
    label: string | null,
    isReturn: boolean,
    seen: Set<ModdleElement>,
  ) => {
    const target = element(f.targetRef)
    if (!target) return
    const r = role.get(target)
    if (r === 'step') {
      if (from === 'start') startTargets.push(target)
      else edges.push({ from, to: target, label, isReturn })
    } else if (r === 'through' && !seen.has(target)) {
      seen.add(target)
      for (const next of outgoing.get(target) ?? [])
        follow(from, next, label ?? labelOf(next), isReturn || isMarkedReturn(next), seen)
    }
  }
  for (const f of flows) {
    const source = element(f.sourceRef)
    const r = source ? role.get(source) : undefined
    if (!source || (r !== 'step' && r !== 'start')) continue
    follow(r === 'start' ? 'start' : source, f, labelOf(f), isMarkedReturn(f), new Set())
  }

  // --- step order and ids
  const allOurs = drafts.every((d) => d.ours !== undefined)
  const ordered = allOurs ? drafts : flowOrder(drafts, edges, startTargets)
  const ids = new Map<StepDraft, string>()
  const taken = new Set<string>()
  for (const d of ordered) {
    const id = text(d.ours?.id)
    if (id !== null && STEP_ID.test(id) && !taken.has(id)) {
      ids.set(d, id)
      taken.add(id)
    }
  }
  let counter = 1
  for (const d of ordered) {
    if (ids.has(d)) continue
    while (taken.has(`s${counter}`)) counter++
    ids.set(d, `s${counter}`)
    taken.add(`s${counter}`)
  }
  const idOf = new Map(ordered.map((d) => [d.el, ids.get(d) ?? '']))

  // --- steps
  const variants: ProcessVariant[] = extension(proc, 'Variant').flatMap((v) => {
    const id = text(v.id)
    return id !== null ? [{ id, label: text(v.label) ?? id }] : []
  })
  const missing: string[] = []
  const steps: ProcessStep[] = ordered.map((d) => {
    const ours = d.ours
    const title = text(d.el.name)?.trim() || msg.untitledStep
    const automated = AUTOMATED.some((t) => is(d.el, t))
    const actor =
      oneOf<StepActor>(ACTORS, text(ours?.actor)) ??
      d.laneActor ??
      (automated ? 'system' : 'agency')
    const duration = durationOf(d.el)
    if (d.kind === 'task' && !ours) missing.push(title)
    const docs = elements(d.el.documentation)
      .map((x) => text(x.text))
      .filter((x): x is string => x !== null && x !== '')
    const law = ours ? extension(d.el, 'LegalBasis')[0] : undefined
    const lawId = law ? text(law.law) : null
    return {
      id: ids.get(d) ?? '',
      kind: d.kind,
      title,
      actor,
      unit: text(ours?.unit),
      description: docs.length > 0 ? docs.join('\n\n') : null,
      duration,
      channel: oneOf<StepChannel>(CHANNELS, text(ours?.channel)),
      requiresAttendance: text(ours?.attendance) === 'true',
      documents: extension(d.el, 'Document').flatMap((x) => text(x.text) ?? []),
      fees: extension(d.el, 'Fee').flatMap((x) => text(x.text) ?? []),
      legalBasis: lawId !== null ? { lawId, article: text(law?.article) } : null,
      variantId: text(ours?.variant),
    }
  })
  if (missing.length > 0) note(msg.missingDetails(missing))

  // --- transitions, with normal flows that close a cycle taken as returns
  const transitions: Transition[] = []
  const seenEdge = new Set<string>()
  for (const e of edges) {
    const from = idOf.get(e.from)
    const to = idOf.get(e.to)
    if (!from || !to) continue
    const t: Transition = { from, to, label: e.label, kind: e.isReturn ? 'return' : 'normal' }
    const key = JSON.stringify([t.from, t.to, t.label, t.kind])
    if (seenEdge.has(key)) continue
    seenEdge.add(key)
    transitions.push(t)
  }
  const process: ServiceProcess = { steps, transitions, variants }
  const title = (id: string) => steps.find((s) => s.id === id)?.title ?? id
  for (const t of markCycleReturns(
    process,
    startTargets.map((el) => idOf.get(el) ?? ''),
  )) {
    note(msg.returnGuessed(title(t.from), title(t.to)))
  }
  return { process, unmapped }
}

/** Steps breadth-first from the start along the flows (file order among equals), then the rest. */
function flowOrder<T extends { el: ModdleElement }>(
  drafts: T[],
  edges: { from: ModdleElement; to: ModdleElement; isReturn: boolean }[],
  startTargets: ModdleElement[],
): T[] {
  const byEl = new Map(drafts.map((d) => [d.el, d]))
  const hasIncoming = new Set(edges.filter((e) => !e.isReturn).map((e) => e.to))
  const queue = [...startTargets, ...drafts.map((d) => d.el).filter((el) => !hasIncoming.has(el))]
  const seen = new Set<ModdleElement>()
  const out: T[] = []
  const visit = (el: ModdleElement) => {
    if (seen.has(el) || !byEl.has(el)) return
    seen.add(el)
    queue.push(...edges.filter((e) => e.from === el && !e.isReturn).map((e) => e.to))
  }
  for (let i = 0; i < queue.length; i++) {
    const el = queue[i]
    if (!el || seen.has(el)) continue
    visit(el)
    const d = byEl.get(el)
    if (d) out.push(d)
  }
  for (const d of drafts) if (!seen.has(d.el)) out.push(d)
  return out
}

/**
 * The portal allows cycles only through return edges: while normal transitions form a cycle,
 * the edges that close one (back edges of a depth-first walk from the start) become returns.
 * Mutates `p.transitions`; returns the edges it changed.
 */
function markCycleReturns(p: ServiceProcess, starts: string[]): Transition[] {
  if (sortSteps(processGraph(p)).stuck.length === 0) return []
  const changed: Transition[] = []
  const state = new Map<string, 'open' | 'done'>()
  const walk = (id: string) => {
    state.set(id, 'open')
    for (const t of p.transitions) {
      if (t.from !== id || t.kind !== 'normal') continue
      const s = state.get(t.to)
      if (s === 'open') {
        t.kind = 'return'
        changed.push(t)
      } else if (s === undefined) walk(t.to)
    }
    state.set(id, 'done')
  }
  for (const id of [...starts, ...p.steps.map((s) => s.id)]) if (!state.has(id)) walk(id)
  return changed
}
