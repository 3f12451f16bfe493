/**
 * Export of a service's process as BPMN 2.0 XML (DESIGN §7), valid against the official schema
 * in `standards/bpmn-2.0-xsd/BPMN20.xsd` (checked by `bpmn-validate.ts` in the tests), with the
 * diagram interchange (BPMN DI) taken from {@link layoutProcess}, so a modelling tool opens the
 * file laid out exactly as the portal's flowchart.
 *
 * Mapping (the importer, `bpmn-import.ts`, reads it back to an equal process):
 *
 * - One `definitions` (exporter «Mardom», {@link BPMN_EXPORTER_VERSION}) holding one `process`
 *   (`isExecutable="false"`: it documents a public service, no engine runs it) and one diagram.
 * - A `startEvent` «شروع» before the start step, an `endEvent` «پایان» after every end step,
 *   exactly the circles of the flowchart.
 * - A task step becomes, by who performs it: `serviceTask` for the system (automated),
 *   `userTask` for the citizen and the agency (a person, usually through a form or the agency's
 *   software), and a plain `task` for another agency (we do not know how it does its part).
 *   The type is only a hint for modelling tools; the actor itself travels in our extension.
 * - A decision becomes an `exclusiveGateway` named with its question; its outgoing flows carry
 *   the conditions as their `name` (no `conditionExpression`: these are not executable).
 * - Every transition becomes a `sequenceFlow` named with its label; a "return for correction"
 *   one is a sequence flow too, marked `<mardom:transition kind="return"/>`.
 * - A `laneSet` with one lane per actor («متقاضی», «دستگاه»…), semantic only: the flowchart
 *   is top-down with actors interleaved, so lanes cannot be drawn as bands and have no DI shape.
 * - The rest of a step (its id, actor, unit, channel, attendance, variant, duration, documents,
 *   fees, legal basis) is carried in `extensionElements` in our namespace {@link MARDOM_BPMN_NS};
 *   the description goes in the standard `documentation`. The process's variants are listed
 *   in its own `extensionElements`. The schema allows any element of another namespace there
 *   (`##other`, processed laxly), so the file stays valid and other tools keep or ignore them.
 *
 * Ids are NCNames (the schema types them `xsd:ID`): `Step_<step id>`, `Flow_<n>`,
 * `StartEvent_1`, `EndEvent_<step id>`, `Lane_<actor>`, and `<element id>_di` for diagram
 * elements. Everything is deterministic: the same process gives the same bytes.
 */

import {
  ACTORS,
  type ProcessStep,
  type ServiceProcess,
  type StepActor,
} from '../../services/index.ts'
import {
  endNodeId,
  type LayoutEdge,
  type LayoutNode,
  layoutProcess,
  START_NODE_ID,
} from '../flowchart/index.ts'
import { edgeLabelBox, FLOWCHART_WORDS_FA, METRICS, wrapText } from '../flowchart/text.ts'
import { ACTOR_LABELS } from '../messages.fa.ts'

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
export const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI'
export const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC'
export const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI'
/** Our extension namespace: a fixed identifier (never fetched), versioned with the mapping. */
export const MARDOM_BPMN_NS = 'https://mardom.gov.ir/ns/bpmn/1.0'

export const BPMN_EXPORTER = 'Mardom'
/** The version of this mapping and of our extension elements (bumped when either changes). */
export const BPMN_EXPORTER_VERSION = '1.0'

/** The portal origin used in `targetNamespace` when the caller gives none. */
const DEFAULT_BASE_URL = 'https://mardom.gov.ir'

export interface BpmnExportInput {
  /** The service's id (a uuid); it names the process and the target namespace. */
  serviceId: string
  /** The service's title: the name of the definitions and of the process. */
  title: string
  process: ServiceProcess
  /** The portal's public origin (`config.publicUrl`); default `https://mardom.gov.ir`. */
  baseUrl?: string
}

