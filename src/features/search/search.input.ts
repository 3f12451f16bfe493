import { findProvince } from '../../lib/iran/provinces.ts'
import { readPageNumber } from '../../web/pagination.ts'
import { AUDIENCES, LIFE_EVENTS } from '../services/index.ts'
import { msg } from './messages.fa.ts'
import type { SearchFilters } from './search.actions.ts'

/** Longer queries are cut: nobody types more, and the page echoes it back. */
export const MAX_QUERY_LENGTH = 200
export const MAX_PAGE = 1_000

/** A query parameter given once or repeated (`?audience=G2C&audience=G2B`). */
export type Repeated = string | string[] | undefined

function list(v: Repeated): string[] {
  if (v === undefined) return []
  return (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== '')
}

const AGENCY_CODE = /^[0-9A-Za-z-]{1,20}$/

export interface SearchParams {
  q: string
  filters: SearchFilters
  page: number
}

export type ParsedSearch =
  | { ok: true; params: SearchParams }
  | { ok: false; params: SearchParams; errors: Record<string, string> }

/**
 * The search parameters of a page or API request. Unknown filter values are refused (not
 * silently dropped), so a bookmarked or tampered link says what is wrong.
 */
export function parseSearchParams(raw: {
  q?: Repeated
  agency?: Repeated
  audience?: Repeated
  lifeEvent?: Repeated
  province?: Repeated
  online?: Repeated
  page?: Repeated
}): ParsedSearch {
  const errors: Record<string, string> = {}
  const q = (list(raw.q)[0] ?? '').slice(0, MAX_QUERY_LENGTH)
  const audiences = list(raw.audience)
  if (audiences.some((a) => !(AUDIENCES as readonly string[]).includes(a)))
    errors.audience = msg.invalid.audience
  const lifeEvents = list(raw.lifeEvent)
  if (lifeEvents.some((e) => !(LIFE_EVENTS as readonly string[]).includes(e)))
    errors.lifeEvent = msg.invalid.lifeEvent
  const provinces = list(raw.province)
  if (provinces.some((p) => !findProvince(p))) errors.province = msg.invalid.province
  const agencies = list(raw.agency)
  if (agencies.some((a) => !AGENCY_CODE.test(a))) errors.agency = msg.invalid.agency
  const online = list(raw.online)[0]
  if (online !== undefined && !['1', 'true', 'on', '0', 'false'].includes(online))
    errors.online = msg.invalid.online
  const pageRaw = list(raw.page)[0]
  const page = pageRaw === undefined ? 1 : readPageNumber(pageRaw, MAX_PAGE)
  if (page === null) errors.page = msg.invalid.page
  const params: SearchParams = {
    q,
    filters: {
      agencies: [...new Set(agencies)],
      audiences: [...new Set(audiences)],
      lifeEvents: [...new Set(lifeEvents)],
      provinces: [...new Set(provinces)],
      onlineOnly: online === '1' || online === 'true' || online === 'on',
    },
    page: page ?? 1,
  }
  return Object.keys(errors).length > 0 ? { ok: false, params, errors } : { ok: true, params }
}

export function hasFilters(f: SearchFilters): boolean {
  return (
    f.agencies.length > 0 ||
    f.audiences.length > 0 ||
    f.lifeEvents.length > 0 ||
    f.provinces.length > 0 ||
    f.onlineOnly
  )
}

/** The query string of a search (for links: pages, "did you mean", clearing filters). */
export function searchQueryString(q: string, f: SearchFilters, page = 1): string {
  const p = new URLSearchParams()
  if (q !== '') p.set('q', q)
  for (const a of f.agencies) p.append('agency', a)
  for (const a of f.audiences) p.append('audience', a)
  for (const e of f.lifeEvents) p.append('lifeEvent', e)
  for (const pr of f.provinces) p.append('province', pr)
  if (f.onlineOnly) p.set('online', '1')
  if (page > 1) p.set('page', String(page))
  const s = p.toString()
  return s === '' ? '' : `?${s}`
}
