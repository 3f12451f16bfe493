import type { Deps } from '../../deps.ts'
import { AGENCIES_CACHE_TAG } from '../agencies/index.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'

/**
 * What the search feature keeps in memory per process: answered searches (an LRU keyed by the
 * normalised query, the filters and the page), the autocomplete prefix index and the match
 * index (match.index.ts) uncached searches are answered from. All are dropped when what they were read from may have changed:
 *
 * - a publish, withdraw or restore marks the `catalogue` tag and an agency change the
 *   `agencies` tag (`deps.publicChange`): after the commit in this process, and through
 *   `LISTEN/NOTIFY` in every other one. The search feature does not own the page cache, so it
 *   keeps one entry there, the *stamp*, tagged with both: when the stamp is gone, so is
 *   everything read under it. That also covers a listener that lost its connection (the page
 *   cache is then cleared) and the stamp being evicted (only a needless clear).
 * - the search index of this process changed (`indexService` runs inside the writing
 *   transaction; test data and `mardom reindex` write the index without a public change).
 *
 * A search that started under an older stamp is never stored, so a result read just before a
 * publish committed cannot outlive it.
 */

/** The stamp's page-cache key: no request path (they all start with '/') can collide with it. */
const STAMP_KEY = 'search-cache:stamp'
const STAMP_TAGS = [CATALOGUE_CACHE_TAG, AGENCIES_CACHE_TAG] as const
const EMPTY = new Uint8Array(0)
/** Re-set the stamp now and then so that a busy page cache does not evict it as its oldest. */
const STAMP_REFRESH_EVERY = 1024

/** Bumped whenever this process writes the search index (see `noteIndexChanged`). */
let indexGeneration = 0
let stampCounter = 0

/** The search index changed in this process: every search cache here is stale. */
export function noteIndexChanged(): void {
  indexGeneration++
}

/** A least-recently-used map bounded by entries and by an estimate of the bytes held. */
export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>()
  readonly #maxEntries: number
  readonly #maxWeight: number
  #weight = 0

  constructor(maxEntries: number, maxWeight = Number.POSITIVE_INFINITY) {
    this.#maxEntries = maxEntries
    this.#maxWeight = maxWeight
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    // Map keeps insertion order: re-inserting makes it the most recently used.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V, weight = 1): void {
    this.delete(key)
    if (weight > this.#maxWeight) return
    this.#entries.set(key, { value, weight })
    this.#weight += weight
    while (this.#entries.size > this.#maxEntries || this.#weight > this.#maxWeight) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.delete(oldest)
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#weight -= entry.weight
  }

  clear(): void {
    this.#entries.clear()
    this.#weight = 0
  }

  get size(): number {
    return this.#entries.size
  }
}

/** At most this many answered searches per process, and about this many bytes of them. */
export const RESULT_CACHE_ENTRIES = 2_000
export const RESULT_CACHE_BYTES = 64 * 1024 * 1024

/** Rendered search page contents (the part below the header), keyed by the page's own query. */
export const VIEW_CACHE_ENTRIES = 1_000
export const VIEW_CACHE_BYTES = 64 * 1024 * 1024

export class SearchCaches<R, S, M = unknown> {
  readonly results = new LruCache<R>(RESULT_CACHE_ENTRIES, RESULT_CACHE_BYTES)
  /** The search page's content for each query asked, so highlighting runs once per answer. */
  readonly views = new LruCache<string>(VIEW_CACHE_ENTRIES, VIEW_CACHE_BYTES)
  /** Searches being answered now: the same query asked again meanwhile waits for this one. */
  readonly inflight = new Map<string, Promise<R>>()
  /** The autocomplete index and the stamp it was built under. */
  suggest: { stamp: string; index: Promise<S> } | null = null
  /** The match index, once built, and the stamp it was read under (dropped with the stamp). */
  match: { stamp: string; index: M } | null = null
  /**
   * The match index being built, and under which stamp. Not dropped with the stamp: one build
   * at a time, and a build read under an older stamp is thrown away when it ends.
   */
  matchBuild: { stamp: string; done: Promise<M | null> } | null = null
  /**
   * When the next build may start (performance.now()): a build costs the database seconds at
   * 100,000 services (every process builds its own), so after one that took d ms the next
   * waits 4 d ms, whatever is published meanwhile, and SQL answers until then.
   */
  matchNextBuildAt = 0
  readonly #pageCache: Deps['pageCache']
  #stamp = ''
  #generation = -1
  #reads = 0
  /** How often a search was answered from memory (for the bench and tests). */
  hits = 0
  misses = 0

  constructor(pageCache: Deps['pageCache']) {
    this.#pageCache = pageCache
  }

  /** The stamp to read under now: when the last one is gone, everything read under it goes. */
  stamp(): string {
    if (this.current(this.#stamp)) {
      if (++this.#reads % STAMP_REFRESH_EVERY === 0) this.#setStamp()
      return this.#stamp
    }
    this.results.clear()
    this.views.clear()
    this.inflight.clear()
    this.suggest = null
    this.match = null
    this.#stamp = `${process.pid}-${++stampCounter}`
    this.#generation = indexGeneration
    this.#setStamp()
    return this.#stamp
  }

  /** Whether something read under `stamp` is still what the database holds. */
  current(stamp: string): boolean {
    return (
      stamp !== '' &&
      stamp === this.#stamp &&
      this.#generation === indexGeneration &&
      this.#pageCache.get(STAMP_KEY)?.etag === stamp
    )
  }

  #setStamp(): void {
    this.#pageCache.set(
      STAMP_KEY,
      { body: EMPTY, etag: this.#stamp, expiresAt: Number.POSITIVE_INFINITY },
      STAMP_TAGS,
    )
  }
}
