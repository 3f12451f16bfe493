import { Hono } from 'hono'
import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import type { Html } from '../../web/ui/index.ts'
import { agencyPage, loadAgencyPage } from '../agencies/index.ts'
import { loadAgencyServices } from './agency-services.read.ts'
import { agencyServicesSection } from './views/agency-services.ts'

/**
 * `/agencies/<code>`: the agency page with its published services and those of the agencies
 * under it (issue 17 item 4). The agencies feature sits below the catalogue and cannot read
 * services, so the page is composed here from its view model and view; its index is
 * `agencies/agency-public.routes.ts`.
 */
/** A section a higher feature adds to the agency page (the composition root passes them). */
export type AgencyPageSection = (agency: { id: string; code: string }) => Promise<Html>

export function agencyPageRoutes(
  deps: Deps,
  sections: readonly AgencyPageSection[] = [],
): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:code', async (c) => {
    const { view, breadcrumbs } = await loadAgencyPage(deps, c.get('actor'), c.req.param('code'))
    const [services, more] = await Promise.all([
      loadAgencyServices(deps, view.agency),
      Promise.all(sections.map((s) => s(view.agency))),
    ])
    return page(c, {
      title: view.agency.nameFa,
      breadcrumbs,
      content: agencyPage(view, html`${agencyServicesSection(services)}${more}`),
    })
  })

  return app
}
