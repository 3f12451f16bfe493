import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * PGlite has no cross-process lock: two processes writing one data directory
 * corrupt it. We keep a PID file inside the directory and refuse to open a
 * directory that a live process holds.
 */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

const heldInThisProcess = new Set<string>()

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function lockMessage(dataDir: string, pid: number): string {
  return (
    `The embedded database in ${dataDir} is already open in another process (pid ${pid}). ` +
    'Stop that process (for example the running portal) first, or set DATABASE_URL to use a PostgreSQL server. ' +
    `پایگاه دادهٔ ${dataDir} در فرایند دیگری باز است.`
  )
}

/** Takes the lock or throws `DataDirLockedError`; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  if (heldInThisProcess.has(dataDir))
    throw new DataDirLockedError(lockMessage(dataDir, process.pid))
  mkdirSync(dataDir, { recursive: true })
  const lockPath = join(dataDir, 'mardom.pid')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      heldInThisProcess.add(dataDir)
      return () => {
        heldInThisProcess.delete(dataDir)
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath)
        } catch {
          // Already gone: nothing to release.
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10)
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(lockMessage(dataDir, holder))
      }
      // A stale lock left by a process that died: take it over.
      unlinkSync(lockPath)
    }
  }
  throw new DataDirLockedError(lockMessage(dataDir, Number.NaN))
}
