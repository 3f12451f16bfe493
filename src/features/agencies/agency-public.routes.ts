import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { loadAgencyIndex, loadAgencyPage } from './agency-pages.read.ts'
import { msg } from './messages.fa.ts'
import { agencyIndexPage, agencyPage } from './views/agency-views.ts'

/**
 * `/agencies`: the public pages of the agency hierarchy, the index (tree or search results)
 * and one agency's page. The central admin's forms are in `agency-admin.routes.ts`.
 */
export function agencyPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const view = await loadAgencyIndex(deps, c.get('actor'), {
      q: c.req.query('q'),
      level: c.req.query('level'),
      page: c.req.query('page'),
    })
    return page(c, { title: msg.indexTitle, content: agencyIndexPage(view) })
  })

  app.get('/:code', async (c) => {
    const { view, breadcrumbs } = await loadAgencyPage(deps, c.get('actor'), c.req.param('code'))
    return page(c, { title: view.agency.nameFa, breadcrumbs, content: agencyPage(view) })
  })

  return app
}
