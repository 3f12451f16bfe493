import type { Deps } from '../../deps.ts'
import { searchTokens } from '../../lib/fa/normalize.ts'
import { MatchIndex } from './match.index.ts'
import { SearchCaches } from './search.cache.ts'
import {
  countZeroResult,
  documentFrequencies,
  type FacetCount,
  findEntryDetails,
  knownPrefixes,
  listMatchIndexSource,
  listSuggestSources,
  type QueryVariant,
  runSearch,
  type SearchFilterIds,
  type SearchRows,
  similarWords,
} from './search.queries.ts'
import { SuggestIndex, type Suggestion } from './suggest.index.ts'

type Db = Deps['db']

/** At most this many words of a query are used. */
const MAX_WORDS = 12
/** Queries kept in the zero-result log are cut to this length (the column allows 100). */
export const ZERO_RESULT_QUERY_MAX = 100
/** Below this many matches, unknown words are corrected and "did you mean" is offered. */
const FEW_RESULTS = 3
/** Corrected readings rank below matches of the query as typed with the same tier. */
const CORRECTION_PENALTY = 10
/** Relaxed readings (any of the words, used when all of them find nothing) score below any full match. */
const RELAXED_PENALTY = 100

export interface SearchFilters {
  /** Agency codes. */
  agencies: string[]
  audiences: string[]
  lifeEvents: string[]
  provinces: string[]
  onlineOnly: boolean
}

export const NO_FILTERS: SearchFilters = {
  agencies: [],
  audiences: [],
  lifeEvents: [],
  provinces: [],
  onlineOnly: false,
}

export interface SearchRequest {
  q: string
  filters: SearchFilters
  page: number
  pageSize: number
  /** Count the query in the zero-result log when it finds nothing (pages and API, not autocomplete). */
  record: boolean
}

export interface SearchHit {
  serviceId: string
  slug: string
  title: string
  summary: string
  audiences: string[]
  online: boolean
  publishedAt: Date
  agency: { id: string; code: string; nameFa: string }
  score: number
}

export interface SearchOutcome {
  /** The query's words after normalisation (empty: no query). */
  words: string[]
  /** Services the query matched before filters. */
  matched: number
  total: number
  items: SearchHit[]
  facets: {
    agency: (FacetCount & { code: string; nameFa: string })[]
    audience: FacetCount[]
    lifeEvent: FacetCount[]
    province: FacetCount[]
    online: number
  }
  /** A corrected query ("did you mean"), when the query as typed found few services. */
  suggestion: string | null
  /** Whether the results include matches of the suggestion (the query as typed found none). */
  showingSuggestion: boolean
  /** Words to highlight: the query's and, when used, the suggestion's. */
  highlightTerms: string[]
}

/** Words of one letter only narrow a search when nothing longer was typed («و», «ب»). */
function meaningful(words: string[]): string[] {
  const long = words.filter((w) => w.length > 1)
  return long.length > 0 ? long : words
}

/**
 * Every word as a prefix, all required; with two or more words, also each reading where two
 * neighbouring words are written together («گواهی نامه» → «گواهینامه»), which the index holds
 * as joined pairs, so ZWNJ, space and no space meet in the word index.
 */
function tsqueryOf(words: string[]): string {
  const ts = meaningful(words)
  const all = (ws: string[]) => ws.map((w) => `'${w}':*`).join(' & ')
  if (words.length < 2) return all(ts)
  const readings = [`(${all(ts)})`]
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = [...words.slice(0, i), `${words[i]}${words[i + 1]}`, ...words.slice(i + 2)]
    readings.push(`(${all(meaningful(joined))})`)
  }
  return readings.join(' | ')
}

export function variantOf(words: string[], penalty: number, substring = false): QueryVariant {
  return {
    tsquery: tsqueryOf(words),
    key: words.join(' '),
    compact: words.join(''),
    words: meaningful(words),
    penalty,
    substring,
  }
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), on code points:
 * a dropped, added, substituted or swapped letter each cost 1.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1)
      row[j] = best
    }
  }
  return (d[x.length] as number[])[y.length] ?? 0
}

/** The most edits a correction may make: one in a short word, two from six letters. */
function maxEdits(word: string): number {
  return [...word].length >= 6 ? 2 : 1
}

/**
 * The query's words with every word the index does not know replaced by a close one: trigram
 * candidates from the vocabulary (pg_trgm), the fewest edits first, then the most similar,
 * then the commonest.
 */
