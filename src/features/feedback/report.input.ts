import { z } from 'zod'
import { normalizeFaInput, toAsciiDigits } from '../../lib/fa/index.ts'
import { reportMsg as msg } from './report.messages.fa.ts'
import { REPORT_DECISIONS, REPORT_SECTIONS, type ReportSection } from './report.model.ts'

const text = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((s) => normalizeFaInput(s ?? '').trim())
    .pipe(z.string().min(min, message).max(max, message))

const optional = (max: number, message: string) =>
  text(0, max, message).transform((s) => (s === '' ? null : s))

export type ReportContact = { mobile: string | null; email: string | null }

const MOBILE = /^09\d{9}$/
const EMAIL = z.email()

/**
 * An optional contact: an Iranian mobile (09xxxxxxxxx; Persian digits, spaces, dashes and
 * +98/0098 accepted) or an e-mail address. Empty is no contact.
 */
export function parseContact(raw: string): ReportContact | null {
  const s = toAsciiDigits(normalizeFaInput(raw)).trim()
  if (s === '') return { mobile: null, email: null }
  if (s.includes('@')) {
    const email = s.toLowerCase()
    return email.length <= 254 && EMAIL.safeParse(email).success ? { mobile: null, email } : null
  }
  const digits = s.replace(/[\s\-()]/g, '').replace(/^(\+98|0098)/, '0')
  return MOBILE.test(digits) ? { mobile: digits, email: null } : null
}

/** The citizen's report form. */
export const reportInput = z.object({
  section: z.enum(REPORT_SECTIONS, { error: msg.sectionRequired }),
  whatWrong: text(3, 4000, msg.whatWrongRequired),
  whatRight: optional(4000, msg.whatRightTooLong),
  contact: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const c = parseContact(s ?? '')
      if (!c) {
        ctx.addIssue({ code: 'custom', message: msg.contactInvalid })
        return z.NEVER
      }
      return c
    }),
})
export type ReportInput = z.output<typeof reportInput>

export function isReportSection(value: string): value is ReportSection {
  return (REPORT_SECTIONS as readonly string[]).includes(value)
}

/** Why the agency rejected a report: shown to the citizen, 3–2000 characters. */
export const reportReason = text(3, 2000, msg.reasonRequired)

/** The agency's answer: one of four decisions, each with what it needs. */
export type ReportAnswer =
  | { decision: 'accept'; fixVersionNo: number }
  | { decision: 'reject'; reason: string }
  | { decision: 'duplicate'; duplicateOfCode: string }
  | { decision: 'spam' }

export type AnswerParse =
  | { ok: true; answer: ReportAnswer }
  | { ok: false; errors: Record<string, string> }

/** Reads the answer form (`decision`, `fixVersionNo`, `reason`, `duplicateOf`). */
export function parseAnswer(values: Record<string, string>, currentVersionNo: number): AnswerParse {
  const decision = REPORT_DECISIONS.find((d) => d === values.decision)
  switch (decision) {
    case 'accept': {
      const n = toAsciiDigits(values.fixVersionNo ?? '').trim()
      const version = /^\d{1,6}$/.test(n) ? Number(n) : Number.NaN
      if (!(version > currentVersionNo))
        return { ok: false, errors: { fixVersionNo: msg.fixVersionRequired(currentVersionNo) } }
      return { ok: true, answer: { decision, fixVersionNo: version } }
    }
    case 'reject': {
      const reason = reportReason.safeParse(values.reason)
      if (!reason.success) return { ok: false, errors: { reason: msg.reasonRequired } }
      return { ok: true, answer: { decision, reason: reason.data } }
    }
    case 'duplicate': {
      const code = values.duplicateOf ?? ''
      if (code.trim() === '') return { ok: false, errors: { duplicateOf: msg.duplicateRequired } }
      return { ok: true, answer: { decision, duplicateOfCode: code } }
    }
    case 'spam':
      return { ok: true, answer: { decision } }
    default:
      return { ok: false, errors: { decision: msg.decisionRequired } }
  }
}
