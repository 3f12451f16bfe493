import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { channelsMsg as m } from './messages.fa.ts'
import { maturityHelpPage } from './views/help-page.ts'

/** Public pages of the channels feature, under `/help`. */
export function channelHelpRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/e-service-maturity', (c) =>
    cachedPage(c, deps.pageCache, async () => ({
      response: await page(c, {
        title: m.helpTitle,
        breadcrumbs: [{ href: '/', text: 'خانه' }],
        content: maturityHelpPage(),
      }),
      tags: [],
    })),
  )
  return app
}
