/**
 * Process flowchart: time to lay out (dagre + return-edge lanes) and to render the SVG, for
 * generated processes of 10, 30 and 100 steps with decisions, merging branches and
 * return-for-correction edges. Prints figures, asserts nothing.
 *
 * "cold" is the first call in this process: for the first size it includes JIT warm-up of
 * dagre and of our code; later sizes run on code already compiled for the smaller ones.
 * Run alone with `node bench/flowchart.ts`, or through `runFlowchartBench()` from bench/run.ts.
 */
import type { ProcessLayout } from '../src/features/processes/flowchart/layout.ts'
import type { ServiceProcess } from '../src/features/services/index.ts'

const SIZES = [10, 30, 100] as const
/** Warm-up calls, then measured calls, per size (fewer for the big one). */
const WARMUP = 10
const RUNS: Record<(typeof SIZES)[number], number> = { 10: 200, 30: 100, 100: 40 }

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)] ?? 0
}

const fmt = (v: number): string => `${v.toFixed(v < 10 ? 2 : 1)} ms`

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

function time(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

/** Prints layout and render times of the process flowchart. */
export async function runFlowchartBench(): Promise<void> {
  console.log('\n## Process flowchart (layout with dagre, SVG rendering)\n')
  const t0 = performance.now()
  const { layoutProcess } = await import('../src/features/processes/flowchart/layout.ts')
  const { renderFlowchartSvg } = await import('../src/features/processes/flowchart/svg.ts')
  const { generateProcess } = await import('../src/features/processes/flowchart/testing.ts')
  const { FLOWCHART_TEXT_FA } = await import('../src/features/processes/flowchart/text.ts')
  const importMs = performance.now() - t0
  const labels = { ...FLOWCHART_TEXT_FA, title: 'نمودار', description: 'مراحل:' }

  const rows: string[][] = []
  for (const size of SIZES) {
    const p: ServiceProcess = generateProcess(size, 1)
    const decisions = p.steps.filter((s) => s.kind === 'decision').length
    const returns = p.transitions.filter((t) => t.kind === 'return').length
    let layout: ProcessLayout = { width: 0, height: 0, nodes: [], edges: [] }
    const coldLayout = time(() => {
      layout = layoutProcess(p)
    })
    let svg = ''
    const coldRender = time(() => {
      svg = renderFlowchartSvg(p, layout, labels)
    })
    for (let i = 0; i < WARMUP; i++) renderFlowchartSvg(p, layoutProcess(p), labels)
    const layoutTimes: number[] = []
    const renderTimes: number[] = []
    for (let i = 0; i < RUNS[size]; i++) {
      layoutTimes.push(time(() => layoutProcess(p)))
      renderTimes.push(time(() => renderFlowchartSvg(p, layout, labels)))
    }
    rows.push([
      `${size} steps (${decisions} decisions, ${returns} returns, ${p.transitions.length} edges)`,
      fmt(coldLayout),
      fmt(percentile(layoutTimes, 50)),
      fmt(percentile(layoutTimes, 95)),
      fmt(coldRender),
      fmt(percentile(renderTimes, 50)),
      fmt(percentile(renderTimes, 95)),
      `${Math.round(Buffer.byteLength(svg) / 1024)} KiB`,
      String(RUNS[size]),
    ])
  }
  console.log(`Module import (dagre included): ${fmt(importMs)}`)
  console.log(
    table(
      [
        'process',
        'layout cold',
        'layout p50',
        'layout p95',
        'render cold',
        'render p50',
        'render p95',
        'SVG',
        'runs',
      ],
      rows,
    ),
  )
}

if (import.meta.main) await runFlowchartBench()
