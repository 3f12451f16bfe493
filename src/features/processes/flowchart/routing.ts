/**
 * Geometry of the flowchart's edges once dagre has placed the boxes: normal edges drawn the
 * flowchart way (vertical into and out of boxes, decisions branching from their corners), and
 * `return` edges routed in lanes on the inline-start (right) side, outside dagre, so that loops
 * never change the main flow.
 */
import type { LayoutEdge, LayoutNode, Point } from './layout.model.ts'
import { edgeLabelBox, FLOWCHART_WORDS_FA } from './text.ts'

/** Room between boxes (or another lane) and a return lane, and between two lanes' labels. */
const LANE_GAP = 14
/** How far apart several return edges attach to the same side of a box. */
const ATTACH_STEP = 12

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

function nodeRect(n: LayoutNode): Rect {
  return {
    left: n.x - n.width / 2,
    right: n.x + n.width / 2,
    top: n.y - n.height / 2,
    bottom: n.y + n.height / 2,
  }
}

function labelRect(at: Point, size: { width: number; height: number }): Rect {
  return {
    left: at.x - size.width / 2,
    right: at.x + size.width / 2,
    top: at.y - size.height / 2,
    bottom: at.y + size.height / 2,
  }
}

function overlaps(a: Rect, b: Rect, pad = 0): boolean {
  return (
    a.left < b.right + pad &&
    b.left < a.right + pad &&
    a.top < b.bottom + pad &&
    b.top < a.bottom + pad
  )
}

/** The lower (`side` 1) or upper (−1) outline of a node at `x`. */
function outlineY(n: LayoutNode, x: number, side: 1 | -1): number {
  const dx = Math.abs(x - n.x)
  if (n.kind === 'decision')
    return n.y + side * (n.height / 2) * Math.max(0, 1 - dx / (n.width / 2))
  if (n.kind === 'start' || n.kind === 'end') {
    const r = n.width / 2
    return n.y + side * Math.sqrt(Math.max(0, r * r - dx * dx))
  }
  return n.y + side * (n.height / 2)
}

/** How far from its centre a vertical edge may leave or enter a node. */
function reach(n: LayoutNode): number {
  if (n.kind === 'decision') return n.width / 4
  // Clear of the step-number badge on the top right corner.
  if (n.kind === 'task') return n.width / 2 - 26
  return 0
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

/** Room between a box and a bend just below or above it. */
const BEND = 10

/**
 * A normal edge through dagre's bend points, drawn the flowchart way: vertical where it leaves
 * and enters a box; a decision's branch that goes far sideways leaves from the diamond's side
 * corner; an edge that does not line up with its target turns just above it.
 */
export function routeNormal(from: LayoutNode, to: LayoutNode, inner: Point[]): Point[] {
  const pts: Point[] = []
  const firstRef = inner[0] ?? { x: to.x, y: to.y }
  if (
    from.kind === 'decision' &&
    inner.length > 0 &&
    Math.abs(firstRef.x - from.x) >= from.width / 2 + 8
  ) {
    const side = Math.sign(firstRef.x - from.x)
    pts.push({ x: from.x + (side * from.width) / 2, y: from.y }, { x: firstRef.x, y: from.y })
  } else {
    const x = clamp(firstRef.x, from.x - reach(from), from.x + reach(from))
    const y = outlineY(from, x, 1)
    pts.push({ x, y })
    if (inner.length > 0 && x !== firstRef.x) {
      pts.push({ x, y: y + BEND }, { x: firstRef.x, y: y + BEND })
    }
  }
  pts.push(...inner)
  const last = pts[pts.length - 1] ?? firstRef
  const x = clamp(last.x, to.x - reach(to), to.x + reach(to))
  const top = to.y - to.height / 2
  if (last.x !== x) {
    const y = inner.length > 0 ? top - BEND : (last.y + top) / 2
    pts.push({ x: last.x, y }, { x, y })
  }
  pts.push({ x, y: outlineY(to, x, -1) })
  return pts
}

/** The point on the right side of a node at `dy` from its centre (diamonds: on the slope). */
function rightSidePoint(n: LayoutNode, dy: number): Point {
  const hw = n.width / 2
  if (n.kind === 'decision') {
    return { x: n.x + hw * (1 - Math.abs(dy) / (n.height / 2)), y: n.y + dy }
  }
  return { x: n.x + hw, y: n.y + dy }
}

export function round(p: Point): Point {
  return { x: Math.round(p.x), y: Math.round(p.y) }
}

/** Drops repeated and collinear middle points (dagre adds one per dummy rank). */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = []
  for (const p of points) {
    const last = out[out.length - 1]
    if (last && last.x === p.x && last.y === p.y) continue
    const before = out[out.length - 2]
    if (before && last) {
      const cross = (last.x - before.x) * (p.y - before.y) - (last.y - before.y) * (p.x - before.x)
      if (cross === 0) out.pop()
    }
    out.push(p)
  }
  return out
}

