import type { StepKind, TransitionKind } from '../../services/index.ts'

/** The laid-out chart's parts, shared by the layout and the edge routing. */

export interface Point {
  x: number
  y: number
}

/** A step, or one of the start/end circles the chart adds. */
export type FlowNodeKind = StepKind | 'start' | 'end'

export interface LayoutNode {
  /** The step id, or {@link START_NODE_ID} / {@link endNodeId}. */
  id: string
  kind: FlowNodeKind
  /** Centre of the node. */
  x: number
  y: number
  width: number
  height: number
}

export interface LayoutEdge {
  from: string
  to: string
  kind: TransitionKind
  /** The condition shown on the edge; return edges always have one. */
  label: string | null
  /** A polyline from the source's outline to the target's outline (arrowhead at the end). */
  points: Point[]
  /** Centre of the label's background, when the edge has a label. */
  labelPosition?: Point
}
