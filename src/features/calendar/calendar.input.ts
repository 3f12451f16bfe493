import { z } from 'zod'
import { parseJalaliDateInput, toAsciiDigits } from '../../lib/fa/index.ts'
import { isIsoDay, isoDayOfJalali, THURSDAY_STATUSES } from '../../lib/working-calendar.ts'
import { choice, requiredText } from '../../web/fields.ts'
import { HOLIDAY_KINDS, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from './calendar.model.ts'
import { msg } from './messages.fa.ts'

const part = z.string().optional().default('')

/**
 * The add-holiday form: a Jalali day in three fields (`date-day`, `-month`, `-year`), a title,
 * a kind and a "tentative" checkbox. The day comes out as the ISO Tehran calendar day.
 */
export const holidayInput = z
  .object({
    'date-day': part,
    'date-month': part,
    'date-year': part,
    title: requiredText(msg.holidayTitle, 200).refine((s) => s.length >= 2, msg.titleTooShort),
    kind: choice(HOLIDAY_KINDS, msg.kindRequired),
    tentative: z.string().optional(),
  })
  .transform((v, ctx) => {
    const parsed = parseJalaliDateInput(v['date-year'], v['date-month'], v['date-day'])
    if (!parsed.ok) {
      const message =
        parsed.reason === 'missing'
          ? msg.dateMissing
          : parsed.reason === 'not-a-number'
            ? msg.dateNotNumber
            : msg.dateInvalid
      ctx.addIssue({ code: 'custom', path: ['date'], message })
      return z.NEVER
    }
    const { jy, jm, jd } = parsed.value
    if (jy < MIN_CALENDAR_YEAR || jy > MAX_CALENDAR_YEAR) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: msg.dateRange })
      return z.NEVER
    }
    return {
      day: isoDayOfJalali(jy, jm, jd),
      jalali: parsed.value,
      title: v.title,
      kind: v.kind,
      tentative: v.tentative === 'yes',
    }
  })

export type HolidayInput = z.output<typeof holidayInput>

/** The day of a holiday to remove, as it appears in the remove button's URL. */
export const holidayDayParam = z.string().refine(isIsoDay)

export const thursdayInput = z.object({
  thursday: choice(THURSDAY_STATUSES, msg.thursdayRequired),
})

/** The last Jalali year whose lunar holidays are entered: four digits, Persian or Latin. */
export const lunarYearInput = z.object({
  lunarYear: z
    .string()
    .optional()
    .default('')
    .transform((v, ctx) => {
      const text = toAsciiDigits(v).trim()
      const n = /^\d{4}$/.test(text) ? Number(text) : Number.NaN
      if (!(n >= MIN_CALENDAR_YEAR && n <= MAX_CALENDAR_YEAR)) {
        ctx.addIssue({ code: 'custom', message: msg.lunarYearInvalid })
        return z.NEVER
      }
      return n
    }),
})
