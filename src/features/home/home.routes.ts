import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { uiMessages } from '../../web/ui/messages.fa.ts'
import { AGENCIES_CACHE_TAG, countAgencies, listAgencyBriefs } from '../agencies/index.ts'
import {
  AUDIENCE_LONG_LABELS,
  AUDIENCES,
  CATALOGUE_CACHE_TAG,
  countPublishedByFacet,
  LIFE_EVENT_LABELS,
  LIFE_EVENTS,
} from '../services/index.ts'
import { homePage } from './views/home-page.ts'

export function homeRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    cachedPage(c, deps.pageCache, async () => ({
      response: await renderHome(c),
      tags: [CATALOGUE_CACHE_TAG, AGENCIES_CACHE_TAG],
    })),
  )

  const renderHome = async (c: Context<AppEnv>) => {
    const [briefs, counts, facets] = await Promise.all([
      listAgencyBriefs(deps.db),
      countAgencies(deps.db),
      countPublishedByFacet(deps.db),
    ])
    const ministries = briefs.filter((b) => b.level === 'ministry')
    return page(c, {
      title: 'صفحهٔ اصلی',
      scripts: ['/assets/search.js'],
      content: homePage({
        ministries,
        centralBodyName: c.get('centralBodyName') ?? uiMessages.supervisingBody,
        agencyCount: counts.total,
        audiences: AUDIENCES.map((a) => ({
          key: a,
          label: AUDIENCE_LONG_LABELS[a],
          count: facets.audiences.get(a) ?? 0,
        })),
        lifeEvents: LIFE_EVENTS.map((e) => ({
          key: e,
          label: LIFE_EVENT_LABELS[e],
          count: facets.lifeEvents.get(e) ?? 0,
        })).filter((e) => e.count > 0),
      }),
    })
  }

  return app
}
