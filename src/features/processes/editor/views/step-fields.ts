import { html } from 'hono/html'
import type { FormFields } from '../../../../web/form.ts'
import {
  checkboxes,
  type FieldErrors,
  fieldError,
  fieldset,
  type Html,
  radios,
  select,
  textarea,
  textInput,
} from '../../../../web/ui/index.ts'
import {
  ACTORS,
  CHANNELS,
  fieldValue,
  fieldValues,
  STEP_KINDS,
  STEP_TIME_UNITS,
} from '../../../services/index.ts'
import { ACTOR_LABELS, CHANNEL_LABELS, STEP_UNIT_LABELS } from '../../messages.fa.ts'
import { processEditorMsg as m, STEP_KIND_LABELS } from '../messages.fa.ts'

/** What the step form offers to choose from, with labels. */
export interface StepFormOptions {
  /** The card's document names. */
  documents: string[]
  /** The card's fee descriptions. */
  fees: string[]
  /** The card's legal bases (and the step's own), by `legalBasisKey`. */
  legalBases: { key: string; label: string }[]
  variants: { id: string; label: string }[]
  /** The add form's «after which step?» choices; null on the edit form. */
  after: { id: string; label: string }[] | null
  /** For the links to the card's documents and fees sections. */
  serviceId: string
}

const label = (text: string) => ({ text, classes: 'mr-label--s' })
const legend = (text: string) => ({ legend: { text, classes: 'mr-fieldset__legend--s' } })

/** Checkboxes for the card's items, keeping any ticked one the card no longer lists. */
function itemChoices(
  name: 'documents' | 'fees',
  title: string,
  available: string[],
  v: FormFields,
  e: FieldErrors,
  empty: Html,
  missing: (s: string) => string,
): Html {
  const ticked = fieldValues(v, name)
  const gone = ticked.filter((s) => !available.includes(s))
  if (available.length === 0 && gone.length === 0)
    return fieldset({
      ...legend(title),
      html: html`<p class="mr-body mr-secondary-text" id="${name}-none">${empty}</p>`,
    })
  return checkboxes({
    name,
    fieldset: legend(title),
    values: ticked,
    errorMessage: fieldError(e, name),
    items: [
      ...available.map((s) => ({ value: s, text: s })),
      ...gone.map((s) => ({ value: s, text: missing(s) })),
    ],
  })
}

