import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** A published service, as a scope choice or a scope line. */
export interface ServiceChoice {
  id: string
  slug: string
  title: string
}

/** The agency's published services (what a proposal may limit its scope to), in title order. */
export function publishedServicesOf(db: Executor, agencyId: string): Promise<ServiceChoice[]> {
  return db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .select(['s.id', 's.slug', 'v.title'])
    .where('v.status', '=', 'published')
    .where('s.withdrawnAt', 'is', null)
    .where('s.agencyId', '=', agencyId)
    .orderBy('v.sortKey')
    .orderBy('s.id')
    .execute()
}

/**
 * Titles of services named by a scope. Every service is named (a withdrawn one keeps the title
 * of its last public version, so an old scope still reads); `published` says whether to link it.
 */
export async function serviceTitlesOf(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, ServiceChoice & { published: boolean }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .select(['s.id', 's.slug', 'v.title', 'v.status', 's.withdrawnAt', 'v.versionNo'])
    .where('s.id', 'in', [...ids])
    .where('v.status', 'in', ['published', 'superseded'])
    .orderBy('v.versionNo', 'desc')
    .execute()
  const out = new Map<string, ServiceChoice & { published: boolean }>()
  for (const r of rows) {
    if (out.has(r.id)) continue
    out.set(r.id, {
      id: r.id,
      slug: r.slug,
      title: r.title,
      published: r.status === 'published' && r.withdrawnAt === null,
    })
  }
  return out
}

/** An agency as the deadline board sees it. */
export interface DeadlineAgency {
  id: string
  code: string
  nameFa: string
  credentialsIssuedAt: Date | null
  /** When it first sent a specific indicator for approval; null when it never has. */
  firstSubmittedAt: Date | null
}

/** Every agency with its credentials date and its first submission of a specific indicator. */
export async function deadlineAgencies(db: Executor): Promise<DeadlineAgency[]> {
  const [agencies, firsts] = await Promise.all([
    db
      .selectFrom('agencies')
      .select(['id', 'code', 'nameFa', 'credentialsIssuedAt'])
      .orderBy('code')
      .execute(),
    db
      .selectFrom('indicatorDecisions as d')
      .innerJoin('indicatorVersions as v', 'v.id', 'd.versionId')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .select((eb) => ['i.agencyId', eb.fn.min('d.at').as('firstAt')])
      .where('d.action', '=', 'submitted')
      .where('i.kind', '=', 'specific')
      .groupBy('i.agencyId')
      .execute(),
  ])
  const first = new Map(firsts.map((f) => [f.agencyId, f.firstAt]))
  return agencies.map((a) => {
    const at = first.get(a.id)
    return { ...a, firstSubmittedAt: at ? new Date(at) : null }
  })
}
