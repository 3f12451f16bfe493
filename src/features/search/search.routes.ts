import { type Context, Hono } from 'hono'
import { raw } from 'hono/html'
import type { Deps } from '../../deps.ts'
import { formatDateFa } from '../../lib/fa/format-date.ts'
import { PROVINCES } from '../../lib/iran/provinces.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import {
  AUDIENCE_LONG_LABELS,
  AUDIENCES,
  LIFE_EVENT_LABELS,
  LIFE_EVENTS,
} from '../services/index.ts'
import { msg } from './messages.fa.ts'
import {
  NO_FILTERS,
  type SearchOutcome,
  searchCachesOf,
  searchCatalogue,
  suggestForTyping,
  tehranIsoDay,
} from './search.actions.ts'
import {
  hasFilters,
  parseSearchParams,
  type SearchParams,
  searchQueryString,
} from './search.input.ts'
import { assertCanReadZeroResults } from './search.policy.ts'
import { listZeroResults } from './search.queries.ts'
import {
  type FacetOption,
  type SearchPageView,
  searchPage,
  searchTitle,
} from './views/search-page.ts'
import { zeroResultsPage } from './views/zero-results-page.ts'

export const SEARCH_PAGE_SIZE = 20
const SUGGEST_MAX_QUERY = 100
const ZERO_RESULT_DAYS = 90

function isAudience(a: string): a is (typeof AUDIENCES)[number] {
  return (AUDIENCES as readonly string[]).includes(a)
}
function isLifeEvent(e: string): e is (typeof LIFE_EVENTS)[number] {
  return (LIFE_EVENTS as readonly string[]).includes(e)
}

/** Facet options: every value with a count, plus any chosen value that has none. */
function facetOptions(
  all: readonly { value: string; text: string }[],
  counts: readonly { value: string; n: number }[] | null,
  chosen: readonly string[],
  keepEmpty: boolean,
): FacetOption[] {
  const byValue = new Map((counts ?? []).map((c) => [c.value, c.n]))
  return all
    .map((o) => ({
      ...o,
      count: counts === null ? null : (byValue.get(o.value) ?? 0),
      selected: chosen.includes(o.value),
    }))
    .filter((o) => keepEmpty || counts === null || (o.count ?? 0) > 0 || o.selected)
}

/** One collator for every page: `localeCompare(…, 'fa')` builds one per comparison (~ms a page). */
const persianOrder = new Intl.Collator('fa')

function pageView(params: SearchParams, outcome: SearchOutcome | null): SearchPageView {
  const f = params.filters
  const agencyCounts = outcome?.facets.agency ?? []
  const agencies: FacetOption[] = [...agencyCounts]
    .sort((a, b) => b.n - a.n || persianOrder.compare(a.nameFa, b.nameFa))
    .map((a) => ({
      value: a.code,
      text: a.nameFa,
      count: a.n,
      selected: f.agencies.includes(a.code),
    }))
  for (const code of f.agencies)
    if (!agencies.some((a) => a.value === code))
      agencies.push({ value: code, text: code, count: outcome ? 0 : null, selected: true })
  const filterFields = [
    ...f.agencies.map((value) => ({ name: 'agency', value })),
    ...f.audiences.map((value) => ({ name: 'audience', value })),
    ...f.lifeEvents.map((value) => ({ name: 'lifeEvent', value })),
    ...f.provinces.map((value) => ({ name: 'province', value })),
    ...(f.onlineOnly ? [{ name: 'online', value: '1' }] : []),
  ]
  const pageCount = outcome ? Math.max(1, Math.ceil(outcome.total / SEARCH_PAGE_SIZE)) : 1
  return {
    q: params.q,
    filterFields,
    errors: [],
    results: outcome
      ? {
          total: outcome.total,
          items: outcome.items.map((i) => ({
            href: `/services/${i.slug}`,
            title: i.title,
            summary: i.summary,
            agencyName: i.agency.nameFa,
            audienceLabels: i.audiences.filter(isAudience).map((a) => AUDIENCE_LONG_LABELS[a]),
            online: i.online,
          })),
          highlightTerms: outcome.highlightTerms,
          suggestion: outcome.suggestion
            ? {
                text: outcome.suggestion,
                href: `/search${searchQueryString(outcome.suggestion, f)}`,
                showing: outcome.showingSuggestion,
              }
            : null,
          page: params.page,
          pageCount,
          href: (p: number) => `/search${searchQueryString(params.q, f, p)}`,
        }
      : null,
    facets: {
      agencies,
      audiences: facetOptions(
        AUDIENCES.map((a) => ({ value: a, text: AUDIENCE_LONG_LABELS[a] })),
        outcome?.facets.audience ?? null,
        f.audiences,
        true,
      ),
      lifeEvents: facetOptions(
        LIFE_EVENTS.filter(isLifeEvent).map((e) => ({ value: e, text: LIFE_EVENT_LABELS[e] })),
        outcome?.facets.lifeEvent ?? null,
        f.lifeEvents,
        false,
      ),
      provinces: facetOptions(
        PROVINCES.map((p) => ({ value: p.code, text: p.nameFa })),
        outcome?.facets.province ?? null,
        f.provinces,
        false,
      ),
      online: { count: outcome ? outcome.facets.online : null, selected: f.onlineOnly },
    },
    clearHref: hasFilters(f) ? `/search${searchQueryString(params.q, NO_FILTERS)}` : null,
  }
}

