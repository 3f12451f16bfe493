import { spawnSync } from 'node:child_process'
import {
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * PGlite has no cross-process lock: two processes writing one data directory lose each
 * other's confirmed writes. So the directory's lock file carries an exclusive flock(2) lock,
 * held for the process's whole life. The kernel enforces it whatever PID namespace (container)
 * the other process runs in, and releases it when the process ends in any way, SIGKILL
 * included, so a crash never leaves a lock that needs removing by hand.
 *
 * Node has no flock(), so the lock is taken by util-linux's `flock` command on a descriptor we
 * pass it: flock(2) locks belong to the open file description, which the child shares with us,
 * so the lock stays held after `flock` exits, for as long as this process keeps the file open.
 * That costs one short-lived child at startup (~20–40 ms measured) and no native addon (fs-ext
 * needs node-gyp and a compiler at install time); no process is left running beside ours, so
 * none can outlive us and keep the lock.
 *
 * The pid and host written into the file only help the message; the lock never trusts them
 * (a pid says nothing across namespaces or hosts). The file is never deleted: a new process
 * creating a fresh file under the same name while another holds the old one would hold a
 * different lock.
 */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

export const LOCK_FILE_NAME = 'mardom.lock'

/** `flock --conflict-exit-code`: tells "someone holds it" from every other failure. */
const CONFLICT_EXIT = 75

function holderOf(lockPath: string): string {
  try {
    const text = readFileSync(lockPath, 'utf8')
    const pid = /^pid (\d+)/m.exec(text)?.[1]
    const host = /^host (.+)$/m.exec(text)?.[1]
    if (!pid) return 'unknown pid'
    return host && host !== hostname() ? `pid ${pid} on host ${host}` : `pid ${pid}`
  } catch {
    return 'unknown pid'
  }
}

function lockedMessage(dataDir: string, holder: string): string {
  return (
    `The embedded database in ${dataDir} is already open in another process (${holder}). ` +
    'Stop that process (for example the running portal, perhaps in another container sharing this directory) first, ' +
    'or set DATABASE_URL to use a PostgreSQL server. ' +
    `پایگاه دادهٔ ${dataDir} در فرایند دیگری باز است.`
  )
}

/** Runs `flock` on `fd`; true when this process now holds the exclusive lock. */
function flockExclusive(fd: number, lockPath: string): boolean {
  const result = spawnSync(
    'flock',
    ['--exclusive', '--nonblock', '--conflict-exit-code', String(CONFLICT_EXIT), '3'],
    { stdio: ['ignore', 'ignore', 'pipe', fd], encoding: 'utf8' },
  )
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new Error(
      missing
        ? `Cannot lock ${lockPath}: the flock command (util-linux) is not installed.`
        : `Cannot lock ${lockPath}: ${result.error.message}`,
    )
  }
  if (result.status === 0) return true
  if (result.status === CONFLICT_EXIT) return false
  throw new Error(`Cannot lock ${lockPath}: flock exited ${result.status}: ${result.stderr.trim()}`)
}

/** Takes the lock or throws `DataDirLockedError`; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockPath = join(dataDir, LOCK_FILE_NAME)
  const fd = openSync(lockPath, constants.O_RDWR | constants.O_CREAT, 0o644)
  try {
    if (!flockExclusive(fd, lockPath)) {
      throw new DataDirLockedError(lockedMessage(dataDir, holderOf(lockPath)))
    }
    ftruncateSync(fd, 0)
    writeSync(fd, `pid ${process.pid}\nhost ${hostname()}\nsince ${new Date().toISOString()}\n`, 0)
  } catch (error) {
    closeSync(fd)
    throw error
  }
  let released = false
  return () => {
    if (released) return
    released = true
    // Closing our only descriptor of the file releases the lock.
    closeSync(fd)
  }
}