/** The BPMN element a task step becomes, by its actor (see the module comment). */
export const TASK_ELEMENT: Record<StepActor, 'userTask' | 'serviceTask' | 'task'> = {
  citizen: 'userTask',
  agency: 'userTask',
  system: 'serviceTask',
  other_agency: 'task',
}

// --- XML text -------------------------------------------------------------------------------

/** Characters XML 1.0 does not allow at all (they cannot even be escaped): dropped. */
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes character data. `\r` is kept as a reference, which XML parsers do not normalise. */
export function escapeXmlText(s: string): string {
  return s
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Escapes an attribute value; tabs and line breaks as references survive attribute normalisation. */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

type AttrValue = string | number | boolean | null | undefined
type Attrs = Record<string, AttrValue>

function attrs(a: Attrs): string {
  let out = ''
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined) continue
    out += ` ${k}="${escapeXmlAttr(String(v))}"`
  }
  return out
}

/** A tiny indenting writer: elements are opened, written and closed in document order. */
class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>']
  private depth = 0
  private pad(): string {
    return '  '.repeat(this.depth)
  }
  open(name: string, a: Attrs = {}): void {
    this.lines.push(`${this.pad()}<${name}${attrs(a)}>`)
    this.depth++
  }
  close(name: string): void {
    this.depth--
    this.lines.push(`${this.pad()}</${name}>`)
  }
  empty(name: string, a: Attrs = {}): void {
    this.lines.push(`${this.pad()}<${name}${attrs(a)}/>`)
  }
  text(name: string, text: string, a: Attrs = {}): void {
    this.lines.push(`${this.pad()}<${name}${attrs(a)}>${escapeXmlText(text)}</${name}>`)
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`
  }
}

// --- ids ------------------------------------------------------------------------------------

/** Turns any string into the tail of an NCName (letters, digits, `_`, `-`, `.`). */
function ncTail(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, '_') || '_'
}

/** Gives every element a unique NCName id with a readable prefix. */
class Ids {
  private readonly used = new Set<string>()
  take(prefix: string, raw: string): string {
    const base = `${prefix}_${ncTail(raw)}`
    let id = base
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`
    this.used.add(id)
    return id
  }
}

// --- the document ---------------------------------------------------------------------------

interface Flow {
  id: string
  sourceRef: string
  targetRef: string
  name: string | null
  isReturn: boolean
  layout: LayoutEdge
}

function stepExtension(w: XmlWriter, s: ProcessStep): void {
  w.open('bpmn:extensionElements')
  w.empty('mardom:step', {
    id: s.id,
    actor: s.actor,
    unit: s.unit,
    channel: s.channel,
    attendance: s.requiresAttendance,
    variant: s.variantId,
  })
  if (s.duration) w.empty('mardom:duration', { ...s.duration })
  for (const d of s.documents) w.text('mardom:document', d)
  for (const f of s.fees) w.text('mardom:fee', f)
  if (s.legalBasis)
    w.empty('mardom:legalBasis', { law: s.legalBasis.lawId, article: s.legalBasis.article })
  w.close('bpmn:extensionElements')
}

/** `incoming`/`outgoing` references of a flow node (optional in the schema; tools expect them). */
function references(w: XmlWriter, id: string, flows: Flow[]): void {
  for (const f of flows) if (f.targetRef === id) w.text('bpmn:incoming', f.id)
  for (const f of flows) if (f.sourceRef === id) w.text('bpmn:outgoing', f.id)
}

function bounds(w: XmlWriter, x: number, y: number, width: number, height: number): void {
  w.empty('dc:Bounds', { x, y, width, height })
}

/** Height of one line of a label in modelling tools (bpmn-js: 11–12px text). */
const LABEL_LINE = 14

/** A label of `width`×`height` centred on a node (tools write labels from the top of their bounds). */
function labelBounds(w: XmlWriter, n: LayoutNode, width: number, height: number): void {
  w.open('bpmndi:BPMNLabel')
  bounds(w, n.x - width / 2, n.y - height / 2, width, height)
  w.close('bpmndi:BPMNLabel')
}

