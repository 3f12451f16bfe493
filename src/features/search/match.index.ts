import { AUDIENCES, LIFE_EVENTS } from '../services/index.ts'
import { bitsOf } from './bits.ts'
import type {
  AgencyFacetCount,
  FacetCount,
  MatchAgency,
  MatchIndexSource,
  MatchRow,
  Posting,
  QueryVariant,
  SearchFilterIds,
  SearchRows,
} from './search.queries.ts'

/**
 * The search match index of one process: what `runSearch` reads to match, rank, filter and count
 * a plain-word search, held in memory so that a common word («صدور», 9,000 matches at 100,000
 * services) costs a millisecond rather than a statement that reads every match's row.
 *
 * It answers exactly what the SQL statement (`searchStatement`, two-step case) answers for
 * readings that match every word as a prefix of a word of the service (`'w1':* & 'w2':*`, the
 * query as typed and its typo-corrected reading): the same matches, the same scores (the same
 * tiers and the same float arithmetic in the same order), the same order (score, then sort key
 * in code point order, then id: the rows arrive in that order and ties keep it), the same
 * counts and disjunctive facets. Substring and relaxed readings are not answered here
 * (`answer` returns null); they stay with SQL.
 *
 * Words are looked up in two vocabularies, the lexemes of `document` (title, names, body) and of
 * `head_doc` (title and names), each sorted with a posting list (ascending row numbers) per
 * word: a prefix is a binary-searched range of the vocabulary, its matches the union of the
 * range's postings, kept as a bit set of rows.
 */

/** What `runSearch` answers, but the page as ids and scores (the caller reads what they show). */
export interface MatchAnswer {
  matched: number
  total: number
  page: { serviceId: string; score: number }[]
  facets: SearchRows['facets']
}

/** A vocabulary: words in UTF-16 order (a prefix's words are one range), postings run together. */
class Vocabulary {
  readonly #words: string[]
  readonly #starts: Int32Array
  readonly #rows: Int32Array

  constructor(postings: Posting[]) {
    const sorted = [...postings].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    this.#words = sorted.map((p) => p.word)
    this.#starts = new Int32Array(sorted.length + 1)
    let n = 0
    for (const [i, p] of sorted.entries()) {
      this.#starts[i] = n
      n += p.rows.length
    }
    this.#starts[sorted.length] = n
    this.#rows = new Int32Array(n)
    for (const [i, p] of sorted.entries()) this.#rows.set(p.rows, this.#starts[i] ?? 0)
  }

  get size(): number {
    return this.#words.length
  }

  get postings(): number {
    return this.#rows.length
  }

  /** The first word not before `prefix`, and the first after it that does not start with it. */
  #range(prefix: string): [number, number] {
    const words = this.#words
    let lo = 0
    let hi = words.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((words[mid] as string) < prefix) lo = mid + 1
      else hi = mid
    }
    const from = lo
    hi = words.length
    // Words from `from` on: those starting with the prefix come first (a contiguous run).
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((words[mid] as string).startsWith(prefix)) lo = mid + 1
      else hi = mid
    }
    return [from, lo]
  }

  /** Sets the bit of every row that has a word starting with `prefix`. */
  markPrefix(prefix: string, bits: Uint32Array): void {
    const [from, to] = this.#range(prefix)
    const rows = this.#rows
    const end = this.#starts[to] ?? 0
    for (let i = this.#starts[from] ?? 0; i < end; i++) {
      const r = rows[i] as number
      bits[r >>> 5] = (bits[r >>> 5] as number) | (1 << (r & 31))
    }
  }
}

/** A parsed plain-word reading: each group's words all required (as prefixes), groups OR-ed. */
interface PlainVariant {
  groups: string[][]
  compact: string
  /** `|compact|`: an exact popular name. */
  bar: string
  words: string[]
  /** ' ' + each word. */
  spaced: string[]
  penalty: number
}

/**
 * A query word the index can answer as PostgreSQL does: to_tsquery('simple', …) keeps a run of
 * letters and ASCII digits as one lexeme, lower-cased (the search key is lower-cased already).
 * Other characters (a superscript digit, say) may be split off or dropped there, so a word
 * with one goes to SQL.
 */
