import { type JalaliDate, tehranDateOf } from '../../lib/fa/index.ts'
import { addJalaliMonths } from '../../lib/fa/jalali-months.ts'
import { isoDayOf } from './period.ts'

/**
 * Directive item 5: every agency sends its proposals for specific indicators within ONE MONTH —
 * of the directive for agencies that existed then, of the day it received its credentials for
 * an agency that came later. An agency without credentials has no clock yet.
 */
export const PROPOSAL_MONTHS = 1

export type ProposalStanding =
  | { kind: 'no-credentials' }
  | { kind: 'proposed'; deadline: JalaliDate; firstSubmittedAt: Date; late: boolean }
  | { kind: 'waiting'; deadline: JalaliDate; daysLeft: number }
  | { kind: 'overdue'; deadline: JalaliDate; daysLate: number }

function dayIndex(d: JalaliDate): number {
  return Date.parse(`${isoDayOf(d)}T00:00:00Z`) / 86_400_000
}

function later(a: JalaliDate, b: JalaliDate): JalaliDate {
  return dayIndex(a) >= dayIndex(b) ? a : b
}

/** The last day an agency may send its first proposal on. */
export function proposalDeadline(directiveDate: JalaliDate, credentialsIssuedAt: Date): JalaliDate {
  const start = later(directiveDate, tehranDateOf(credentialsIssuedAt))
  return addJalaliMonths(start, PROPOSAL_MONTHS)
}

/** Where an agency stands against its deadline at `now` (Tehran days). */
export function proposalStanding(
  directiveDate: JalaliDate,
  agency: { credentialsIssuedAt: Date | null; firstSubmittedAt: Date | null },
  now: Date,
): ProposalStanding {
  if (agency.credentialsIssuedAt === null) return { kind: 'no-credentials' }
  const deadline = proposalDeadline(directiveDate, agency.credentialsIssuedAt)
  if (agency.firstSubmittedAt !== null)
    return {
      kind: 'proposed',
      deadline,
      firstSubmittedAt: agency.firstSubmittedAt,
      late: dayIndex(tehranDateOf(agency.firstSubmittedAt)) > dayIndex(deadline),
    }
  const left = dayIndex(deadline) - dayIndex(tehranDateOf(now))
  return left >= 0
    ? { kind: 'waiting', deadline, daysLeft: left }
    : { kind: 'overdue', deadline, daysLate: -left }
}
