import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { type Html, table } from '../../../web/ui/index.ts'
import type { IndicatorDefinition, IndicatorKind } from '../indicator.model.ts'
import type { ValueRow } from '../indicator-values.read.ts'
import { DIRECTION_LABELS, FREQUENCY_LABELS, UNIT_LABELS } from '../messages.fa.ts'
import { pagesMsg as msg } from '../pages.messages.fa.ts'
import { amount, day, definitionList, type ScopeLine, targetsTable } from './indicator-common.ts'
import { valueChart, valuesTable } from './values-section.ts'

/** An approved indicator as the public sees it: the version in force only. */
export interface PublicIndicator {
  code: string
  versionNo: number
  definition: IndicatorDefinition
}

export interface PublicListView {
  general: PublicIndicator[]
  agencies: { code: string; nameFa: string; indicators: PublicIndicator[] }[]
}

function targetsCell(d: IndicatorDefinition): Html {
  if (d.targets.length === 0) return html`${msg.none}`
  return html`<ul class="mr-list">${d.targets.map(
    (t) => html`<li>${toPersianDigits(t.year)}: ${amount(t.target, d.unit)}</li>`,
  )}</ul>`
}

function publicTable(rows: PublicIndicator[], caption: string, id: string): Html {
  return table({
    caption,
    captionClasses: 'mr-visually-hidden',
    id,
    scrollable: true,
    head: [
      { text: 'شاخص' },
      { text: 'یکا' },
      { text: 'جهت بهتر' },
      { text: 'دوره' },
      { text: 'هدف‌ها' },
      { text: msg.methodVersion },
    ],
    rows: rows.map((r) => [
      {
        html: html`<a class="mr-link" href="/indicators/${r.code}">${r.definition.nameFa}</a><p class="mr-body-s mr-indicator-definition">${r.definition.definition}</p>`,
      },
      { text: UNIT_LABELS[r.definition.unit] },
      { text: DIRECTION_LABELS[r.definition.direction] },
      { text: FREQUENCY_LABELS[r.definition.frequency] },
      { html: targetsCell(r.definition) },
      { text: toPersianDigits(r.versionNo), format: 'numeric' },
    ]),
  })
}

/** `/indicators`: the approved general indicators, then each agency's approved specific ones. */
export function publicListPage(v: PublicListView): Html {
  const agencies = v.agencies.filter((a) => a.indicators.length > 0)
  return html`<h1 class="mr-heading-l">${msg.publicTitle}</h1>
    <p class="mr-body-l">${msg.publicLead}</p>
    <h2 class="mr-heading-m" id="general">${msg.generalTitle}</h2>
    ${v.general.length ? publicTable(v.general, msg.generalTitle, 'general-indicators') : html`<p class="mr-body">${msg.noApproved}</p>`}
    <h2 class="mr-heading-m" id="specific">${msg.specificTitle}</h2>
    ${
      agencies.length === 0
        ? html`<p class="mr-body">${msg.noApproved}</p>`
        : agencies.map(
            (a) => html`<section aria-labelledby="agency-${a.code}">
            <h3 class="mr-heading-s" id="agency-${a.code}"><a class="mr-link" href="/agencies/${a.code}">${a.nameFa}</a></h3>
            ${publicTable(a.indicators, msg.publicAgencySpecific(a.nameFa), `indicators-${a.code}`)}
          </section>`,
          )
    }`
}

/** A version that was approved, with its public dates. */
export interface PublicVersionDates {
  versionNo: number
  submittedAt: Date | null
  approvedAt: Date | null
  supersededAt: Date | null
}

export interface PublicIndicatorView {
  code: string
  kind: IndicatorKind
  agency: { code: string; nameFa: string } | null
  inForce: PublicIndicator
  scope: ScopeLine[]
  versions: PublicVersionDates[]
  /** Accepted and computed values (a general indicator's newest period). */
  values: ValueRow[]
}

/** `/indicators/<code>`: the approved definition and when each version was decided. */
export function publicIndicatorPage(v: PublicIndicatorView): Html {
  const proposer = v.agency?.nameFa ?? msg.centralBody
  const d = v.inForce.definition
  return html`<span class="mr-caption-l"><span dir="ltr">${v.code}</span> · ${v.kind === 'general' ? msg.general : msg.specific} · ${proposer}</span>
    <h1 class="mr-heading-l">${d.nameFa}</h1>
    ${definitionList(d, v.scope, { methodVersion: v.inForce.versionNo, id: 'indicator-definition' })}
    ${targetsTable(d.targets, d.unit, 'indicator-targets')}
    ${table({
      caption: msg.decisionDates,
      captionClasses: 'mr-table__caption--m',
      id: 'decision-dates',
      scrollable: true,
      head: [
        { text: msg.methodVersion },
        { text: msg.publicProposed(proposer) },
        { text: msg.publicApproved },
        { text: msg.publicSuperseded },
      ],
      rows: v.versions.map((r) => [
        { text: toPersianDigits(r.versionNo), format: 'numeric' },
        { html: day(r.submittedAt) },
        { html: day(r.approvedAt) },
        { html: day(r.supersededAt) },
      ]),
    })}
    <section aria-labelledby="values-heading" id="values">
      <h2 class="mr-heading-m" id="values-heading">مقدارهای پذیرفته‌شده</h2>
      <p class="mr-body">مقدارهایی که ستاد مرکزی پذیرفته یا پرتال خودش محاسبه کرده است، هر یک با صورت و مخرج و n.${v.kind === 'general' ? ' برای شاخص عمومی، تازه‌ترین دوره و دستگاه‌هایی که داده دارند.' : ''}</p>
      ${v.values.length === 0 ? html`<p class="mr-body">هنوز مقدار پذیرفته‌شده‌ای نیست.</p>` : html`${v.kind === 'specific' ? valueChart(v.values, d.unit, `${d.nameFa}: مقدار در برابر هدف در هر دوره`) : ''}${valuesTable(v.values, d.unit, v.kind === 'general')}`}
    </section>`
}
