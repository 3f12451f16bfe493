import type { Kysely } from 'kysely'
import { z } from 'zod'
import { notifyCacheTag } from '../../db/cache-channel.ts'
import type { Database } from '../../db/schema.ts'
import type { SearchIndexer } from '../../deps.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import { searchTokens } from '../../lib/fa/normalize.ts'
import { AUDIENCES, CATALOGUE_CACHE_TAG, LIFE_EVENTS } from '../services/index.ts'
import { bitsOf } from './bits.ts'
import { noteIndexChanged } from './search.cache.ts'
import {
  type AgencyChainLink,
  adjustWords,
  agencyChain,
  clearIndex,
  deleteEntry,
  findEntryWords,
  findIndexSource,
  insertEntries,
  listIndexSources,
  listServiceIdsUnderAgency,
  type PublishedSource,
  rebuildWords,
  type SearchEntryRow,
  upsertEntry,
} from './search.queries.ts'

type Executor = Kysely<Database>

/**
 * The part of a stored card that search reads. Parsed on its own (not with the full card
 * schema) so that older stored versions and fields added later never stop indexing.
 */
const indexedContent = z.object({
  title: z.string(),
  popularNames: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]),
  summary: z.string().default(''),
  documents: z.array(z.object({ name: z.string() })).default([]),
  audiences: z.array(z.string()).default([]),
  lifeEvents: z.array(z.string()).default([]),
  channels: z.array(z.object({ kind: z.string() })).default([]),
})

export type IndexedContent = z.infer<typeof indexedContent>

export function parseIndexedContent(value: unknown): IndexedContent {
  return indexedContent.parse(typeof value === 'string' ? JSON.parse(value) : value)
}

export interface IndexSourceText {
  title: string
  /** Popular names (what people call the service). */
  popularNames: string[]
  keywords: string[]
  summary: string
  /** The agency's name and short name and those of every agency above it. */
  agencyNames: string[]
  documentNames: string[]
}

export interface EntryKeys {
  titleKey: string
  namesKey: string
  bodyKey: string
  titleCompact: string
  namesCompact: string
  allCompact: string
  headKey: string
  words: string[]
}

/** Splits text into search words: `searchTokens`, the function queries are split with too. */
export type Tokenizer = (text: string) => string[]

/**
 * The key columns of one service (see the search migration). Each text is split once (the
 * normaliser is the costly part of indexing); a bulk loader may pass a tokenizer that
 * remembers texts many services share (agency and document names).
 */
export function entryKeys(src: IndexSourceText, tokenize: Tokenizer = searchTokens): EntryKeys {
  const seen = new Map<string, string[]>()
  const tokens = (text: string): string[] => {
    let t = seen.get(text)
    if (!t) {
      t = tokenize(text)
      seen.set(text, t)
    }
    return t
  }
  const key = (text: string) => tokens(text).join(' ')
  const compact = (text: string) => tokens(text).join('')
  const popular = src.popularNames.filter((n) => key(n) !== '')
  const names = [...popular, ...src.keywords.filter((n) => key(n) !== '')]
  const body = [src.summary, ...src.agencyNames, ...src.documentNames].filter((b) => key(b) !== '')
  const all = [src.title, ...names, ...body]
  const words = new Set<string>()
  for (const text of all) for (const t of tokens(text)) words.add(t)
  // Neighbouring words joined: «گواهی‌نامه», «گواهی نامه» and «گواهینامه» then share the
  // word «گواهینامه» in the word index and the vocabulary (so it is not "corrected" either).
  const pairs = new Set<string>()
  const headWords: string[] = []
  for (const [n, text] of all.entries()) {
    const t = tokens(text)
    const head = n <= names.length
    if (head) headWords.push(...t)
    for (let i = 0; i + 1 < t.length; i++) {
      pairs.add(`${t[i]}${t[i + 1]}`)
      if (head) headWords.push(`${t[i]}${t[i + 1]}`)
    }
  }
  for (const p of pairs) words.add(p)
  return {
    titleKey: key(src.title),
    namesKey: names.map(key).join(' | '),
    bodyKey: [...body.map(key), [...pairs].join(' ')].filter((b) => b !== '').join(' | '),
    titleCompact: compact(src.title),
    // Popular names only: an exact popular name ranks just below a title prefix; keywords
    // are topics shared by many services and rank with the other words of the names.
    namesCompact: `|${popular.map(compact).join('|')}|`,
    allCompact: `|${all.map(compact).join('|')}|`,
    headKey: headWords.join(' '),
    words: [...words].sort(),
  }
}

