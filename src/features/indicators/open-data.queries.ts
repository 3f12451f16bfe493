import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** Every indicator with its approved version in force (the one in use), by code. */
export function approvedIndicatorRows(db: Executor) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('indicatorVersions as v', 'v.indicatorId', 'i.id')
    .leftJoin('agencies as a', 'a.id', 'i.agencyId')
    .select([
      'i.code',
      'i.kind',
      'a.code as agencyCode',
      'a.nameFa as agencyName',
      'v.versionNo',
      'v.nameFa',
      'v.definition',
      'v.rationale',
      'v.category',
      'v.unit',
      'v.direction',
      'v.numeratorFa',
      'v.denominatorFa',
      'v.frequency',
      'v.source',
      'v.maxAgeDays',
      'v.limitations',
      'v.targets',
      'v.decidedAt',
    ])
    .where('v.state', '=', 'approved')
    .orderBy('i.code')
    .execute()
}

/**
 * The values the public may see (as GET /indicators/{code}/values shows them): those of
 * periods the centre accepted, and the portal's own computed ones; only of indicators in use
 * (with an approved version). Each with the method version it was recorded under.
 */
export function publicValueRows(db: Executor) {
  return db
    .selectFrom('indicatorValues as x')
    .innerJoin('indicators as i', 'i.id', 'x.indicatorId')
    .innerJoin('indicatorVersions as v', 'v.id', 'x.versionId')
    .innerJoin('agencies as a', 'a.id', 'x.agencyId')
    .leftJoin('indicatorPeriodSubmissions as s', (j) =>
      j.onRef('s.agencyId', '=', 'x.agencyId').onRef('s.period', '=', 'x.period'),
    )
    .select([
      'i.code',
      'i.kind',
      'v.versionNo',
      'v.nameFa',
      'v.unit',
      'v.direction',
      'v.frequency',
      'v.numeratorFa',
      'v.denominatorFa',
      'a.code as agencyCode',
      'a.nameFa as agencyName',
      'x.period',
      'x.numerator',
      'x.denominator',
      'x.n',
      'x.value',
      'x.note',
      'x.source',
      'x.queryFrom',
      'x.queryTo',
      'x.recordedAt',
      'x.dueOn',
      's.state as periodState',
    ])
    .where((eb) => eb.or([eb('x.source', '=', 'computed'), eb('s.state', '=', 'accepted')]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('indicatorVersions as w')
          .select('w.id')
          .whereRef('w.indicatorId', '=', 'x.indicatorId')
          .where('w.state', '=', 'approved'),
      ),
    )
    .orderBy('i.code')
    .orderBy('a.code')
    .orderBy('x.period')
    .execute()
}
