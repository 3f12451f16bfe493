import { createHash } from 'node:crypto'
import { join } from 'node:path'
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
 *   export-files.build.ts), so none ever reads another's half-written file. The advisory lock
 *   is not used: processes need not share a disk, and each must have its files.
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

export interface ExportFilesOptions {
  /** Quiet period after a change before the rebuild starts. */
  debounceMs?: number
}

export class ExportFiles {
  readonly #deps: Deps
  readonly #debounceMs: number
  readonly #current = new Map<ExportFormat, ExportFile>()
  readonly #abort = new AbortController()
  #place: Promise<{ installation: string; dir: string }> | undefined
  #running: Promise<void> | undefined
  #timer: NodeJS.Timeout | undefined
  #stopped = false

  constructor(deps: Deps, options: ExportFilesOptions = {}) {
    this.#deps = deps
    this.#debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
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
   */
  async file(format: ExportFormat, state: CatalogueState, readAt: number): Promise<ExportFile> {
    const { installation, dir } = await this.place()
    const stateHash = stateHashOf(this.#deps, installation, format, state)
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

  /** A public change happened: rebuild after the quiet period (debounced). */
  changed(): void {
    if (this.#stopped) return
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
          { format, bytes: built.size, services: state.count },
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
  store.refresh().catch((error: unknown) => {
    if (!(error instanceof BuildAborted))
      deps.log.error({ err: error }, 'open-data export build failed')
  })
  return store
}
