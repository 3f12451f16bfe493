import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { CODE } from './indicator-admin.read.ts'
import { loadPublicIndicator, loadPublicList } from './indicator-public.read.ts'
import { pagesMsg as msg } from './pages.messages.fa.ts'
import { publicIndicatorPage, publicListPage } from './views/public-pages.ts'

/** `/indicators` and `/indicators/<code>`: approved indicators, public and cached by tag. */
export function indicatorPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    cachedPage(c, deps.pageCache, async () => {
      const { view, tags } = await loadPublicList(deps)
      return {
        tags,
        response: await page(c, {
          title: msg.publicTitle,
          breadcrumbs: [{ href: '/', text: 'خانه' }],
          content: publicListPage(view),
        }),
      }
    }),
  )

  app.get(`/:code${CODE}`, (c) =>
    cachedPage(c, deps.pageCache, async () => {
      const { view, tags } = await loadPublicIndicator(deps, c.req.param('code'))
      return {
        tags,
        response: await page(c, {
          title: view.inForce.definition.nameFa,
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: '/indicators', text: msg.publicTitle },
          ],
          content: publicIndicatorPage(view),
        }),
      }
    }),
  )

  return app
}
