import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Deps } from '../../deps.ts'
import { EXPORT_FORMATS, type ExportFormat } from './catalogue.export.ts'
import { CATALOGUE_VERSION } from './catalogue.format.ts'
import {
  BuildAborted,
  type BuiltFile,
  findExportFile,
  removeOldExportFiles,
  writeExportFile,
} from './export-files.build.ts'
import { type CatalogueState, catalogueState, installationId } from './opendata.queries.ts'

/**
 * The open-data export files (issue 11 item 5): each format is built once per catalogue state
 * and then served from disk, instead of being rebuilt for every download.
 *
 * - A request reads the catalogue state (one small query) and gets the file built for it: from
 *   memory, else from the directory (another process sharing it may have built it), else it
 *   waits for the one build under way in this process (never a build per request).
 * - After a public change (`changed()`: a publish or withdrawal here, or another process's
 *   cache-tag notification) the files are rebuilt in the background after a short quiet
 *   period, so downloads rarely wait; at start-up they are built if missing or stale.
 * - Files live in `DATA_DIR/exports/<installation id>/`: the database's own id keeps two
 *   databases that share a directory apart. Several processes on one PostgreSQL database may
 *   share the directory: each writes its own temporary file and renames it into place (see
 *   export-files.build.ts), so none ever reads another's half-written file.
 * - Under `serve --workers N` only worker 1 builds (`config.exportFilesBuilder`, set by
 *   cluster.ts): the other workers share its DATA_DIR, find its files there, and a download
 *   that comes before the file exists waits for it (bounded) instead of building it again.
 *   The advisory lock is not what chooses the builder: processes on other machines need not
 *   share a disk, and each machine must have its files, so each machine's worker 1 builds.
 * - With `config.exportAccelPrefix` nginx sends the file's bytes (export-files.serve.ts).
 */
export interface ExportFile extends BuiltFile {
  format: ExportFormat
  stateHash: string
  /** The catalogue state the file shows (its Last-Modified and X-Total-Count). */
  state: CatalogueState
  /** When that state was read (performance.now()), to tell which of two builds is newer. */
  readAt: number
}

/**
 * Bump when what an export contains changes without a new catalogue format version, so files
 * built by an older release are rebuilt. 2: the review dates (issue 12).
 */
const FILES_REVISION = 2
const DEFAULT_DEBOUNCE_MS = 1000
/**
 * How long a process that does not build waits for a missing file before building it itself:
 * above worker 1's quiet period and a build of a large catalogue, so that building here stays
 * the exception (see {@link ExportFiles.file}).
 */
const DEFAULT_WAIT_MS = 30_000
/** While waiting: the shared directory is looked at this often, the catalogue state less. */
const POLL_MS = 100
const REREAD_STATE_MS = 1000

export function stateHashOf(
  deps: Deps,
  installation: string,
  format: ExportFormat,
  s: CatalogueState,
) {
  const key = [
    FILES_REVISION,
    CATALOGUE_VERSION,
    installation,
    format,
    deps.config.publicUrl,
    s.count,
    s.rows,
    s.stamps,
  ].join('|')
  return createHash('sha1').update(key).digest('base64url').slice(0, 20)
}

/** The state a request wants a file for, and when it was read. */
interface Wanted {
  stateHash: string
  state: CatalogueState
  readAt: number
}

export interface ExportFilesOptions {
  /** Quiet period after a change before the rebuild starts. */
  debounceMs?: number
  /** Whether this process builds the files (default: `config.exportFilesBuilder`). */
  builds?: boolean
  /** How long a process that does not build waits for a missing file (default 30 s). */
  waitMs?: number
}

export class ExportFiles {
  readonly #deps: Deps
  readonly #debounceMs: number
  readonly #waitMs: number
  /** False in the workers that serve the files worker 1 builds. */
  readonly builds: boolean
  readonly #current = new Map<ExportFormat, ExportFile>()
  /** The waits under way for a file worker 1 has not built yet, one per format and state. */
  readonly #waits = new Map<string, Promise<ExportFile | undefined>>()
  readonly #abort = new AbortController()
  #place: Promise<{ installation: string; dir: string }> | undefined
  #running: Promise<void> | undefined
  #timer: NodeJS.Timeout | undefined
  #stopped = false

  constructor(deps: Deps, options: ExportFilesOptions = {}) {
    this.#deps = deps
    this.#debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
    this.#waitMs = options.waitMs ?? DEFAULT_WAIT_MS
    this.builds = options.builds ?? deps.config.exportFilesBuilder
  }

  /** This database's installation id and the directory of its files. */
  place(): Promise<{ installation: string; dir: string }> {
    this.#place ??= installationId(this.#deps.db).then(
      (installation) => ({
        installation,
        dir: join(this.#deps.config.dataDir, 'exports', installation),
      }),
      (error: unknown) => {
        this.#place = undefined // try again on the next request
        throw error
      },
    )
    return this.#place
  }

