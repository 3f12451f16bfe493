import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { loadServiceHistory } from './service-history.read.ts'
import { asksForStart, loadServicePage, loadServiceVersionPage } from './service-page.read.ts'
import { historyPage } from './views/history-page.ts'
import { type ServicePageModel, servicePageBody } from './views/service-page.ts'

function servicePage(c: Context<AppEnv>, m: ServicePageModel): Response | Promise<Response> {
  return page(c, { title: m.title, breadcrumbs: m.breadcrumbs, content: servicePageBody(m.body) })
}

/** A service's public pages at /services/:slug: the page, a version of it, its history. */
export function servicePublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:slug', async (c) => {
    const query = c.req.query()
    const load = () => loadServicePage(deps, c.req.param('slug'), query, deps.clock.now())
    // A date asked for is computed afresh; the usual page is cached until the Tehran day
    // ends (it says when to expect the result if you apply today) or an office opens or closes.
    if (asksForStart(query)) return servicePage(c, (await load()).view)
    return cachedPage(c, deps.pageCache, async () => {
      const loaded = await load()
      return {
        response: await servicePage(c, loaded.view),
        tags: loaded.tags,
        expiresAt: loaded.expiresAt,
      }
    })
  })

  app.get('/:slug/v/:n', async (c) => {
    const n = Number.parseInt(c.req.param('n'), 10)
    return servicePage(
      c,
      await loadServiceVersionPage(deps, c.req.param('slug'), n, deps.clock.now()),
    )
  })

  app.get('/:slug/history', async (c) => {
    const slug = c.req.param('slug')
    return cachedPage(c, deps.pageCache, async () => {
      const history = await loadServiceHistory(deps, slug)
      return {
        tags: history.tags,
        response: await page(c, {
          title: `تاریخچهٔ ${history.view.title}`,
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: `/services/${slug}`, text: history.view.title },
          ],
          content: historyPage(history.view),
        }),
      }
    })
  })

  return app
}
