import { html } from 'hono/html'
import type { FormFields } from '../../../web/form.ts'
import {
  button,
  checkboxes,
  type FieldErrors,
  fieldError,
  fieldset,
  type Html,
  radios,
  select,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import { BASE_PREFIX, type FormSection } from '../editor.model.ts'
import {
  AUDIENCE_LONG_LABELS,
  editorMsg as em,
  LEVEL_LABELS,
  LIFE_EVENT_LABELS,
  NATURE_LABELS,
  SECTION_LABELS,
  TIME_UNIT_LABELS,
  TRIGGER_LABELS,
} from '../messages.fa.ts'
import {
  AUDIENCES,
  LIFE_EVENTS,
  NATURES,
  SERVICE_LEVELS,
  TIME_UNITS,
  TRIGGERS,
} from '../service.model.ts'
import {
  type DraftStamp,
  fieldValue,
  fieldValues,
  formErrorSummary,
  formStart,
  hiddenFields,
} from './editor-common.ts'

export interface SectionFormView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  section: FormSection
  stamp: DraftStamp
  values: FormFields
  errors: FieldErrors
}

type Fields = (v: FormFields, e: FieldErrors) => Html

const legend = (text: string) => ({ legend: { text, classes: 'mr-fieldset__legend--s' } })
const label = (text: string) => ({ text, classes: 'mr-label--s' })

/** Radios that can also be left unset (the card allows "not stated" until publishing). */
function optionalRadios(
  name: string,
  title: string,
  options: readonly string[],
  labels: Record<string, string>,
  v: FormFields,
  e: FieldErrors,
): Html {
  return radios({
    name,
    fieldset: legend(title),
    value: fieldValue(v, name),
    errorMessage: fieldError(e, name),
    items: [
      ...options.map((o) => ({ value: o, text: labels[o] ?? o })),
      { divider: 'یا' },
      { value: '', text: em.noneOption },
    ],
  })
}

const basics: Fields = (v, e) => html`
  ${textInput({ name: 'title', label: label(em.fieldTitle), hint: { text: em.fieldTitleHint }, value: fieldValue(v, 'title'), errorMessage: fieldError(e, 'title') })}
  ${textarea({ name: 'popularNames', label: label(em.popularNames), hint: { text: em.onePerLine }, rows: 3, value: fieldValue(v, 'popularNames'), errorMessage: fieldError(e, 'popularNames') })}
  ${textarea({ name: 'summary', label: label(em.summary), hint: { text: em.summaryHint }, rows: 2, value: fieldValue(v, 'summary'), errorMessage: fieldError(e, 'summary') })}
  ${textarea({ name: 'description', label: label(em.description), rows: 8, value: fieldValue(v, 'description'), errorMessage: fieldError(e, 'description') })}
  ${textarea({ name: 'keywords', label: label(em.keywords), hint: { text: em.onePerLine }, rows: 3, value: fieldValue(v, 'keywords'), errorMessage: fieldError(e, 'keywords') })}`

const classification: Fields = (v, e) => html`
  ${checkboxes({
    name: 'audiences',
    fieldset: legend(em.audiences),
    values: fieldValues(v, 'audiences'),
    errorMessage: fieldError(e, 'audiences'),
    items: AUDIENCES.map((a) => ({ value: a, text: AUDIENCE_LONG_LABELS[a] })),
  })}
  ${optionalRadios('nature', em.nature, NATURES, NATURE_LABELS, v, e)}
  ${optionalRadios('level', em.level, SERVICE_LEVELS, LEVEL_LABELS, v, e)}
  ${checkboxes({
    name: 'lifeEvents',
    fieldset: legend(em.lifeEvents),
    classes: 'mr-checkboxes--small',
    values: fieldValues(v, 'lifeEvents'),
    errorMessage: fieldError(e, 'lifeEvents'),
    items: LIFE_EVENTS.map((l) => ({ value: l, text: LIFE_EVENT_LABELS[l] })),
  })}
  ${optionalRadios('trigger', em.trigger, TRIGGERS, TRIGGER_LABELS, v, e)}`

const numberInput = (name: string, text: string, v: FormFields, e: FieldErrors, hint?: string) =>
  textInput({
    name,
    label: label(text),
    ...(hint ? { hint: { text: hint } } : {}),
    value: fieldValue(v, name),
    inputmode: 'numeric',
    classes: 'mr-input--width-5',
    errorMessage: fieldError(e, name),
  })

const ltrInput = (
  name: string,
  text: string,
  type: 'tel' | 'email' | 'url' | 'text',
  v: FormFields,
  e: FieldErrors,
) =>
  textInput({
    name,
    type,
    label: label(text),
    value: fieldValue(v, name),
    dir: 'ltr',
    spellcheck: false,
    classes: 'mr-input--width-20',
    errorMessage: fieldError(e, name),
  })

