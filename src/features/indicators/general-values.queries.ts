import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { ComputedValue } from './general/index.ts'

type Executor = Kysely<Database>

/** The approved versions of computed (general) indicators, with their codes. */
export function approvedComputedVersions(db: Executor) {
  return db
    .selectFrom('indicatorVersions as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
    .select(['v.id', 'v.indicatorId', 'v.frequency', 'i.code'])
    .where('v.state', '=', 'approved')
    .where('v.source', '=', 'computed')
    .orderBy('i.code')
    .execute()
}

const CHUNK = 500

/** Writes one indicator's computed values for one period, replacing earlier computations. */
export async function upsertComputedValues(
  trx: Executor,
  c: {
    indicatorId: string
    versionId: string
    period: string
    queryFrom: Date
    queryTo: Date
    dueOn: string
    recordedAt: Date
    rows: readonly ComputedValue[]
  },
): Promise<number> {
  for (let i = 0; i < c.rows.length; i += CHUNK) {
    const values = c.rows.slice(i, i + CHUNK).map((r) => ({
      indicatorId: c.indicatorId,
      versionId: c.versionId,
      agencyId: r.agencyId,
      period: c.period,
      numerator: r.numerator,
      // A count or a median has no denominator; a ratio over nothing has none either.
      denominator: r.denominator === null || r.denominator <= 0 ? null : r.denominator,
      value: r.value,
      n: r.n,
      note: r.note ?? null,
      evidenceNote: null,
      evidenceFileId: null,
      source: 'computed' as const,
      queryFrom: c.queryFrom,
      queryTo: c.queryTo,
      recordedAt: c.recordedAt,
      recordedBy: null,
      dueOn: c.dueOn,
    }))
    await trx
      .insertInto('indicatorValues')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['indicatorId', 'agencyId', 'period']).doUpdateSet((eb) => ({
          versionId: eb.ref('excluded.versionId'),
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          value: eb.ref('excluded.value'),
          n: eb.ref('excluded.n'),
          note: eb.ref('excluded.note'),
          queryFrom: eb.ref('excluded.queryFrom'),
          queryTo: eb.ref('excluded.queryTo'),
          recordedAt: eb.ref('excluded.recordedAt'),
          dueOn: eb.ref('excluded.dueOn'),
        })),
      )
      .execute()
  }
  return c.rows.length
}