interface ReturnRoute {
  edgeIndex: number
  from: LayoutNode
  to: LayoutNode
  /** Where the edge leaves and enters the boxes' right sides. */
  fromY: number
  toY: number
  /** Height of the horizontal runs to and from the lane. */
  fromRunY: number
  toRunY: number
  /** Set when a box beside the end is in the way: the run turns in the gap next to the box. */
  fromDetourX: number | null
  toDetourX: number | null
  label: string
  labelSize: { width: number; height: number }
  lane: number
}

/**
 * Routes every `return` edge of `edges` (in place): out of its source's right side, along a
 * vertical lane right of everything level with it (shorter loops on inner lanes), and into its
 * target's right side, with its label on the lane.
 *
 * @returns The rightmost x the lanes and their labels reach (0 when there is no return edge).
 */
export function routeReturnEdges(edges: LayoutEdge[], nodes: LayoutNode[]): number {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const routes: ReturnRoute[] = []
  edges.forEach((e, i) => {
    if (e.kind !== 'return') return
    const from = byId.get(e.from)
    const to = byId.get(e.to)
    if (!from || !to) return
    const label = e.label ?? FLOWCHART_WORDS_FA.returnLabel
    const box = edgeLabelBox(label, true)
    routes.push({
      edgeIndex: i,
      from,
      to,
      fromY: from.y,
      toY: to.y,
      fromRunY: from.y,
      toRunY: to.y,
      fromDetourX: null,
      toDetourX: null,
      label,
      labelSize: { width: box.width, height: box.height },
      lane: 0,
    })
  })
  attachReturnEnds(routes)
  for (const r of routes) {
    const out = runBeside(r.from, r.fromY, r.to.y, nodes)
    r.fromRunY = out.runY
    r.fromDetourX = out.detourX
    const back = runBeside(r.to, r.toY, r.from.y, nodes)
    r.toRunY = back.runY
    r.toDetourX = back.detourX
  }

  // Obstacles a lane must keep to the right of: boxes, normal edges and their labels.
  const obstacles: Rect[] = nodes.map(nodeRect)
  for (const e of edges) {
    if (e.kind !== 'normal') continue
    e.points.forEach((q, i) => {
      const prev = e.points[i - 1] ?? q
      obstacles.push({
        left: Math.min(prev.x, q.x),
        right: Math.max(prev.x, q.x),
        top: Math.min(prev.y, q.y),
        bottom: Math.max(prev.y, q.y),
      })
    })
    if (e.labelPosition && e.label) {
      obstacles.push(labelRect(e.labelPosition, edgeLabelBox(e.label, false)))
    }
  }

  // Shorter loops first, so that they take the lanes nearest the boxes.
  const sorted = [...routes].sort(
    (a, b) =>
      Math.abs(a.fromRunY - a.toRunY) - Math.abs(b.fromRunY - b.toRunY) ||
      a.edgeIndex - b.edgeIndex,
  )
  const placed: ReturnRoute[] = []
  for (const r of sorted) {
    const top = Math.min(r.fromRunY, r.toRunY)
    const bottom = Math.max(r.fromRunY, r.toRunY)
    const half = r.labelSize.width / 2
    let lane = 0
    for (const o of obstacles) {
      if (o.bottom >= top && o.top <= bottom) lane = Math.max(lane, o.right + LANE_GAP + half)
    }
    for (const q of placed) {
      const qTop = Math.min(q.fromRunY, q.toRunY)
      const qBottom = Math.max(q.fromRunY, q.toRunY)
      if (qBottom + ATTACH_STEP >= top && qTop - ATTACH_STEP <= bottom) {
        lane = Math.max(lane, q.lane + q.labelSize.width / 2 + LANE_GAP + half)
      }
    }
    r.lane = Math.round(lane)
    placed.push(r)
  }

  // Labels on their lanes, moved along the lane off other return edges' horizontal runs.
  const taken: Rect[] = []
  const runs: Run[] = routes.flatMap((r) => [
    {
      route: r,
      rect: { left: r.fromDetourX ?? r.from.x, right: r.lane, top: r.fromRunY, bottom: r.fromRunY },
    },
    {
      route: r,
      rect: { left: r.toDetourX ?? r.to.x, right: r.lane, top: r.toRunY, bottom: r.toRunY },
    },
  ])
  for (const r of routes) {
    const edge = edges[r.edgeIndex]
    if (!edge) continue
    const from = rightSidePoint(r.from, r.fromY - r.from.y)
    const to = rightSidePoint(r.to, r.toY - r.to.y)
    const leave =
      r.fromDetourX === null
        ? [from]
        : [from, { x: r.fromDetourX, y: r.fromY }, { x: r.fromDetourX, y: r.fromRunY }]
    const enter =
      r.toDetourX === null
        ? [to]
        : [{ x: r.toDetourX, y: r.toRunY }, { x: r.toDetourX, y: r.toY }, to]
    edge.points = simplify(
      [...leave, { x: r.lane, y: r.fromRunY }, { x: r.lane, y: r.toRunY }, ...enter].map(round),
    )
    edge.labelPosition = placeReturnLabel(r, runs, taken)
    taken.push(labelRect(edge.labelPosition, r.labelSize))
  }

  let right = 0
  for (const r of routes) right = Math.max(right, r.lane + r.labelSize.width / 2)
  return right
}