  /**
   * The file to serve for a request that read `state` at `readAt`: one built for that state,
   * or one built from a state read later (a newer catalogue than the request saw).
   *
   * A process that does not build waits for worker 1's file. If it has not come within the
   * wait, this process builds it after all: worker 1 may be gone (killed, and restarted by the
   * primary only after a growing delay if it keeps dying) or its build may have failed, and a
   * download should not fail for that; the cost is one build, as every worker paid before.
   */
  async file(format: ExportFormat, state: CatalogueState, readAt: number): Promise<ExportFile> {
    const { installation, dir } = await this.place()
    const stateHash = stateHashOf(this.#deps, installation, format, state)
    if (!this.builds) {
      const started = performance.now()
      const shared = await this.#awaitShared(format, dir, { stateHash, state, readAt })
      if (shared) return shared
      if (this.#stopped) throw new BuildAborted('the export files are stopped')
      this.#deps.log.warn(
        { format, waitedMs: Math.round(performance.now() - started) },
        'open-data export file not built by worker 1 in time: building it here',
      )
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const have = this.#current.get(format)
      if (have && (have.stateHash === stateHash || have.readAt >= readAt)) return have
      const found = await findExportFile(dir, format, stateHash)
      if (found) {
        const file = { ...found, format, stateHash, state, readAt }
        this.#remember(file)
        return file
      }
      await this.refresh()
    }
    const last = this.#current.get(format)
    if (last) return last
    throw new Error(`the ${format} export file could not be built`)
  }

  /** Forgets a file that has gone from the disk (another process cleaned it up). */
  forget(file: ExportFile): void {
    if (this.#current.get(file.format) === file) this.#current.delete(file.format)
  }

  /** A public change happened: rebuild after the quiet period (debounced), if this builds. */
  changed(): void {
    if (this.#stopped || !this.builds) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.refresh().catch((error: unknown) => {
        if (!(error instanceof BuildAborted))
          this.#deps.log.error({ err: error }, 'open-data export build failed')
      })
    }, this.#debounceMs)
    this.#timer.unref()
  }

  /**
   * Brings every format up to the catalogue's current state; one run at a time per process
   * (callers during a run share it).
   */
  refresh(): Promise<void> {
    this.#running ??= this.#buildAll().finally(() => {
      this.#running = undefined
    })
    return this.#running
  }

  /** Stops a build under way (its temporary file is removed) and any pending one. */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#abort.abort()
    await this.#running?.catch(() => {})
  }

  /**
   * The file for `want` once another process has put it in the shared directory, or undefined
   * after the wait. Requests for one state share one wait. The catalogue may change again
   * meanwhile and worker 1 build only for the newer state: the state is read again now and
   * then, and the newer state's file serves too (as in file(), newer than the request saw).
   */
  #awaitShared(format: ExportFormat, dir: string, want: Wanted): Promise<ExportFile | undefined> {
    const key = `${format}|${want.stateHash}`
    let wait = this.#waits.get(key)
    if (!wait) {
      wait = this.#pollShared(format, dir, want).finally(() => this.#waits.delete(key))
      this.#waits.set(key, wait)
    }
    return wait
  }

  async #pollShared(
    format: ExportFormat,
    dir: string,
    first: Wanted,
  ): Promise<ExportFile | undefined> {
    const { installation } = await this.place()
    const deadline = performance.now() + this.#waitMs
    let want = first
    for (;;) {
      const have = this.#current.get(format)
      if (have && (have.stateHash === want.stateHash || have.readAt >= want.readAt)) return have
      const found = await findExportFile(dir, format, want.stateHash)
      if (found) {
        const file = { ...found, format, ...want }
        this.#remember(file)
        return file
      }
      if (this.#stopped || performance.now() >= deadline) return undefined
      await sleep(POLL_MS)
      if (performance.now() - want.readAt >= REREAD_STATE_MS) {
        const readAt = performance.now()
        const state = await catalogueState(this.#deps.db)
        want = { stateHash: stateHashOf(this.#deps, installation, format, state), state, readAt }
      }
    }
  }

  #remember(file: ExportFile): void {
    const have = this.#current.get(file.format)
    if (!have || have.readAt <= file.readAt) this.#current.set(file.format, file)
  }

  async #buildAll(): Promise<void> {
    if (this.#stopped) throw new BuildAborted('the export files are stopped')
    const { installation, dir } = await this.place()
    const readAt = performance.now()
    const state = await catalogueState(this.#deps.db)
    for (const format of EXPORT_FORMATS) {
      const stateHash = stateHashOf(this.#deps, installation, format, state)
      const have = this.#current.get(format)
      if (have?.stateHash === stateHash) continue
      const found = await findExportFile(dir, format, stateHash)
      const built =
        found ?? (await writeExportFile(this.#deps, format, dir, stateHash, this.#abort.signal))
      const file = { ...built, format, stateHash, state, readAt }
      this.#remember(file)
      if (!found) {
        this.#deps.log.info(
          // The pid tells which process built it (test:cluster: only worker 1 does).
          { format, bytes: built.size, services: state.count, pid: process.pid },
          'open-data export file built',
        )
        await removeOldExportFiles(dir, format, built.path, Date.now())
      }
    }
  }
}

/**
 * One set of export files per running app (keyed by its deps), made on first use: the routes
 * serve from it, the composition root starts it (`startExportFiles`) and feeds it changes.
 */
const stores = new WeakMap<Deps, ExportFiles>()

export function exportFilesOf(deps: Deps, options?: ExportFilesOptions): ExportFiles {
  let store = stores.get(deps)
  if (!store) {
    store = new ExportFiles(deps, options)
    stores.set(deps, store)
  }
  return store
}

/**
 * Called by the composition root once the server listens: builds missing or stale files in
 * the background. It calls `changed()` after each public change (this process's, and other
 * processes' through the cache channel) and `stop()` on shutdown.
 */
export function startExportFiles(deps: Deps, options?: ExportFilesOptions): ExportFiles {
  const store = exportFilesOf(deps, options)
  if (!store.builds) return store
  store.refresh().catch((error: unknown) => {
    if (!(error instanceof BuildAborted))
      deps.log.error({ err: error }, 'open-data export build failed')
  })
  return store
}
