import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** One published service with the facts of its review clock. */
export interface ReviewableService {
  serviceId: string
  agencyId: string
  slug: string
  title: string
  firstPublishedAt: Date | null
  lastReviewedAt: Date | null
  reviewReopenedAt: Date | null
  openReviewId: string | null
}

/**
 * Every public (published, not withdrawn) service of one agency, or of all agencies: the
 * population the review clock runs over. One statement, ordered by title.
 */
export async function listReviewableServices(
  db: Executor,
  agencyId: string | null,
): Promise<ReviewableService[]> {
  let q = db
    .selectFrom('services as s')
    .innerJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .leftJoin('serviceReviews as r', (j) =>
      j.onRef('r.serviceId', '=', 's.id').on('r.status', '=', 'open'),
    )
    .select([
      's.id as serviceId',
      's.agencyId',
      's.slug',
      'v.title',
      's.firstPublishedAt',
      's.lastReviewedAt',
      's.reviewReopenedAt',
      'r.id as openReviewId',
    ])
    .where('s.withdrawnAt', 'is', null)
  if (agencyId !== null) q = q.where('s.agencyId', '=', agencyId)
  return q.orderBy('v.sortKey').orderBy('s.id').execute()
}