const PLAIN_WORD = /^[\p{L}0-9]+$/u
const TERM = /^'([^':&|()!\s]+)':\*$/u

/** `'w1':* & 'w2':*` or `('w1':* & 'w2':*) | ('w1w2':*)`, as `variantOf` writes it; else null. */
function groupsOf(tsquery: string): string[][] | null {
  const groups: string[][] = []
  for (const part of tsquery.split(' | ')) {
    const inner = part.startsWith('(') && part.endsWith(')') ? part.slice(1, -1) : part
    const words: string[] = []
    for (const term of inner.split(' & ')) {
      const m = TERM.exec(term)
      const w = m?.[1]
      if (!w || !PLAIN_WORD.test(w) || /[A-Z]/.test(w)) return null
      words.push(w)
    }
    groups.push(words)
  }
  return groups.length > 0 ? groups : null
}

function plainVariants(variants: readonly QueryVariant[]): PlainVariant[] | null {
  const out: PlainVariant[] = []
  for (const v of variants) {
    if (v.substring || v.anyOf) return null
    const groups = groupsOf(v.tsquery)
    if (!groups) return null
    out.push({
      groups,
      compact: v.compact,
      bar: `|${v.compact}|`,
      words: v.words,
      spaced: v.words.map((w) => ` ${w}`),
      penalty: v.penalty,
    })
  }
  return out
}

/** Adds one to the count of every value whose bit is set. */
function countBits(bits: number, counts: Int32Array): void {
  let rest = bits
  while (rest !== 0) {
    const low = rest & -rest
    const i = 31 - Math.clz32(low)
    rest ^= low
    if (i < counts.length) counts[i] = (counts[i] as number) + 1
  }
}

/**
 * `(' ' || key) LIKE '% w%'` for every word: each word starts the key or follows a space
 * (without building the spaced strings for every row).
 */
function allWordsIn(key: string, v: PlainVariant): boolean {
  if (v.words.length === 0) return false
  for (let i = 0; i < v.words.length; i++)
    if (!key.startsWith(v.words[i] as string) && !key.includes(v.spaced[i] as string)) return false
  return true
}

const CANDIDATES_SORTED_FROM = 4_096

export class MatchIndex {
  readonly #rows: MatchRow[]
  readonly #document: Vocabulary
  readonly #head: Vocabulary
  readonly #agencies: MatchAgency[]
  /** Row → its agency's number in #agencies. */
  readonly #agencyOf: Int32Array
  readonly #agencyByCode = new Map<string, number>()
  readonly #provinces: string[] = []
  /** Row → its province's number in #provinces, -1 for none. */
  readonly #provinceOf: Int32Array
  /** Hot columns by row, in typed arrays (a common word visits tens of thousands of rows). */
  readonly #audienceBits: Int32Array
  readonly #lifeEventBits: Int32Array
  readonly #online: Uint8Array
  readonly #titleLength: Int32Array
  readonly #words: number

