/**
 * Rendered public pages and public API answers kept in memory as bytes, keyed by the
 * request's path and query, so a popular page is a map lookup instead of queries and
 * templating. Entries carry tags (`service:<id>`); a publish or withdrawal
 * invalidates its tag — in this process directly, and in other processes
 * through PostgreSQL NOTIFY (see main.ts). An entry may also expire (pages that
 * say "if you apply today" are good until midnight in Tehran).
 */
export interface CachedPage {
  body: Uint8Array<ArrayBuffer>
  etag: string
  /** Epoch milliseconds after which the entry is stale; Infinity when it never is. */
  expiresAt: number
  /** The Content-Type it is sent with; an HTML page when absent. */
  contentType?: string
  /** The Content-Disposition it is sent with (a file to save, and its name), if any. */
  disposition?: string
}

export class PageCache {
  readonly #entries = new Map<string, { page: CachedPage; tags: readonly string[] }>()
  readonly #byTag = new Map<string, Set<string>>()
  readonly #maxEntries: number

  constructor(maxEntries = 5000) {
    this.#maxEntries = maxEntries
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.page.expiresAt <= now) {
      this.#delete(key)
      return undefined
    }
    return entry.page
  }

  set(key: string, page: CachedPage, tags: readonly string[]): void {
    if (this.#entries.size >= this.#maxEntries) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#delete(oldest)
    }
    this.#delete(key)
    this.#entries.set(key, { page, tags })
    for (const tag of tags) {
      let keys = this.#byTag.get(tag)
      if (!keys) {
        keys = new Set()
        this.#byTag.set(tag, keys)
      }
      keys.add(key)
    }
  }

  invalidate(tag: string): void {
    for (const key of this.#byTag.get(tag) ?? []) this.#delete(key)
    this.#byTag.delete(tag)
  }

  clear(): void {
    this.#entries.clear()
    this.#byTag.clear()
  }

  get size(): number {
    return this.#entries.size
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    for (const tag of entry.tags) this.#byTag.get(tag)?.delete(key)
  }
}
