import { html } from 'hono/html'
import { errorMessage } from './error-message.ts'
import type { ErrorMessageOption, FormGroupOption, HintOption } from './field.ts'
import { fieldset, type LegendProps } from './fieldset.ts'
import { hint } from './hint.ts'
import { type Attributes, attr, attrs, cx, empty, type Html, hasContent, ids } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export type DatePart = 'day' | 'month' | 'year'

export interface DateInputItem {
  part: DatePart
  /** Defaults روز / ماه / سال. */
  label?: string
  /** Defaults to `<namePrefix>-<part>`. */
  name?: string
  value?: string
  autocomplete?: string
  classes?: string
  attributes?: Attributes
}

export interface DateInputProps {
  /** The fieldset's id; each field's id is `<id>-<part>` (the error summary links to `#<id>-day`). */
  id: string
  /** Defaults to `id`; the fields are named `<namePrefix>-day`, `-month`, `-year`. */
  namePrefix?: string
  /** The submitted values, kept on re-render. */
  values?: Partial<Record<DatePart, string>>
  /** Defaults to day, month, year (in RTL, day sits rightmost as in «۱۴۰۴/۰۷/۰۳»). */
  items?: DateInputItem[]
  fieldset?: { legend?: LegendProps; classes?: string; attributes?: Attributes }
  hint?: HintOption
  errorMessage?: ErrorMessageOption | false
  /** Which fields to highlight when there is an error; defaults to all three. */
  errorParts?: DatePart[]
  formGroup?: FormGroupOption
  describedBy?: string
  classes?: string
  attributes?: Attributes
}

const PART_LABELS: Record<DatePart, string> = {
  day: m.dateDay,
  month: m.dateMonth,
  year: m.dateYear,
}
const PART_WIDTH: Record<DatePart, string> = {
  day: 'mr-input--width-2',
  month: 'mr-input--width-2',
  year: 'mr-input--width-4',
}

/** A Jalali date as three number fields, روز / ماه / سال (govuk date-input). */
export function dateInput(props: DateInputProps): Html {
  const namePrefix = props.namePrefix ?? props.id
  const hintId = hasContent(props.hint) ? `${props.id}-hint` : undefined
  const error =
    props.errorMessage && hasContent(props.errorMessage) ? props.errorMessage : undefined
  const errorId = error ? `${props.id}-error` : undefined
  const errorParts = props.errorParts ?? ['day', 'month', 'year']
  const items = props.items ?? [{ part: 'day' }, { part: 'month' }, { part: 'year' }]
  const fields = items.map((item) => {
    const id = `${props.id}-${item.part}`
    const value = item.value ?? props.values?.[item.part]
    const invalid = error !== undefined && errorParts.includes(item.part)
    return html`<div class="mr-date-input__item"><div class="mr-form-group"><label class="mr-label mr-date-input__label" for="${id}">${item.label ?? PART_LABELS[item.part]}</label><input class="${cx('mr-input', 'mr-date-input__input', PART_WIDTH[item.part], invalid && 'mr-input--error', item.classes)}" id="${id}" name="${item.name ?? `${namePrefix}-${item.part}`}" type="text" inputmode="numeric" dir="ltr"${attr('value', value)}${attr('autocomplete', item.autocomplete)}${attr('aria-invalid', invalid ? 'true' : undefined)}${attrs(item.attributes)}></div></div>`
  })
  const inner = html`${props.hint && hintId ? hint({ ...props.hint, id: hintId }) : empty}${
    error && errorId ? errorMessage({ ...error, id: errorId }) : empty
  }<div class="${cx('mr-date-input', props.classes)}" id="${props.id}"${attrs(props.attributes)}>${fields}</div>`
  const describedBy = ids(props.describedBy, hintId, errorId)
  return html`<div class="${cx('mr-form-group', error && 'mr-form-group--error', props.formGroup?.classes)}"${attrs(props.formGroup?.attributes)}>${fieldset(
    { ...props.fieldset, role: 'group', describedBy, html: inner },
  )}</div>`
}
