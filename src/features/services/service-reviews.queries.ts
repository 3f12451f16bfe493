import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

/** A completed review as the public history shows it (the review workflow is features/reviews). */
export interface CompletedReview {
  completedAt: Date
  outcome: 'unchanged' | 'revised'
  versionId: string | null
  /** The central audit rejected it: it no longer counts. */
  rejected: boolean
}

/** The completed reviews of a service, newest first: the public record beside its versions. */
export async function listCompletedReviews(
  db: Kysely<Database>,
  serviceId: string,
): Promise<CompletedReview[]> {
  const rows = await db
    .selectFrom('serviceReviews')
    .select(['completedAt', 'outcome', 'versionId', 'auditStatus'])
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'completed')
    .orderBy('completedAt', 'desc')
    .execute()
  return rows.flatMap((r) =>
    r.completedAt && r.outcome
      ? [
          {
            completedAt: r.completedAt,
            outcome: r.outcome,
            versionId: r.versionId,
            rejected: r.auditStatus === 'rejected',
          },
        ]
      : [],
  )
}
