import { z } from 'zod'
import { parseJalaliDateInput, toAsciiDigits } from '../../lib/fa/index.ts'
import { requiredText } from '../../web/fields.ts'
import { msg } from './messages.fa.ts'

const part = z.string().optional().default('')

// A directive of the Islamic Republic cannot predate it; far-future years are typing slips.
const MIN_YEAR = 1358
const MAX_YEAR = 1450

/** The three-field date input (`directiveDate-day`, `-month`, `-year`) → a Jalali day. */
export const directiveDateInput = z
  .object({ 'directiveDate-day': part, 'directiveDate-month': part, 'directiveDate-year': part })
  .transform((v, ctx) => {
    const parsed = parseJalaliDateInput(
      v['directiveDate-year'],
      v['directiveDate-month'],
      v['directiveDate-day'],
    )
    if (!parsed.ok) {
      const message =
        parsed.reason === 'missing'
          ? msg.directiveDateMissing
          : parsed.reason === 'not-a-number'
            ? msg.directiveDateNotNumber
            : msg.directiveDateInvalid
      ctx.addIssue({ code: 'custom', path: ['directiveDate'], message })
      return z.NEVER
    }
    if (parsed.value.jy < MIN_YEAR || parsed.value.jy > MAX_YEAR) {
      ctx.addIssue({ code: 'custom', path: ['directiveDate'], message: msg.directiveDateRange })
      return z.NEVER
    }
    return parsed.value
  })

export const centralBodyNameInput = z.object({
  centralBodyName: requiredText(msg.centralBodyName, 200),
})

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .transform((s) => toAsciiDigits(s.trim()))
    .pipe(
      z
        .string()
        .regex(/^\d{1,3}$/, message)
        .transform(Number),
    )
    .pipe(z.number().int().min(min, message).max(max, message))

/** The review cycle in months and the two warnings, in days before the due date. */
export const reviewPolicyInput = z
  .object({
    cycleMonths: whole(6, 60, msg.cycleMonths),
    dueSoonDays: whole(1, 365, msg.warningDays),
    dueDays: whole(1, 365, msg.warningDays),
  })
  .refine((p) => p.dueDays < p.dueSoonDays, { path: ['dueDays'], message: msg.warningOrder })

/** The minimum n of public feedback figures (Persian or ASCII digits). */
export const feedbackMinNInput = z.object({
  feedbackMinN: z
    .string()
    .transform((s) => toAsciiDigits(s.trim()))
    .pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, msg.feedbackMinN)
        .transform(Number),
    )
    .pipe(z.number().int().min(5, msg.feedbackMinN).max(10_000, msg.feedbackMinN)),
})
