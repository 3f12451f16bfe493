/**
 * Export of a process as Mermaid flowchart text (DESIGN §7), for wikis, issues and documents
 * that render Mermaid. It draws what the portal's flowchart draws: a «شروع» circle before the
 * start step, a «پایان» circle after every end step, tasks as boxes (title, then actor and time,
 * then «فقط برای …» for a variant step), decisions as diamonds `{…}`, conditions on the edges
 * (`-->|"بله"|`) and "return for correction" edges dotted (`-.->|"بازگشت برای اصلاح"|`).
 *
 * Node ids are the step ids when Mermaid can take them as they are (a letter, then letters,
 * digits or `_`, and not a keyword such as `end`), else `step_<n>`; the circles are `start`
 * and `finish_<node id>`. Every label is quoted, with `"`, `<`, `>`, `&` and `#` written as
 * Mermaid entity codes (`#quot;`…), so no title can break the syntax or inject markup.
 */

import type { ProcessStep, ServiceProcess } from '../../services/index.ts'
import { FLOWCHART_TEXT_FA, FLOWCHART_WORDS_FA } from '../flowchart/text.ts'
import { endSteps, processGraph } from '../process.rules.ts'

const KEYWORDS = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'direction',
  'style',
  'class',
  'classdef',
  'linkstyle',
  'click',
  'call',
  'href',
  'default',
  'start',
])

/** Text for inside `"…"`: one line, with Mermaid entity codes for the characters that matter. */
export function mermaidText(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
}

function stepLabel(s: ProcessStep, p: ServiceProcess): string {
  const lines = [mermaidText(s.title)]
  if (s.kind === 'task') {
    const meta = [FLOWCHART_TEXT_FA.actorLabel(s.actor), FLOWCHART_TEXT_FA.durationText(s)]
      .filter((x) => x !== '')
      .join(FLOWCHART_WORDS_FA.metaSeparator)
    lines.push(mermaidText(meta))
  }
  if (s.variantId) {
    const variant = p.variants.find((v) => v.id === s.variantId)?.label ?? s.variantId
    lines.push(mermaidText(`${FLOWCHART_WORDS_FA.variantPrefix} ${variant}`))
  }
  return lines.join('<br/>')
}

/**
 * The process as a Mermaid `flowchart TD`.
 *
 * @param process - The process; transitions to unknown steps are left out.
 * @returns Mermaid text ending with a newline ('flowchart TD\n' alone for an empty process).
 * @example
 * toMermaid(processOf([task('s1', 'ثبت', hours(1))], []))
 * // flowchart TD
 * //   start(("شروع"))
 * //   s1["ثبت<br/>دستگاه، ۱ ساعت"]
 * //   finish_s1(("پایان"))
 * //   start --> s1
 * //   s1 --> finish_s1
 */
export function toMermaid(process: ServiceProcess): string {
  const out = ['flowchart TD']
  const steps = process.steps
  if (steps.length === 0) return `${out[0]}\n`

  const used = new Set<string>()
  const nodeId = new Map<string, string>()
  steps.forEach((s, i) => {
    let id = /^[A-Za-z][A-Za-z0-9_]*$/.test(s.id) && !KEYWORDS.has(s.id.toLowerCase()) ? s.id : ''
    if (!id || used.has(id) || id.startsWith('finish_')) id = `step_${i + 1}`
    while (used.has(id)) id = `${id}_`
    used.add(id)
    nodeId.set(s.id, id)
  })

  const g = processGraph(process)
  const sources = steps.filter((s) => (g.previous.get(s.id) ?? []).length === 0)
  const starts = sources.length > 0 ? sources : steps.slice(0, 1)
  // The same ends as the chart and the steps table: not after a step that only returns.
  const endIds = new Set(endSteps(g))
  const ends = steps.filter((s) => endIds.has(s.id))
  const finish = (s: ProcessStep) => `finish_${nodeId.get(s.id)}`

  out.push(`  start(("${mermaidText(FLOWCHART_WORDS_FA.start)}"))`)
  for (const s of steps) {
    const label = stepLabel(s, process)
    out.push(
      s.kind === 'decision'
        ? `  ${nodeId.get(s.id)}{"${label}"}`
        : `  ${nodeId.get(s.id)}["${label}"]`,
    )
  }
  for (const s of ends) out.push(`  ${finish(s)}(("${mermaidText(FLOWCHART_WORDS_FA.end)}"))`)

  for (const s of starts) out.push(`  start --> ${nodeId.get(s.id)}`)
  for (const t of process.transitions) {
    const from = nodeId.get(t.from)
    const to = nodeId.get(t.to)
    if (!from || !to) continue
    if (t.kind === 'return') {
      const label = mermaidText(t.label ?? FLOWCHART_WORDS_FA.returnLabel)
      out.push(`  ${from} -.->|"${label}"| ${to}`)
    } else if (t.label) {
      out.push(`  ${from} -->|"${mermaidText(t.label)}"| ${to}`)
    } else {
      out.push(`  ${from} --> ${to}`)
    }
  }
  for (const s of ends) out.push(`  ${nodeId.get(s.id)} --> ${finish(s)}`)
  return `${out.join('\n')}\n`
}
