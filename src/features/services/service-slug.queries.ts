import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** A service's earlier address (service_slug_history). */
export interface RetiredSlug {
  slug: string
  serviceId: string
  retiredAt: Date
}

/** The current slug of the service that `slug` used to address, if it did. */
export async function findSlugRedirect(db: Executor, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('serviceSlugHistory as h')
    .innerJoin('services as s', 's.id', 'h.serviceId')
    .select('s.slug')
    .where('h.slug', '=', slug)
    .executeTakeFirst()
  return row?.slug
}

export async function findRetiredSlug(
  db: Executor,
  slug: string,
): Promise<RetiredSlug | undefined> {
  return db
    .selectFrom('serviceSlugHistory')
    .select(['slug', 'serviceId', 'retiredAt'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** A service's earlier addresses, the latest first. */
export async function listRetiredSlugs(db: Executor, serviceId: string): Promise<RetiredSlug[]> {
  return db
    .selectFrom('serviceSlugHistory')
    .select(['slug', 'serviceId', 'retiredAt'])
    .where('serviceId', '=', serviceId)
    .orderBy('retiredAt', 'desc')
    .orderBy('slug')
    .execute()
}

export async function insertRetiredSlug(
  db: Executor,
  r: { slug: string; serviceId: string; at: Date; by: string | null },
): Promise<void> {
  await db
    .insertInto('serviceSlugHistory')
    .values({ slug: r.slug, serviceId: r.serviceId, retiredAt: r.at, retiredBy: r.by })
    .execute()
}

export async function deleteRetiredSlug(db: Executor, slug: string): Promise<void> {
  await db.deleteFrom('serviceSlugHistory').where('slug', '=', slug).execute()
}

/**
 * Gives the service its new slug; a public service's change time moves too, so incremental
 * sync (services API) hands out the new address.
 */
export async function updateServiceSlug(
  db: Executor,
  u: { serviceId: string; slug: string; now: Date; isPublic: boolean },
): Promise<void> {
  await db
    .updateTable('services')
    .set(u.isPublic ? { slug: u.slug, publicChangedAt: u.now } : { slug: u.slug })
    .where('id', '=', u.serviceId)
    .execute()
}