/** Room between a return edge's run and the boxes it passes, in the gaps between boxes. */
const RUN_CLEARANCE = 14

/**
 * The horizontal run of a return edge at one of its boxes: straight from the box's right side
 * to the lane, or, when another box of the same rank stands to the right, through the gap
 * beside the box and then between the ranks, on the side of the edge's other end.
 */
function runBeside(
  node: LayoutNode,
  attachY: number,
  otherY: number,
  nodes: LayoutNode[],
): { runY: number; detourX: number | null } {
  const own = nodeRect(node)
  let blocker: Rect | null = null
  for (const n of nodes) {
    if (n === node) continue
    const r = nodeRect(n)
    if (r.left >= own.right - 1 && r.top <= attachY && r.bottom >= attachY) {
      if (!blocker || r.left < blocker.left) blocker = r
    }
  }
  if (!blocker) return { runY: attachY, detourX: null }
  // dagre centres the boxes of a rank on one line: the rank is every box level with this one.
  const rank = nodes.map(nodeRect).filter((r) => r.top < own.bottom && r.bottom > own.top)
  const runY =
    otherY > node.y
      ? Math.max(...rank.map((r) => r.bottom)) + RUN_CLEARANCE
      : Math.min(...rank.map((r) => r.top)) - RUN_CLEARANCE
  return { runY, detourX: own.right + Math.min(18, (blocker.left - own.right) / 2) }
}

/** Spreads the ends of several return edges on one box so that they do not share a point. */
function attachReturnEnds(routes: ReturnRoute[]): void {
  interface End {
    route: ReturnRoute
    end: 'from' | 'to'
    other: number
  }
  const ends = new Map<string, End[]>()
  const add = (id: string, end: End): void => {
    const list = ends.get(id) ?? []
    list.push(end)
    ends.set(id, list)
  }
  for (const r of routes) {
    add(r.from.id, { route: r, end: 'from', other: r.to.y })
    add(r.to.id, { route: r, end: 'to', other: r.from.y })
  }
  for (const list of ends.values()) {
    if (list.length < 2) continue
    const node = list[0]?.end === 'from' ? list[0].route.from : list[0]?.route.to
    if (!node) continue
    // Top to bottom: edges to boxes above (nearest first), then edges to boxes below (farthest
    // first). Outer lanes then attach outside inner ones, and no run crosses another's lane.
    const below = (e: End): number => (e.other > node.y ? 1 : 0)
    list.sort(
      (a, b) => below(a) - below(b) || b.other - a.other || a.route.edgeIndex - b.route.edgeIndex,
    )
    const limit = node.kind === 'decision' ? node.height / 4 : node.height / 2 - 4
    const step = Math.min(ATTACH_STEP, (2 * limit) / (list.length - 1))
    list.forEach((e, i) => {
      const dy = Math.round((i - (list.length - 1) / 2) * step)
      if (e.end === 'from') e.route.fromY = e.route.from.y + dy
      else e.route.toY = e.route.to.y + dy
    })
  }
}

/** A horizontal run of a return edge, between its box and its lane. */
interface Run {
  route: ReturnRoute
  rect: Rect
}

/** The label's centre on its lane: the middle of the run, or the nearest free spot. */
function placeReturnLabel(r: ReturnRoute, runs: Run[], taken: Rect[]): Point {
  const top = Math.min(r.fromRunY, r.toRunY)
  const bottom = Math.max(r.fromRunY, r.toRunY)
  const mid = Math.round((top + bottom) / 2)
  const half = r.labelSize.height / 2
  const lo = top + half + 6
  const hi = bottom - half - 6
  if (hi < lo) return { x: r.lane, y: mid }
  for (let k = 0; k <= bottom - top; k += 4) {
    for (const y of k === 0 ? [mid] : [mid - k, mid + k]) {
      if (y < lo || y > hi) continue
      const rect = labelRect({ x: r.lane, y }, r.labelSize)
      const blocked =
        runs.some((q) => q.route !== r && overlaps(rect, q.rect, 2)) ||
        taken.some((q) => overlaps(rect, q, 2))
      if (!blocked) return { x: r.lane, y }
    }
  }
  return { x: r.lane, y: mid }
}
