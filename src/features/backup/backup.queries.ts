import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/**
 * The catalogue queries behind backup and restore. Tables, columns, sequences and foreign keys
 * are read from the database's own catalogue, never listed by hand, so a table a later feature
 * adds is backed up and restored without anyone touching this feature.
 */

/** The migrator's own bookkeeping: recreated by migrating the target, not copied. */
export const MIGRATOR_TABLES = ['kysely_migration', 'kysely_migration_lock']

export async function listTables(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`.execute(db)
  return rows.map((r) => r.name)
}

/** The columns a restore writes: every column but generated ones (computed again). */
export async function writableColumns(db: Executor, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`.execute(db)
  return rows.map((r) => r.name)
}

export async function listSequences(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'S'
    ORDER BY c.relname`.execute(db)
  return rows.map((r) => r.name)
}

export async function readSequence(
  db: Executor,
  name: string,
): Promise<{ value: string; called: boolean }> {
  const { rows } = await sql<{ value: string; called: boolean }>`
    SELECT last_value::text AS value, is_called AS called FROM ${sql.table(name)}`.execute(db)
  const row = rows[0]
  if (!row) throw new Error(`sequence ${name} has no state`)
  return row
}

export async function setSequence(
  db: Executor,
  name: string,
  value: string,
  called: boolean,
): Promise<void> {
  await sql`SELECT setval(${name}::regclass, ${value}::bigint, ${called})`.execute(db)
}

/** The names of migrations the database has run, in order (none when it was never migrated). */
export async function executedMigrations(db: Executor): Promise<string[]> {
  const { rows: exists } = await sql<{ found: boolean }>`
    SELECT to_regclass('kysely_migration') IS NOT NULL AS found`.execute(db)
  if (!exists[0]?.found) return []
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name`.execute(db)
  return rows.map((r) => r.name)
}

/**
 * Opens a cursor over a table's rows as JSON text (`row_to_json`): every type keeps its exact
 * text form (microseconds, numeric digits, bytea as hex), and a restore turns it back with
 * `json_populate_recordset` without the values ever passing through JavaScript numbers or dates.
 */
export async function openRowCursor(db: Executor, table: string): Promise<void> {
  await sql`DECLARE backup_rows NO SCROLL CURSOR FOR
    SELECT row_to_json(t)::text AS j FROM ${sql.table(table)} t`.execute(db)
}

export async function fetchRows(db: Executor, count: number): Promise<string[]> {
  const { rows } = await sql<{
    j: string
  }>`FETCH ${sql.raw(String(Math.trunc(count)))} FROM backup_rows`.execute(db)
  return rows.map((r) => r.j)
}

export async function closeRowCursor(db: Executor): Promise<void> {
  await sql`CLOSE backup_rows`.execute(db)
}

export async function countRows(db: Executor, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** Empties the tables (one statement, so references among them do not stand in the way). */
export async function truncateAll(db: Executor, tables: string[]): Promise<void> {
  if (tables.length === 0) return
  await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))} RESTART IDENTITY`.execute(db)
}

/** Inserts rows given as `row_to_json` text into the named columns. */
export async function insertJsonRows(
  db: Executor,
  table: string,
  columns: string[],
  rowsJson: string[],
): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.id(c)))
  await sql`
    INSERT INTO ${sql.table(table)} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM json_populate_recordset(NULL::${sql.table(table)}, ${`[${rowsJson.join(',')}]`}::json)`.execute(
    db,
  )
}

export interface ForeignKey {
  table: string
  name: string
}

export async function immediateForeignKeys(db: Executor): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    SELECT r.relname AS table, c.conname AS name
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    JOIN pg_class r ON r.oid = c.conrelid
    WHERE n.nspname = current_schema() AND c.contype = 'f' AND NOT c.condeferrable
    ORDER BY 1, 2`.execute(db)
  return rows
}

/**
 * Makes the foreign keys deferrable for the restore's transaction and back: rows then go in
 * table by table in any order (an agency before its parent, a user before the agency), and
 * every reference is still checked, at `SET CONSTRAINTS ALL IMMEDIATE`, before the commit.
 */
export async function setForeignKeysDeferrable(
  db: Executor,
  keys: ForeignKey[],
  deferrable: boolean,
): Promise<void> {
  for (const k of keys) {
    await sql`ALTER TABLE ${sql.table(k.table)} ALTER CONSTRAINT ${sql.id(k.name)} ${sql.raw(
      deferrable ? 'DEFERRABLE INITIALLY DEFERRED' : 'NOT DEFERRABLE',
    )}`.execute(db)
  }
}

export async function setConstraints(db: Executor, mode: 'deferred' | 'immediate'): Promise<void> {
  await sql`SET CONSTRAINTS ALL ${sql.raw(mode === 'deferred' ? 'DEFERRED' : 'IMMEDIATE')}`.execute(
    db,
  )
}

/** Turns the tables' own triggers (not the foreign-key ones) off or on. */
export async function setUserTriggers(db: Executor, tables: string[], on: boolean): Promise<void> {
  for (const t of tables)
    await sql`ALTER TABLE ${sql.table(t)} ${sql.raw(on ? 'ENABLE' : 'DISABLE')} TRIGGER USER`.execute(
      db,
    )
}

export async function setReadOnlyTransaction(db: Executor): Promise<void> {
  await sql`SET TRANSACTION READ ONLY`.execute(db)
}
