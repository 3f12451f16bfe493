import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Role } from '../../lib/actor.ts'

type Executor = Kysely<Database>

/** A public demo service with the dates its review story is planned from. */
export interface DemoReviewCandidate {
  serviceId: string
  agencyId: string
  slug: string
  firstPublishedAt: Date
  /** When its current version was published: a review comes after it. */
  lastPublishedAt: Date
  /** It charges a fee (so a revision can update the amount). */
  hasPaidFee: boolean
}

export async function listReviewCandidates(db: Executor): Promise<DemoReviewCandidate[]> {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .select([
      's.id as serviceId',
      's.agencyId',
      's.slug',
      's.firstPublishedAt',
      'v.publishedAt',
      sql<boolean>`exists (select 1 from jsonb_array_elements(v.content -> 'fees') f
        where (f ->> 'amount')::numeric > 0)`.as('hasPaidFee'),
    ])
    .where('s.withdrawnAt', 'is', null)
    .orderBy('s.slug')
    .execute()
  return rows.flatMap((r) =>
    r.firstPublishedAt && r.publishedAt
      ? [
          {
            serviceId: r.serviceId,
            agencyId: r.agencyId,
            slug: r.slug,
            firstPublishedAt: r.firstPublishedAt,
            lastPublishedAt: r.publishedAt,
            hasPaidFee: r.hasPaidFee === true,
          },
        ]
      : [],
  )
}

export interface DemoStaffRow {
  userId: string
  username: string
  displayName: string
  role: Role
  agencyId: string | null
  agencyNameFa: string | null
  email: string | null
}

/** Every active staff account, with its agency's name (to act as them in the story). */
export async function listStaff(db: Executor): Promise<DemoStaffRow[]> {
  return db
    .selectFrom('users as u')
    .leftJoin('agencies as a', 'a.id', 'u.agencyId')
    .select([
      'u.id as userId',
      'u.username',
      'u.displayName',
      'u.role',
      'u.agencyId',
      'a.nameFa as agencyNameFa',
      'u.email',
    ])
    .where('u.disabledAt', 'is', null)
    .orderBy('u.username')
    .execute()
}

export async function findAgencyNames(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; code: string; nameFa: string; shortNameFa: string | null }[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('agencies')
    .select(['id', 'code', 'nameFa', 'shortNameFa'])
    .where('id', 'in', [...ids])
    .orderBy('code')
    .execute()
}

/**
 * Gives a demo account an address (accounts has no action for a central account's address):
 * without one, the notifications of the story would reach the inbox but never the outbox.
 */
export async function setDemoEmail(
  db: Executor,
  userId: string,
  email: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email, updatedAt: now })
    .where('id', '=', userId)
    .where('email', 'is', null)
    .execute()
}

/** The sampled reviews still awaiting the supervisor's decision, in a stable order. */
export async function pendingSampledReviews(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('serviceReviews')
    .select('id')
    .where('auditStatus', '=', 'pending')
    .orderBy('completedAt')
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}
