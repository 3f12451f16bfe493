import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type {
  Database,
  IndicatorDecisionAction,
  IndicatorState,
  IndicatorVersionsTable,
} from '../../db/schema.ts'
import type {
  Indicator,
  IndicatorDecision,
  IndicatorDefinition,
  IndicatorKind,
  IndicatorVersion,
} from './indicator.model.ts'

type Executor = Kysely<Database>

const storedTargets = z.array(
  z.object({ year: z.number().int(), baseline: z.number().nullable(), target: z.number() }),
)
const storedScope = z.array(z.string())

function toVersion(row: Selectable<IndicatorVersionsTable>): IndicatorVersion {
  return {
    ...row,
    scopeServiceIds: storedScope.parse(row.scopeServiceIds),
    targets: storedTargets.parse(row.targets),
  }
}

function definitionColumns(d: IndicatorDefinition) {
  return {
    nameFa: d.nameFa,
    definition: d.definition,
    rationale: d.rationale,
    category: d.category,
    unit: d.unit,
    direction: d.direction,
    numeratorFa: d.numeratorFa,
    denominatorFa: d.denominatorFa,
    frequency: d.frequency,
    source: d.source,
    maxAgeDays: d.maxAgeDays,
    limitations: d.limitations,
    scopeServiceIds: JSON.stringify(d.scopeServiceIds),
    targets: JSON.stringify(d.targets),
  }
}

