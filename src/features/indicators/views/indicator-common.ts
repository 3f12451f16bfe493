import { html } from 'hono/html'
import {
  formatDateFa,
  formatJalaliFa,
  formatNumberFa,
  gregorianToJalali,
  toPersianDigits,
} from '../../../lib/fa/index.ts'
import {
  type Html,
  type SummaryListRow,
  summaryList,
  type TagColour,
  table,
  tag,
} from '../../../web/ui/index.ts'
import type { IndicatorDefinition, IndicatorState, Unit, YearTarget } from '../indicator.model.ts'
import {
  CATEGORY_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  UNIT_LABELS,
} from '../messages.fa.ts'
import { fieldMsg, pagesMsg as msg } from '../pages.messages.fa.ts'

/** A service a scope names; `slug` is null when it is no longer public (no link then). */
export interface ScopeLine {
  title: string
  slug: string | null
}

const STATE_COLOURS: Record<IndicatorState, TagColour> = {
  draft: 'grey',
  submitted: 'blue',
  changes_requested: 'yellow',
  approved: 'green',
  rejected: 'red',
  superseded: 'grey',
  withdrawn: 'grey',
}

export function stateTag(state: IndicatorState): Html {
  return tag({ text: STATE_LABELS[state], colour: STATE_COLOURS[state] })
}

export function day(d: Date | null): Html {
  return d ? html`<time datetime="${d.toISOString()}">${formatDateFa(d)}</time>` : html`—`
}

/** An ISO day (`yyyy-mm-dd`, a DATE column) in Jalali. */
export function isoDayFa(iso: string): Html {
  const [gy = 0, gm = 0, gd = 0] = iso.split('-').map(Number)
  return html`<time datetime="${iso}">${formatJalaliFa(gregorianToJalali(gy, gm, gd))}</time>`
}

/** A number in its unit: «۸۰ درصد», «۴٫۲ (امتیاز ۱ تا ۵)». */
export function amount(value: number, unit: Unit): string {
  const n = formatNumberFa(value)
  // A count is its number; «۰ تعداد» says nothing more.
  if (unit === 'count') return n
  return unit === 'percent' ? `${n}٪` : `${n} ${UNIT_LABELS[unit]}`
}

/** The targets of each year, baseline beside target. */
export function targetsTable(targets: readonly YearTarget[], unit: Unit, id: string): Html {
  if (targets.length === 0) return html`<p class="mr-body" id="${id}">${msg.noTargets}</p>`
  return table({
    caption: fieldMsg.targets.label,
    captionClasses: 'mr-table__caption--s',
    id,
    head: [{ text: 'سال' }, { text: 'مبنا' }, { text: 'هدف' }],
    rows: targets.map((t) => [
      { text: toPersianDigits(t.year) },
      { text: t.baseline === null ? msg.none : amount(t.baseline, unit), format: 'numeric' },
      { text: amount(t.target, unit), format: 'numeric' },
    ]),
  })
}

function scopeHtml(scope: readonly ScopeLine[]): Html {
  if (scope.length === 0) return html`${msg.wholeAgency}`
  return html`<ul class="mr-list mr-list--bullet">${scope.map(
    (s) =>
      html`<li>${s.slug ? html`<a class="mr-link" href="/services/${s.slug}">${s.title}</a>` : s.title}</li>`,
  )}</ul>`
}

const text = (t: string) => ({ html: html`<span class="mr-indicator-text">${t}</span>` })

/** Every field of a definition as a summary list (staff and public pages share it). */
export function definitionList(
  d: IndicatorDefinition,
  scope: readonly ScopeLine[],
  options: { methodVersion?: number; id?: string } = {},
): Html {
  const rows: SummaryListRow[] = [
    { key: { text: fieldMsg.definition.label }, value: text(d.definition) },
    { key: { text: fieldMsg.rationale.label }, value: text(d.rationale) },
    { key: { text: fieldMsg.category.label }, value: { text: CATEGORY_LABELS[d.category] } },
    { key: { text: fieldMsg.unit.label }, value: { text: UNIT_LABELS[d.unit] } },
    { key: { text: 'جهت بهتر' }, value: { text: DIRECTION_LABELS[d.direction] } },
    { key: { text: 'صورت کسر' }, value: text(d.numeratorFa) },
    { key: { text: 'مخرج کسر' }, value: { text: d.denominatorFa ?? msg.none } },
    { key: { text: fieldMsg.frequency.label }, value: { text: FREQUENCY_LABELS[d.frequency] } },
    { key: { text: 'شیوهٔ رسیدن مقدارها' }, value: { text: SOURCE_LABELS[d.source] } },
    {
      key: { text: fieldMsg.maxAgeDays.label },
      value: { text: formatNumberFa(d.maxAgeDays) },
    },
    { key: { text: 'محدودیت‌ها' }, value: d.limitations ? text(d.limitations) : { text: msg.none } },
    { key: { text: fieldMsg.scopeServiceIds.label }, value: { html: scopeHtml(scope) } },
  ]
  if (options.methodVersion !== undefined)
    rows.push({
      key: { text: msg.methodVersion },
      value: { text: formatNumberFa(options.methodVersion) },
    })
  return summaryList({ rows, ...(options.id ? { attributes: { id: options.id } } : {}) })
}