const details: Fields = (v, e) => html`
  ${fieldset({
    ...legend(em.frequency),
    html: html`${radios({
      name: 'frequencyKind',
      value: fieldValue(v, 'frequencyKind'),
      errorMessage: fieldError(e, 'frequencyKind'),
      items: [
        { value: 'once', text: em.frequencyOnce },
        { value: 'per_period', text: em.frequencyPerPeriod },
        { value: 'as_needed', text: em.frequencyAsNeeded },
        { divider: 'یا' },
        { value: '', text: em.noneOption },
      ],
    })}
    ${numberInput('frequencyTimes', em.frequencyTimes, v, e)}
    ${radios({
      name: 'frequencyPer',
      classes: 'mr-radios--inline',
      fieldset: { legend: { text: em.frequencyPer } },
      value: fieldValue(v, 'frequencyPer'),
      errorMessage: fieldError(e, 'frequencyPer'),
      items: [
        { value: 'month', text: em.perMonth },
        { value: 'year', text: em.perYear },
      ],
    })}`,
  })}
  ${numberInput('inPersonVisits', em.inPersonVisits, v, e, em.inPersonVisitsHint)}
  ${textarea({ name: 'eligibility', label: label(em.eligibility), rows: 4, value: fieldValue(v, 'eligibility'), errorMessage: fieldError(e, 'eligibility') })}
  ${textarea({ name: 'output', label: label(em.output), hint: { text: em.outputHint }, rows: 2, value: fieldValue(v, 'output'), errorMessage: fieldError(e, 'output') })}
  ${textarea({ name: 'redress', label: label(em.redress), rows: 3, value: fieldValue(v, 'redress'), errorMessage: fieldError(e, 'redress') })}
  ${fieldset({
    ...legend(em.contactHeading),
    html: html`${ltrInput('contactPhone', em.contactPhone, 'tel', v, e)}
      ${ltrInput('contactEmail', em.contactEmail, 'email', v, e)}
      ${ltrInput('contactUrl', em.contactUrl, 'url', v, e)}`,
  })}
  ${textInput({
    name: 'nationalServiceCode',
    label: label(em.nationalServiceCode),
    hint: { text: em.nationalServiceCodeHint },
    value: fieldValue(v, 'nationalServiceCode'),
    inputmode: 'numeric',
    dir: 'ltr',
    classes: 'mr-input--width-20',
    errorMessage: fieldError(e, 'nationalServiceCode'),
  })}`

const time: Fields = (v, e) => html`
  ${radios({
    name: 'timeKind',
    fieldset: legend(em.timeKind),
    value: fieldValue(v, 'timeKind'),
    errorMessage: fieldError(e, 'timeKind'),
    items: [
      { value: 'fixed', text: em.timeFixed },
      { value: 'up_to', text: em.timeUpTo },
      { value: 'between', text: em.timeBetween },
      { divider: 'یا' },
      { value: '', text: em.noneOption },
    ],
  })}
  ${numberInput('timeValue', em.timeValue, v, e)}
  ${numberInput('timeMin', em.timeMin, v, e)}
  ${numberInput('timeMax', em.timeMax, v, e)}
  ${select({
    name: 'timeUnit',
    label: label(em.timeUnit),
    value: fieldValue(v, 'timeUnit'),
    errorMessage: fieldError(e, 'timeUnit'),
    items: [
      { value: '', text: em.chooseOne },
      ...TIME_UNITS.map((u) => ({ value: u, text: TIME_UNIT_LABELS[u] })),
    ],
  })}`

const FIELDS: Record<FormSection, Fields> = { basics, classification, details, time }

/** The fields of a section form, without the form around them. */
export function sectionFields(section: FormSection, values: FormFields, errors: FieldErrors): Html {
  return FIELDS[section](values, errors)
}

export function sectionFormPage(v: SectionFormView): Html {
  const action = `/admin/services/${v.serviceId}/edit/${v.section}`
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${formErrorSummary(v.errors)}
    <span class="mr-caption-l">${v.serviceTitle || em.untitled}</span>
    <h1 class="mr-heading-l">${SECTION_LABELS[v.section]}</h1>
    <p class="mr-body">${em.revisionHint}</p>
    <form method="post" action="${action}" novalidate>
      ${formStart(v.csrfToken, v.stamp)}
      ${hiddenFields(Object.fromEntries(Object.entries(v.values).filter(([k]) => k.startsWith(BASE_PREFIX))))}
      ${sectionFields(v.section, v.values, v.errors)}
      ${button({ text: em.save })}
    </form>
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${em.backToService}</a></p>
  </div></div>`
}
