import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import type { Html } from '../../web/ui/index.ts'
import { loadAgencySummary } from './evaluation.read.ts'
import { sectionMsg as msg, pagesMsg } from './evaluation-pages.messages.fa.ts'

/**
 * The agency page's evaluation (issue 15 item 4): its scorecard in the newest published (or
 * corrected) evaluation — score, rank within its peer group, the year — and a link to it. The
 * catalogue composes the agency page and cannot import this feature; app.ts hands it over.
 */
export function agencyEvaluationSection(deps: Pick<Deps, 'db'>) {
  return async (agency: { id: string; code: string }): Promise<Html> => {
    const s = await loadAgencySummary(deps, agency.id)
    const all = html`<a class="mr-link" href="/evaluation">${msg.all}</a>`
    if (!s)
      return html`<h2 class="mr-heading-m" id="evaluation">${msg.heading}</h2>
        <p class="mr-body">${msg.none} ${all}</p>`
    const result =
      s.score !== null && s.rank !== null
        ? html`<strong>${msg.score(s.score)}</strong>؛ ${msg.rank(s.rank, s.rankedInGroup, s.groupTitle)}.`
        : html`${msg.notComparable(s.comparableWeight, s.totalWeight)}`
    return html`<h2 class="mr-heading-m" id="evaluation">${msg.heading}</h2>
      <p class="mr-body">${msg.line(s.period, pagesMsg.status[s.status])} ${result}</p>
      <p class="mr-body"><a class="mr-link" href="/evaluation/${s.period}/agencies/${agency.code}">${msg.link(s.period)}</a> · ${all}</p>`
  }
}
