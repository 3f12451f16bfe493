import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.ts'
import { normalizeFaInput, toAsciiDigits } from '../../lib/fa/index.ts'

// What the staff evaluation route modules share: the status a refused action is answered with,
// and reading numbers as staff type them.

/**
 * The status of a refusal the page re-renders with its message: 400 for bad input, 409 for a
 * state that forbids it (closed twice, answered already); null for anything else, which the
 * error handler answers (a 403 or 404 page in Persian, never a half-written result).
 */
export function refusalStatus(e: unknown): 400 | 409 | null {
  if (e instanceof ValidationError) return 400
  if (e instanceof ConflictError) return 409
  return null
}

/** An AppError's message, for the re-rendered form; ForbiddenError is left to the handler. */
export function isRefusal(e: unknown): e is AppError {
  return e instanceof AppError && !(e instanceof ForbiddenError) && refusalStatus(e) !== null
}

/** A number typed with Persian or Latin digits and «٫» or «.» as the decimal point; null if not one. */
export function typedNumber(s: string | undefined): number | null {
  if (s === undefined) return null
  const t = toAsciiDigits(normalizeFaInput(s)).trim().replace(/[٫/]/g, '.')
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null
}

/** A text field's length in characters (not UTF-16 units), trimmed. */
export function lengthOf(s: string | undefined): number {
  return [...(s ?? '').trim()].length
}
