import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { editorMsg as em, ID, staffService } from '../services/index.ts'
import { loadOverview, overviewResponse } from './staff-overview.read.ts'
import { loadPreview } from './staff-preview.read.ts'
import { previewPage } from './views/staff-preview.ts'
import { publishPage } from './views/staff-publish.ts'

/**
 * `/admin/services/:id` and `/admin/services/:id/preview`: one service's overview on the
 * staff hub, and its draft as the public page will show it. Mounted by app.ts after
 * `serviceAdminRoutes`.
 */
export function serviceOverviewRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(`/:id${ID}`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'view')
    return overviewResponse(c, deps, actor, service, {}, {})
  })

  // The page an admin's «درخواست انتشار» notification links to: the request and the publish form.
  app.get(`/:id${ID}/publish`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'view')
    const view = await loadOverview(deps, actor, service, {
      csrfToken: c.get('csrfToken'),
      values: {},
      errors: {},
    })
    c.header('Cache-Control', 'private, no-store')
    return page(c, {
      title: `${em.publishHeading}: ${view.title || em.untitled}`,
      breadcrumbs: [
        { href: '/admin/services', text: em.listTitle },
        { href: `/admin/services/${service.id}`, text: view.title || em.untitled },
      ],
      content: publishPage(view),
    })
  })

  app.get(`/:id${ID}/preview`, async (c) => {
    const { service } = await staffService(deps, c, c.req.param('id'), 'view')
    const preview = await loadPreview(deps, service, {
      province: c.req.query('province'),
      city: c.req.query('city'),
    })
    c.header('X-Robots-Tag', 'noindex, nofollow')
    c.header('Cache-Control', 'private, no-store')
    return page(c, {
      title: `${em.previewTitle}: ${preview.title}`,
      breadcrumbs: [
        { href: '/admin/services', text: em.listTitle },
        { href: `/admin/services/${service.id}`, text: preview.title },
      ],
      content: previewPage({ serviceId: service.id, page: preview.page }),
    })
  })

  return app
}
