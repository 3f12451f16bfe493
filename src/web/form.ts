import type { Context } from 'hono'
import type { z } from 'zod'
import { ValidationError } from '../lib/errors.ts'
import { sanitizeText, UNSAFE_TEXT_MESSAGE } from '../lib/fa/sanitize.ts'
import { CSRF_FIELD } from './csrf.ts'
import type { FieldErrors } from './ui/field-errors.ts'

export type { FieldErrors }
export type FormValues = Record<string, string>

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: FormValues }

/** A form with every value of every field (checkbox groups send several). */
export type FormFields = Record<string, string | string[]>

function sanitized(value: string): string {
  const r = sanitizeText(value)
  if (!r.ok) throw new ValidationError(UNSAFE_TEXT_MESSAGE[r.reason], {})
  return r.text
}

/**
 * The submitted form, every value of every field; files and the CSRF token left out. The body
 * has already passed the input boundary (`body.ts`: parsed, sanitised); the sanitiser runs again
 * here, idempotently, so a form read outside that middleware is no less safe.
 */
export async function readFields(c: Context): Promise<FormFields> {
  let body: Awaited<ReturnType<typeof c.req.parseBody>>
  try {
    body = await c.req.parseBody({ all: true })
  } catch {
    throw new ValidationError('فرم فرستاده‌شده خوانا نیست.', {})
  }
  const fields: FormFields = {}
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue
    const strings = (Array.isArray(value) ? value : [value])
      .filter((v): v is string => typeof v === 'string')
      .map(sanitized)
    if (strings.length === 1 && !Array.isArray(value)) fields[name] = strings[0] ?? ''
    else if (strings.length > 0) fields[name] = strings
  }
  return fields
}

/** A form's first value of each field, as plain strings. */
export function plainValues(fields: FormFields): FormValues {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]),
  )
}

/** The submitted fields as strings, the first value of each (files and the CSRF token left out). */
export async function readForm(c: Context): Promise<FormValues> {
  return plainValues(await readFields(c))
}

/** Zod issues → one Persian message per field (the first), keyed by the field's path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form'
    errors[key] ??= issue.message
  }
  return errors
}

/** Validates submitted values; expected failures come back as values, never thrown. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): FormResult<z.output<S>> {
  const parsed = schema.safeParse(values)
  if (parsed.success) return { ok: true, data: parsed.data }
  return { ok: false, errors: fieldErrorsOf(parsed.error), values }
}
