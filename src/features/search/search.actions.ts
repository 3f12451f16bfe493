import type { Deps } from '../../deps.ts'
import { searchTokens } from '../../lib/fa/normalize.ts'
import {
  countZeroResult,
  documentFrequencies,
  type FacetCount,
  findAgencyIdsByCodes,
  findAgencyNames,
  findEntryDetails,
  knownPrefixes,
  type QueryVariant,
  runSearch,
  type SearchFilterIds,
  type SearchRows,
  similarWords,
  suggestTitles,
} from './search.queries.ts'

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
 * Searches the published catalogue (R2): normalise, match and rank, filter and count, and when
 * the query as typed finds few services, correct its unknown words and search again.
 * A query that still finds nothing is counted in the zero-result log (text and day only).
 */
export async function searchCatalogue(deps: Deps, req: SearchRequest): Promise<SearchOutcome> {
  const db = deps.db
  const words = searchTokens(req.q).slice(0, MAX_WORDS)
  const agencyIds =
    req.filters.agencies.length > 0 ? await findAgencyIdsByCodes(db, req.filters.agencies) : []
  const filters: SearchFilterIds = {
    // An unknown agency code filters everything out rather than being ignored.
    agencyIds:
      req.filters.agencies.length > 0 && agencyIds.length === 0
        ? ['00000000-0000-0000-0000-000000000000']
        : agencyIds,
    audiences: req.filters.audiences,
    lifeEvents: req.filters.lifeEvents,
    provinceCodes: req.filters.provinces,
    onlineOnly: req.filters.onlineOnly,
  }
  const page = { limit: req.pageSize, offset: (req.page - 1) * req.pageSize }
  const asTyped = words.length > 0 ? [variantOf(words, 0)] : []
  let rows: SearchRows = await runSearch(db, asTyped, filters, page)
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
      const both = await runSearch(db, withFixed, filters, page)
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
    const more = await runSearch(db, withSubstring, filters, page)
    if (more.matched > rows.matched) {
      rows = more
      readings = withSubstring
    }
  }
  if (words.length > 1 && rows.matched === 0) {
    // Still nothing: show services that have only some of the words, rarest words first.
    const relaxed = await relaxedVariant(db, best)
    if (relaxed) {
      const more = await runSearch(db, [...readings, relaxed], filters, page)
      if (more.matched > rows.matched) rows = more
    }
  }
  if (req.record && words.length > 0 && rows.matched === 0 && req.page === 1) {
    const text = zeroResultKey(words)
    if (text !== '') await countZeroResult(db, tehranIsoDay(deps.clock.now()), text)
  }
  const [details, agencies] = await Promise.all([
    findEntryDetails(
      db,
      rows.page.map((p) => p.serviceId),
    ),
    findAgencyNames(
      db,
      rows.facets.agency.map((f) => f.value),
    ),
  ])
  const byId = new Map(details.map((d) => [d.serviceId, d]))
  const agencyById = new Map(agencies.map((a) => [a.id, a]))
  return {
    words,
    matched: rows.matched,
    total: rows.total,
    items: rows.page.flatMap((p) => {
      const d = byId.get(p.serviceId)
      if (!d) return []
      return [
        {
          serviceId: d.serviceId,
          slug: d.slug,
          title: d.title,
          summary: d.summary,
          audiences: d.audiences,
          online: d.online,
          publishedAt: d.publishedAt,
          agency: { id: d.agencyId, code: d.agencyCode, nameFa: d.agencyNameFa },
          score: p.score,
        },
      ]
    }),
    facets: {
      agency: rows.facets.agency.flatMap((f) => {
        const a = agencyById.get(f.value)
        return a ? [{ ...f, code: a.code, nameFa: a.nameFa }] : []
      }),
      audience: rows.facets.audience,
      lifeEvent: rows.facets.lifeEvent,
      province: rows.facets.province,
      online: rows.facets.online,
    },
    suggestion,
    showingSuggestion,
    highlightTerms,
  }
}

/** Autocomplete: a few titles for what has been typed so far (nothing is logged). */
export async function suggestForTyping(
  deps: Deps,
  q: string,
  limit = 8,
): Promise<{ title: string; slug: string }[]> {
  const words = searchTokens(q).slice(0, MAX_WORDS)
  if (words.join('').length < 2) return []
  const v = variantOf(words, 0)
  return suggestTitles(deps.db, { tsquery: v.tsquery, compact: v.compact, words: v.words }, limit)
}
