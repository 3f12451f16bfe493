/**
 * Where every box and arrow of a process flowchart goes: a pure, deterministic function from a
 * `ServiceProcess` to coordinates (same input → byte-identical output; every number is an
 * integer).
 *
 * - Top-down (dagre, rankdir TB), so it reads like a Persian text column and fits a phone.
 * - Right-to-left: the first transition of a decision is its branch on the right, where a
 *   Persian reader starts (dagre orders the successors inserted first to the right; a test
 *   checks it on the samples and on generated processes).
 * - Box sizes come from the text (`text.ts`): every task box has the same width, decisions are
 *   diamonds big enough for their question, start/end are small circles.
 * - `return` transitions ("back for correction") are left out of the dagre graph, so loops never
 *   change ranks or order; they are routed afterwards in lanes on the inline-start (right) side,
 *   inner loops nearest the boxes, each lane wide enough for its label (`routing.ts`).
 */
import dagre, { type GraphLabel } from '@dagrejs/dagre'
import type { ServiceProcess, TransitionKind } from '../../services/index.ts'
import { endSteps as processEndSteps, processGraph } from '../process.rules.ts'
import type { LayoutEdge, LayoutNode } from './layout.model.ts'
import { round, routeNormal, routeReturnEdges, simplify } from './routing.ts'
import {
  edgeLabelBox,
  even,
  FLOWCHART_TEXT_FA,
  FLOWCHART_WORDS_FA,
  type FlowchartText,
  METRICS,
  stepBoxText,
  stepTextHeight,
  stepTextWidth,
} from './text.ts'

export type { FlowNodeKind, LayoutEdge, LayoutNode, Point } from './layout.model.ts'

export interface ProcessLayout {
  width: number
  height: number
  nodes: LayoutNode[]
  edges: LayoutEdge[]
}

export interface LayoutOptions {
  /** Actor and time texts; must be the ones the renderer is given. Default: Persian. */
  text?: FlowchartText
}

/** Id of the «شروع» circle (not a valid step id: steps are `s1`, `s2`…). */
export const START_NODE_ID = '#start'

/** Id of the «پایان» circle after an end step. */
export function endNodeId(stepId: string): string {
  return `#end:${stepId}`
}

const GRAPH = {
  rankdir: 'TB',
  nodesep: 36,
  edgesep: 16,
  ranksep: 36,
  marginx: 12,
  marginy: 12,
} as const satisfies GraphLabel
/**
 * Lays out a process as a top-down, right-to-left flowchart.
 *
 * @param p - The process; transitions to unknown steps are ignored.
 * @param options - The texts used to size the boxes (default: Persian).
 * @returns Integer coordinates of every node (centre and size) and edge (polyline and label).
 * @example
 * const layout = layoutProcess(version.process)
 * const svg = renderFlowchartSvg(version.process, layout, labels)
 */
