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
 *
 * `basisBefore` narrows it to the services whose clock started (last review, else first
 * publication) before that instant, or that an audit reopened: the daily job passes a bound
 * from which on every service is still current, so it need not read the current ones.
 */
export async function listReviewableServices(
  db: Executor,
  agencyId: string | null,
  options: { basisBefore?: Date } = {},
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
  const { basisBefore } = options
  if (basisBefore)
    q = q.where((eb) =>
      eb.or([
        eb('s.reviewReopenedAt', 'is not', null),
        eb(eb.fn.coalesce('s.lastReviewedAt', 's.firstPublishedAt'), '<', basisBefore),
      ]),
    )
  return q.orderBy('v.sortKey').orderBy('s.id').execute()
}
