import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { msg } from './messages.fa.ts'
import { loadAgencyOffices, loadOfficePage, OFFICE_ID } from './office-page.read.ts'
import { agencyOfficesPage, officePage } from './views/public.ts'

/** `/agencies/:code/offices` and `/offices/:id`: public, cached until the next opening or closing. */
export function officePublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/agencies/:code/offices', async (c) => {
    const code = c.req.param('code')
    return cachedPage(c, deps.pageCache, async () => {
      const query = { province: c.req.query('province'), city: c.req.query('city') }
      const { view, tags, expiresAt } = await loadAgencyOffices(deps, code, query, deps.clock.now())
      return {
        tags,
        expiresAt,
        response: await page(c, {
          title: msg.listTitleOf(view.agency.nameFa),
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: '/agencies', text: 'دستگاه‌ها' },
            { href: `/agencies/${view.agency.code}`, text: view.agency.nameFa },
          ],
          content: agencyOfficesPage(view),
        }),
      }
    })
  })

  app.get(`/offices/:id${OFFICE_ID}`, async (c) => {
    const id = c.req.param('id')
    const actor = c.get('actor') ?? null
    return cachedPage(c, deps.pageCache, async () => {
      const { view, tags, expiresAt } = await loadOfficePage(deps, id, actor, deps.clock.now())
      return {
        tags,
        expiresAt,
        response: await page(c, {
          title: view.office.name,
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: `/agencies/${view.agency.code}`, text: view.agency.nameFa },
            { href: `/agencies/${view.agency.code}/offices`, text: msg.listTitle },
          ],
          content: officePage(view),
        }),
      }
    })
  })

  return app
}
