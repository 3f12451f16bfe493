import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/**
 * DEMO ONLY. Dates an agency's credentials to the moment the indicator story says it received
 * them. The demo accounts are created when the demo loads, so without this every agency's
 * one-month proposal deadline (directive item 5) would start today and the deadline board
 * could show no agency that was late or on time. Real credentials are dated by the accounts
 * feature when they are issued and never moved.
 */
export async function backdateCredentials(db: Executor, agencyId: string, at: Date): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ credentialsIssuedAt: at })
    .where('id', '=', agencyId)
    .where('credentialsIssuedAt', 'is not', null)
    .execute()
}

/** The general indicators' versions still in draft (just proposed by the central admin). */
export async function generalDrafts(
  db: Executor,
): Promise<{ versionId: string; revision: number; code: string }[]> {
  return db
    .selectFrom('indicatorVersions as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
    .select(['v.id as versionId', 'v.revision', 'i.code'])
    .where('i.kind', '=', 'general')
    .where('v.state', '=', 'draft')
    .orderBy('i.code')
    .execute()
}
