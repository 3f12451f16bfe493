import type { IncomingMessage, ServerResponse } from 'node:http'
import { endOfTehranDay } from '../lib/fa/tehran-time.ts'
import { tehranIsoDay } from '../lib/working-calendar.ts'

/** Views of one path on one Tehran day, as counted since the last drain. */
export interface PageViewCount {
  /** The Tehran day, ISO `yyyy-mm-dd`. */
  day: string
  /** The path without its query, as the request named it. */
  path: string
  views: number
}

export interface PageViewCounterOptions {
  /** Which paths (without the query) are counted; the composition root says which pages. */
  counts: (path: string) => boolean
  /** The session cookie's name: signed-in staff looking at pages are not counted. */
  sessionCookie: string
  /** At most this many distinct day-and-path pairs between drains; views beyond are dropped. */
  maxKeys?: number
  /** Milliseconds since the epoch (tests pass their own). */
  now?: () => number
}

const DEFAULT_MAX_KEYS = 200_000

/**
 * Counts page views in memory on the hot path (cached pages answered by the fast path
 * included): a path test, a number compare for the Tehran day and a Map increment per view,
 * never a database write. Whoever owns the database drains the counts in batches
 * (src/jobs/page-views.ts) and puts them back when a write fails. Knows nothing of what the
 * paths are: web/ imports no feature.
 *
 * A view is an anonymous GET answered 200 (a page) or 304 (a returning browser revalidating
 * the page it shows). HEAD, errors, redirects and aborted requests are not views.
 */
export class PageViewCounter {
  private readonly counts: (path: string) => boolean
  private readonly sessionMarker: string
  private readonly maxKeys: number
  private readonly now: () => number
  /** Day → path → views since the last drain. */
  private days = new Map<string, Map<string, number>>()
  private keys = 0
  private day = ''
  private dayEndsAt = Number.NEGATIVE_INFINITY
  private current = new Map<string, number>()
  /** Views not counted because `maxKeys` was reached (reported by the flush, then reset). */
  dropped = 0

  constructor(options: PageViewCounterOptions) {
    this.counts = options.counts
    this.sessionMarker = `${options.sessionCookie}=`
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS
    this.now = options.now ?? Date.now
  }

  /**
   * Looks at one request of the HTTP server: counts it when it is a view of a counted page.
   * Call it after the request was handed on: a response already sent (the fast path) is
   * judged at once, any other is judged when it finishes.
   */
  observe(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return
    const url = req.url ?? ''
    const q = url.indexOf('?')
    const path = q === -1 ? url : url.slice(0, q)
    if (!this.counts(path)) return
    if (req.headers.cookie?.includes(this.sessionMarker)) return
    if (res.headersSent) {
      if (isView(res.statusCode)) this.count(path)
      return
    }
    res.once('finish', () => {
      if (isView(res.statusCode)) this.count(path)
    })
  }

  /** Counts one view of `path` now. */
  count(path: string): void {
    const now = this.now()
    if (now >= this.dayEndsAt) this.turnDay(now)
    const seen = this.current.get(path)
    if (seen !== undefined) {
      this.current.set(path, seen + 1)
      return
    }
    if (this.keys >= this.maxKeys) {
      this.dropped++
      return
    }
    this.keys++
    this.current.set(path, 1)
  }

  /** Everything counted since the last drain; the counter starts again from nothing. */
  drain(): PageViewCount[] {
    const out: PageViewCount[] = []
    for (const [day, paths] of this.days)
      for (const [path, views] of paths) out.push({ day, path, views })
    this.days = new Map()
    this.keys = 0
    this.current = new Map()
    if (this.day) this.days.set(this.day, this.current)
    return out
  }

  /** Puts drained counts back (their write failed), so the next drain carries them. */
  restore(counts: readonly PageViewCount[]): void {
    for (const c of counts) {
      let paths = this.days.get(c.day)
      if (!paths) {
        paths = new Map()
        this.days.set(c.day, paths)
      }
      const seen = paths.get(c.path)
      if (seen === undefined) this.keys++
      paths.set(c.path, (seen ?? 0) + c.views)
    }
  }

  /** Looks up the Tehran day only when the last one has ended: about once a day. */
  private turnDay(nowMs: number): void {
    const instant = new Date(nowMs)
    this.day = tehranIsoDay(instant)
    this.dayEndsAt = endOfTehranDay(instant).getTime()
    let paths = this.days.get(this.day)
    if (!paths) {
      paths = new Map()
      this.days.set(this.day, paths)
    }
    this.current = paths
  }
}

function isView(status: number): boolean {
  return status === 200 || status === 304
}
