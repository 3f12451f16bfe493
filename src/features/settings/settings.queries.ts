import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** The stored values of the given keys (still unchecked: callers parse them). */
export async function readSettings(
  db: Executor,
  keys: string[],
  options: { forUpdate?: boolean } = {},
): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map()
  let query = db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys)
  // Inside a write: hold the row so the audit event's "before" is the value actually replaced.
  if (options.forUpdate) query = query.forUpdate()
  const rows = await query.execute()
  return new Map(rows.map((r) => [r.key, r.value]))
}

/** Inserts or replaces one setting. */
export async function writeSetting(
  db: Executor,
  key: string,
  value: unknown,
  now: Date,
): Promise<void> {
  const json = JSON.stringify(value)
  await db
    .insertInto('settings')
    .values({ key, value: json, updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: now }))
    .execute()
}
