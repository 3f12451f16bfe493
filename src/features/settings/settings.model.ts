import { z } from 'zod'
import { isValidJalaliDate, type JalaliDate } from '../../lib/fa/index.ts'

/** The portal-wide settings the central admin keeps, each under a key of the settings table. */
export const SETTING_KEYS = {
  directiveDate: 'directive_date',
  centralBodyName: 'central_body_name',
  reviewPolicy: 'review_policy',
  feedbackMinN: 'feedback_min_n',
} as const

/**
 * Directive item 4: every process is reviewed at least once every three years. The central
 * admin may shorten or lengthen the cycle and move the two warnings (days before the due date).
 */
export interface ReviewPolicy {
  cycleMonths: number
  dueSoonDays: number
  dueDays: number
}

/** Cached pages that show review dates carry this tag; a policy change drops them. */
export const REVIEW_POLICY_CACHE_TAG = 'review-policy'

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { cycleMonths: 36, dueSoonDays: 90, dueDays: 30 }

export const reviewPolicySchema = z
  .object({
    cycleMonths: z.number().int().min(6).max(60),
    dueSoonDays: z.number().int().min(1).max(365),
    dueDays: z.number().int().min(1).max(365),
  })
  .refine((p) => p.dueDays < p.dueSoonDays)

/**
 * Issue 13 item 5: below this many answers a feedback figure is not shown; the page says
 * «هنوز دادهٔ کافی نیست» instead. The central admin sets it.
 */
export const DEFAULT_FEEDBACK_MIN_N = 30
export const feedbackMinNSchema = z.number().int().min(5).max(10_000)
/** Cached pages that show feedback figures carry this tag; a new minimum n drops them. */
export const FEEDBACK_POLICY_CACHE_TAG = 'feedback-policy'

/** Circular no. 141152/200 is dated 1388/12/17 (seeds/DIRECTIVE.en.md). */
export const DEFAULT_DIRECTIVE_DATE: JalaliDate = { jy: 1388, jm: 12, jd: 17 }

/** The directive named the Deputy for Management Development; its role now belongs here. */
export const DEFAULT_CENTRAL_BODY_NAME = 'سازمان اداری و استخدامی کشور'

export interface PortalSettings {
  /** The directive's date: the 6-month deadline of directive item 3 runs from it. */
  directiveDate: JalaliDate
  /** The supervising body's name, shown to agencies. */
  centralBodyName: string
  reviewPolicy: ReviewPolicy
  /** Fewest answers behind a public feedback figure (default 30). */
  feedbackMinN: number
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
