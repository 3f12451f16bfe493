import { html } from 'hono/html'
import { type FieldProps, fieldParts } from './field.ts'
import { type Attributes, attr, attrs, cx, type Html } from './html.ts'

export interface SelectItem {
  value: string
  text: string
  selected?: boolean
  disabled?: boolean
  attributes?: Attributes
}

export interface SelectProps extends FieldProps {
  items: SelectItem[]
  /** The selected value; overrides each item's `selected`. */
  value?: string
  autocomplete?: string
}

/** A drop-down list (govuk select). Prefer radios when there are few options. */
export function select(props: SelectProps): Html {
  const f = fieldParts(props)
  const options = props.items.map((item) => {
    const selected = props.value !== undefined ? item.value === props.value : item.selected
    return html`<option value="${item.value}"${attr('selected', selected)}${attr('disabled', item.disabled)}${attrs(item.attributes)}>${item.text}</option>`
  })
  return f.group(
    html`<select class="${cx('mr-select', f.hasError && 'mr-select--error', props.classes)}" id="${f.id}" name="${props.name}"${attr('autocomplete', props.autocomplete)}${attr('aria-describedby', f.describedBy)}${attr('aria-invalid', f.hasError ? 'true' : undefined)}${attr('required', props.required)}${attr('disabled', props.disabled)}${attrs(props.attributes)}>${options}</select>`,
  )
}
