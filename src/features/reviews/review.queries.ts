import type { Kysely, Selectable } from 'kysely'
import type { Database, ServiceReviewsTable } from '../../db/schema.ts'
import { parseStoredAnswers, type Review, type ReviewAnswers } from './review.model.ts'

type Executor = Kysely<Database>

function toReview(row: Selectable<ServiceReviewsTable>): Review {
  const { sections, ...rest } = row
  return { ...rest, answers: parseStoredAnswers(sections) }
}

export async function findReviewById(db: Executor, id: string): Promise<Review | undefined> {
  const row = await db
    .selectFrom('serviceReviews')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toReview(row)
}

export async function findOpenReview(db: Executor, serviceId: string): Promise<Review | undefined> {
  const row = await db
    .selectFrom('serviceReviews')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return row && toReview(row)
}

/** Every review of a service, newest first. */
export async function listReviewsOfService(db: Executor, serviceId: string): Promise<Review[]> {
  const rows = await db
    .selectFrom('serviceReviews')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .orderBy('openedAt', 'desc')
    .execute()
  return rows.map(toReview)
}

export async function insertReview(
  db: Executor,
  r: { serviceId: string; agencyId: string; answers: ReviewAnswers; userId: string; now: Date },
): Promise<Review> {
  const row = await db
    .insertInto('serviceReviews')
    .values({
      serviceId: r.serviceId,
      agencyId: r.agencyId,
      status: 'open',
      sections: JSON.stringify(r.answers),
      openedAt: r.now,
      openedBy: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toReview(row)
}

/** Saves answers if the review is still at `revision`; false when someone saved first. */
export async function updateAnswers(
  db: Executor,
  id: string,
  revision: number,
  answers: ReviewAnswers,
): Promise<boolean> {
  const r = await db
    .updateTable('serviceReviews')
    .set((eb) => ({ sections: JSON.stringify(answers), revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('revision', '=', revision)
    .executeTakeFirst()
  return r.numUpdatedRows === 1n
}

/** Completes an open review at `revision`; false when it moved on or is already completed. */
export async function completeReview(
  db: Executor,
  id: string,
  revision: number,
  c: { outcome: 'unchanged' | 'revised'; versionId: string | null; userId: string; now: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('serviceReviews')
    .set((eb) => ({
      status: 'completed',
      outcome: c.outcome,
      versionId: c.versionId,
      completedAt: c.now,
      completedBy: c.userId,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('revision', '=', revision)
    .executeTakeFirst()
  return r.numUpdatedRows === 1n
}

/** The review clock moves: only ever called when a review completes (or an audit rejects). */
export async function setServiceReviewed(
  db: Executor,
  serviceId: string,
  lastReviewedAt: Date | null,
  reopenedAt: Date | null,
): Promise<void> {
  await db
    .updateTable('services')
    // The new dates are public (page, API, open-data files): a public change, at the review's time.
    .set({
      lastReviewedAt,
      reviewReopenedAt: reopenedAt,
      publicChangedAt: reopenedAt ?? lastReviewedAt ?? undefined,
    })
    .where('id', '=', serviceId)
    .execute()
}