  constructor(src: MatchIndexSource) {
    this.#rows = src.rows
    this.#document = new Vocabulary(src.document)
    this.#head = new Vocabulary(src.head)
    const agencyById = new Map<string, number>()
    this.#agencies = []
    // In id order, provinces in code order: the order the statement lists their facets in.
    const byId = [...src.agencies].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    for (const a of byId) {
      if (agencyById.has(a.id)) continue
      agencyById.set(a.id, this.#agencies.length)
      this.#agencyByCode.set(a.code, this.#agencies.length)
      this.#agencies.push(a)
    }
    const provinceNo = new Map<string, number>()
    const codes = new Set<string>()
    for (const r of src.rows) if (r.provinceCode !== null) codes.add(r.provinceCode)
    for (const code of [...codes].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
      provinceNo.set(code, this.#provinces.length)
      this.#provinces.push(code)
    }
    this.#agencyOf = new Int32Array(src.rows.length)
    this.#provinceOf = new Int32Array(src.rows.length)
    this.#audienceBits = new Int32Array(src.rows.length)
    this.#lifeEventBits = new Int32Array(src.rows.length)
    this.#online = new Uint8Array(src.rows.length)
    this.#titleLength = new Int32Array(src.rows.length)
    for (const [i, r] of src.rows.entries()) {
      this.#audienceBits[i] = r.audienceBits
      this.#lifeEventBits[i] = r.lifeEventBits
      this.#online[i] = r.online ? 1 : 0
      this.#titleLength[i] = r.titleLength
      const a = agencyById.get(r.agencyId)
      if (a === undefined) throw new Error(`match index: unknown agency ${r.agencyId}`)
      this.#agencyOf[i] = a
      this.#provinceOf[i] = r.provinceCode === null ? -1 : (provinceNo.get(r.provinceCode) ?? -1)
    }
    this.#words = (src.rows.length + 31) >>> 5
  }

  /**
   * Builds from hand-made entries with their words (tests): sorted by sort key in code point
   * order (COLLATE "C"), then id, as the database lists them.
   */
  static fromEntries(
    entries: readonly (Omit<MatchRow, 'titleLength'> & {
      sortKey: string
      documentWords: readonly string[]
      headWords: readonly string[]
    })[],
    agencies: MatchAgency[],
  ): MatchIndex {
    const byCodePoint = (a: string, b: string) => {
      const x = [...a]
      const y = [...b]
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0)
        if (d !== 0) return d
      }
      return x.length - y.length
    }
    const sorted = [...entries].sort(
      (a, b) => byCodePoint(a.sortKey, b.sortKey) || byCodePoint(a.serviceId, b.serviceId),
    )
    const postingsOf = (wordsOf: (e: (typeof sorted)[number]) => readonly string[]) => {
      const lists = new Map<string, number[]>()
      for (const [i, e] of sorted.entries())
        for (const w of new Set(wordsOf(e))) {
          const list = lists.get(w)
          if (list) list.push(i)
          else lists.set(w, [i])
        }
      return [...lists].map(([word, rows]) => ({ word, rows: Int32Array.from(rows) }))
    }
    return new MatchIndex({
      rows: sorted.map(({ sortKey: _s, documentWords: _d, headWords: _h, ...r }) => ({
        ...r,
        titleLength: [...r.titleCompact].length,
      })),
      agencies,
      document: postingsOf((e) => e.documentWords),
      head: postingsOf((e) => e.headWords),
    })
  }

  get size(): number {
    return this.#rows.length
  }

  /** Vocabulary sizes and postings, for the bench. */
  get stats(): { rows: number; words: number; postings: number; headWords: number } {
    return {
      rows: this.#rows.length,
      words: this.#document.size,
      postings: this.#document.postings + this.#head.postings,
      headWords: this.#head.size,
    }
  }

  /** Whether `answer` can answer these readings (plain words only, or no query at all). */
  answers(variants: readonly QueryVariant[]): boolean {
    return plainVariants(variants) !== null
  }

  /** The rows a variant matches in one vocabulary, as a bit set. */
  #matches(vocabulary: Vocabulary, v: PlainVariant, memo: Map<string, Uint32Array>): Uint32Array {
    const out = new Uint32Array(this.#words)
    for (const group of v.groups) {
      let all: Uint32Array | null = null
      for (const w of group) {
        let bits = memo.get(w)
        if (!bits) {
          bits = new Uint32Array(this.#words)
          vocabulary.markPrefix(w, bits)
          memo.set(w, bits)
        }
        if (all === null) all = bits.slice()
        else for (let i = 0; i < all.length; i++) all[i] = (all[i] as number) & (bits[i] as number)
      }
      if (all) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) | (all[i] as number)
    }
    return out
  }

