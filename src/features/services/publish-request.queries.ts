import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { PublishRequest } from './publish-request.model.ts'

type Executor = Kysely<Database>

/** The request for a draft version, if one was sent (whatever the version's status now). */
export async function findPublishRequest(
  db: Executor,
  versionId: string,
): Promise<PublishRequest | undefined> {
  const row = await db
    .selectFrom('publishRequests as r')
    .leftJoin('users as u', 'u.id', 'r.requestedBy')
    .select([
      'r.versionId',
      'r.serviceId',
      'r.revision',
      'r.requestedAt',
      'u.displayName as requestedByName',
    ])
    .where('r.versionId', '=', versionId)
    .executeTakeFirst()
  return row
    ? {
        versionId: row.versionId,
        serviceId: row.serviceId,
        revision: row.revision,
        requestedAt: row.requestedAt,
        requestedByName: row.requestedByName,
      }
    : undefined
}

/** Records a request, or moves an existing one to the draft's current revision. */
export async function upsertPublishRequest(
  db: Executor,
  r: { versionId: string; serviceId: string; revision: number; userId: string; now: Date },
): Promise<void> {
  await db
    .insertInto('publishRequests')
    .values({
      versionId: r.versionId,
      serviceId: r.serviceId,
      revision: r.revision,
      requestedBy: r.userId,
      requestedAt: r.now,
    })
    .onConflict((oc) =>
      oc.column('versionId').doUpdateSet({
        revision: r.revision,
        requestedBy: r.userId,
        requestedAt: r.now,
      }),
    )
    .execute()
}