/** The fields of a step: title, kind, actor, unit, description, time, and what it uses. */
export function stepFields(v: FormFields, e: FieldErrors, o: StepFormOptions): Html {
  const section = (s: string) => `/admin/services/${o.serviceId}/edit/${s}`
  return html`${textInput({
    name: 'title',
    label: label(m.title),
    hint: { text: m.titleHint },
    value: fieldValue(v, 'title'),
    errorMessage: fieldError(e, 'title'),
  })}
  ${radios({
    name: 'kind',
    fieldset: legend(m.kind),
    value: fieldValue(v, 'kind'),
    errorMessage: fieldError(e, 'kind'),
    items: STEP_KINDS.map((k) => ({ value: k, text: STEP_KIND_LABELS[k] })),
  })}
  ${radios({
    name: 'actor',
    fieldset: legend(m.actor),
    value: fieldValue(v, 'actor'),
    errorMessage: fieldError(e, 'actor'),
    items: ACTORS.map((a) => ({ value: a, text: ACTOR_LABELS[a] })),
  })}
  ${textInput({
    name: 'unit',
    label: label(m.unit),
    hint: { text: m.unitHint },
    value: fieldValue(v, 'unit'),
    errorMessage: fieldError(e, 'unit'),
  })}
  ${textarea({
    name: 'description',
    label: label(m.description),
    rows: 3,
    value: fieldValue(v, 'description'),
    errorMessage: fieldError(e, 'description'),
  })}
  ${durationFields(v, e)}
  ${select({
    name: 'channel',
    label: label(m.channel),
    value: fieldValue(v, 'channel'),
    errorMessage: fieldError(e, 'channel'),
    items: [
      { value: '', text: m.noneChosen },
      ...CHANNELS.map((c) => ({ value: c, text: CHANNEL_LABELS[c] })),
    ],
  })}
  ${checkboxes({
    name: 'requiresAttendance',
    fieldset: legend(m.attendance),
    values: fieldValues(v, 'requiresAttendance'),
    errorMessage: fieldError(e, 'requiresAttendance'),
    items: [{ value: 'yes', text: m.requiresAttendance }],
  })}
  ${itemChoices(
    'documents',
    m.documents,
    o.documents,
    v,
    e,
    html`${m.documentsNone} <a class="mr-link" href="${section('documents')}">مدارک لازم</a>`,
    m.documentMissing,
  )}
  ${itemChoices(
    'fees',
    m.fees,
    o.fees,
    v,
    e,
    html`${m.feesNone} <a class="mr-link" href="${section('fees')}">هزینه‌ها</a>`,
    m.feeMissing,
  )}
  ${select({
    name: 'legalBasis',
    label: label(m.legalBasis),
    hint: { text: m.legalBasisHint },
    value: fieldValue(v, 'legalBasis'),
    errorMessage: fieldError(e, 'legalBasis'),
    items: [
      { value: '', text: m.noneChosen },
      ...o.legalBases.map((b) => ({ value: b.key, text: b.label })),
    ],
  })}
  ${
    o.variants.length > 0 || fieldValue(v, 'variant') !== ''
      ? select({
          name: 'variant',
          label: label(m.variant),
          hint: { text: m.variantHint },
          value: fieldValue(v, 'variant'),
          errorMessage: fieldError(e, 'variant'),
          items: [
            { value: '', text: m.allCases },
            ...o.variants.map((x) => ({ value: x.id, text: x.label })),
          ],
        })
      : ''
  }
  ${
    o.after && o.after.length > 0
      ? select({
          name: 'after',
          label: label(m.after),
          hint: { text: m.afterHint },
          value: fieldValue(v, 'after'),
          errorMessage: fieldError(e, 'after'),
          items: [
            { value: '', text: m.afterNone },
            ...o.after.map((s) => ({ value: s.id, text: s.label })),
          ],
        })
      : ''
  }
  ${
    o.after && o.after.length > 0
      ? textInput({
          name: 'afterLabel',
          label: label(m.afterLabel),
          hint: { text: m.afterLabelHint },
          value: fieldValue(v, 'afterLabel'),
          errorMessage: fieldError(e, 'afterLabel'),
        })
      : ''
  }`
}

function durationFields(v: FormFields, e: FieldErrors): Html {
  return fieldset({
    legend: { text: m.durationHeading, classes: 'mr-fieldset__legend--s' },
    describedBy: 'duration-hint',
    classes: 'mr-process-duration',
    html: html`<div class="mr-hint" id="duration-hint">${m.durationHint}</div>
      <div class="mr-process-duration__fields">
      ${textInput({
        name: 'durationMin',
        label: label(m.durationMin),
        value: fieldValue(v, 'durationMin'),
        inputmode: 'decimal',
        classes: 'mr-input--width-5',
        errorMessage: fieldError(e, 'durationMin'),
      })}
      ${textInput({
        name: 'durationMax',
        label: label(m.durationMax),
        value: fieldValue(v, 'durationMax'),
        inputmode: 'decimal',
        classes: 'mr-input--width-5',
        errorMessage: fieldError(e, 'durationMax'),
      })}
      ${select({
        name: 'durationUnit',
        label: label(m.durationUnit),
        value: fieldValue(v, 'durationUnit'),
        errorMessage: fieldError(e, 'durationUnit'),
        items: [
          { value: '', text: m.chooseOne },
          ...STEP_TIME_UNITS.map((u) => ({ value: u, text: STEP_UNIT_LABELS[u] })),
        ],
      })}
      </div>`,
  })
}
