import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { IndicatorValue, SubmissionState } from './value.model.ts'

type Executor = Kysely<Database>

export type NewValueRow = Omit<IndicatorValue, 'id'>

/** Records a value, replacing the agency's earlier value for the same period. */
export async function upsertValue(db: Executor, v: NewValueRow): Promise<IndicatorValue> {
  return db
    .insertInto('indicatorValues')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['indicatorId', 'agencyId', 'period']).doUpdateSet({
        versionId: v.versionId,
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.value,
        n: v.n,
        note: v.note,
        evidenceNote: v.evidenceNote,
        evidenceFileId: v.evidenceFileId,
        source: v.source,
        queryFrom: v.queryFrom,
        queryTo: v.queryTo,
        recordedAt: v.recordedAt,
        recordedBy: v.recordedBy,
        dueOn: v.dueOn,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findValue(
  db: Executor,
  k: { indicatorId: string; agencyId: string; period: string },
): Promise<IndicatorValue | undefined> {
  return db
    .selectFrom('indicatorValues')
    .selectAll()
    .where('indicatorId', '=', k.indicatorId)
    .where('agencyId', '=', k.agencyId)
    .where('period', '=', k.period)
    .executeTakeFirst()
}

/** An indicator's values, oldest period first; one agency's when `agencyId` is given. */
export function valuesOf(
  db: Executor,
  indicatorId: string,
  agencyId?: string,
): Promise<IndicatorValue[]> {
  let q = db.selectFrom('indicatorValues').selectAll().where('indicatorId', '=', indicatorId)
  if (agencyId) q = q.where('agencyId', '=', agencyId)
  return q.orderBy('period').orderBy('agencyId').execute()
}

/** How many values an agency has recorded for a period. */
export async function countValuesOf(
  db: Executor,
  agencyId: string,
  period: string,
): Promise<number> {
  const row = await db
    .selectFrom('indicatorValues')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agencyId', '=', agencyId)
    .where('period', '=', period)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface SubmissionRow {
  agencyId: string
  period: string
  state: SubmissionState
  submittedAt: Date
  submittedBy: string | null
  decidedAt: Date | null
  decidedBy: string | null
  comment: string | null
}

/** The period's submission, row-locked when `lock` (a value write checks it under the lock). */
export function findSubmission(
  db: Executor,
  agencyId: string,
  period: string,
  lock = false,
): Promise<SubmissionRow | undefined> {
  let q = db
    .selectFrom('indicatorPeriodSubmissions')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('period', '=', period)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function saveSubmission(db: Executor, s: SubmissionRow): Promise<void> {
  await db
    .insertInto('indicatorPeriodSubmissions')
    .values(s)
    .onConflict((oc) =>
      oc.columns(['agencyId', 'period']).doUpdateSet({
        state: s.state,
        submittedAt: s.submittedAt,
        submittedBy: s.submittedBy,
        decidedAt: s.decidedAt,
        decidedBy: s.decidedBy,
        comment: s.comment,
      }),
    )
    .execute()
}

/** Submissions waiting for the centre, oldest first. */
export function waitingSubmissions(db: Executor): Promise<SubmissionRow[]> {
  return db
    .selectFrom('indicatorPeriodSubmissions')
    .selectAll()
    .where('state', '=', 'submitted')
    .orderBy('submittedAt')
    .execute()
}

export async function insertEvidenceFile(
  db: Executor,
  f: {
    sha256: string
    name: string
    mediaType: string
    bytes: Uint8Array
    uploadedAt: Date
    uploadedBy: string | null
  },
): Promise<string> {
  const row = await db
    .insertInto('indicatorEvidenceFiles')
    .values({ ...f, size: f.bytes.length })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export function findEvidenceFile(db: Executor, id: string) {
  return db.selectFrom('indicatorEvidenceFiles').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The approved version in force of an indicator (none: it may not be used). */
export async function approvedVersionOf(db: Executor, indicatorId: string) {
  return db
    .selectFrom('indicatorVersions')
    .select(['id', 'unit', 'denominatorFa', 'frequency', 'source', 'nameFa', 'maxAgeDays'])
    .where('indicatorId', '=', indicatorId)
    .where('state', '=', 'approved')
    .executeTakeFirst()
}

/** A value with its agency's code and the state of its period's submission. */
export interface ValueWithState extends IndicatorValue {
  agencyCode: string
  agencyNameFa: string
  submission: SubmissionState | null
}

/** An indicator's values with their period's state, oldest period first. */
export async function valuesWithState(
  db: Executor,
  indicatorId: string,
  agencyId?: string,
): Promise<ValueWithState[]> {
  let q = db
    .selectFrom('indicatorValues as v')
    .innerJoin('agencies as a', 'a.id', 'v.agencyId')
    .leftJoin('indicatorPeriodSubmissions as s', (j) =>
      j.onRef('s.agencyId', '=', 'v.agencyId').onRef('s.period', '=', 'v.period'),
    )
    .selectAll('v')
    .select(['a.code as agencyCode', 'a.nameFa as agencyNameFa', 's.state as submission'])
    .where('v.indicatorId', '=', indicatorId)
  if (agencyId) q = q.where('v.agencyId', '=', agencyId)
  return q.orderBy('v.period').orderBy('a.code').execute()
}

/** An agency's values of one period across its indicators, with each indicator's code and name. */
export function valuesOfAgencyPeriod(db: Executor, agencyId: string, period: string) {
  return db
    .selectFrom('indicatorValues as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
    .innerJoin('indicatorVersions as iv', 'iv.id', 'v.versionId')
    .select([
      'i.code',
      'iv.nameFa',
      'iv.unit',
      'v.numerator',
      'v.denominator',
      'v.value',
      'v.source',
      'v.evidenceNote',
      'v.evidenceFileId',
      'v.recordedAt',
      'v.dueOn',
    ])
    .where('v.agencyId', '=', agencyId)
    .where('v.period', '=', period)
    .orderBy('i.code')
    .execute()
}
