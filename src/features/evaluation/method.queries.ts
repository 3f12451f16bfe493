import type { Kysely, Selectable } from 'kysely'
import type { Database, EvaluationMethodsTable } from '../../db/schema.ts'
import { type EvaluationMethod, type MethodComponent, storedComponents } from './method.model.ts'

type Executor = Kysely<Database>

function toMethod(row: Selectable<EvaluationMethodsTable>): EvaluationMethod {
  return {
    id: row.id,
    version: row.version,
    nameFa: row.nameFa,
    components: storedComponents.parse(row.components),
    growthWeight: row.growthWeight,
    minComparableShare: row.minComparableShare,
    createdAt: row.createdAt,
    frozenAt: row.frozenAt,
  }
}

/** The newest version (the one in force, or the one being edited). */
export async function latestMethod(
  db: Executor,
  lock = false,
): Promise<EvaluationMethod | undefined> {
  let q = db.selectFrom('evaluationMethods').selectAll().orderBy('version', 'desc').limit(1)
  if (lock) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toMethod(row)
}

export async function methodByVersion(
  db: Executor,
  version: number,
): Promise<EvaluationMethod | undefined> {
  const row = await db
    .selectFrom('evaluationMethods')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst()
  return row && toMethod(row)
}

export interface MethodFields {
  nameFa: string
  components: MethodComponent[]
  growthWeight: number
  minComparableShare: number
}

export async function insertMethod(
  db: Executor,
  m: MethodFields & { version: number; userId: string | null; now: Date },
): Promise<EvaluationMethod> {
  const row = await db
    .insertInto('evaluationMethods')
    .values({
      version: m.version,
      nameFa: m.nameFa,
      components: JSON.stringify(m.components),
      growthWeight: m.growthWeight,
      minComparableShare: m.minComparableShare,
      createdAt: m.now,
      createdBy: m.userId,
      updatedAt: m.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toMethod(row)
}

/** Rewrites a version not yet frozen; undefined when it is frozen. */
export async function updateUnfrozen(
  db: Executor,
  id: string,
  m: MethodFields,
  now: Date,
): Promise<EvaluationMethod | undefined> {
  const row = await db
    .updateTable('evaluationMethods')
    .set({
      nameFa: m.nameFa,
      components: JSON.stringify(m.components),
      growthWeight: m.growthWeight,
      minComparableShare: m.minComparableShare,
      updatedAt: now,
    })
    .where('id', '=', id)
    .where('frozenAt', 'is', null)
    .returningAll()
    .executeTakeFirst()
  return row && toMethod(row)
}

/** Freezes a version (when a published evaluation uses it); a second call changes nothing. */
export async function freezeMethod(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('evaluationMethods')
    .set({ frozenAt: now })
    .where('id', '=', id)
    .where('frozenAt', 'is', null)
    .execute()
}
