import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { Migrator } from 'kysely/migration'
import type { Db } from '../../db/create-db.ts'
import { migrations } from '../../db/migrations/index.ts'
import type { Clock } from '../../lib/clock.ts'
import { recordAudit } from '../audit/index.ts'
import {
  type BackupHeader,
  type BackupSummary,
  backupHeaderSchema,
  controlLineSchema,
  isControlLine,
  LEFT_OUT_TABLES,
} from './backup.format.ts'
import {
  countRows,
  executedMigrations,
  immediateForeignKeys,
  insertJsonRows,
  listTables,
  MIGRATOR_TABLES,
  setConstraints,
  setForeignKeysDeferrable,
  setSequence,
  setUserTriggers,
  truncateAll,
  writableColumns,
} from './backup.queries.ts'

/**
 * `mardom restore <file>`: loads a backup into the configured database, which must be new
 * (no agency, user or service yet) unless `force` is given. Steps:
 *
 * 1. The file's header is checked, and its migrations must be ones this version of Mardom
 *    knows (a backup from a newer version is refused), and the target must not be ahead of it.
 * 2. The target is migrated to exactly the backup's schema, so every table and column matches.
 * 3. In one transaction: every table is emptied; foreign keys are made deferrable and the
 *    tables' own triggers turned off (rows go in table by table, as they were, timestamps
 *    untouched); the rows and sequences are loaded; every reference is checked; keys and
 *    triggers are put back; the restore is audited. Anything wrong — a truncated file, a
 *    broken reference — rolls the whole restore back.
 * 4. The target is migrated to the latest schema, so a backup from an older version is
 *    brought up to date like any database.
 */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused'
}

const INSERT_BATCH_BYTES = 2 * 1024 * 1024
const INSERT_BATCH_ROWS = 500

function lines(path: string): AsyncIterable<string> {
  const input = createReadStream(path).pipe(createGunzip())
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
}

/** Reads and checks the header line alone. */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  for await (const line of lines(path)) {
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new RestoreRefused('not a Mardom backup file (the first line is not JSON)')
    }
    const parsed = backupHeaderSchema.safeParse(value)
    if (!parsed.success) throw new RestoreRefused('not a mardom-backup version 1 file')
    return parsed.data
  }
  throw new RestoreRefused('the backup file is empty')
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

/** Whether the target holds anything people made (migrations alone seed reference data). */
async function hasContent(db: Db): Promise<boolean> {
  for (const table of ['agencies', 'users', 'services'])
    if ((await countRows(db, table)) > 0) return true
  return false
}

async function prepareTarget(db: Db, header: BackupHeader, force: boolean): Promise<void> {
  const known = Object.keys(migrations).sort()
  const unknown = header.migrations.filter((m) => !known.includes(m))
  if (unknown.length > 0)
    throw new RestoreRefused(
      `the backup was made by a newer version of Mardom (unknown migrations: ${unknown.join(', ')}); restore it with that version`,
    )
  const done = await executedMigrations(db)
  const ahead = done.filter((m) => !header.migrations.includes(m))
  if (ahead.length > 0)
    throw new RestoreRefused(
      `the target database is at a newer schema than the backup (${ahead.join(', ')}); restore into a new DATA_DIR or an empty database`,
    )
  const last = header.migrations[header.migrations.length - 1]
  if (!last) throw new RestoreRefused('the backup lists no migrations')
  const result = await migrator(db).migrateTo(last)
  if (result.error) throw result.error
  if (!force && (await hasContent(db)))
    throw new RestoreRefused(
      'the target database is not empty (it has agencies, users or services); restore into a new DATA_DIR or an empty database, or pass --force to replace everything in it',
    )
}

async function loadRows(
  trx: Db,
  path: string,
  known: Set<string>,
): Promise<BackupSummary & { sequences: number }> {
  let table: { name: string; columns: string[] } | undefined
  let batch: string[] = []
  let batchBytes = 0
  let tables = 0
  let rows = 0
  let sequences = 0
  let ended: { tables: number; rows: number } | undefined
  const flush = async () => {
    if (table && batch.length > 0) await insertJsonRows(trx, table.name, table.columns, batch)
    batch = []
    batchBytes = 0
  }
  let first = true
  for await (const line of lines(path)) {
    if (first) {
      first = false // the header, checked before
      continue
    }
    if (line === '') continue
    if (ended) throw new RestoreRefused('the backup file has lines after its end')
    if (!isControlLine(line)) {
      if (!table) throw new RestoreRefused('the backup file has a row before any table')
      batch.push(line)
      batchBytes += line.length
      rows++
      if (batch.length >= INSERT_BATCH_ROWS || batchBytes >= INSERT_BATCH_BYTES) await flush()
      continue
    }
    await flush()
    const parsed = controlLineSchema.safeParse(JSON.parse(line))
    if (!parsed.success) throw new RestoreRefused(`the backup file has a bad line: ${line}`)
    const c = parsed.data
    if (c.$ === 'table') {
      if (!known.has(c.name))
        throw new RestoreRefused(`the backup has a table this database does not: ${c.name}`)
      const here = await writableColumns(trx, c.name)
      if (here.join(',') !== c.columns.join(','))
        throw new RestoreRefused(`the columns of ${c.name} differ from the backup's`)
      table = { name: c.name, columns: c.columns }
      tables++
    } else if (c.$ === 'sequence') {
      await setSequence(trx, c.name, c.value, c.called)
      sequences++
    } else {
      ended = { tables: c.tables, rows: c.rows }
    }
  }
  await flush()
  if (!ended) throw new RestoreRefused('the backup file is incomplete (no end line)')
  if (ended.tables !== tables || ended.rows !== rows)
    throw new RestoreRefused('the backup file is incomplete (fewer rows than it announces)')
  return { tables, rows, sequences }
}

export interface RestoreReport extends BackupSummary {
  sequences: number
  createdAt: string
  leftOut: Record<string, string>
}

export async function restoreBackup(
  db: Db,
  path: string,
  clock: Clock,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const header = await readBackupHeader(path)
  await prepareTarget(db, header, options.force === true)
  const summary = await db.transaction().execute(async (trx) => {
    const tables = (await listTables(trx)).filter((t) => !MIGRATOR_TABLES.includes(t))
    const keys = await immediateForeignKeys(trx)
    await truncateAll(trx, tables)
    await setForeignKeysDeferrable(trx, keys, true)
    await setConstraints(trx, 'deferred')
    await setUserTriggers(trx, tables, false)
    const loaded = await loadRows(trx, path, new Set(tables))
    await setConstraints(trx, 'immediate')
    await setUserTriggers(trx, tables, true)
    await setForeignKeysDeferrable(trx, keys, false)
    await recordAudit(trx, clock, {
      actor: null,
      entityType: 'installation',
      entityId: 'database',
      action: 'restore',
      agencyId: null,
      before: null,
      after: { backupCreatedAt: header.createdAt, tables: loaded.tables, rows: loaded.rows },
    })
    return loaded
  })
  const result = await migrator(db).migrateToLatest()
  if (result.error) throw result.error
  return { ...summary, createdAt: header.createdAt, leftOut: header.leftOut ?? LEFT_OUT_TABLES }
}
