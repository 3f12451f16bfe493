import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export interface ChangedRow {
  id: string
  slug: string
  publicChangedAt: Date
  withdrawnAt: Date | null
  title: string | null
  summary: string | null
  audiences: string[] | null
  versionNo: number | null
  publishedAt: Date | null
  agencyCode: string
  agencyNameFa: string
}

/**
 * Services whose public state changed in (since, until], in change order, after the cursor
 * (change time, id). Each comes with its published version, if it has one.
 */
export async function changedServices(
  db: Executor,
  window: { since: Date; until: Date },
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<ChangedRow[]> {
  let q = db
    .selectFrom('services as s')
    .innerJoin('agencies as a', 'a.id', 's.agencyId')
    .leftJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .select([
      's.id',
      's.slug',
      's.withdrawnAt',
      'v.title',
      sql<string | null>`v.content->>'summary'`.as('summary'),
      'v.audiences',
      'v.versionNo',
      'v.publishedAt',
      'a.code as agencyCode',
      'a.nameFa as agencyNameFa',
    ])
    .select(sql<Date>`s.public_changed_at`.as('publicChangedAt'))
    .where('s.publicChangedAt', '>', window.since)
    .where('s.publicChangedAt', '<=', window.until)
  if (after)
    q = q.where(sql<boolean>`(s.public_changed_at, s.id) > (${after.at}, ${after.id}::uuid)`)
  return q.orderBy('s.publicChangedAt').orderBy('s.id').limit(limit).execute()
}
