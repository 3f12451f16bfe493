import { html } from 'hono/html'
import {
  button,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  insetText,
  textInput,
  warningText,
} from '../../../web/ui/index.ts'
import { staffMsg as msg } from '../evaluation-staff.messages.fa.ts'

/** `/admin/evaluation/method`: the central admin's method editor (issue 15 item 1). */

export interface MethodComponentRow {
  key: string
  nameFa: string
  lowerIsBetter: boolean
  unitFa: string
}

export interface MethodAdminView {
  csrfToken: string
  version: number
  frozen: boolean
  components: MethodComponentRow[]
  values: Record<string, string>
  errors: FieldErrors
}

/** A field name with a dot (`weight.publication`) is not a usable id in a CSS selector. */
export const fieldId = (name: string) => name.replace('.', '-')

function componentFields(v: MethodAdminView, c: MethodComponentRow): Html {
  const field = (kind: 'weight' | 'target' | 'minN', label: string, width: string) => {
    const name = `${kind}.${c.key}`
    return textInput({
      name,
      id: fieldId(name),
      label: { text: label, classes: 'mr-label--s' },
      classes: width,
      inputmode: kind === 'minN' ? 'numeric' : 'decimal',
      value: v.values[name] ?? '',
      errorMessage: fieldError(v.errors, fieldId(name)),
      ...(kind === 'target' ? { hint: { text: c.unitFa } } : {}),
    })
  }
  return html`<fieldset class="mr-fieldset" id="component-${c.key}">
    <legend class="mr-fieldset__legend mr-fieldset__legend--s">${c.nameFa} <span class="mr-hint-inline">(${c.lowerIsBetter ? msg.directionLower : msg.directionHigher})</span></legend>
    ${field('weight', msg.weight(c.nameFa), 'mr-input--width-4')}
    ${field('target', msg.target(c.nameFa), 'mr-input--width-5')}
    ${field('minN', msg.minN(c.nameFa), 'mr-input--width-5')}
  </fieldset>`
}

export function methodAdminPage(v: MethodAdminView): Html {
  // The weights' error belongs to no single field: it points at the first weight.
  const firstWeight = v.components[0] ? fieldId(`weight.${v.components[0].key}`) : 'nameFa'
  return html`${
    hasErrors(v.errors)
      ? errorSummary({ errorList: errorListFromFieldErrors(v.errors, { weights: firstWeight }) })
      : ''
  }<h1 class="mr-heading-l">${msg.methodTitle}</h1>
    <p class="mr-body">${msg.methodLead}</p>
    <p class="mr-body" id="method-version">${msg.methodVersion(v.version)}</p>
    ${
      v.frozen
        ? warningText({ text: msg.methodFrozen, attributes: { id: 'method-frozen' } })
        : v.version > 0
          ? insetText({ text: msg.methodEditable, id: 'method-editable' })
          : ''
    }
    <p class="mr-body"><a class="mr-link" href="/evaluation/method">${msg.links.method}</a> — <a class="mr-link" href="/admin/evaluation">${msg.links.back}</a></p>
    <form method="post" action="/admin/evaluation/method" id="method-form" novalidate>
      ${csrfField(v.csrfToken)}
      ${textInput({
        name: 'nameFa',
        label: { text: msg.methodName, classes: 'mr-label--s' },
        value: v.values.nameFa ?? '',
        errorMessage: fieldError(v.errors, 'nameFa'),
      })}
      ${v.errors.weights ? html`<p class="mr-error-message" id="weights-error"><span class="mr-visually-hidden">خطا:</span> ${v.errors.weights}</p>` : ''}
      ${v.components.map((c) => componentFields(v, c))}
      ${textInput({
        name: 'growthWeight',
        label: { text: msg.growthWeight, classes: 'mr-label--s' },
        hint: { text: msg.growthHint },
        classes: 'mr-input--width-4',
        inputmode: 'decimal',
        value: v.values.growthWeight ?? '',
        errorMessage: fieldError(v.errors, 'growthWeight'),
      })}
      ${textInput({
        name: 'minComparableShare',
        label: { text: msg.minShare, classes: 'mr-label--s' },
        hint: { text: msg.minShareHint },
        classes: 'mr-input--width-4',
        inputmode: 'decimal',
        value: v.values.minComparableShare ?? '',
        errorMessage: fieldError(v.errors, 'minComparableShare'),
      })}
      ${button({ text: msg.saveMethod })}
    </form>`
}
