import { z } from 'zod'
import type { FormFields } from '../../web/form.ts'
import { reviewsMsg as msg } from './messages.fa.ts'
import { REVIEW_ANSWERS, REVIEW_SECTIONS, type ReviewAnswers } from './review.model.ts'

const one = (fields: FormFields, name: string): string => {
  const v = fields[name]
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

export type AnswersParse =
  | { ok: true; answers: ReviewAnswers; revision: number }
  | { ok: false; errors: Record<string, string>; revision: number }

const revisionSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)

/** The revision a review form was based on, or -1 (always a conflict) when unreadable. */
export function reviewRevision(fields: FormFields): number {
  const r = revisionSchema.safeParse(one(fields, 'revision'))
  return r.success ? r.data : -1
}

/**
 * The section answers of the review form: `<section>-answer` (unchanged | change_needed, or
 * empty while undecided) and `<section>-note`. Saving part of a review is allowed; signing off
 * checks that every section is answered.
 */
export function parseAnswers(fields: FormFields): AnswersParse {
  const revision = reviewRevision(fields)
  const errors: Record<string, string> = {}
  const entries = REVIEW_SECTIONS.map((s) => {
    const raw = one(fields, `${s}-answer`)
    const answer = (REVIEW_ANSWERS as readonly string[]).includes(raw)
      ? (raw as (typeof REVIEW_ANSWERS)[number])
      : null
    if (raw !== '' && answer === null) errors[`${s}-answer`] = msg.answerRequired
    const note = one(fields, `${s}-note`).trim()
    if (note.length > 2000) errors[`${s}-note`] = msg.noteTooLong
    return [s, { answer, note: note === '' ? null : note }] as const
  })
  if (Object.keys(errors).length > 0) return { ok: false, errors, revision }
  return { ok: true, answers: Object.fromEntries(entries) as ReviewAnswers, revision }
}

/** The change note of «انتشار نسخهٔ اصلاح‌شده». */
export function changeNoteOf(fields: FormFields): string {
  return one(fields, 'changeNote').trim().slice(0, 1000)
}

/** The central audit's decision on a sampled review: a rejection carries its reason. */
export const auditDecisionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({
    decision: z.literal('reject'),
    reason: z.string().trim().min(3, msg.auditReasonRequired).max(2000, msg.auditReasonRequired),
  }),
])
