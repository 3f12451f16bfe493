import { z } from 'zod'
import { isValidJalaliDate, type JalaliDate } from '../../lib/fa/index.ts'

/** The portal-wide settings the central admin keeps, each under a key of the settings table. */
export const SETTING_KEYS = {
  directiveDate: 'directive_date',
  centralBodyName: 'central_body_name',
} as const

/** Circular no. 141152/200 is dated 1388/12/17 (seeds/DIRECTIVE.en.md). */
export const DEFAULT_DIRECTIVE_DATE: JalaliDate = { jy: 1388, jm: 12, jd: 17 }

/** The directive named the Deputy for Management Development; its role now belongs here. */
export const DEFAULT_CENTRAL_BODY_NAME = 'سازمان اداری و استخدامی کشور'

export interface PortalSettings {
  /** The directive's date: the 6-month deadline of directive item 3 runs from it. */
  directiveDate: JalaliDate
  /** The supervising body's name, shown to agencies. */
  centralBodyName: string
}

/** What a stored value must look like; anything else (hand-edited, old) falls back to the default. */
export const storedDirectiveDate = z
  .object({ jy: z.number().int(), jm: z.number().int(), jd: z.number().int() })
  .refine((d) => isValidJalaliDate(d.jy, d.jm, d.jd))

export const storedCentralBodyName = z.string().min(2).max(200)

/** `1388/12/17`: how a Jalali day appears in audit snapshots (ASCII digits, sortable). */
export function jalaliKey(d: JalaliDate): string {
  return `${d.jy}/${String(d.jm).padStart(2, '0')}/${String(d.jd).padStart(2, '0')}`
}