async function corrected(db: Db, words: string[]): Promise<string[]> {
  const known = await knownPrefixes(db, words)
  const out: string[] = []
  for (const w of words) {
    if (known.has(w) || [...w].length < 3 || /^\d+$/.test(w)) {
      out.push(w)
      continue
    }
    const candidates = (await similarWords(db, w, 20))
      .map((c) => ({ ...c, edits: editDistance(w, c.word) }))
      .filter((c) => c.edits <= maxEdits(w))
      .sort((a, b) => a.edits - b.edits || b.similarity - a.similarity || b.df - a.df)
    out.push(candidates[0]?.word ?? w)
  }
  return out
}

/** A reading that matches any of the words, each weighted by its rarity (idf). */
async function relaxedVariant(db: Db, words: string[]): Promise<QueryVariant | null> {
  const distinct = [...new Set(meaningful(words))]
  if (distinct.length < 2) return null
  const { total, df } = await documentFrequencies(db, distinct)
  const anyOf = distinct
    .map((word) => {
      const n = df.get(word) ?? 0
      return { word, weight: n > 0 ? Math.log(1 + total / n) : 0 }
    })
    .filter((w) => w.weight > 0)
  if (anyOf.length === 0) return null
  return {
    tsquery: anyOf.map((w) => `'${w.word}':*`).join(' | '),
    key: words.join(' '),
    compact: words.join(''),
    words: meaningful(words),
    penalty: RELAXED_PENALTY,
    anyOf,
  }
}

/** The Tehran calendar day of an instant, ISO `yyyy-mm-dd`. */
const tehranDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export function tehranIsoDay(d: Date): string {
  return tehranDay.format(d)
}

/** The text a zero-result query is logged as: its normalised words, cut short. */
export function zeroResultKey(words: string[]): string {
  return words.join(' ').slice(0, ZERO_RESULT_QUERY_MAX).trim()
}

/**
 * The match index of this process if it is built for the current stamp; otherwise null, and
 * a build is started unless one is running or the last ended too recently (see
 * `matchNextBuildAt`; `now` starts one regardless). A search never waits for it: SQL answers
 * meanwhile. A build read under a stamp that is gone by its end is thrown away, and a failed
 * one is not kept: the next due search starts another.
 */
function matchIndexNow(
  deps: Pick<Deps, 'db' | 'pageCache' | 'log' | 'config'>,
  options: { now?: boolean } = {},
): MatchIndex | null {
  const caches = searchCachesOf(deps)
  const stamp = caches.stamp()
  if (caches.match?.stamp === stamp) return caches.match.index
  const due = options.now || performance.now() >= caches.matchNextBuildAt
  if (!caches.matchBuild && due) startMatchBuild(deps, caches, stamp)
  return null
}

/** How long after a build the next may start, in multiples of that build's time. */
const BUILD_SPACING = 4

function startMatchBuild(
  deps: Pick<Deps, 'db' | 'log' | 'config'>,
  caches: Caches,
  stamp: string,
): void {
  const started = performance.now()
  const spaced = () => {
    const ended = performance.now()
    caches.matchNextBuildAt = ended + BUILD_SPACING * (ended - started)
  }
  // With a server database other processes write too: the source is read in one snapshot.
  const snapshot = deps.config.databaseUrl !== undefined
  const done = listMatchIndexSource(deps.db, { snapshot }).then(
    (src) => {
      const index = new MatchIndex(src)
      spaced()
      if (caches.current(stamp)) caches.match = { stamp, index }
      deps.log.debug({ ms: Math.round(performance.now() - started) }, 'search: match index built')
      return index
    },
    (error: unknown) => {
      spaced()
      // Searches go on through SQL; the next due search tries again.
      deps.log.warn(
        { err: error, ms: Math.round(performance.now() - started) },
        'search: match index build failed; SQL answers until the next one',
      )
      return null
    },
  )
  const build = { stamp, done }
  caches.matchBuild = build
  void done.finally(() => {
    if (caches.matchBuild === build) caches.matchBuild = null
  })
}

/**
 * The match index for the current stamp, waiting for its build (tests and the bench: searches
 * themselves never wait). Null when the build failed or the catalogue changed meanwhile.
 */
export async function matchIndexReady(
  deps: Pick<Deps, 'db' | 'pageCache' | 'log' | 'config'>,
): Promise<MatchIndex | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const index = matchIndexNow(deps, { now: true })
    if (index) return index
    await searchCachesOf(deps).matchBuild?.done
  }
  return matchIndexNow(deps, { now: true })
}

