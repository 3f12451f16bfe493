import { randomInt } from 'node:crypto'

/**
 * A report of wrong information on a service page (صحت اطلاعات, issue 13 item 2): a citizen says
 * what is wrong in one section (and optionally what is right), gets a tracking code and a public
 * status page; the agency answers within 15 working days. The sections are the review's
 * sections (features/reviews uses the same keys), so an accepted report can hold a review back.
 */
export const REPORT_SECTIONS = [
  'description',
  'laws',
  'documents',
  'fees',
  'forms',
  'process',
  'offices',
  'channels',
] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

export const REPORT_STATES = [
  'received',
  'accepted',
  'rejected',
  'duplicate',
  'spam',
  'fixed',
] as const
export type ReportState = (typeof REPORT_STATES)[number]

/** States that wait for the agency (received) or for the fix (accepted); the rest are closed. */
export const OPEN_STATES = ['received', 'accepted'] as const satisfies readonly ReportState[]

/** The agency's answers. */
export const REPORT_DECISIONS = ['accept', 'reject', 'duplicate', 'spam'] as const
export type ReportDecision = (typeof REPORT_DECISIONS)[number]

/** Working days the agency has to answer (issue 13 item 2). */
export const ANSWER_WORKING_DAYS = 15

export interface AccuracyReport {
  id: string
  code: string
  serviceId: string
  agencyId: string
  section: ReportSection
  versionNo: number
  whatWrong: string
  whatRight: string | null
  contactMobile: string | null
  contactEmail: string | null
  state: ReportState
  fixVersionNo: number | null
  reason: string | null
  duplicateOf: string | null
  receivedAt: Date
  dueOn: string
  answeredAt: Date | null
  answeredBy: string | null
  closedAt: Date | null
}

/**
 * Crockford's base32 alphabet: digits and capitals without I, L, O and U, so a code read aloud
 * or typed from paper is not mistaken (I/L → 1, O → 0 are folded when reading one back).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 10

/** A new tracking code: 10 characters, 50 bits from the CSPRNG (unguessable, not enumerable). */
export function newTrackingCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** How a code is shown: three groups, `ABC-DEF-GHJK`, left to right. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`
}

/**
 * A code as someone typed it (lower case, dashes, spaces, Persian digits, I/L/O for 1/1/0) in
 * its stored form, or null when it cannot be one.
 */
export function parseTrackingCode(input: string): string | null {
  const ascii = input.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))
  const code = ascii
    .toUpperCase()
    .replace(/[\s\-‐–—_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  if (code.length !== CODE_LENGTH) return null
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null
  return code
}

/**
 * The state a citizen and the agency see now: an accepted report whose fix has been published
 * (a version numbered N or later) reads as fixed at once, before the write that closes it (the
 * next report write, or the review that publishes it) records the fact and deletes the contact.
 */
export function effectiveState(
  r: Pick<AccuracyReport, 'state' | 'fixVersionNo'>,
  publishedVersionNo: number | null,
): ReportState {
  if (
    r.state === 'accepted' &&
    r.fixVersionNo !== null &&
    publishedVersionNo !== null &&
    publishedVersionNo >= r.fixVersionNo
  )
    return 'fixed'
  return r.state
}

/** True while the agency still owes the answer and its due day has passed (Tehran days). */
export function isOverdue(r: Pick<AccuracyReport, 'state' | 'dueOn'>, todayIso: string): boolean {
  return r.state === 'received' && r.dueOn < todayIso
}
