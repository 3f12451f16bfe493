import { chmodSync, rmSync } from 'node:fs'
import { createConnection, createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import type { DbHandle } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import { writeBackup } from './backup.write.ts'

/**
 * How `mardom backup` reaches a running portal on the embedded database. The portal holds its
 * data directory's lock, and no second process may open that directory; so the portal itself
 * takes the backup, asked over a Unix socket in the data directory (`backup.sock`, mode 0600):
 * only the account that owns the data directory — which can read the database files anyway —
 * can connect. No HTTP endpoint, no credentials to manage, nothing reachable from the network.
 *
 * Protocol: the client sends `backup\n`; the portal answers with the backup's gzip bytes and
 * closes, or with one line `ERROR <message>` when it cannot start one.
 */
export const BACKUP_SOCKET = 'backup.sock'
/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100

export function backupSocketPath(dataDir: string): string {
  return join(dataDir, BACKUP_SOCKET)
}

/** Starts the socket (embedded database only); returns the function that closes it. */
export async function startBackupSocket(
  deps: Deps,
  kind: DbHandle['kind'],
): Promise<() => Promise<void>> {
  if (kind !== 'pglite') return async () => {}
  const path = backupSocketPath(deps.config.dataDir)
  if (path.length > MAX_SOCKET_PATH) {
    deps.log.warn({ path }, 'data directory path too long for the backup socket: online backup off')
    return async () => {}
  }
  // A socket left by a portal that died: we hold the data directory's lock, so it is stale.
  rmSync(path, { force: true })
  let running = false
  const server = createServer((conn) => {
    conn.once('data', (data) => {
      if (data.toString('utf8').trim() !== 'backup') {
        conn.end('ERROR unknown command\n')
        return
      }
      if (running) {
        conn.end('ERROR a backup is already being taken\n')
        return
      }
      running = true
      const started = performance.now()
      writeBackup(deps.db, kind, deps.clock, conn)
        .then((s) =>
          deps.log.info(
            { tables: s.tables, rows: s.rows, ms: Math.round(performance.now() - started) },
            'backup taken',
          ),
        )
        .catch((error: unknown) => deps.log.error({ err: error }, 'backup failed'))
        .finally(() => {
          running = false
        })
    })
    conn.on('error', () => {
      // The client went away: writeBackup sees its stream fail and stops.
    })
  })
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (error) => {
      // Not worth refusing to serve over: the portal runs, `mardom backup` says it cannot reach it.
      deps.log.warn({ err: error, path }, 'backup socket not available: online backup off')
      resolve(false)
    })
    server.listen(path, () => resolve(true))
  })
  if (!listening) return async () => {}
  chmodSync(path, 0o600)
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      rmSync(path, { force: true })
    })
}

/** Connects to a running portal's backup socket; undefined when no portal listens there. */
export function connectBackupSocket(dataDir: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection(backupSocketPath(dataDir))
    socket.once('connect', () => resolve(socket))
    socket.once('error', () => resolve(undefined))
  })
}