  /**
   * The score of a service with the words in its title or names (scoreOf in search.queries.ts):
   * tier + 9 × share − penalty (+ 0, the coverage of a plain reading), in that order.
   */
  #fullScore(r: MatchRow, v: PlainVariant, floor: number): number {
    const c = v.compact
    const tc = r.titleCompact
    const share = c.length / Math.max(r.titleLength, c.length, 1)
    const scored = (tier: number) => tier + 9 * share - v.penalty + 0
    if (tc === c) return scored(100)
    if (tc.startsWith(c)) return scored(80)
    // The tests below scan the keys: skipped once no lower tier could make the page (the score
    // returned is then at most `floor`, and the page keeps nothing at or below it).
    if (scored(75) <= floor) return scored(75)
    if (r.namesCompact.includes(v.bar)) return scored(75)
    if (scored(60) <= floor) return scored(60)
    if (tc.includes(c) || allWordsIn(r.titleKey, v)) return scored(60)
    if (scored(50) <= floor) return scored(50)
    if (r.namesCompact.includes(c) || allWordsIn(r.namesKey, v)) return scored(50)
    return scored(20)
  }

  /**
   * Answers `runSearch(variants, filters, page)` for plain-word readings (or none: every
   * service, score 0); null for readings it does not answer (substring, relaxed).
   */
  answer(
    variants: readonly QueryVariant[],
    filters: SearchFilterIds,
    page: { limit: number; offset: number },
  ): MatchAnswer | null {
    const plain = plainVariants(variants)
    if (!plain) return null
    const n = this.#rows.length
    let matched: Uint32Array
    const heads: Uint32Array[] = []
    if (plain.length === 0) {
      matched = new Uint32Array(this.#words).fill(0xffffffff)
      if (n % 32 !== 0) matched[this.#words - 1] = (1 << (n % 32)) - 1
    } else {
      matched = new Uint32Array(this.#words)
      const docMemo = new Map<string, Uint32Array>()
      const headMemo = new Map<string, Uint32Array>()
      for (const v of plain) {
        const m = this.#matches(this.#document, v, docMemo)
        for (let i = 0; i < matched.length; i++)
          matched[i] = (matched[i] as number) | (m[i] as number)
        heads.push(this.#matches(this.#head, v, headMemo))
      }
    }

    // Filters: a row counts in a facet when it passes every filter but that facet's own.
    const agencyFilter =
      filters.agencyCodes.length > 0 ? new Uint8Array(this.#agencies.length) : null
    if (agencyFilter)
      for (const code of filters.agencyCodes) {
        const a = this.#agencyByCode.get(code)
        if (a !== undefined) agencyFilter[a] = 1
      }
    const audienceBits = filters.audiences.length > 0 ? bitsOf(filters.audiences, AUDIENCES) : null
    const lifeEventBits =
      filters.lifeEvents.length > 0 ? bitsOf(filters.lifeEvents, LIFE_EVENTS) : null
    const provinceFilter =
      filters.provinceCodes.length > 0 ? new Uint8Array(this.#provinces.length) : null
    if (provinceFilter)
      for (const [i, p] of this.#provinces.entries())
        if (filters.provinceCodes.includes(p)) provinceFilter[i] = 1
    const onlineOnly = filters.onlineOnly

    const agencyCounts = new Int32Array(this.#agencies.length)
    const provinceCounts = new Int32Array(this.#provinces.length)
    const audienceCounts = new Int32Array(AUDIENCES.length)
    const lifeEventCounts = new Int32Array(LIFE_EVENTS.length)
    let online = 0
    let matchedCount = 0
    let total = 0

    const want = page.offset + page.limit
    // The best `want` so far (score DESC, row ASC); rows arrive in ascending order, so a row
    // ties after every row already kept with its score.
    const candidates: { row: number; score: number }[] = []
    const everyCandidate = want >= CANDIDATES_SORTED_FROM
    const keep = (row: number, score: number) => {
      if (want <= 0) return
      if (everyCandidate) {
        candidates.push({ row, score })
        return
      }
      if (candidates.length === want && (candidates[want - 1] as { score: number }).score >= score)
        return
      let lo = 0
      let hi = candidates.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((candidates[mid] as { score: number }).score >= score) lo = mid + 1
        else hi = mid
      }
      candidates.splice(lo, 0, { row, score })
      if (candidates.length > want) candidates.pop()
    }

    const agencyOf = this.#agencyOf
    const provinceOf = this.#provinceOf
    const audienceOf = this.#audienceBits
    const lifeEventOf = this.#lifeEventBits
    const onlineOf = this.#online
    for (let wi = 0; wi < matched.length; wi++) {
      let word = matched[wi] as number
      while (word !== 0) {
        const low = word & -word
        const bit = 31 - Math.clz32(low)
        word ^= low
        const ri = (wi << 5) | bit
        if (ri >= n) break
        matchedCount++
        const rowAudience = audienceOf[ri] as number
        const rowLifeEvent = lifeEventOf[ri] as number
        const rowOnline = onlineOf[ri] === 1
        const failAgency = agencyFilter !== null && agencyFilter[agencyOf[ri] as number] !== 1
        const failAudience = audienceBits !== null && (rowAudience & audienceBits) === 0
        const failLifeEvent = lifeEventBits !== null && (rowLifeEvent & lifeEventBits) === 0
        const province = provinceOf[ri] as number
        const failProvince =
          provinceFilter !== null && (province < 0 || provinceFilter[province] !== 1)
        const failOnline = onlineOnly && !rowOnline
        const fails =
          (failAgency ? 1 : 0) +
          (failAudience ? 1 : 0) +
          (failLifeEvent ? 1 : 0) +
          (failProvince ? 1 : 0) +
          (failOnline ? 1 : 0)
        if (fails > 1) continue
        if (fails === 0 || failAgency) {
          const a = agencyOf[ri] as number
          agencyCounts[a] = (agencyCounts[a] as number) + 1
        }
        if ((fails === 0 || failProvince) && province >= 0)
          provinceCounts[province] = (provinceCounts[province] as number) + 1
        if (fails === 0 || failAudience) countBits(rowAudience, audienceCounts)
        if (fails === 0 || failLifeEvent) countBits(rowLifeEvent, lifeEventCounts)
        if ((fails === 0 || failOnline) && rowOnline) online++
        if (fails !== 0) continue
        total++
        if (want <= 0) continue
        // Once the page is full, a row scoring at or below its last cannot enter it: scoring
        // may stop as soon as that is certain.
        const floor =
          !everyCandidate && candidates.length === want
            ? (candidates[want - 1] as { score: number }).score
            : Number.NEGATIVE_INFINITY
        keep(ri, this.#scoreOf(ri, wi, bit, plain, heads, floor))
      }
    }

    if (everyCandidate) candidates.sort((a, b) => b.score - a.score || a.row - b.row)
    const agency: AgencyFacetCount[] = []
    for (const [i, a] of this.#agencies.entries()) {
      const count = agencyCounts[i] as number
      if (count > 0) agency.push({ value: a.id, n: count, code: a.code, nameFa: a.nameFa })
    }
    const counted = (values: readonly string[], counts: Int32Array): FacetCount[] =>
      values.flatMap((value, i) => ((counts[i] ?? 0) > 0 ? [{ value, n: counts[i] ?? 0 }] : []))
    return {
      matched: matchedCount,
      total,
      page: candidates
        .slice(page.offset, want)
        .map((c) => ({ serviceId: (this.#rows[c.row] as MatchRow).serviceId, score: c.score })),
      facets: {
        agency,
        audience: counted(AUDIENCES, audienceCounts),
        lifeEvent: counted(LIFE_EVENTS, lifeEventCounts),
        province: counted(this.#provinces, provinceCounts),
        online,
      },
    }
  }

  /**
   * The two-step score: the best full score of the readings whose words are in the title or
   * names; otherwise the best bottom-tier score of every reading (from the title's length).
   * Exact when above `floor`; otherwise some score at or below it.
   */
  #scoreOf(
    ri: number,
    wi: number,
    bit: number,
    plain: PlainVariant[],
    heads: Uint32Array[],
    floor: number,
  ): number {
    if (plain.length === 0) return 0
    // Index loops: this runs for every match of a common word (no iterator objects).
    let best = Number.NEGATIVE_INFINITY
    const mask = 1 << bit
    for (let i = 0; i < plain.length; i++)
      if ((((heads[i] as Uint32Array)[wi] as number) & mask) !== 0) {
        const score = this.#fullScore(this.#rows[ri] as MatchRow, plain[i] as PlainVariant, floor)
        if (score > best) best = score
      }
    if (best !== Number.NEGATIVE_INFINITY) return best
    const titleLength = this.#titleLength[ri] as number
    for (let i = 0; i < plain.length; i++) {
      const v = plain[i] as PlainVariant
      const c = v.compact.length
      const score = 20 + 9 * (c / Math.max(titleLength, c, 1)) - v.penalty
      if (score > best) best = score
    }
    return best
  }
}