/**
 * One `runSearch`, answered from the match index when it answers these readings (plain words:
 * the query as typed and its corrected reading) and from SQL otherwise. The page's details are
 * read for its ids; when one is missing the index is behind the database (a change another
 * process made, its notice not yet here), so SQL answers.
 */
async function runReadings(
  db: Db,
  index: MatchIndex | null,
  variants: readonly QueryVariant[],
  filters: SearchFilterIds,
  page: { limit: number; offset: number },
): Promise<SearchRows> {
  const answer = index?.answer(variants, filters, page)
  if (!answer) return runSearch(db, variants, filters, page)
  const details = new Map(
    (
      await findEntryDetails(
        db,
        answer.page.map((p) => p.serviceId),
      )
    ).map((d) => [d.serviceId, d]),
  )
  const rows: SearchRows['page'] = []
  for (const p of answer.page) {
    const d = details.get(p.serviceId)
    if (!d) return runSearch(db, variants, filters, page)
    rows.push({ ...d, score: p.score })
  }
  return { matched: answer.matched, total: answer.total, page: rows, facets: answer.facets }
}

/** Where `searchUncached` matches: the match index when built (the portal), or SQL only. */
export type SearchPath = 'index' | 'sql'

/**
 * Answers a search without the result cache (see `searchCatalogue`, which keeps the answers):
 * match and rank, filter and count — from the match index for plain words once it is built,
 * from the database otherwise — and when the query as typed finds few services, correct its
 * unknown words and search again. Logs nothing.
 */
export async function searchUncached(
  deps: Pick<Deps, 'db' | 'pageCache' | 'log' | 'config'>,
  words: string[],
  req: Pick<SearchRequest, 'filters' | 'page' | 'pageSize'>,
  path: SearchPath = 'index',
): Promise<SearchOutcome> {
  const db = deps.db
  // One index for the whole search: every reading is answered from the same catalogue.
  const index = path === 'index' ? matchIndexNow(deps) : null
  const run = (
    variants: readonly QueryVariant[],
    filters: SearchFilterIds,
    page: { limit: number; offset: number },
  ) => runReadings(db, index, variants, filters, page)
  const filters: SearchFilterIds = {
    agencyCodes: req.filters.agencies,
    audiences: req.filters.audiences,
    lifeEvents: req.filters.lifeEvents,
    provinceCodes: req.filters.provinces,
    onlineOnly: req.filters.onlineOnly,
  }
  const page = { limit: req.pageSize, offset: (req.page - 1) * req.pageSize }
  const asTyped = words.length > 0 ? [variantOf(words, 0)] : []
  let rows: SearchRows = await run(asTyped, filters, page)
  let suggestion: string | null = null
  let showingSuggestion = false
  const highlightTerms = [...words, words.join('')]
  let readings = asTyped
  let best = words
  if (words.length > 0 && rows.matched < FEW_RESULTS) {
    // Few: correct the words the index does not know (vocabulary look-ups, cheap)…
    const fixed = await corrected(db, words)
    if (fixed.join(' ') !== words.join(' ')) {
      const withFixed = [...asTyped, variantOf(fixed, CORRECTION_PENALTY)]
      const both = await run(withFixed, filters, page)
      if (both.matched > rows.matched) {
        suggestion = fixed.join(' ')
        showingSuggestion = rows.matched === 0
        rows = both
        readings = withFixed
        best = fixed
        highlightTerms.push(...fixed, fixed.join(''))
      }
    }
  }
  if (words.length > 0 && rows.matched < FEW_RESULTS && words.join('').length >= 3) {
    // …then look for the letters as a substring (words joined or split unusually, such as
    // «کسبوکار»), which costs a trigram index scan.
    const withSubstring = [...readings, variantOf(words, 0, true)]
    const more = await run(withSubstring, filters, page)
    if (more.matched > rows.matched) {
      rows = more
      readings = withSubstring
    }
  }
  if (words.length > 1 && rows.matched === 0) {
    // Still nothing: show services that have only some of the words, rarest words first.
    const relaxed = await relaxedVariant(db, best)
    if (relaxed) {
      const more = await run([...readings, relaxed], filters, page)
      if (more.matched > rows.matched) rows = more
    }
  }
  return {
    words,
    matched: rows.matched,
    total: rows.total,
    items: rows.page.map((d) => ({
      serviceId: d.serviceId,
      slug: d.slug,
      title: d.title,
      summary: d.summary,
      audiences: d.audiences,
      online: d.online,
      publishedAt: d.publishedAt,
      agency: { id: d.agencyId, code: d.agencyCode, nameFa: d.agencyNameFa },
      score: d.score,
    })),
    facets: rows.facets,
    suggestion,
    showingSuggestion,
    highlightTerms,
  }
}

