import { z } from 'zod'
import { parseJalaliDateInput } from '../../lib/fa/jalali.ts'
import { choice, optionalText, optionalUrl, requiredText } from '../../web/fields.ts'
import { LAW_KINDS } from './law.model.ts'
import { msg } from './messages.fa.ts'

/** The law form: a Jalali approval date in three fields, stored as the Gregorian calendar day. */
export const lawInput = z
  .object({
    title: requiredText(msg.title, 500, 2),
    kind: choice(LAW_KINDS, msg.kindRequired),
    number: optionalText(msg.number, 100),
    url: optionalUrl(msg.url),
    'approvedOn-day': z.string().optional().default(''),
    'approvedOn-month': z.string().optional().default(''),
    'approvedOn-year': z.string().optional().default(''),
  })
  .transform((v, ctx) => {
    const parts = [v['approvedOn-year'], v['approvedOn-month'], v['approvedOn-day']].map((p) =>
      p.trim(),
    )
    let approvedOn: { jy: number; jm: number; jd: number } | null = null
    if (parts.some((p) => p !== '')) {
      const parsed = parseJalaliDateInput(parts[0] ?? '', parts[1] ?? '', parts[2] ?? '')
      if (parsed.ok) approvedOn = parsed.value
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['approvedOn'],
          message: parsed.reason === 'missing' ? msg.dateIncomplete : msg.dateInvalid,
        })
        return z.NEVER
      }
    }
    return { title: v.title, kind: v.kind, number: v.number, url: v.url, approvedOn }
  })

export type LawInput = z.output<typeof lawInput>
