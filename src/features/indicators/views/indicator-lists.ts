import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { button, type Html, table } from '../../../web/ui/index.ts'
import type { IndicatorKind, IndicatorState, Unit, YearTarget } from '../indicator.model.ts'
import { pagesMsg as msg } from '../pages.messages.fa.ts'
import { amount, stateTag } from './indicator-common.ts'

/** One indicator in a staff list. */
export interface IndicatorRow {
  code: string
  nameFa: string
  kind: IndicatorKind
  /** The approved version in force, with its targets. */
  inForce: { versionNo: number; unit: Unit; targets: YearTarget[] } | null
  /** The open proposal beside it (or the first proposal itself). */
  open: { versionNo: number; state: IndicatorState } | null
  /** The newest version's state when there is neither (rejected, withdrawn). */
  latestState: IndicatorState
}

function targetsCell(r: IndicatorRow): Html {
  if (!r.inForce || r.inForce.targets.length === 0) return html`${msg.none}`
  const unit = r.inForce.unit
  return html`<ul class="mr-list">${r.inForce.targets.map(
    (t) => html`<li>${toPersianDigits(t.year)}: ${amount(t.target, unit)}</li>`,
  )}</ul>`
}

/** Indicators with their state, version in force, open proposal and targets. */
export function indicatorTable(rows: IndicatorRow[], caption: string, id: string): Html {
  if (rows.length === 0) return html`<p class="mr-body" id="${id}">${msg.noIndicators}</p>`
  return table({
    caption,
    captionClasses: 'mr-table__caption--m',
    id,
    scrollable: true,
    head: [
      { text: 'شاخص' },
      { text: 'وضعیت' },
      { text: msg.inForce },
      { text: msg.openProposal },
      { text: 'هدف‌ها' },
    ],
    rows: rows.map((r) => [
      {
        html: html`<a class="mr-link" href="/admin/indicators/${r.code}">${r.nameFa}</a><br><span class="mr-hint mr-body-s" dir="ltr">${r.code}</span>`,
      },
      { html: stateTag(r.inForce ? 'approved' : (r.open?.state ?? r.latestState)) },
      { text: r.inForce ? msg.versionOf(r.inForce.versionNo) : msg.none },
      {
        html: r.open
          ? html`${msg.versionOf(r.open.versionNo)}: ${stateTag(r.open.state)}`
          : html`${msg.none}`,
      },
      { html: targetsCell(r) },
    ]),
  })
}

export interface AgencyListView {
  title: string
  /** Shown to central staff looking at one agency: a way back to the overview. */
  backToCentral: boolean
  canPropose: boolean
  general: IndicatorRow[]
  specific: IndicatorRow[]
}

/** An agency's indicators: its own specific ones and the general ones that apply to it. */
export function agencyListPage(v: AgencyListView): Html {
  return html`<h1 class="mr-heading-l">${v.title}</h1>
    ${v.backToCentral ? html`<p class="mr-body"><a class="mr-link" href="/admin/indicators">${msg.allAgencies}</a></p>` : ''}
    ${v.canPropose ? button({ text: msg.proposeTitle, href: '/admin/indicators/new', id: 'propose-indicator' }) : ''}
    ${indicatorTable(v.specific, msg.specificTitle, 'specific-indicators')}
    ${indicatorTable(v.general, msg.generalTitle, 'general-indicators')}`
}
