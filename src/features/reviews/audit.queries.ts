import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export interface AuditRow {
  reviewId: string
  serviceId: string
  serviceSlug: string
  serviceTitle: string
  agencyId: string
  completedAt: Date
  auditStatus: 'pending' | 'accepted' | 'rejected' | null
  auditReason: string | null
}

/** Reviews completed «بدون تغییر» in [from, to): the quarter's population. */
export async function unchangedReviewsIn(db: Executor, from: Date, to: Date): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('serviceReviews as r')
    .innerJoin('services as s', 's.id', 'r.serviceId')
    .innerJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .select([
      'r.id as reviewId',
      'r.serviceId',
      's.slug as serviceSlug',
      'v.title as serviceTitle',
      'r.agencyId',
      'r.completedAt',
      'r.auditStatus',
      'r.auditReason',
    ])
    .where('r.status', '=', 'completed')
    .where('r.outcome', '=', 'unchanged')
    .where('r.completedAt', '>=', from)
    .where('r.completedAt', '<', to)
    .orderBy('r.completedAt')
    .orderBy('r.id')
    .execute()
  return rows.flatMap((r) => (r.completedAt ? [{ ...r, completedAt: r.completedAt }] : []))
}

export async function findSample(db: Executor, quarter: string) {
  return db
    .selectFrom('reviewAuditSamples')
    .selectAll()
    .where('quarter', '=', quarter)
    .executeTakeFirst()
}

export async function insertSample(
  db: Executor,
  s: { quarter: string; seed: string; size: number; population: number; now: Date; userId: string },
): Promise<string> {
  const row = await db
    .insertInto('reviewAuditSamples')
    .values({
      quarter: s.quarter,
      seed: s.seed,
      size: s.size,
      population: s.population,
      drawnAt: s.now,
      drawnBy: s.userId,
    })
    .onConflict((oc) => oc.column('quarter').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!row) throw new Error('sample already drawn')
  return row.id
}

export async function markSampled(
  db: Executor,
  sampleId: string,
  reviewIds: readonly string[],
): Promise<void> {
  if (reviewIds.length === 0) return
  await db
    .updateTable('serviceReviews')
    .set({ auditSampleId: sampleId, auditStatus: 'pending' })
    .where('id', 'in', [...reviewIds])
    .execute()
}

export async function setAuditDecision(
  db: Executor,
  reviewId: string,
  d: { status: 'accepted' | 'rejected'; reason: string | null; userId: string; now: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('serviceReviews')
    .set({ auditStatus: d.status, auditReason: d.reason, auditedBy: d.userId, auditedAt: d.now })
    .where('id', '=', reviewId)
    .where('auditStatus', '=', 'pending')
    .executeTakeFirst()
  return r.numUpdatedRows === 1n
}

/** The last completed review of a service that still counts (not rejected), other than one. */
export async function lastCountingReview(
  db: Executor,
  serviceId: string,
  exceptId: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('serviceReviews')
    .select('completedAt')
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'completed')
    .where('id', '<>', exceptId)
    .where((eb) => eb.or([eb('auditStatus', 'is', null), eb('auditStatus', '<>', 'rejected')]))
    .orderBy('completedAt', 'desc')
    .executeTakeFirst()
  return row?.completedAt ?? null
}
