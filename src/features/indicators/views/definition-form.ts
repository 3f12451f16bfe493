import { html } from 'hono/html'
import type { FormFields } from '../../../web/form.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  checkboxes,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  insetText,
  radios,
  select,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import { formErrorSummary } from '../../services/index.ts'
import { CATEGORIES, FREQUENCIES, type Source, UNITS } from '../indicator.model.ts'
import type { ServiceChoice } from '../indicator-pages.queries.ts'
import {
  CATEGORY_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  SOURCE_LABELS,
  UNIT_LABELS,
} from '../messages.fa.ts'
import { fieldMsg as f, pagesMsg as msg } from '../pages.messages.fa.ts'

export interface DefinitionFormView {
  csrfToken: string
  /** A new proposal's one-time token (web/form-once.ts); the edit form has none. */
  onceToken?: string
  /** The page's h1. */
  title: string
  /** A caption above the h1: the indicator's code when it exists. */
  caption: string
  lead: string
  action: string
  submitLabel: string
  backHref: string
  /** The version's revision the form was loaded at; absent for a new proposal. */
  revision?: number
  fields: FormFields
  errors: FieldErrors
  /** The agency's published services: the scope's choices. */
  services: ServiceChoice[]
  /** Said instead of the checkboxes when there is no service to choose. */
  scopeNone: string
  /** How values may arrive: an agency never chooses «computed by the portal». */
  sources: readonly Source[]
}

function value(fields: FormFields, name: string): string {
  const v = fields[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

function values(fields: FormFields, name: string): string[] {
  const v = fields[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

const placeholder = { value: '', text: 'انتخاب کنید' }

/** Every field of a definition with GOV.UK labels, hints and inline errors. */
export function definitionForm(v: DefinitionFormView): Html {
  const e = v.errors
  const val = (name: string) => value(v.fields, name)
  const scope =
    v.services.length === 0
      ? html`<div id="scopeServiceIds">${insetText({ text: v.scopeNone })}</div>`
      : checkboxes({
          name: 'scopeServiceIds',
          fieldset: {
            legend: { text: f.scopeServiceIds.label, classes: 'mr-fieldset__legend--s' },
          },
          hint: { text: f.scopeServiceIds.hint },
          items: v.services.map((s) => ({ value: s.id, text: s.title })),
          values: values(v.fields, 'scopeServiceIds'),
          errorMessage: fieldError(e, 'scopeServiceIds'),
          classes: 'mr-checkboxes--small',
        })
  return html`${formErrorSummary(e)}
    <div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <span class="mr-caption-l">${v.caption}</span>
    <h1 class="mr-heading-l">${v.title}</h1>
    <p class="mr-body">${v.lead}</p>
    <form method="post" action="${v.action}" novalidate id="definition-form">
      ${csrfField(v.csrfToken)}
      ${v.onceToken !== undefined ? formOnceField(v.onceToken) : ''}
      ${v.revision === undefined ? '' : html`<input type="hidden" name="revision" value="${String(v.revision)}">`}
      ${textInput({ name: 'nameFa', label: { text: f.nameFa.label, classes: 'mr-label--s' }, hint: { text: f.nameFa.hint }, value: val('nameFa'), errorMessage: fieldError(e, 'nameFa') })}
      ${textarea({ name: 'definition', label: { text: f.definition.label, classes: 'mr-label--s' }, hint: { text: f.definition.hint }, rows: 3, value: val('definition'), errorMessage: fieldError(e, 'definition') })}
      ${textarea({ name: 'rationale', label: { text: f.rationale.label, classes: 'mr-label--s' }, hint: { text: f.rationale.hint }, rows: 3, value: val('rationale'), errorMessage: fieldError(e, 'rationale') })}
      ${select({ name: 'category', label: { text: f.category.label, classes: 'mr-label--s' }, items: [placeholder, ...CATEGORIES.map((c) => ({ value: c, text: CATEGORY_LABELS[c] }))], value: val('category'), errorMessage: fieldError(e, 'category') })}
      ${select({ name: 'unit', label: { text: f.unit.label, classes: 'mr-label--s' }, hint: { text: f.unit.hint }, items: [placeholder, ...UNITS.map((u) => ({ value: u, text: UNIT_LABELS[u] }))], value: val('unit'), errorMessage: fieldError(e, 'unit') })}
      ${radios({ name: 'direction', fieldset: { legend: { text: f.direction.label, classes: 'mr-fieldset__legend--s' } }, items: (['higher', 'lower'] as const).map((d) => ({ value: d, text: DIRECTION_LABELS[d] })), value: val('direction'), errorMessage: fieldError(e, 'direction') })}
      ${textarea({ name: 'numeratorFa', label: { text: f.numeratorFa.label, classes: 'mr-label--s' }, hint: { text: f.numeratorFa.hint }, rows: 2, value: val('numeratorFa'), errorMessage: fieldError(e, 'numeratorFa') })}
      ${textarea({ name: 'denominatorFa', label: { text: f.denominatorFa.label, classes: 'mr-label--s' }, hint: { text: f.denominatorFa.hint }, rows: 2, value: val('denominatorFa'), errorMessage: fieldError(e, 'denominatorFa') })}
      ${radios({ name: 'frequency', fieldset: { legend: { text: f.frequency.label, classes: 'mr-fieldset__legend--s' } }, classes: 'mr-radios--inline', items: FREQUENCIES.map((q) => ({ value: q, text: FREQUENCY_LABELS[q] })), value: val('frequency'), errorMessage: fieldError(e, 'frequency') })}
      ${radios({ name: 'source', fieldset: { legend: { text: f.source.label, classes: 'mr-fieldset__legend--s' } }, items: v.sources.map((s) => ({ value: s, text: SOURCE_LABELS[s] })), value: val('source'), errorMessage: fieldError(e, 'source') })}
      ${textInput({ name: 'maxAgeDays', label: { text: f.maxAgeDays.label, classes: 'mr-label--s' }, hint: { text: f.maxAgeDays.hint }, inputmode: 'numeric', classes: 'mr-input--width-4', value: val('maxAgeDays'), errorMessage: fieldError(e, 'maxAgeDays') })}
      ${textarea({ name: 'limitations', label: { text: f.limitations.label, classes: 'mr-label--s' }, hint: { text: f.limitations.hint }, rows: 2, value: val('limitations'), errorMessage: fieldError(e, 'limitations') })}
      ${scope}
      ${textarea({ name: 'targets', label: { text: f.targets.label, classes: 'mr-label--s' }, hint: { text: f.targets.hint }, rows: 3, value: val('targets'), errorMessage: fieldError(e, 'targets') })}
      <div class="mr-button-group">
        ${button({ text: v.submitLabel })}
        <a class="mr-link" href="${v.backHref}">${msg.cancel}</a>
      </div>
    </form>
    </div></div>`
}