function uniqueNonEmpty(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v.trim() !== ''))]
}

async function buildRow(
  db: Executor,
  src: PublishedSource,
  /** Chains already read, by agency (a whole rebuild reads each agency's once). */
  chains?: Map<string, Promise<AgencyChainLink[]>>,
): Promise<SearchEntryRow> {
  const content = parseIndexedContent(src.content)
  let pending = chains?.get(src.agencyId)
  if (!pending) {
    pending = agencyChain(db, src.agencyId)
    chains?.set(src.agencyId, pending)
  }
  const chain = await pending
  const keys = entryKeys({
    title: content.title,
    popularNames: content.popularNames,
    keywords: content.keywords,
    summary: content.summary,
    agencyNames: uniqueNonEmpty(chain.flatMap((a) => [a.nameFa, a.shortNameFa])),
    documentNames: content.documents.map((d) => d.name),
  })
  return {
    serviceId: src.serviceId,
    agencyId: src.agencyId,
    versionNo: src.versionNo,
    slug: src.slug,
    title: content.title,
    summary: content.summary,
    sortKey: persianSortKey(content.title),
    ...keys,
    audiences: content.audiences,
    lifeEvents: content.lifeEvents,
    audienceBits: bitsOf(content.audiences, AUDIENCES),
    lifeEventBits: bitsOf(content.lifeEvents, LIFE_EVENTS),
    provinceCode: chain.find((a) => a.provinceCode !== null)?.provinceCode ?? null,
    online: content.channels.some((ch) => ch.kind === 'e_service'),
    publishedAt: src.publishedAt,
  }
}

/**
 * Brings one service's index row in line with its published version: written when it is
 * published and not withdrawn, removed otherwise. Call in the transaction that changed it.
 */
export async function indexService(db: Executor, serviceId: string): Promise<void> {
  // Before the write too: a search cached from here to the commit is dropped by the public
  // change's cache tags; callers without one (test data, scripts) rely on this.
  noteIndexChanged()
  const before = (await findEntryWords(db, serviceId)) ?? []
  const src = await findIndexSource(db, serviceId)
  if (!src) {
    if (before.length > 0) await adjustWords(db, [], before)
    await deleteEntry(db, serviceId)
    return
  }
  const row = await buildRow(db, src)
  const after = row.words as string[]
  const old = new Set(before)
  const now = new Set(after)
  await upsertEntry(db, row)
  await adjustWords(
    db,
    after.filter((w) => !old.has(w)),
    before.filter((w) => !now.has(w)),
  )
}

/** Re-indexes every service of an agency and of the agencies under it (after a rename). */
export async function reindexAgency(db: Executor, agencyId: string): Promise<number> {
  const ids = await listServiceIdsUnderAgency(db, agencyId)
  for (const id of ids) await indexService(db, id)
  return ids.length
}

/** Rebuilds the whole index from the published versions; returns the number of services. */
export async function reindexAll(db: Executor, batch = 500): Promise<number> {
  const indexed = await db.transaction().execute(async (trx) => {
    await clearIndex(trx)
    let after: string | null = null
    let n = 0
    const chains = new Map<string, Promise<AgencyChainLink[]>>()
    for (;;) {
      const sources = await listIndexSources(trx, after, batch)
      if (sources.length === 0) break
      const rows: SearchEntryRow[] = []
      for (const s of sources) rows.push(await buildRow(trx, s, chains))
      await insertEntries(trx, rows)
      n += rows.length
      after = sources[sources.length - 1]?.serviceId ?? null
    }
    await rebuildWords(trx)
    // Running portals on PostgreSQL hear this on commit and drop what they answered from memory.
    await notifyCacheTag(trx, CATALOGUE_CACHE_TAG)
    return n
  })
  // After the commit: a search that read the old index meanwhile is not kept (search.cache.ts).
  noteIndexChanged()
  return indexed
}

/** What the composition root hands to the features below search (see `SearchIndexer`). */
export const searchIndexer: SearchIndexer = { indexService, reindexAgency }