export async function insertIndicator(
  db: Executor,
  i: { code: string; kind: IndicatorKind; agencyId: string | null; now: Date },
): Promise<Indicator> {
  return db
    .insertInto('indicators')
    .values({ code: i.code, kind: i.kind, agencyId: i.agencyId, createdAt: i.now })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findIndicatorByCode(db: Executor, code: string): Promise<Indicator | undefined> {
  return db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst()
}

export function findIndicatorById(db: Executor, id: string): Promise<Indicator | undefined> {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Serialises writes to one indicator's versions (row lock on the indicator). */
export async function lockIndicator(db: Executor, id: string): Promise<void> {
  await db.selectFrom('indicators').select('id').where('id', '=', id).forUpdate().execute()
}

/** The codes an agency's specific indicators already use (`S-<agency code>-<nn>`). */
export async function specificCodesOf(db: Executor, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('indicators')
    .select('code')
    .where('agencyId', '=', agencyId)
    .execute()
  return rows.map((r) => r.code)
}

export async function insertVersion(
  db: Executor,
  v: IndicatorDefinition & {
    indicatorId: string
    versionNo: number
    state: IndicatorState
    createdBy: string | null
    now: Date
  },
): Promise<IndicatorVersion> {
  const row = await db
    .insertInto('indicatorVersions')
    .values({
      indicatorId: v.indicatorId,
      versionNo: v.versionNo,
      state: v.state,
      ...definitionColumns(v),
      createdAt: v.now,
      createdBy: v.createdBy,
      updatedAt: v.now,
      submittedAt: v.state === 'submitted' ? v.now : null,
      decidedAt: v.state === 'approved' ? v.now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toVersion(row)
}

/** Rewrites an editable version if it is still at `expectedRevision`; undefined when not. */
export async function updateDefinition(
  db: Executor,
  id: string,
  d: IndicatorDefinition,
  expectedRevision: number,
  now: Date,
): Promise<IndicatorVersion | undefined> {
  const row = await db
    .updateTable('indicatorVersions')
    .set((eb) => ({ ...definitionColumns(d), updatedAt: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .where('state', 'in', ['draft', 'changes_requested'])
    .returningAll()
    .executeTakeFirst()
  return row && toVersion(row)
}

/** Moves a version from one of `from` to `to`; undefined when it was not in `from`. */
export async function moveVersion(
  db: Executor,
  id: string,
  from: readonly IndicatorState[],
  to: IndicatorState,
  now: Date,
): Promise<IndicatorVersion | undefined> {
  const row = await db
    .updateTable('indicatorVersions')
    .set((eb) => ({
      state: to,
      updatedAt: now,
      revision: eb('revision', '+', 1),
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(to === 'approved' || to === 'rejected' || to === 'changes_requested'
        ? { decidedAt: now }
        : {}),
    }))
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .returningAll()
    .executeTakeFirst()
  return row && toVersion(row)
}

export async function findVersionById(
  db: Executor,
  id: string,
): Promise<IndicatorVersion | undefined> {
  const row = await db
    .selectFrom('indicatorVersions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toVersion(row)
}

/** Every version of an indicator, newest first. */
export async function versionsOf(db: Executor, indicatorId: string): Promise<IndicatorVersion[]> {
  const rows = await db
    .selectFrom('indicatorVersions')
    .selectAll()
    .where('indicatorId', '=', indicatorId)
    .orderBy('versionNo', 'desc')
    .execute()
  return rows.map(toVersion)
}

export async function insertDecision(
  db: Executor,
  d: {
    versionId: string
    action: IndicatorDecisionAction
    actorId: string | null
    actorName: string
    at: Date
    comment: string | null
    untilDay: string | null
  },
): Promise<void> {
  await db.insertInto('indicatorDecisions').values(d).execute()
}

/** An indicator's decision history over all its versions, oldest first. */
export async function decisionsOf(db: Executor, indicatorId: string): Promise<IndicatorDecision[]> {
  return db
    .selectFrom('indicatorDecisions as d')
    .innerJoin('indicatorVersions as v', 'v.id', 'd.versionId')
    .select([
      'd.id',
      'd.versionId',
      'v.versionNo',
      'd.action',
      'd.actorName',
      'd.at',
      'd.comment',
      'd.untilDay',
    ])
    .where('v.indicatorId', '=', indicatorId)
    .orderBy('d.at')
    .orderBy('v.versionNo')
    .execute()
}

/** One row of a list: an indicator with its version in force and its open proposal. */
export interface IndicatorListRow {
  indicator: Indicator
  agencyNameFa: string | null
  agencyCode: string | null
  approved: IndicatorVersion | undefined
  open: IndicatorVersion | undefined
  /** The newest version whatever its state (what a list shows when there is neither). */
  latest: IndicatorVersion
}

export interface IndicatorFilter {
  /** Only this agency's specific indicators (general ones are added by `withGeneral`). */
  agencyId?: string | null
  kind?: IndicatorKind
  withGeneral?: boolean
  /** Only indicators that have an approved version. */
  approvedOnly?: boolean
}

/** Indicators with their versions, in code order (two statements, whatever the count). */
export async function listIndicators(
  db: Executor,
  f: IndicatorFilter,
): Promise<IndicatorListRow[]> {
  let q = db
    .selectFrom('indicators as i')
    .leftJoin('agencies as a', 'a.id', 'i.agencyId')
    .select([
      'i.id',
      'i.code',
      'i.kind',
      'i.agencyId',
      'i.createdAt',
      'a.nameFa as agencyNameFa',
      'a.code as agencyCode',
    ])
  if (f.kind) q = q.where('i.kind', '=', f.kind)
  if (f.agencyId !== undefined) {
    const agencyId = f.agencyId
    q = q.where((eb) =>
      f.withGeneral
        ? eb.or([
            agencyId === null ? eb('i.agencyId', 'is', null) : eb('i.agencyId', '=', agencyId),
            eb('i.kind', '=', 'general'),
          ])
        : agencyId === null
          ? eb('i.agencyId', 'is', null)
          : eb('i.agencyId', '=', agencyId),
    )
  }
  if (f.approvedOnly)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('indicatorVersions as av')
          .select('av.id')
          .whereRef('av.indicatorId', '=', 'i.id')
          .where('av.state', '=', 'approved'),
      ),
    )
  const indicators = await q.orderBy('i.kind').orderBy('i.code').execute()
  if (indicators.length === 0) return []
  const versions = await db
    .selectFrom('indicatorVersions')
    .selectAll()
    .where(
      'indicatorId',
      'in',
      indicators.map((i) => i.id),
    )
    .orderBy('versionNo', 'desc')
    .execute()
  const byIndicator = new Map<string, IndicatorVersion[]>()
  for (const row of versions) {
    const list = byIndicator.get(row.indicatorId) ?? []
    list.push(toVersion(row))
    byIndicator.set(row.indicatorId, list)
  }
  return indicators.flatMap((i) => {
    const list = byIndicator.get(i.id) ?? []
    const latest = list[0]
    if (!latest) return []
    return [
      {
        indicator: {
          id: i.id,
          code: i.code,
          kind: i.kind,
          agencyId: i.agencyId,
          createdAt: i.createdAt,
        },
        agencyNameFa: i.agencyNameFa,
        agencyCode: i.agencyCode,
        approved: list.find((v) => v.state === 'approved'),
        open: list.find(
          (v) => v.state === 'draft' || v.state === 'submitted' || v.state === 'changes_requested',
        ),
        latest,
      },
    ]
  })
}

/** Services of `agencyId` among `ids` (a proposal may cover only its own agency's services). */
export async function ownServiceIds(
  db: Executor,
  agencyId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('services')
    .select('id')
    .where('agencyId', '=', agencyId)
    .where('id', 'in', [...ids])
    .execute()
  return rows.map((r) => r.id)
}
