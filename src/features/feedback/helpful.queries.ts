import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { HelpfulSection } from './helpful.model.ts'

type Executor = Kysely<Database>

export async function insertVote(
  trx: Executor,
  vote: { serviceId: string; versionNo: number; helpful: boolean; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('helpfulVotes')
    .values({
      serviceId: vote.serviceId,
      versionNo: vote.versionNo,
      helpful: vote.helpful,
      createdAt: vote.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Adds one vote to the service's rollup row (made on the first vote, its `shown_at` then, so
 * the first vote does not drop the page on its own) and returns the row as it now stands.
 */
export async function bumpRollup(
  trx: Executor,
  serviceId: string,
  helpful: boolean,
  now: Date,
): Promise<{ total: number; shownTotal: number; shownAt: Date }> {
  const yes = helpful ? 1 : 0
  const no = helpful ? 0 : 1
  const row = await trx
    .insertInto('feedbackRollups')
    .values({ serviceId, helpfulYes: yes, helpfulNo: no, shownAt: now, updatedAt: now })
    .onConflict((oc) =>
      oc.column('serviceId').doUpdateSet({
        helpfulYes: sql`feedback_rollups.helpful_yes + ${yes}`,
        helpfulNo: sql`feedback_rollups.helpful_no + ${no}`,
        updatedAt: now,
      }),
    )
    .returning(['helpfulYes', 'helpfulNo', 'shownTotal', 'shownAt'])
    .executeTakeFirstOrThrow()
  return { total: row.helpfulYes + row.helpfulNo, shownTotal: row.shownTotal, shownAt: row.shownAt }
}

/** Records that the cached pages were dropped for the rollup's current figures. */
export async function markRollupShown(
  trx: Executor,
  serviceId: string,
  total: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('feedbackRollups')
    .set({ shownTotal: total, shownAt: now })
    .where('serviceId', '=', serviceId)
    .execute()
}

/** A «خیر» of this service still open for its follow-up, locked for the update. */
export async function findOpenNoVote(
  trx: Executor,
  voteId: string,
  serviceId: string,
  since: Date,
): Promise<{ id: string } | undefined> {
  return trx
    .selectFrom('helpfulVotes')
    .select('id')
    .where('id', '=', voteId)
    .where('serviceId', '=', serviceId)
    .where('helpful', '=', false)
    .where('followedUpAt', 'is', null)
    .where('createdAt', '>', since)
    .forUpdate()
    .executeTakeFirst()
}

export async function saveFollowUp(
  trx: Executor,
  voteId: string,
  answer: { missing: string | null; section: HelpfulSection | null },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('helpfulVotes')
    .set({ missing: answer.missing, section: answer.section, followedUpAt: now })
    .where('id', '=', voteId)
    .execute()
}
