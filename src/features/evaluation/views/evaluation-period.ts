import { html } from 'hono/html'
import { type Html, insetText, warningText } from '../../../web/ui/index.ts'
import type { PeriodView } from '../evaluation.read.ts'
import { pagesMsg as msg } from '../evaluation-pages.messages.fa.ts'
import {
  dates,
  digest,
  downloads,
  groupSection,
  snapshotHref,
  statusTag,
} from './evaluation-common.ts'

export function periodTitle(v: PeriodView): string {
  return v.inForce
    ? msg.periodTitle(v.header.period)
    : msg.snapshotTitle(v.header.period, v.header.seq)
}

/** What the page says of its status: provisional, corrected (with links), or an old snapshot. */
function statusNote(v: PeriodView): Html {
  const h = v.header
  const current = v.versions[0]
  if (!v.inForce && current)
    return warningText({
      html: html`${msg.oldSnapshotNote(h.period)} <a class="mr-link" href="${snapshotHref(current, true)}">${msg.currentLink(h.period)}</a>`,
    })
  if (h.status === 'provisional')
    return insetText({
      html: html`<strong>${msg.provisionalNote}</strong><br>${msg.provisionalLead}`,
    })
  if (h.status === 'corrected') {
    const earlier = v.versions.filter((x) => x.id !== h.id)
    return insetText({
      html: html`${msg.correctedNote}
        <ul class="mr-list mr-list--bullet">${earlier.map(
          (e) =>
            html`<li><a class="mr-link" href="${snapshotHref(e, false)}">${msg.seqLabel(e.seq)}</a> (${dates(e)})</li>`,
        )}</ul>
        ${h.noteFa ? html`<p class="mr-body">${msg.correctionNote(h.noteFa)}</p>` : ''}`,
    })
  }
  return html``
}

/**
 * `/evaluation/{period}` and `/evaluation/{period}/v/{seq}`: the ranking of every peer group,
 * each as a chart with the same numbers in a table under it.
 */
export function periodPage(v: PeriodView): Html {
  const h = v.header
  return html`<h1 class="mr-heading-l">${periodTitle(v)}</h1>
    <p class="mr-body">${statusTag(h.status)}</p>
    ${statusNote(v)}
    <p class="mr-body">${dates(h)}<br>${msg.agenciesCount(h.agencies)}
      <a class="mr-link" href="/evaluation/method/${h.methodVersion}">${msg.col.method}: ${msg.methodVersion(h.methodVersion)}</a></p>
    <p class="mr-body">${msg.notComparableNote}</p>
    <p class="mr-body">${msg.tiesNote}</p>
    ${v.groups.map((g) =>
      groupSection(g, {
        period: h.period,
        totalWeight: v.totalWeight,
        neededWeight: v.neededWeight,
        hasPrevious: v.hasPrevious,
        chart: true,
        headingLevel: 2,
      }),
    )}
    <h2 class="mr-heading-m" id="recompute">${msg.recomputeHeading}</h2>
    ${msg.recompute.map((line) => html`<p class="mr-body">${line}</p>`)}
    ${digest(h)}
    ${v.inForce ? downloads(h.period) : ''}
    <p class="mr-body"><a class="mr-link" href="/evaluation">${msg.title}</a></p>`
}
