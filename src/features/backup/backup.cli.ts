import { once } from 'node:events'
import { chmodSync, createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs'
import type { Socket } from 'node:net'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import type { Config } from '../../config.ts'
import { openDatabase } from '../../db/create-db.ts'
import type { Clock } from '../../lib/clock.ts'
import { type BackupSummary, controlLineSchema, isControlLine } from './backup.format.ts'
import { type RestoreReport, restoreBackup } from './backup.restore.ts'
import { connectBackupSocket } from './backup.socket.ts'
import { writeBackup } from './backup.write.ts'

/**
 * The `mardom backup <file>` and `mardom restore <file>` commands (wired in `src/cli.commands.ts`).
 *
 * Backup: on PostgreSQL this process reads the database itself (one consistent snapshot; the
 * portal keeps running). On the embedded database, a running portal is asked over its backup
 * socket (see backup.socket.ts) — the data directory is never opened by a second process;
 * when no portal runs, this process opens the directory (taking its lock) and reads it.
 * The file is written beside its name, checked to be complete, then renamed into place, mode
 * 0600: it holds password hashes.
 *
 * Restore: refused while a portal runs on the data directory (a restore replaces everything).
 */
async function backupThroughSocket(socket: Socket, partial: string): Promise<void> {
  socket.write('backup\n')
  const file = createWriteStream(partial, { mode: 0o600 })
  await pipeline(socket, file)
}

/** Reads a written backup back: its end line must be there with the counts it announces. */
export async function checkBackupFile(path: string): Promise<BackupSummary> {
  const input = createReadStream(path).pipe(createGunzip())
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let last = ''
  try {
    for await (const line of reader) if (line) last = line
  } catch (error) {
    throw new Error(
      `the backup is not a complete gzip file: ${error instanceof Error ? error.message : error}`,
    )
  }
  if (!isControlLine(last)) throw new Error('the backup is incomplete (no end line)')
  const end = controlLineSchema.safeParse(JSON.parse(last))
  if (!end.success || end.data.$ !== 'end') throw new Error('the backup is incomplete')
  return { tables: end.data.tables, rows: end.data.rows }
}

export async function runBackup(
  config: Config,
  clock: Clock,
  path: string,
): Promise<{ summary: BackupSummary; via: 'running portal' | 'database' }> {
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  let via: 'running portal' | 'database' = 'database'
  try {
    const socket = config.databaseUrl ? undefined : await connectBackupSocket(config.dataDir)
    if (socket) {
      via = 'running portal'
      await backupThroughSocket(socket, partial)
    } else {
      const handle = await openDatabase(config)
      try {
        const file = createWriteStream(partial, { mode: 0o600 })
        await once(file, 'open')
        await writeBackup(handle.db, handle.kind, clock, file)
      } finally {
        await handle.close()
      }
    }
    const summary = await checkBackupFile(partial).catch(async (error: unknown) => {
      // The portal answers `ERROR …` (plain text) when it cannot take a backup.
      const head = await readHead(partial)
      throw head.startsWith('ERROR ') ? new Error(head.slice(6).trim()) : error
    })
    chmodSync(partial, 0o600)
    renameSync(partial, path)
    return { summary, via }
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

async function readHead(path: string): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of createReadStream(path, { start: 0, end: 1023 })) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

export async function runRestore(
  config: Config,
  clock: Clock,
  path: string,
  options: { force: boolean },
): Promise<RestoreReport> {
  if (!config.databaseUrl) {
    const socket = await connectBackupSocket(config.dataDir)
    if (socket) {
      socket.destroy()
      throw new Error(
        `The portal is running on ${config.dataDir}: stop it first (a restore replaces everything in the database).`,
      )
    }
  }
  await checkBackupFile(path)
  const handle = await openDatabase(config)
  try {
    return await restoreBackup(handle.db, path, clock, options)
  } finally {
    await handle.close()
  }
}

export function restoreReportText(r: RestoreReport): string {
  const lines = [
    `Restored ${r.rows} rows in ${r.tables} tables and ${r.sequences} sequences from the backup of ${r.createdAt}.`,
    ...Object.values(r.leftOut).map((why) => `  - ${why}`),
    'The open-data export files are rebuilt when the portal starts.',
  ]
  return `${lines.join('\n')}\n`
}