type Caches = SearchCaches<SearchOutcome, SuggestIndex, MatchIndex>

/** One set of caches per process (per deps), found through its page cache (see search.cache.ts). */
const cachesByPageCache = new WeakMap<Deps['pageCache'], Caches>()

export function searchCachesOf(deps: Pick<Deps, 'pageCache'>): Caches {
  let caches = cachesByPageCache.get(deps.pageCache)
  if (!caches) {
    caches = new SearchCaches(deps.pageCache)
    cachesByPageCache.set(deps.pageCache, caches)
  }
  return caches
}

/** The cache key: the normalised words, the filters in a fixed order, the page and its size. */
export function searchCacheKey(
  words: readonly string[],
  f: SearchFilters,
  page: number,
  pageSize: number,
): string {
  const sorted = (values: readonly string[]) => [...values].sort().join(',')
  // Words hold only letters and digits, filter values are checked codes: '\n' and ';' separate.
  return [
    words.join(' '),
    sorted(f.agencies),
    sorted(f.audiences),
    sorted(f.lifeEvents),
    sorted(f.provinces),
    f.onlineOnly ? '1' : '0',
    page,
    pageSize,
  ].join('\n')
}

/** Roughly the bytes an answer holds (strings are UTF-16), to bound the cache by memory. */
function weightOf(o: SearchOutcome): number {
  let chars = 0
  for (const i of o.items) chars += i.title.length + i.summary.length + i.slug.length + 120
  for (const a of o.facets.agency) chars += a.nameFa.length + 60
  return 2 * chars + 64 * (o.facets.province.length + o.facets.lifeEvent.length) + 512
}

/** Answers are shared by every request that asks the same: none may change one. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/**
 * Searches the published catalogue (R2). The answer is kept in memory, keyed by the normalised
 * words, the filters and the page, until the catalogue or an agency changes (see
 * search.cache.ts); a repeated search is then a map look-up. A query that finds nothing is
 * counted in the zero-result log (text and day only) each time it is asked, answered from
 * memory or not.
 */
export async function searchCatalogue(deps: Deps, req: SearchRequest): Promise<SearchOutcome> {
  const words = searchTokens(req.q).slice(0, MAX_WORDS)
  const caches = searchCachesOf(deps)
  const stamp = caches.stamp()
  const key = searchCacheKey(words, req.filters, req.page, req.pageSize)
  let outcome = caches.results.get(key)
  if (outcome) caches.hits++
  else {
    caches.misses++
    let pending = caches.inflight.get(key)
    if (!pending) {
      const started = searchUncached(deps, words, req).then(deepFreeze)
      pending = started
      caches.inflight.set(key, started)
      const settle = () => {
        if (caches.inflight.get(key) === started) caches.inflight.delete(key)
      }
      started.then((o) => {
        settle()
        // Read under an older stamp: the catalogue may have changed meanwhile.
        if (caches.current(stamp)) caches.results.set(key, o, weightOf(o))
      }, settle)
    }
    outcome = await pending
  }
  if (req.record && words.length > 0 && outcome.matched === 0 && req.page === 1) {
    const text = zeroResultKey(words)
    if (text !== '') await countZeroResult(deps.db, tehranIsoDay(deps.clock.now()), text)
  }
  return outcome
}

/** The autocomplete index of this process, rebuilt from the database after a change. */
async function suggestIndexOf(deps: Pick<Deps, 'db' | 'pageCache'>): Promise<SuggestIndex> {
  const caches = searchCachesOf(deps)
  const stamp = caches.stamp()
  if (caches.suggest?.stamp === stamp) return caches.suggest.index
  const index = listSuggestSources(deps.db).then((rows) => new SuggestIndex(rows))
  caches.suggest = { stamp, index }
  // A failed build is not kept: the next keystroke tries again.
  index.catch(() => {
    if (caches.suggest?.index === index) caches.suggest = null
  })
  return index
}

/**
 * Autocomplete: a few titles for what has been typed so far, from the in-memory prefix index
 * (titles, popular names and keywords; no statement per keystroke, nothing logged).
 */
export async function suggestForTyping(
  deps: Pick<Deps, 'db' | 'pageCache'>,
  q: string,
  limit = 8,
): Promise<Suggestion[]> {
  const words = searchTokens(q).slice(0, MAX_WORDS)
  if (words.join('').length < 2) return []
  const index = await suggestIndexOf(deps)
  return index.suggest(meaningful(words), words.join(''), limit)
}
