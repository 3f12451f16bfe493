import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Law } from './law.model.ts'
import { findLawsByIds } from './law.queries.ts'

type Executor = Kysely<Database>

/** A law as a service version cites it: what its public page shows. */
export type CitedLaw = Pick<Law, 'id' | 'title' | 'kind' | 'number' | 'approvedOn' | 'url'>

/** The part of a service version this module reads (laws sit below the catalogue). */
export interface CitingVersion {
  id: string
  status: 'draft' | 'published' | 'superseded'
  content: { legalBases: readonly { lawId: string }[] }
}

/**
 * Keeps the cited laws as they read now with the version being published, in the publishing
 * transaction: a later edit of the shared registry must not change a public record.
 */
export async function recordCitedLaws(db: Executor, version: CitingVersion): Promise<void> {
  const ids = [...new Set(version.content.legalBases.map((b) => b.lawId))]
  if (ids.length === 0) return
  await db
    .insertInto('versionLaws')
    .columns(['versionId', 'lawId', 'title', 'kind', 'number', 'approvedOn', 'url'])
    .expression((eb) =>
      eb
        .selectFrom('laws')
        .select([
          sql.lit(version.id).as('versionId'),
          'id',
          'title',
          'kind',
          'number',
          'approvedOn',
          'url',
        ])
        .where('id', 'in', ids),
    )
    .onConflict((oc) => oc.columns(['versionId', 'lawId']).doNothing())
    .execute()
}

/**
 * The laws each version cites, keyed by version id: as published for public records (from the
 * copies kept at publishing), from the registry for drafts. A citation without a copy (which
 * the migration's backfill should make impossible) falls back to the registry.
 */
export async function citedLaws(
  db: Executor,
  versions: readonly CitingVersion[],
): Promise<Map<string, Map<string, CitedLaw>>> {
  const records = versions.filter((v) => v.status !== 'draft').map((v) => v.id)
  const copies =
    records.length === 0
      ? []
      : await db
          .selectFrom('versionLaws')
          .select(['versionId', 'lawId', 'title', 'kind', 'number', 'approvedOn', 'url'])
          .where('versionId', 'in', records)
          .execute()
  const result = new Map<string, Map<string, CitedLaw>>()
  for (const v of versions) result.set(v.id, new Map())
  for (const c of copies)
    result.get(c.versionId)?.set(c.lawId, {
      id: c.lawId,
      title: c.title,
      kind: c.kind,
      number: c.number,
      approvedOn: c.approvedOn,
      url: c.url,
    })
  const missing = versions.flatMap((v) =>
    v.content.legalBases.map((b) => b.lawId).filter((id) => !result.get(v.id)?.has(id)),
  )
  if (missing.length > 0) {
    const live = new Map((await findLawsByIds(db, missing)).map((l) => [l.id, l]))
    for (const v of versions)
      for (const b of v.content.legalBases) {
        const law = live.get(b.lawId)
        if (law && !result.get(v.id)?.has(law.id)) result.get(v.id)?.set(law.id, law)
      }
  }
  return result
}

/** The laws one version cites (see `citedLaws`). */
export async function lawsCitedBy(
  db: Executor,
  version: CitingVersion,
): Promise<Map<string, CitedLaw>> {
  return (await citedLaws(db, [version])).get(version.id) ?? new Map()
}

/**
 * The agencies, other than `agencyId`, whose services cite the law in any version (drafts
 * included: a draft is published with the registry as it reads then). Their citations are why
 * such a law is edited by the central staff only.
 */
export async function otherAgenciesCiting(
  db: Executor,
  lawId: string,
  agencyId: string | null,
): Promise<string[]> {
  let q = db
    .selectFrom('serviceVersions')
    .innerJoin('services', 'services.id', 'serviceVersions.serviceId')
    .select('services.agencyId')
    .distinct()
    .where(
      sql<boolean>`service_versions.content -> 'legalBases' @> ${JSON.stringify([{ lawId }])}::jsonb`,
    )
  if (agencyId !== null) q = q.where('services.agencyId', '<>', agencyId)
  return (await q.execute()).map((r) => r.agencyId)
}
