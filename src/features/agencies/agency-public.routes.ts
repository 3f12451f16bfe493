import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { AGENCIES_CACHE_TAG } from './agency.actions.ts'
import { loadAgencyIndex } from './agency-pages.read.ts'
import { msg } from './messages.fa.ts'
import { agencyIndexPage } from './views/agency-views.ts'

/**
 * `/agencies`: the public index of the agency hierarchy (tree or search results). One
 * agency's page, `/agencies/<code>`, lists its services too, so the catalogue serves it
 * (`catalogue/agency-page.routes.ts`, composing `loadAgencyPage` and `agencyPage` from here).
 * The central admin's forms are in `agency-admin.routes.ts`.
 */
export function agencyPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  // Cached for anonymous visitors until an agency changes (the central admin sees a «new» link).
  app.get('/', (c) =>
    cachedPage(c, deps.pageCache, async () => {
      const view = await loadAgencyIndex(deps, c.get('actor'), {
        q: c.req.query('q'),
        level: c.req.query('level'),
        page: c.req.query('page'),
      })
      return {
        response: await page(c, { title: msg.indexTitle, content: agencyIndexPage(view) }),
        tags: [AGENCIES_CACHE_TAG],
      }
    }),
  )

  return app
}
