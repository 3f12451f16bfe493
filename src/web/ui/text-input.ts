import { html } from 'hono/html'
import { type FieldProps, fieldParts } from './field.ts'
import { attr, attrs, content, cx, empty, type Html, hasContent, type TextOrHtml } from './html.ts'

export type InputType = 'text' | 'email' | 'tel' | 'url' | 'number' | 'search' | 'password'
export type InputMode = 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | 'search' | 'none'

export interface TextInputProps extends FieldProps {
  type?: InputType
  value?: string | number
  inputmode?: InputMode
  autocomplete?: string
  pattern?: string
  spellcheck?: boolean
  maxlength?: number
  placeholder?: string
  /**
   * Direction of the typed value. Use `ltr` for codes, phone numbers, emails and URLs; the
   * label, hint and error stay right-to-left.
   */
  dir?: 'ltr' | 'rtl' | 'auto'
  /** Fixed text before/after the input (e.g. «ریال»), in reading order. */
  prefix?: TextOrHtml
  suffix?: TextOrHtml
}

/** A single-line text field with label, hint and inline error (govuk input). */
export function textInput(props: TextInputProps): Html {
  const f = fieldParts(props)
  const input = html`<input class="${cx('mr-input', f.hasError && 'mr-input--error', props.classes)}" id="${f.id}" name="${props.name}" type="${props.type ?? 'text'}"${attr('value', props.value)}${attr('inputmode', props.inputmode)}${attr('autocomplete', props.autocomplete)}${attr('pattern', props.pattern)}${attr('spellcheck', props.spellcheck === undefined ? undefined : String(props.spellcheck))}${attr('maxlength', props.maxlength)}${attr('placeholder', props.placeholder)}${attr('dir', props.dir)}${attr('aria-describedby', f.describedBy)}${attr('aria-invalid', f.hasError ? 'true' : undefined)}${attr('required', props.required)}${attr('disabled', props.disabled)}${attrs(props.attributes)}>`
  const hasAffix = hasContent(props.prefix) || hasContent(props.suffix)
  const control = hasAffix
    ? html`<div class="mr-input__wrapper">${hasContent(props.prefix) ? html`<div class="mr-input__prefix" aria-hidden="true">${content(props.prefix)}</div>` : empty}${input}${hasContent(props.suffix) ? html`<div class="mr-input__suffix" aria-hidden="true">${content(props.suffix)}</div>` : empty}</div>`
    : input
  return f.group(control)
}
