import { z } from 'zod'
import { toAsciiDigits, toPersianDigits } from '../lib/fa/digits.ts'
import { normalizeFaInput } from '../lib/fa/normalize.ts'

/**
 * Zod building blocks for form and API fields, with the Persian messages a
 * person sees beside the field. Text is normalised (ی/ک, stray ZWNJ, bidi marks)
 * in the schema, so unnormalised text never reaches the database.
 */

// Fallback messages for anything not given an explicit one below.
z.config(z.locales.fa())

const normalized = z.string().transform((s) => normalizeFaInput(s))

/**
 * Required text of `min`–`max` characters after normalisation, so text that normalises to
 * nothing (a lone bidi control, ZWSP or tatweel) is "not given". Keep `min` and `max` equal to
 * the column's CHECK constraint: test/schema-constraints.test.ts compares them.
 */
export function requiredText(label: string, max = 200, min = 1) {
  return normalized.pipe(
    z
      .string()
      .min(1, `${label} را وارد کنید.`)
      .min(min, `${label} باید دست‌کم ${toPersianDigits(min)} نویسه باشد.`)
      .max(max, `${label} نباید بیش از ${toPersianDigits(max)} نویسه باشد.`),
  )
}

/** Empty input becomes null, so "cleared" and "never given" are the same fact. */
export function optionalText(label: string, max = 500) {
  return z
    .string()
    .optional()
    .nullable()
    .transform((s) => (s ? normalizeFaInput(s) : ''))
    .pipe(z.string().max(max, `${label} نباید بیش از ${toPersianDigits(max)} نویسه باشد.`))
    .transform((s) => (s === '' ? null : s))
}

function optionalMatching(label: string, test: (value: string) => boolean, message: string) {
  return z
    .string()
    .optional()
    .nullable()
    .transform((s) => (s ? toAsciiDigits(normalizeFaInput(s)) : ''))
    .refine((s) => s === '' || test(s), `${label} ${message}`)
    .transform((s) => (s === '' ? null : s))
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** The longest URL we keep: the link checker's `link_checks.target` holds at most this. */
export const MAX_URL_LENGTH = 2048

export function optionalUrl(label: string) {
  return optionalMatching(
    label,
    isWebUrl,
    'باید نشانی کامل وب باشد، مانند https://www.example.ir',
  ).refine(
    (s) => s === null || s.length <= MAX_URL_LENGTH,
    `${label} نباید بیش از ${toPersianDigits(MAX_URL_LENGTH)} نویسه باشد.`,
  )
}

export function optionalEmail(label: string) {
  return optionalMatching(
    label,
    (s) => z.email().safeParse(s).success,
    'باید نشانی رایانامهٔ درست باشد، مانند info@example.ir',
  )
}

// Landlines with area code (021-12345678, 02112345678) and mobiles (09121234567).
const PHONE = /^(0\d{2,3}-?\d{7,8}|09\d{9})$/

export function optionalPhone(label: string) {
  return optionalMatching(
    label,
    (s) => PHONE.test(s.replace(/\s/g, '')),
    'باید شمارهٔ تلفن با پیش‌شماره باشد، مانند ۰۲۱-۸۸۸۸۸۸۸۸',
  )
}

/** A choice among known values, with a Persian message when nothing (or something else) is chosen. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message })
}
