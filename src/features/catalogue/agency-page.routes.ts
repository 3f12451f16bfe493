import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { agencyPage, loadAgencyPage } from '../agencies/index.ts'
import { loadAgencyServices } from './agency-services.read.ts'
import { agencyServicesSection } from './views/agency-services.ts'

/**
 * `/agencies/<code>`: the agency page with its published services and those of the agencies
 * under it (issue 17 item 4). The agencies feature sits below the catalogue and cannot read
 * services, so the page is composed here from its view model and view; its index is
 * `agencies/agency-public.routes.ts`.
 */
export function agencyPageRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:code', async (c) => {
    const { view, breadcrumbs } = await loadAgencyPage(deps, c.get('actor'), c.req.param('code'))
    const services = await loadAgencyServices(deps, view.agency)
    return page(c, {
      title: view.agency.nameFa,
      breadcrumbs,
      content: agencyPage(view, agencyServicesSection(services)),
    })
  })

  return app
}
