/**
 * What text-input, textarea, select and password-input share: the form group, label, hint and
 * inline error, and the `aria-describedby` wiring between them (hint id `<id>-hint`, error id
 * `<id>-error`).
 */
import { html } from 'hono/html'
import { errorMessage } from './error-message.ts'
import { hint } from './hint.ts'
import {
  type Attributes,
  attrs,
  cx,
  empty,
  type Html,
  hasContent,
  ids,
  type TextOrHtml,
} from './html.ts'
import { type LabelProps, label } from './label.ts'

export interface HintOption extends TextOrHtml {
  classes?: string
  attributes?: Attributes
}

export interface ErrorMessageOption extends TextOrHtml {
  classes?: string
  attributes?: Attributes
  visuallyHiddenText?: string
}

export interface FormGroupOption {
  classes?: string
  attributes?: Attributes
}

/** Options common to every single-control field. */
export interface FieldProps {
  /** Defaults to `name`; the error summary links to `#<id>`. */
  id?: string
  name: string
  label: Omit<LabelProps, 'for'>
  hint?: HintOption
  /** An inline error; also sets `aria-invalid` and the error styles. */
  errorMessage?: ErrorMessageOption | false
  formGroup?: FormGroupOption
  /** Extra ids for `aria-describedby`, before the hint and error ids. */
  describedBy?: string
  disabled?: boolean
  required?: boolean
  /** Classes for the control itself. */
  classes?: string
  /** Attributes for the control itself. */
  attributes?: Attributes
}

export interface FieldParts {
  id: string
  hasError: boolean
  describedBy: string | undefined
  /** Label, hint and error message, in that order. */
  top: Html
  /** Wraps the control (and `top`) in the form group. */
  group: (inner: Html, extraClasses?: string) => Html
}

/** Resolves ids and renders the parts around a control. */
export function fieldParts(props: FieldProps): FieldParts {
  const id = props.id ?? props.name
  const hintId = hasContent(props.hint) ? `${id}-hint` : undefined
  const error =
    props.errorMessage && hasContent(props.errorMessage) ? props.errorMessage : undefined
  const errorId = error ? `${id}-error` : undefined
  const top = html`${label({ ...props.label, for: id })}${
    props.hint && hintId ? hint({ ...props.hint, id: hintId }) : empty
  }${error && errorId ? errorMessage({ ...error, id: errorId }) : empty}`
  const formGroup = props.formGroup
  return {
    id,
    hasError: error !== undefined,
    describedBy: ids(props.describedBy, hintId, errorId),
    top,
    group: (inner, extraClasses) =>
      html`<div class="${cx('mr-form-group', extraClasses, error && 'mr-form-group--error', formGroup?.classes)}"${attrs(formGroup?.attributes)}>${top}${inner}</div>`,
  }
}
