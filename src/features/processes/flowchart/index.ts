/**
 * Process flowcharts: `layoutProcess` (pure, deterministic coordinates, dagre top-down,
 * right-to-left, return edges in lanes on the right) and `renderFlowchartSvg` (an accessible,
 * CSP-safe SVG string). Lay out at save time and cache the SVG rather than per request.
 *
 * @example
 * const layout = layoutProcess(process)
 * const svg = renderFlowchartSvg(process, layout, {
 *   ...FLOWCHART_TEXT_FA,
 *   title: `مراحل ${service.title}`,
 *   description: 'نمودار مراحل خدمت، به ترتیب:',
 *   idPrefix: 'process-flow',
 * })
 */
export type {
  FlowNodeKind,
  LayoutEdge,
  LayoutNode,
  LayoutOptions,
  Point,
  ProcessLayout,
} from './layout.ts'
export { endNodeId, layoutProcess, START_NODE_ID } from './layout.ts'
export type { FlowchartLabels } from './svg.ts'
export { describeSteps, renderFlowchartSvg } from './svg.ts'
export type { FlowchartText } from './text.ts'
export { FLOWCHART_TEXT_FA } from './text.ts'
