import { html } from 'hono/html'
import { type FieldProps, fieldParts } from './field.ts'
import { attr, attrs, cx, type Html } from './html.ts'

export interface TextareaProps extends FieldProps {
  value?: string
  rows?: number
  autocomplete?: string
  spellcheck?: boolean
  maxlength?: number
  dir?: 'ltr' | 'rtl' | 'auto'
}

/** A multi-line text field (govuk textarea). */
export function textarea(props: TextareaProps): Html {
  const f = fieldParts(props)
  return f.group(
    html`<textarea class="${cx('mr-textarea', f.hasError && 'mr-textarea--error', props.classes)}" id="${f.id}" name="${props.name}" rows="${props.rows ?? 5}"${attr('autocomplete', props.autocomplete)}${attr('spellcheck', props.spellcheck === undefined ? undefined : String(props.spellcheck))}${attr('maxlength', props.maxlength)}${attr('dir', props.dir)}${attr('aria-describedby', f.describedBy)}${attr('aria-invalid', f.hasError ? 'true' : undefined)}${attr('required', props.required)}${attr('disabled', props.disabled)}${attrs(props.attributes)}>${props.value ?? ''}</textarea>`,
  )
}
