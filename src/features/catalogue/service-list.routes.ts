import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findProvince, PROVINCES } from '../../lib/iran/provinces.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { pageNumber } from '../../web/pagination.ts'
import { findAgencyByCode } from '../agencies/index.ts'
import {
  AUDIENCE_LONG_LABELS,
  AUDIENCES,
  LIFE_EVENT_LABELS,
  LIFE_EVENTS,
  listPublishedServices,
} from '../services/index.ts'
import { serviceListPage } from './views/service-list.ts'

const PAGE_SIZE = 20

/** The public list of services at /services, by agency, audience, life event and province. */
export function serviceListRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const audience = AUDIENCES.find((a) => a === c.req.query('audience'))
    const lifeEvent = LIFE_EVENTS.find((e) => e === c.req.query('lifeEvent'))
    const province = c.req.query('province')
      ? findProvince(c.req.query('province') ?? '')
      : undefined
    const agencyCode = c.req.query('agency')
    const agency = agencyCode ? await findAgencyByCode(deps.db, agencyCode) : undefined
    if (agencyCode && !agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
    const current = pageNumber(c.req.query('page'), 100_000)
    const { items, total } = await listPublishedServices(
      deps.db,
      { audience, lifeEvent, provinceCode: province?.code, agencyId: agency?.id },
      { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE },
    )
    const params = (over: Record<string, string | undefined>) => {
      const p = new URLSearchParams()
      const all = { audience, lifeEvent, province: province?.code, agency: agency?.code, ...over }
      for (const [k, v] of Object.entries(all)) if (v) p.set(k, v)
      const s = p.toString()
      return s ? `/services?${s}` : '/services'
    }
    const heading = agency
      ? `خدمات ${agency.nameFa}`
      : audience
        ? AUDIENCE_LONG_LABELS[audience]
        : lifeEvent
          ? `خدمات رویداد «${LIFE_EVENT_LABELS[lifeEvent]}»`
          : province
            ? `خدمات ادارات استان ${province.nameFa}`
            : 'همهٔ خدمات'
    return page(c, {
      title: heading,
      breadcrumbs: [
        { href: '/', text: 'خانه' },
        { href: '/services', text: 'خدمات' },
      ],
      content: serviceListPage({
        heading,
        lead: province
          ? 'خدماتی که ادارات کل و ادارات شهرستان‌های این استان ارائه می‌کنند. خدمات ملی در همهٔ استان‌ها ارائه می‌شوند.'
          : null,
        items,
        total,
        page: current,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        href: (p) => params({ page: String(p) }),
        facets: [
          {
            title: 'مخاطبان',
            links: AUDIENCES.map((a) => ({
              href: params({ audience: a, page: undefined }),
              text: AUDIENCE_LONG_LABELS[a],
              current: a === audience,
            })),
          },
          {
            title: 'رویدادهای زندگی',
            links: LIFE_EVENTS.map((e) => ({
              href: params({ lifeEvent: e, page: undefined }),
              text: LIFE_EVENT_LABELS[e],
              current: e === lifeEvent,
            })),
          },
          {
            title: 'استان',
            links: PROVINCES.map((p) => ({
              href: params({ province: p.code, page: undefined }),
              text: p.nameFa,
              current: p.code === province?.code,
            })),
          },
        ],
      }),
    })
  })

  return app
}
