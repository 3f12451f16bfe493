/**
 * The part of @dagrejs/dagre 3.x that the flowchart layout uses.
 *
 * The package ships .d.ts files, but they import each other without file extensions, which
 * `moduleResolution: NodeNext` cannot follow in an ESM package, so everything from it would be
 * typed `any`. This declaration (an ambient module wins over the package's own types) keeps
 * `layout.ts` strictly typed.
 */
declare module '@dagrejs/dagre' {
  export interface Point {
    x: number
    y: number
  }

  export interface GraphLabel {
    rankdir?: 'TB' | 'BT' | 'LR' | 'RL'
    nodesep?: number
    edgesep?: number
    ranksep?: number
    marginx?: number
    marginy?: number
    /** Set by `layout`. */
    width?: number
    height?: number
  }

  export interface NodeLabel {
    width: number
    height: number
    /** Centre, set by `layout`. */
    x?: number
    y?: number
  }

  export interface EdgeLabel {
    /** Size of the edge's label (0 for none). */
    width?: number
    height?: number
    labelpos?: 'l' | 'c' | 'r'
    minlen?: number
    weight?: number
    /** Set by `layout`: the polyline, and the label's centre when it has a size. */
    points?: Point[]
    x?: number
    y?: number
  }

  export class Graph {
    constructor(options?: { directed?: boolean; multigraph?: boolean; compound?: boolean })
    setGraph(label: GraphLabel): this
    graph(): GraphLabel
    setDefaultEdgeLabel(label: () => EdgeLabel): this
    setNode(id: string, label: NodeLabel): this
    node(id: string): NodeLabel
    nodes(): string[]
    setEdge(from: string, to: string, label: EdgeLabel, name?: string): this
    edge(from: string, to: string, name?: string): EdgeLabel | undefined
  }

  export function layout(graph: Graph): void

  const dagre: {
    graphlib: { Graph: typeof Graph }
    layout: typeof layout
  }
  export default dagre
}
