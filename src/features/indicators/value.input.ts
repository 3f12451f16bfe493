import { z } from 'zod'
import { normalizeFaInput, toAsciiDigits } from '../../lib/fa/index.ts'
import { parseNumberFa } from './indicator.input.ts'
import { valuesMsg as msg } from './messages.fa.ts'
import { parsePeriod } from './period.ts'
import type { ValueInput } from './value.model.ts'

/** `۱۴۰۵-q2`, ` 1405-07 `: Persian digits and case forgiven; the key as stored, or refused. */
export const periodField = z
  .string({ error: msg.period })
  .transform((s) => toAsciiDigits(normalizeFaInput(s)).trim().toUpperCase())
  .refine((s) => parsePeriod(s) !== null, msg.period)

const optionalText = (max: number, message: string) =>
  z
    .string()
    .nullish()
    .transform((s) => normalizeFaInput(s ?? '').trim())
    .pipe(z.string().max(max, message))
    .transform((s) => (s === '' ? null : s))

const typedNumber = (message: string) =>
  z
    .string({ error: message })
    .transform((s) => parseNumberFa(s))
    .pipe(z.number({ error: message }).finite(message))

const optionalTypedNumber = (message: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : parseNumberFa(s)))
    .refine((n) => n === null || Number.isFinite(n), message)

/** A denominator is positive: 0 gets its own message (the formula does not exist), <0 is refused. */
const positiveDenominator = (n: number | null, ctx: z.RefinementCtx) => {
  if (n === null || n > 0) return
  ctx.addIssue({ code: 'custom', message: n === 0 ? msg.zeroDenominator : msg.denominatorNeeded })
}

/** The value form on the indicator page (numbers typed with Persian or Latin digits). */
export const valueForm = z.object({
  period: periodField,
  numerator: typedNumber(msg.numerator),
  denominator: optionalTypedNumber(msg.denominatorNeeded).superRefine(positiveDenominator),
  note: optionalText(2000, msg.note),
  evidenceNote: optionalText(4000, msg.evidenceNote),
}) satisfies z.ZodType<ValueInput>

/** `POST /api/v1/indicators/{code}/values`: JSON numbers. */
export const valueBody = z.object({
  period: periodField,
  numerator: z.number({ error: msg.numerator }).finite(msg.numerator),
  denominator: z
    .number()
    .finite()
    .nullish()
    .transform((n) => n ?? null)
    .superRefine(positiveDenominator),
  note: optionalText(2000, msg.note),
  evidenceNote: optionalText(4000, msg.evidenceNote),
}) satisfies z.ZodType<ValueInput>

/** The centre's answer to a submitted period. */
export const periodDecisionForm = z.object({
  decision: z.enum(['accept', 'return'], { error: msg.returnReason }),
  comment: optionalText(4000, msg.returnReason),
})
