import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { countAgencies, listAgencies, listAgencyBriefs } from '../agencies/index.ts'
import { homePage, searchPage } from './home.views.ts'

export function homeRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const [briefs, counts] = await Promise.all([listAgencyBriefs(deps.db), countAgencies(deps.db)])
    const ministries = briefs.filter((b) => b.level === 'ministry')
    return page(c, {
      title: 'صفحهٔ اصلی',
      content: homePage({ ministries, agencyCount: counts.total }),
    })
  })

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200)
    const agencies = q ? (await listAgencies(deps.db, { q }, { limit: 50, offset: 0 })).items : []
    return page(c, {
      title: q ? `جست‌وجو: ${q}` : 'جست‌وجو',
      searchQuery: q,
      content: searchPage({ q, agencies, countText: toPersianDigits(agencies.length) }),
    })
  })

  return app
}
