import { z } from 'zod'

/**
 * A review answers every section of the service card (issue 12 item 2) with «بدون تغییر» or
 * «تغییر لازم است», each with an optional note. The sections follow what a citizen reads.
 */
export const REVIEW_SECTIONS = [
  'description',
  'laws',
  'documents',
  'fees',
  'forms',
  'process',
  'offices',
  'channels',
] as const
export type ReviewSection = (typeof REVIEW_SECTIONS)[number]

export const REVIEW_ANSWERS = ['unchanged', 'change_needed'] as const
export type ReviewAnswer = (typeof REVIEW_ANSWERS)[number]

export interface SectionAnswer {
  answer: ReviewAnswer | null
  note: string | null
}
export type ReviewAnswers = Record<ReviewSection, SectionAnswer>

export const EMPTY_ANSWERS: ReviewAnswers = Object.fromEntries(
  REVIEW_SECTIONS.map((s) => [s, { answer: null, note: null }]),
) as ReviewAnswers

const storedAnswer = z.object({
  answer: z.enum(REVIEW_ANSWERS).nullable(),
  note: z.string().max(2000).nullable(),
})

/** Stored answers (jsonb) read back; a section missing from an older row is unanswered. */
export function parseStoredAnswers(value: unknown): ReviewAnswers {
  const parsed = z.record(z.string(), storedAnswer).parse(value ?? {})
  return Object.fromEntries(
    REVIEW_SECTIONS.map((s) => [s, parsed[s] ?? { answer: null, note: null }]),
  ) as ReviewAnswers
}

/** Which card fields each review section covers (to show what changed since the last review). */
export const SECTION_FIELDS: Record<ReviewSection, readonly string[]> = {
  description: [
    'title',
    'popularNames',
    'summary',
    'description',
    'audiences',
    'nature',
    'level',
    'lifeEvents',
    'trigger',
    'frequency',
    'eligibility',
    'output',
    'redress',
    'contact',
    'keywords',
  ],
  laws: ['legalBases'],
  documents: ['documents', 'noDocumentsRequired'],
  fees: ['fees'],
  forms: ['forms'],
  process: ['process', 'declaredTime', 'inPersonVisits'],
  offices: ['offices'],
  channels: ['channels', 'stages'],
}

export type ReviewStatus = 'open' | 'completed'
export type ReviewOutcome = 'unchanged' | 'revised'
export type AuditStatus = 'pending' | 'accepted' | 'rejected'

export interface Review {
  id: string
  serviceId: string
  agencyId: string
  status: ReviewStatus
  answers: ReviewAnswers
  revision: number
  openedAt: Date
  openedBy: string | null
  outcome: ReviewOutcome | null
  completedAt: Date | null
  completedBy: string | null
  versionId: string | null
  auditSampleId: string | null
  auditStatus: AuditStatus | null
  auditedAt: Date | null
  auditedBy: string | null
  auditReason: string | null
}

/** True when every section has an answer. */
export function allAnswered(a: ReviewAnswers): boolean {
  return REVIEW_SECTIONS.every((s) => a[s].answer !== null)
}

/** True when some section says a change is needed: such a review can only end as revised. */
export function needsChange(a: ReviewAnswers): boolean {
  return REVIEW_SECTIONS.some((s) => a[s].answer === 'change_needed')
}
