import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Deps } from '../../deps.ts'
import { type ExportFormat, exportChunks } from './catalogue.export.ts'

/**
 * Writes one export file to disk without holding the event loop: the services are read a small
 * batch at a time and the loop is given back between chunks, so pages and `/healthz` answer
 * while a 20,000-service catalogue is written. The bytes go to a temporary file whose name is
 * this process's own (pid and a random part), are flushed to disk, and only then renamed into
 * place: a reader — in this process or another sharing the directory — sees the old file or
 * the whole new one, never half of one, and two processes building at once each rename a
 * complete file of their own.
 *
 * A file's name says what it is: `catalogue.<state>.<sha1 of its bytes>.<ext>`, so a process
 * can find the file for the catalogue state it reads, and its ETag is its content's hash.
 */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  json: 'json',
  csv: 'csv',
  jsonld: 'jsonld',
}

/** Services per read while building: one read and one chunk of text stay a few milliseconds. */
export const FILE_BUILD_BATCH_SIZE = 10

const WRITE_BUFFER = 256 * 1024
const TEMP_SUFFIX = '.tmp'
/** A temporary file older than this was left by a build that died: removed. */
const STALE_TEMP_MS = 60 * 60_000

export interface BuiltFile {
  path: string
  /** Strong: the SHA-1 of the bytes (base64url), quoted. */
  etag: string
  size: number
  mtime: Date
}

export class BuildAborted extends Error {
  override name = 'BuildAborted'
}

function fileName(stateHash: string, contentHash: string, format: ExportFormat): string {
  return `catalogue.${stateHash}.${contentHash}.${EXPORT_EXTENSIONS[format]}`
}

function parseName(name: string): { stateHash: string; contentHash: string; ext: string } | null {
  const m = /^catalogue\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([a-z]+)$/.exec(name)
  if (!m?.[1] || !m[2] || !m[3]) return null
  return { stateHash: m[1], contentHash: m[2], ext: m[3] }
}

export async function writeExportFile(
  deps: Deps,
  format: ExportFormat,
  dir: string,
  stateHash: string,
  signal: AbortSignal,
): Promise<BuiltFile> {
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.build.${process.pid}.${randomUUID()}.${format}${TEMP_SUFFIX}`)
  const file = await open(temp, 'wx', 0o644)
  const hash = createHash('sha1')
  let pending: string[] = []
  let pendingLength = 0
  const flush = async () => {
    if (pendingLength === 0) return
    const bytes = Buffer.from(pending.join(''), 'utf8')
    pending = []
    pendingLength = 0
    hash.update(bytes)
    await file.write(bytes)
  }
  try {
    for await (const chunk of exportChunks(deps, format, { batchSize: FILE_BUILD_BATCH_SIZE })) {
      pending.push(chunk)
      pendingLength += chunk.length
      if (pendingLength >= WRITE_BUFFER) await flush()
      if (signal.aborted) throw new BuildAborted('the export build was stopped')
      // Give waiting requests their turn before the next batch is read and serialised.
      await nextTurn()
    }
    await flush()
    await file.sync()
    await file.close()
    const contentHash = hash.digest('base64url')
    const path = join(dir, fileName(stateHash, contentHash, format))
    await rename(temp, path)
    const s = await stat(path)
    return { path, etag: `"${contentHash}"`, size: s.size, mtime: s.mtime }
  } catch (error) {
    await file.close().catch(() => {})
    await rm(temp, { force: true })
    throw error
  }
}

/** The complete file for this state and format in `dir`, if a process has built one. */
export async function findExportFile(
  dir: string,
  format: ExportFormat,
  stateHash: string,
): Promise<BuiltFile | undefined> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return undefined
  }
  for (const name of names) {
    const parsed = parseName(name)
    if (!parsed || parsed.stateHash !== stateHash || parsed.ext !== EXPORT_EXTENSIONS[format])
      continue
    const path = join(dir, name)
    try {
      const s = await stat(path)
      return { path, etag: `"${parsed.contentHash}"`, size: s.size, mtime: s.mtime }
    } catch {
      // Removed meanwhile by another process's clean-up: look on.
    }
  }
  return undefined
}

/**
 * Removes older files of a format, keeping `keep` and the newest other one (a reader that just
 * looked it up may still be opening it; one already reading keeps its open file), and
 * temporary files left by builds that died.
 */
export async function removeOldExportFiles(
  dir: string,
  format: ExportFormat,
  keep: string,
  now: number,
): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  const others: { path: string; mtime: number }[] = []
  for (const name of names) {
    const path = join(dir, name)
    if (name.endsWith(TEMP_SUFFIX)) {
      const s = await stat(path).catch(() => undefined)
      if (s && now - s.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true })
      continue
    }
    const parsed = parseName(name)
    if (!parsed || parsed.ext !== EXPORT_EXTENSIONS[format] || path === keep) continue
    const s = await stat(path).catch(() => undefined)
    if (s) others.push({ path, mtime: s.mtimeMs })
  }
  others.sort((a, b) => b.mtime - a.mtime)
  for (const old of others.slice(1)) await rm(old.path, { force: true })
}
