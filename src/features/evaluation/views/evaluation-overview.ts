import { html } from 'hono/html'
import { type Html, table } from '../../../web/ui/index.ts'
import type { OverviewView, PeriodLine } from '../evaluation.read.ts'
import { pagesMsg as msg } from '../evaluation-pages.messages.fa.ts'
import {
  dates,
  digest,
  downloads,
  groupSection,
  snapshotHref,
  statusTag,
} from './evaluation-common.ts'

function periodRow(p: PeriodLine) {
  const c = p.current
  const earlier =
    p.earlier.length === 0
      ? ''
      : html`<br><span class="mr-hint-inline">${msg.earlierVersions}:</span> ${p.earlier.map(
          (e, i) =>
            html`${i === 0 ? '' : '، '}<a class="mr-link" href="${snapshotHref(e, false)}">${msg.seqLabel(e.seq)}</a>`,
        )}`
  return [
    {
      html: html`<a class="mr-link" href="/evaluation/${c.period}">${msg.periodLink(c.period)}</a>`,
    },
    {
      html: html`${statusTag(c.status)}${c.status === 'provisional' ? html`<br><span class="mr-hint-inline">${msg.provisionalNote}</span>` : ''}${earlier}`,
    },
    {
      html: html`<a class="mr-link" href="/evaluation/method/${c.methodVersion}">${msg.methodVersion(c.methodVersion)}</a>`,
    },
    { html: dates(c) },
  ]
}

/** `/evaluation`: every period with its status, the newest ranking, the method and the data. */
export function overviewPage(v: OverviewView): Html {
  const latest = v.latest
  return html`<h1 class="mr-heading-l">${msg.title}</h1>
    <p class="mr-body-l">${msg.lead}</p>
    <p class="mr-body"><a class="mr-link" href="/evaluation/method">${msg.methodLink}</a></p>
    <h2 class="mr-heading-m" id="periods">${msg.periodsHeading}</h2>
    ${
      v.periods.length === 0
        ? html`<p class="mr-body">${msg.noPeriods}</p>`
        : table({
            id: 'evaluation-periods',
            caption: msg.periodsCaption,
            captionClasses: 'mr-visually-hidden',
            scrollable: true,
            firstCellIsHeader: true,
            head: [
              { text: msg.col.period },
              { text: msg.col.status },
              { text: msg.col.method },
              { text: msg.col.dates },
            ],
            rows: v.periods.map(periodRow),
          })
    }
    ${
      latest
        ? html`<h2 class="mr-heading-m" id="latest">${msg.latestHeading(latest.header.period)}</h2>
          <p class="mr-body">${msg.latestStatus(msg.status[latest.header.status])} ${msg.agenciesCount(latest.header.agencies)}</p>
          <p class="mr-body"><a class="mr-link" href="/evaluation/${latest.header.period}">${msg.fullPeriod(latest.header.period)}</a></p>
          ${latest.groups.map((g) =>
            groupSection(g, {
              period: latest.header.period,
              totalWeight: latest.totalWeight,
              neededWeight: latest.neededWeight,
              hasPrevious: latest.hasPrevious,
              chart: false,
              headingLevel: 3,
            }),
          )}
          <p class="mr-body">${msg.tiesNote}</p>
          <h2 class="mr-heading-m" id="recompute">${msg.recomputeHeading}</h2>
          ${msg.recompute.map((line) => html`<p class="mr-body">${line}</p>`)}
          ${digest(latest.header)}
          <h3 class="mr-heading-s">${msg.downloadsHeading}</h3>
          ${downloads(latest.header.period)}`
        : html`<p class="mr-body">${msg.noPublished}</p>`
    }
    <p class="mr-body"><a class="mr-link" href="/api/v1/evaluations">${msg.allEvaluationsApi}</a></p>`
}
