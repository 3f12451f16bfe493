import type { Kysely, Selectable } from 'kysely'
import type {
  Database,
  EvaluationSnapshotsTable,
  EvaluationStatus,
  ObjectionStatus,
} from '../../db/schema.ts'
import type { ScorecardInput } from './scorecard.ts'
import {
  canonicalJson,
  type Snapshot,
  type SnapshotSummary,
  storedInputs,
  storedScorecards,
} from './snapshot.model.ts'

type Executor = Kysely<Database>

const SUMMARY_COLUMNS = [
  'id',
  'period',
  'status',
  'seq',
  'correctsId',
  'methodId',
  'methodVersion',
  'inputsDigest',
  'agencies',
  'computedAt',
  'publishedAt',
  'objectionsUntil',
  'noteFa',
] as const

type SummaryRow = Pick<Selectable<EvaluationSnapshotsTable>, (typeof SUMMARY_COLUMNS)[number]>

function toSummary(row: SummaryRow): SnapshotSummary {
  return { ...row }
}

function toSnapshot(row: Selectable<EvaluationSnapshotsTable>): Snapshot {
  return {
    ...toSummary(row),
    inputs: storedInputs.parse(row.inputs),
    scorecards: storedScorecards.parse(row.scorecards),
  }
}

/** Every evaluation, newest period first and, within a period, the latest correction first. */
export async function listSnapshots(db: Executor): Promise<SnapshotSummary[]> {
  const rows = await db
    .selectFrom('evaluationSnapshots')
    .select(SUMMARY_COLUMNS)
    .orderBy('period', 'desc')
    .orderBy('seq', 'desc')
    .execute()
  return rows.map(toSummary)
}

export async function snapshotById(db: Executor, id: string): Promise<Snapshot | undefined> {
  const row = await db
    .selectFrom('evaluationSnapshots')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toSnapshot(row)
}

/**
 * The evaluation of a period that is in force: the latest published or corrected one, else the
 * provisional one. `lock` takes the period's rows for update (closing and correcting).
 */
export async function currentSnapshot(
  db: Executor,
  period: string,
  opts: { publishedOnly?: boolean; lock?: boolean } = {},
): Promise<Snapshot | undefined> {
  let q = db
    .selectFrom('evaluationSnapshots')
    .selectAll()
    .where('period', '=', period)
    .orderBy('seq', 'desc')
    .limit(1)
  if (opts.publishedOnly) q = q.where('status', '<>', 'provisional')
  if (opts.lock) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toSnapshot(row)
}

/** The seq of a period's latest published snapshot; 0 when none is published. */
export async function latestSeq(db: Executor, period: string): Promise<number> {
  const row = await db
    .selectFrom('evaluationSnapshots')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('period', '=', period)
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

export interface NewSnapshot {
  period: string
  status: EvaluationStatus
  seq: number
  correctsId: string | null
  methodId: string
  methodVersion: number
  inputs: readonly ScorecardInput[]
  inputsDigest: string
  scorecards: readonly unknown[]
  computedAt: Date
  publishedAt: Date | null
  publishedBy: string | null
  objectionsUntil: Date | null
  noteFa: string | null
}

export async function insertSnapshot(db: Executor, s: NewSnapshot): Promise<SnapshotSummary> {
  const row = await db
    .insertInto('evaluationSnapshots')
    .values({
      ...s,
      inputs: canonicalJson(s.inputs),
      scorecards: canonicalJson(s.scorecards),
      agencies: s.inputs.length,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow()
  return toSummary(row)
}

/** Drops a period's provisional evaluation (it is replaced daily, and dropped when published). */
export async function deleteProvisional(db: Executor, period: string): Promise<void> {
  await db
    .deleteFrom('evaluationSnapshots')
    .where('period', '=', period)
    .where('status', '=', 'provisional')
    .execute()
}

/** The active agency admins of every agency: who is told that an evaluation was published. */
export async function agencyAdminIds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'agency_admin')
    .where('agencyId', 'is not', null)
    .where('disabledAt', 'is', null)
    .orderBy('username')
    .execute()
  return rows.map((r) => r.id)
}

export interface Objection {
  id: string
  snapshotId: string
  agencyId: string
  component: string
  reasonFa: string
  lodgedAt: Date
  status: ObjectionStatus
  answerFa: string | null
  correctedValue: number | null
  correctedN: number | null
  answeredAt: Date | null
  appliedIn: string | null
}

const OBJECTION_COLUMNS = [
  'id',
  'snapshotId',
  'agencyId',
  'component',
  'reasonFa',
  'lodgedAt',
  'status',
  'answerFa',
  'correctedValue',
  'correctedN',
  'answeredAt',
  'appliedIn',
] as const

export async function insertObjection(
  db: Executor,
  o: {
    snapshotId: string
    agencyId: string
    component: string
    reasonFa: string
    lodgedAt: Date
    lodgedBy: string | null
  },
): Promise<Objection> {
  return db
    .insertInto('evaluationObjections')
    .values(o)
    .returning(OBJECTION_COLUMNS)
    .executeTakeFirstOrThrow()
}

/** The objections lodged against any snapshot of a period, oldest first. */
export async function objectionsOfPeriod(
  db: Executor,
  period: string,
  agencyId?: string,
): Promise<Objection[]> {
  let q = db
    .selectFrom('evaluationObjections as o')
    .innerJoin('evaluationSnapshots as s', 's.id', 'o.snapshotId')
    .select(OBJECTION_COLUMNS.map((c) => `o.${c}` as const))
    .where('s.period', '=', period)
    .orderBy('o.lodgedAt')
    .orderBy('o.id')
  if (agencyId) q = q.where('o.agencyId', '=', agencyId)
  return q.execute()
}

export async function objectionById(
  db: Executor,
  id: string,
  lock = false,
): Promise<Objection | undefined> {
  let q = db.selectFrom('evaluationObjections').select(OBJECTION_COLUMNS).where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function answerObjectionRow(
  db: Executor,
  id: string,
  a: {
    status: Exclude<ObjectionStatus, 'open'>
    answerFa: string
    correctedValue: number | null
    correctedN: number | null
    answeredAt: Date
    answeredBy: string | null
  },
): Promise<Objection | undefined> {
  return db
    .updateTable('evaluationObjections')
    .set(a)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning(OBJECTION_COLUMNS)
    .executeTakeFirst()
}

/** Accepted objections of a period not yet applied in a corrected snapshot. */
export async function pendingAccepted(db: Executor, period: string): Promise<Objection[]> {
  return (await objectionsOfPeriod(db, period)).filter(
    (o) => o.status === 'accepted' && o.appliedIn === null,
  )
}

export async function markApplied(db: Executor, ids: readonly string[], snapshotId: string) {
  if (ids.length === 0) return
  await db
    .updateTable('evaluationObjections')
    .set({ appliedIn: snapshotId })
    .where('id', 'in', [...ids])
    .execute()
}
