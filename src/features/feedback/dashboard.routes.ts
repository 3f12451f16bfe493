import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { dashboardMsg as msg } from './dashboard.messages.fa.ts'
import { canSeeAllAgencies, loadAgencyDashboard, loadCentralDashboard } from './dashboard.read.ts'
import { centralDashboardPage } from './views/dashboard-agencies.ts'
import { agencyDashboardPage } from './views/dashboard-page.ts'

/**
 * `/admin/feedback`: the staff feedback dashboards (issue 13 item 7). Agency staff see their own
 * agency; central staff see the comparison across agencies and any one agency's page.
 */
export function feedbackDashboardRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const home = { href: '/admin', text: 'پیشخوان' }

  const central = async (c: Context<AppEnv>) => {
    const v = await loadCentralDashboard(deps, requireActor(c), c.req.query())
    return page(c, {
      title: msg.centralTitle,
      breadcrumbs: [home],
      content: centralDashboardPage(v),
    })
  }

  app.get('/', async (c) => {
    const actor = requireActor(c)
    if (canSeeAllAgencies(actor)) return central(c)
    const v = await loadAgencyDashboard(deps, actor, null)
    return page(c, {
      title: msg.title,
      breadcrumbs: [home],
      content: agencyDashboardPage(v, false),
    })
  })

  app.get('/agencies', central)

  app.get('/agencies/:id', async (c) => {
    const actor = requireActor(c)
    const id = c.req.param('id')
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
      throw new NotFoundError('feedback.dashboard.agency', msg.agencyNotFound)
    const v = await loadAgencyDashboard(deps, actor, id)
    return page(c, {
      title: `${msg.title}: ${v.agencyName}`,
      breadcrumbs: [home, { href: '/admin/feedback', text: msg.centralTitle }],
      content: agencyDashboardPage(v, canSeeAllAgencies(actor)),
    })
  })

  return app
}