/** Search pages (R2): `/search`, its autocomplete, and the central office's zero-result list. */
export function searchRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  // Not in the page cache (a query that finds nothing must be counted each time it is asked):
  // the answer and the rendered content are kept by the search feature's own caches instead.
  app.get('/search', async (c) => {
    const parsed = parseSearchParams(c.req.queries())
    if (!parsed.ok) {
      const view = pageView(parsed.params, null)
      view.errors = Object.entries(parsed.errors).map(([field, text]) => ({
        href: `#filter-${field === 'lifeEvent' ? 'life-event' : field}`,
        text,
      }))
      return page(
        c,
        {
          title: msg.invalidTitle,
          searchQuery: parsed.params.q,
          content: searchPage(view),
          scripts: ['/assets/search.js'],
        },
        422,
      )
    }
    const params = parsed.params
    const asked = params.q.trim() !== '' || hasFilters(params.filters)
    const caches = searchCachesOf(deps)
    const stamp = caches.stamp()
    const outcome = asked
      ? await searchCatalogue(deps, {
          q: params.q,
          filters: params.filters,
          page: params.page,
          pageSize: SEARCH_PAGE_SIZE,
          record: true,
        })
      : null
    // The content depends only on the query and its answer (the header and footer, which
    // differ for signed-in staff, are rendered around it each time).
    const viewKey = searchQueryString(params.q, params.filters, params.page)
    let content = caches.views.get(viewKey)
    if (content === undefined) {
      content = (await searchPage(pageView(params, outcome))).toString()
      if (caches.current(stamp)) caches.views.set(viewKey, content, 2 * content.length)
    }
    return page(c, {
      title: searchTitle(params.q, outcome?.total ?? null),
      searchQuery: params.q,
      content: raw(content),
      scripts: ['/assets/search.js'],
    })
  })

  app.get('/search/suggest', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, SUGGEST_MAX_QUERY)
    const items = await suggestForTyping(deps, q)
    c.header('Cache-Control', 'public, max-age=60')
    return c.json({
      items: items.map((i) => ({ title: i.title, url: `/services/${i.slug}` })),
    })
  })

  app.get('/admin/search/zero-results', async (c: Context<AppEnv>) => {
    assertCanReadZeroResults(requireActor(c))
    const since = tehranIsoDay(new Date(deps.clock.now().getTime() - ZERO_RESULT_DAYS * 86_400_000))
    const rows = await listZeroResults(deps.db, since, 200)
    const dateOf = (iso: string) => formatDateFa(new Date(`${iso}T12:00:00Z`))
    return page(c, {
      title: msg.zeroTitle,
      breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }, { text: msg.zeroTitle }],
      content: zeroResultsPage({
        periodDays: ZERO_RESULT_DAYS,
        rows: rows.map((r) => ({
          query: r.query,
          searchHref: `/search${searchQueryString(r.query, NO_FILTERS)}`,
          count: r.total,
          days: r.days,
          first: dateOf(r.firstDay),
          last: dateOf(r.lastDay),
        })),
      }),
    })
  })

  return app
}
