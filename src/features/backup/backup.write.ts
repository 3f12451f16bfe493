import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { createGzip } from 'node:zlib'
import type { Db, DbHandle } from '../../db/create-db.ts'
import type { Clock } from '../../lib/clock.ts'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupSummary,
  LEFT_OUT_TABLES,
} from './backup.format.ts'
import {
  closeRowCursor,
  executedMigrations,
  fetchRows,
  listSequences,
  listTables,
  MIGRATOR_TABLES,
  openRowCursor,
  readSequence,
  setReadOnlyTransaction,
  writableColumns,
} from './backup.queries.ts'

/** Rows per fetch: a small step, so the event loop (and other requests) get turns. */
const FETCH_ROWS = 200

/**
 * Writes a backup of the whole database to `out` (gzip), from one REPEATABLE READ, READ ONLY
 * transaction: every table as of one instant, while the portal keeps serving. On PGlite that
 * transaction holds the single connection, so database work of other requests waits for the
 * backup (the demo: well under a second); the event loop itself is given back between fetches.
 */
export async function writeBackup(
  db: Db,
  engine: DbHandle['kind'],
  clock: Clock,
  out: Writable,
): Promise<BackupSummary> {
  const gzip = createGzip()
  gzip.pipe(out)
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain')
  }
  let summary: BackupSummary = { tables: 0, rows: 0 }
  try {
    summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await setReadOnlyTransaction(trx)
        const header: BackupHeader = {
          $: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: clock.now().toISOString(),
          engine,
          migrations: await executedMigrations(trx),
          leftOut: LEFT_OUT_TABLES,
        }
        if (header.migrations.length === 0) throw new Error('the database was never migrated')
        await write(`${JSON.stringify(header)}\n`)
        let tables = 0
        let rows = 0
        for (const table of await listTables(trx)) {
          if (MIGRATOR_TABLES.includes(table) || table in LEFT_OUT_TABLES) continue
          const columns = await writableColumns(trx, table)
          await write(`${JSON.stringify({ $: 'table', name: table, columns })}\n`)
          tables++
          await openRowCursor(trx, table)
          for (;;) {
            const batch = await fetchRows(trx, FETCH_ROWS)
            if (batch.length === 0) break
            rows += batch.length
            // A line per row: a raw line break can only be whitespace between JSON tokens (of a
            // `json` column's value), never inside a string, so a space stands in for it.
            await write(`${batch.map((r) => r.replace(/[\r\n]+/g, ' ')).join('\n')}\n`)
            await nextTurn()
          }
          await closeRowCursor(trx)
        }
        for (const name of await listSequences(trx)) {
          const { value, called } = await readSequence(trx, name)
          await write(`${JSON.stringify({ $: 'sequence', name, value, called })}\n`)
        }
        await write(`${JSON.stringify({ $: 'end', tables, rows })}\n`)
        return { tables, rows }
      })
    gzip.end()
    await finished(out)
    return summary
  } catch (error) {
    gzip.destroy()
    out.destroy(error instanceof Error ? error : new Error(String(error)))
    throw error
  }
}