export function layoutProcess(p: ServiceProcess, options: LayoutOptions = {}): ProcessLayout {
  const text = options.text ?? FLOWCHART_TEXT_FA
  const steps = p.steps
  if (steps.length === 0) return { width: 0, height: 0, nodes: [], edges: [] }
  const stepIds = new Set(steps.map((s) => s.id))
  const transitions = p.transitions.filter((t) => stepIds.has(t.from) && stepIds.has(t.to))

  // --- node sizes
  const sizes = new Map<string, { width: number; height: number }>()
  const boxes = steps.map((s) => stepBoxText(s, p, text))
  let taskInner: number = METRICS.minTaskInner
  steps.forEach((s, i) => {
    const box = boxes[i]
    if (s.kind === 'task' && box) taskInner = Math.max(taskInner, stepTextWidth(box, 'task'))
  })
  const taskWidth = even(taskInner + 2 * METRICS.boxPadX)
  steps.forEach((s, i) => {
    const box = boxes[i]
    if (!box) return
    const h = stepTextHeight(box, s.kind)
    if (s.kind === 'task') {
      sizes.set(s.id, { width: taskWidth, height: even(h + 2 * METRICS.boxPadY) })
    } else {
      // A w×h text block fits in a W×H diamond when w/W + h/H ≤ 1.
      const w = stepTextWidth(box, 'decision') + 8
      const width = even(Math.max(w * 1.9, 120))
      const height = even(Math.max(h / (1 - w / width) + 8, 64))
      sizes.set(s.id, { width, height })
    }
  })

  // --- the dagre graph: start, steps in order, end circles; normal transitions only
  const g = new dagre.graphlib.Graph({ multigraph: true })
  g.setGraph({ ...GRAPH })
  g.setDefaultEdgeLabel(() => ({}))
  const terminal = 2 * METRICS.terminalRadius
  const kinds = new Map<string, LayoutNode['kind']>()
  g.setNode(START_NODE_ID, { width: terminal, height: terminal })
  kinds.set(START_NODE_ID, 'start')
  for (const s of steps) {
    g.setNode(s.id, { ...(sizes.get(s.id) ?? { width: taskWidth, height: 48 }) })
    kinds.set(s.id, s.kind)
  }
  // «پایان» after every step with no way on at all (a step that only returns for correction
  // ends nowhere: the steps table says «بازگشت به …» for it, so the chart does too); «شروع»
  // before every step with no normal way in (a valid process has one; the first step if a
  // cycle leaves none).
  const graph = processGraph(p)
  const ends = new Set(processEndSteps(graph))
  const endSteps = steps.filter((s) => ends.has(s.id))
  const sources = steps.filter((s) => (graph.previous.get(s.id) ?? []).length === 0)
  const startSteps = sources.length > 0 ? sources : steps.slice(0, 1)
  for (const s of endSteps) {
    g.setNode(endNodeId(s.id), { width: terminal, height: terminal })
    kinds.set(endNodeId(s.id), 'end')
  }

  interface Pending {
    from: string
    to: string
    kind: TransitionKind
    label: string | null
    name: string
  }
  const pending: Pending[] = []
  for (const s of startSteps) {
    pending.push({ from: START_NODE_ID, to: s.id, kind: 'normal', label: null, name: 'start' })
  }
  transitions.forEach((t, i) => {
    const label =
      t.kind === 'return' ? (t.label ?? FLOWCHART_WORDS_FA.returnLabel) : (t.label ?? null)
    pending.push({ from: t.from, to: t.to, kind: t.kind, label, name: `t${i}` })
  })
  for (const s of endSteps) {
    pending.push({ from: s.id, to: endNodeId(s.id), kind: 'normal', label: null, name: 'end' })
  }
  for (const e of pending) {
    if (e.kind !== 'normal') continue
    const size = e.label ? edgeLabelBox(e.label, false) : { width: 0, height: 0 }
    g.setEdge(e.from, e.to, { ...size, labelpos: 'c' }, e.name)
  }

  dagre.layout(g)

  // --- read back
  const graphWidth = g.graph().width ?? 0
  const graphHeight = g.graph().height ?? 0
  const nodes: LayoutNode[] = g.nodes().map((id) => {
    const n = g.node(id)
    const c = round({ x: n.x ?? 0, y: n.y ?? 0 })
    return { id, kind: kinds.get(id) ?? 'task', x: c.x, y: c.y, width: n.width, height: n.height }
  })
  const byId = new Map(nodes.map((n) => [n.id, n]))
  // Output order: start, steps in the process's order, end circles.
  const order = new Map<string, number>()
  for (const id of [
    START_NODE_ID,
    ...steps.map((s) => s.id),
    ...endSteps.map((s) => endNodeId(s.id)),
  ])
    order.set(id, order.size)
  nodes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))

  const edges: LayoutEdge[] = pending.map((e) => ({
    from: e.from,
    to: e.to,
    kind: e.kind,
    label: e.label,
    points: [],
  }))
  pending.forEach((e, i) => {
    const edge = edges[i]
    if (e.kind !== 'normal' || !edge) return
    const data = g.edge(e.from, e.to, e.name)
    const from = byId.get(e.from)
    const to = byId.get(e.to)
    if (!data || !from || !to) return
    // dagre's end points are on the bounding boxes: keep its bends, redo the ends.
    const inner = (data.points ?? []).slice(1, -1)
    edge.points = simplify(routeNormal(from, to, inner).map(round))
    if (e.label && typeof data.x === 'number' && typeof data.y === 'number') {
      edge.labelPosition = round({ x: data.x, y: data.y })
    }
  })

  // --- return edges: lanes on the right (inline-start) side
  const right = routeReturnEdges(edges, nodes)
  const width = Math.max(graphWidth, right + GRAPH.marginx)
  return { width: Math.ceil(width), height: Math.ceil(graphHeight), nodes, edges }
}
