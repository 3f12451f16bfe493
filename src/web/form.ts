import type { Context } from 'hono'
import type { z } from 'zod'
import { CSRF_FIELD } from './csrf.ts'
import type { FieldErrors } from './ui/field-errors.ts'

export type { FieldErrors }
export type FormValues = Record<string, string>

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: FormValues }

/** The submitted fields as strings (files and the CSRF token left out). */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true })
  const values: FormValues = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === CSRF_FIELD) continue
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string') values[key] = first
  }
  return values
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