/** The bounds of a layout node (the layout gives centres). */
function nodeBounds(w: XmlWriter, n: LayoutNode): void {
  bounds(w, n.x - n.width / 2, n.y - n.height / 2, n.width, n.height)
}

/**
 * Serialises a process as BPMN 2.0 XML with diagram interchange.
 *
 * @param input - The service's id and title, its process and (optionally) the portal's origin.
 * @returns A UTF-8 XML document, valid against `BPMN20.xsd`.
 * @example
 * const xml = toBpmnXml({ serviceId: service.id, title: version.content.title, process })
 */
export function toBpmnXml(input: BpmnExportInput): string {
  const { process: p } = input
  const base = (input.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const ids = new Ids()
  const definitionsId = ids.take('Definitions', input.serviceId)
  const processId = ids.take('Process', input.serviceId)

  const layout = layoutProcess(p)
  const stepIds = new Set(p.steps.map((s) => s.id))
  const stepById = new Map(p.steps.map((s) => [s.id, s]))
  const elementOf = new Map<string, string>()
  for (const s of p.steps) elementOf.set(s.id, ids.take('Step', s.id))
  const startId = layout.nodes.some((n) => n.id === START_NODE_ID)
    ? ids.take('StartEvent', '1')
    : null
  if (startId) elementOf.set(START_NODE_ID, startId)
  const endSteps = p.steps.filter((s) => layout.nodes.some((n) => n.id === endNodeId(s.id)))
  for (const s of endSteps) elementOf.set(endNodeId(s.id), ids.take('EndEvent', s.id))
  const endNodes = new Set(endSteps.map((s) => endNodeId(s.id)))

  // The layout's edges are: start edges, then the transitions between known steps in order,
  // then end edges (see layoutProcess). The flows follow them one to one.
  const transitions = p.transitions.filter((t) => stepIds.has(t.from) && stepIds.has(t.to))
  let nextTransition = 0
  const flows: Flow[] = []
  for (const e of layout.edges) {
    const isStep = e.from !== START_NODE_ID && !endNodes.has(e.to)
    const t = isStep ? transitions[nextTransition++] : undefined
    const sourceRef = elementOf.get(e.from)
    const targetRef = elementOf.get(e.to)
    if (!sourceRef || !targetRef) continue
    flows.push({
      id: ids.take('Flow', String(flows.length + 1)),
      sourceRef,
      targetRef,
      name: t ? t.label : null,
      isReturn: t?.kind === 'return',
      layout: e,
    })
  }

  const w = new XmlWriter()
  w.open('bpmn:definitions', {
    'xmlns:bpmn': BPMN_MODEL_NS,
    'xmlns:bpmndi': BPMNDI_NS,
    'xmlns:dc': DC_NS,
    'xmlns:di': DI_NS,
    'xmlns:mardom': MARDOM_BPMN_NS,
    id: definitionsId,
    name: input.title,
    targetNamespace: `${base}/services/${encodeURIComponent(input.serviceId)}/process`,
    exporter: BPMN_EXPORTER,
    exporterVersion: BPMN_EXPORTER_VERSION,
  })

  // --- process
  w.open('bpmn:process', { id: processId, name: input.title, isExecutable: false })
  if (p.variants.length > 0) {
    w.open('bpmn:extensionElements')
    for (const v of p.variants) w.empty('mardom:variant', { id: v.id, label: v.label })
    w.close('bpmn:extensionElements')
  }
  const actors = ACTORS.filter((a) => p.steps.some((s) => s.actor === a))
  if (actors.length > 0) {
    w.open('bpmn:laneSet', { id: ids.take('LaneSet', '1') })
    for (const a of actors) {
      w.open('bpmn:lane', { id: ids.take('Lane', a), name: ACTOR_LABELS[a] })
      for (const s of p.steps)
        if (s.actor === a) w.text('bpmn:flowNodeRef', elementOf.get(s.id) ?? '')
      w.close('bpmn:lane')
    }
    w.close('bpmn:laneSet')
  }
  if (startId) {
    w.open('bpmn:startEvent', { id: startId, name: FLOWCHART_WORDS_FA.start })
    references(w, startId, flows)
    w.close('bpmn:startEvent')
  }
  for (const s of p.steps) {
    const id = elementOf.get(s.id) ?? ''
    const element =
      s.kind === 'decision' ? 'bpmn:exclusiveGateway' : `bpmn:${TASK_ELEMENT[s.actor]}`
    w.open(element, { id, name: s.title })
    if (s.description !== null) w.text('bpmn:documentation', s.description)
    stepExtension(w, s)
    references(w, id, flows)
    w.close(element)
  }
  for (const s of endSteps) {
    const id = elementOf.get(endNodeId(s.id)) ?? ''
    w.open('bpmn:endEvent', { id, name: FLOWCHART_WORDS_FA.end })
    references(w, id, flows)
    w.close('bpmn:endEvent')
  }
  for (const f of flows) {
    const a = { id: f.id, name: f.name, sourceRef: f.sourceRef, targetRef: f.targetRef }
    if (!f.isReturn) {
      w.empty('bpmn:sequenceFlow', a)
      continue
    }
    w.open('bpmn:sequenceFlow', a)
    w.open('bpmn:extensionElements')
    w.empty('mardom:transition', { kind: 'return' })
    w.close('bpmn:extensionElements')
    w.close('bpmn:sequenceFlow')
  }
  w.close('bpmn:process')

  // --- diagram interchange
  w.open('bpmndi:BPMNDiagram', { id: ids.take('Diagram', '1'), name: input.title })
  w.open('bpmndi:BPMNPlane', { id: ids.take('Plane', '1'), bpmnElement: processId })
  for (const n of layout.nodes) {
    const element = elementOf.get(n.id)
    if (!element) continue
    w.open('bpmndi:BPMNShape', {
      id: `${element}_di`,
      bpmnElement: element,
      // No «X» in the diamond: the question is written there, as in the flowchart.
      isMarkerVisible: n.kind === 'decision' ? false : undefined,
    })
    nodeBounds(w, n)
    const step = stepById.get(n.id)
    if (n.kind === 'decision' && step) {
      // The question inside the diamond, centred, in as many lines as the flowchart draws.
      const lines = wrapText(step.title, METRICS.questionChars, METRICS.questionLines).length
      labelBounds(w, n, n.width / 2, Math.min(n.height / 2, lines * LABEL_LINE))
    } else if (n.kind === 'start' || n.kind === 'end') {
      // «شروع» and «پایان» inside their circles rather than below them.
      labelBounds(w, n, n.width, LABEL_LINE)
    }
    w.close('bpmndi:BPMNShape')
  }
  for (const f of flows) {
    w.open('bpmndi:BPMNEdge', { id: `${f.id}_di`, bpmnElement: f.id })
    const points = waypoints(f.layout, layout.nodes)
    for (const pt of points) w.empty('di:waypoint', { x: pt.x, y: pt.y })
    const label = f.layout.label
    if (f.name && label && f.layout.labelPosition) {
      const box = edgeLabelBox(label, f.isReturn)
      const c = f.layout.labelPosition
      w.open('bpmndi:BPMNLabel')
      bounds(w, c.x - box.width / 2, c.y - box.height / 2, box.width, box.height)
      w.close('bpmndi:BPMNLabel')
    }
    w.close('bpmndi:BPMNEdge')
  }
  w.close('bpmndi:BPMNPlane')
  w.close('bpmndi:BPMNDiagram')
  w.close('bpmn:definitions')
  return w.toString()
}

/** The edge's polyline; two points (centre to centre) if the layout has none (DI needs ≥ 2). */
function waypoints(e: LayoutEdge, nodes: LayoutNode[]): { x: number; y: number }[] {
  if (e.points.length >= 2) return e.points
  const from = nodes.find((n) => n.id === e.from)
  const to = nodes.find((n) => n.id === e.to)
  return [
    { x: from?.x ?? 0, y: from?.y ?? 0 },
    { x: to?.x ?? 0, y: to?.y ?? 0 },
  ]
}
