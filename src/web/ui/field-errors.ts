import type { ErrorMessageOption } from './field.ts'

/** Validation errors by field name (or field id), each a Persian message. */
export type FieldErrors = Record<string, string>

/** True when there is at least one error. */
export function hasErrors(errors: FieldErrors | undefined): boolean {
  return errors !== undefined && Object.keys(errors).length > 0
}

/**
 * The inline `errorMessage` option for a field, or `undefined` when it has none:
 * `textInput({ name: 'title', errorMessage: fieldError(errors, 'title'), … })`.
 */
export function fieldError(
  errors: FieldErrors | undefined,
  name: string,
): ErrorMessageOption | undefined {
  const text = errors?.[name]
  return text === undefined ? undefined : { text }
}

export interface ErrorSummaryItem {
  text: string
  /** `#<field id>`; omitted for errors not tied to a field. */
  href?: string
}

/**
 * The error summary's list from field errors, in the order given. By default each links to
 * `#<name>`; pass `ids` for fields whose first control has another id (a date input's
 * `<id>-day`, or a radio group's `idPrefix`).
 */
export function errorListFromFieldErrors(
  errors: FieldErrors,
  ids: Record<string, string> = {},
): ErrorSummaryItem[] {
  return Object.entries(errors).map(([name, text]) => ({ text, href: `#${ids[name] ?? name}` }))
}
