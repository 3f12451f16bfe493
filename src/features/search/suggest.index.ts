/**
 * Autocomplete from memory: the titles, popular names and keywords of every published service,
 * held so that each keystroke is answered without a database statement. Built in one pass from
 * the search index (no sorting in JavaScript: the rows arrive in display order) and rebuilt after
 * the catalogue changes (see search.cache.ts).
 *
 * A *phrase* is one title, popular name or keyword as its search words (`searchTokens`). What
 * was typed matches a phrase when every typed word begins the rest of the phrase at one of its
 * words, letters run together («گواهین» matches «گواهی نامه»), or all of it run together does
 * («گواهینامه» matches «گواهی نامه», «گواهی نامه» matches «گواهینامه»). Phrases are looked up
 * through buckets keyed by the first two letters of each such rest.
 */

export interface SuggestSource {
  title: string
  slug: string
  /** The title's search words joined by spaces (search_entries.title_key). */
  titleKey: string
  /** Popular names and keywords, each as search words, separated by ' | ' (names_key). */
  namesKey: string
}

export interface Suggestion {
  title: string
  slug: string
}

/** Letters of a bucket key: short enough that every word of two letters has its bucket. */
const BUCKET = 2

interface Phrase {
  /** The words run together. */
  compact: string
  /** Where each word starts in `compact`. */
  starts: number[]
  isTitle: boolean
  /** The services (by rank) that have this phrase. */
  entries: number[]
}

export class SuggestIndex {
  /** By rank: shorter titles first, then Persian alphabetical order. */
  readonly #titles: string[] = []
  readonly #slugs: string[] = []
  readonly #titleCompacts: string[] = []
  readonly #phrases: Phrase[] = []
  readonly #buckets = new Map<string, number[]>()

  /** `sources` must come in rank order: the order suggestions are offered in within a tier. */
  constructor(sources: Iterable<SuggestSource>) {
    const byText = new Map<string, number>()
    const add = (words: string[], isTitle: boolean, entry: number) => {
      if (words.length === 0) return
      const text = `${isTitle ? 't' : 'n'}${words.join(' ')}`
      const known = byText.get(text)
      if (known !== undefined) {
        const entries = (this.#phrases[known] as Phrase).entries
        if (entries[entries.length - 1] !== entry) entries.push(entry)
        return
      }
      const starts: number[] = []
      let at = 0
      for (const w of words) {
        starts.push(at)
        at += w.length
      }
      const index = this.#phrases.length
      const phrase: Phrase = { compact: words.join(''), starts, isTitle, entries: [entry] }
      this.#phrases.push(phrase)
      byText.set(text, index)
      const keys = new Set(starts.map((s) => phrase.compact.slice(s, s + BUCKET)))
      for (const key of keys) {
        let bucket = this.#buckets.get(key)
        if (!bucket) {
          bucket = []
          this.#buckets.set(key, bucket)
        }
        bucket.push(index)
      }
    }
    for (const s of sources) {
      const entry = this.#titles.length
      const titleWords = wordsOf(s.titleKey)
      this.#titles.push(s.title)
      this.#slugs.push(s.slug)
      this.#titleCompacts.push(titleWords.join(''))
      add(titleWords, true, entry)
      for (const name of s.namesKey.split('|')) add(wordsOf(name), false, entry)
    }
  }

  get size(): number {
    return this.#titles.length
  }

  /**
   * Up to `limit` services for the typed words (already normalised by `searchTokens`, single
   * letters dropped when longer words were typed): titles that begin with what was typed first,
   * then other title matches, then matches of a popular name or keyword; within each, shorter
   * titles first.
   */
  suggest(words: readonly string[], compact: string, limit: number): Suggestion[] {
    if (compact.length < BUCKET || limit <= 0) return []
    // Drive the look-up from the rarest bucket: the whole compact form and the longest word.
    const driver = [...words].sort((a, b) => b.length - a.length)[0] ?? compact
    const candidates = new Set<number>(this.#buckets.get(compact.slice(0, BUCKET)) ?? [])
    if (driver.length >= BUCKET)
      for (const p of this.#buckets.get(driver.slice(0, BUCKET)) ?? []) candidates.add(p)
    const n = this.#titles.length
    // The best `limit` (score, entry) pairs, best first; each entry at most once.
    const top: { score: number; entry: number }[] = []
    const offer = (score: number, entry: number) => {
      const worst = top[top.length - 1]
      if (top.length >= limit && worst && worst.score <= score) return
      const same = top.findIndex((t) => t.entry === entry)
      if (same >= 0) {
        if ((top[same] as { score: number }).score <= score) return
        top.splice(same, 1)
      }
      let i = top.length
      while (i > 0 && (top[i - 1] as { score: number }).score > score) i--
      top.splice(i, 0, { score, entry })
      if (top.length > limit) top.pop()
    }
    for (const index of candidates) {
      const p = this.#phrases[index] as Phrase
      const matches =
        beginsAt(p, compact) || (words.length > 0 && words.every((w) => beginsAt(p, w)))
      if (!matches) continue
      for (const entry of p.entries) {
        const tier = !p.isTitle ? 2 : (this.#titleCompacts[entry] ?? '').startsWith(compact) ? 0 : 1
        offer(tier * n + entry, entry)
      }
    }
    return top.map(({ entry }) => ({
      title: this.#titles[entry] ?? '',
      slug: this.#slugs[entry] ?? '',
    }))
  }
}

function wordsOf(key: string): string[] {
  return key.split(' ').filter((w) => w !== '')
}

/** Whether `text` begins the phrase at one of its words (letters run together). */
function beginsAt(p: Phrase, text: string): boolean {
  for (const s of p.starts) if (p.compact.startsWith(text, s)) return true
  return false
}
