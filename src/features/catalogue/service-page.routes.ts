import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { findSlugRedirect } from '../services/index.ts'
import { loadServiceHistory } from './service-history.read.ts'
import { asksForStart, loadServicePage, loadServiceVersionPage } from './service-page.read.ts'
import { historyPage } from './views/history-page.ts'
import { type ServicePageModel, servicePageBody } from './views/service-page.ts'

function servicePage(c: Context<AppEnv>, m: ServicePageModel): Response | Promise<Response> {
  return page(c, { title: m.title, breadcrumbs: m.breadcrumbs, content: servicePageBody(m.body) })
}

/**
 * A service's earlier address answers with a 301 to its current one, keeping the rest of the
 * path and the query (issue 17 item 13). Looked up only when the address is not a service's now,
 * so the usual page costs nothing more. Browsers may keep the redirect a day, not for ever: an
 * admin may give the old address back to the service later.
 */
async function orMoved(
  c: Context<AppEnv>,
  deps: Deps,
  rest: string,
  respond: () => Promise<Response>,
): Promise<Response> {
  try {
    return await respond()
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error
    const current = await findSlugRedirect(deps.db, c.req.param('slug') ?? '')
    if (current === undefined) throw error
    c.header('Cache-Control', 'public, max-age=86400')
    const query = new URL(c.req.url).search
    return c.redirect(`/services/${encodeURIComponent(current)}${rest}${query}`, 301)
  }
}

/** A service's public pages at /services/:slug: the page, a version of it, its history. */
export function servicePublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:slug', (c) => {
    const query = c.req.query()
    const load = () => loadServicePage(deps, c.req.param('slug'), query, deps.clock.now())
    // A date asked for is computed afresh; the usual page is cached until the Tehran day
    // ends (it says when to expect the result if you apply today) or an office opens or closes.
    return orMoved(c, deps, '', async () => {
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
  })

  app.get('/:slug/v/:n', (c) => {
    const n = Number.parseInt(c.req.param('n'), 10)
    return orMoved(c, deps, `/v/${encodeURIComponent(c.req.param('n'))}`, async () =>
      servicePage(c, await loadServiceVersionPage(deps, c.req.param('slug'), n, deps.clock.now())),
    )
  })

  app.get('/:slug/history', (c) => {
    const slug = c.req.param('slug')
    return orMoved(c, deps, '/history', () =>
      cachedPage(c, deps.pageCache, async () => {
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
      }),
    )
  })

  return app
}
