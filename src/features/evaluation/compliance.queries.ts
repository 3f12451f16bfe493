import { type Kysely, sql } from 'kysely'
import type { AgencyLevel, Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** An agency as the compliance board lists it, with its credentials and first sign-in. */
export interface BoardAgency {
  id: string
  code: string
  nameFa: string
  level: AgencyLevel
  provinceCode: string | null
  credentialsIssuedAt: Date | null
  /** The first sign-in of any of its staff (audit log); null when none ever signed in. */
  firstSignInAt: Date | null
}

/**
 * Every agency with the first sign-in of any of its users: three statements, each one pass
 * grouped by agency. Sign-ins are recorded as audit events (`session`/`sign-in`,
 * accounts/sign-in.actions.ts), which keep the first one; `users.last_sign_in_at` keeps only
 * the latest, so it is the fallback for sign-ins older than the audit log.
 */
export async function listBoardAgencies(db: Executor): Promise<BoardAgency[]> {
  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'code', 'nameFa', 'level', 'provinceCode', 'credentialsIssuedAt'])
    .orderBy('code')
    .execute()
  const audited = await db
    .selectFrom('auditEvents')
    .select((eb) => ['agencyId', eb.fn.min('at').as('at')])
    .where('entityType', '=', 'session')
    .where('action', '=', 'sign-in')
    .where('agencyId', 'is not', null)
    .groupBy('agencyId')
    .execute()
  const latest = await db
    .selectFrom('users')
    .select((eb) => ['agencyId', eb.fn.min('lastSignInAt').as('at')])
    .where('agencyId', 'is not', null)
    .where('lastSignInAt', 'is not', null)
    .groupBy('agencyId')
    .execute()
  const firstAudited = new Map(audited.map((r) => [r.agencyId, new Date(r.at)]))
  const earliestLast = new Map(
    latest.flatMap((r) => (r.at === null ? [] : [[r.agencyId, new Date(r.at)] as const])),
  )
  return agencies.map((a) => {
    const first = firstAudited.get(a.id) ?? null
    const last = earliestLast.get(a.id) ?? null
    return {
      ...a,
      firstSignInAt:
        first && last ? new Date(Math.min(first.getTime(), last.getTime())) : (first ?? last),
    }
  })
}

/** Per agency: its public services, and how many posted a transaction since `since`. */
export interface IntegrationCount {
  agencyId: string
  published: number
  withTransactions: number
}

/**
 * Satisfaction integration (directive item 6 through the transaction feed): of each agency's
 * public services (a published version, not withdrawn), those with at least one transaction
 * posted (`transactions.created_at`) since `since`. One statement, grouped by agency.
 */
export async function integrationCounts(db: Executor, since: Date): Promise<IntegrationCount[]> {
  const rows = await db
    .selectFrom('services as s')
    .where('s.withdrawnAt', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('serviceVersions as v')
          .select(sql.lit(1).as('one'))
          .whereRef('v.serviceId', '=', 's.id')
          .where('v.status', '=', 'published'),
      ),
    )
    .select((eb) => [
      's.agencyId',
      eb.fn.countAll<string>().as('published'),
      sql<string>`count(*) filter (where exists (
        select 1 from transactions t where t.service_id = s.id and t.created_at >= ${since}))`.as(
        'withTransactions',
      ),
    ])
    .groupBy('s.agencyId')
    .execute()
  return rows.map((r) => ({
    agencyId: r.agencyId,
    published: Number(r.published),
    withTransactions: Number(r.withTransactions),
  }))
}

/**
 * When each agency first sent a specific indicator for approval (directive item 5): one
 * statement over the decisions, grouped by agency.
 */
export async function firstProposals(
  db: Executor,
): Promise<{ agencyId: string; firstSubmittedAt: Date }[]> {
  const rows = await db
    .selectFrom('indicatorDecisions as d')
    .innerJoin('indicatorVersions as v', 'v.id', 'd.versionId')
    .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
    .select((eb) => ['i.agencyId', eb.fn.min('d.at').as('firstAt')])
    .where('d.action', '=', 'submitted')
    .where('i.kind', '=', 'specific')
    .groupBy('i.agencyId')
    .execute()
  return rows.flatMap((r) =>
    r.agencyId === null ? [] : [{ agencyId: r.agencyId, firstSubmittedAt: new Date(r.firstAt) }],
  )
}
