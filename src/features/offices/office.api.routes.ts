import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { endOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { publicRead } from '../../web/etag.ts'
import { CALENDAR_CACHE_TAG } from '../calendar/index.ts'
import { serviceCacheTag } from '../services/index.ts'
import { agencyOfficesCacheTag, officeCacheTag } from './office.actions.ts'
import { agencyOfficesBody, officeBody, serviceOfficesBody } from './office.api.read.ts'
import {
  idParam,
  type OfficeJson,
  officeJson,
  officeListJson,
  serviceOfficeListJson,
  tags,
} from './office.api.schemas.ts'

/**
 * What an answer about these offices shows (each office, the calendar) and when it goes stale
 * by itself: the next time one of them opens or closes, and at the latest the end of the Tehran
 * day (each carries today's hours). Ids are lower-cased as the database writes them, so the tag
 * is the one a change marks whatever case the request used.
 */
function officesRead(now: Date, offices: readonly OfficeJson[], tags: readonly string[]) {
  const changes = offices.flatMap((o) => [o.openNow.nextOpen, o.openNow.nextClose])
  return {
    tags: [...tags, ...offices.map((o) => officeCacheTag(o.id)), CALENDAR_CACHE_TAG],
    expiresAt: Math.min(
      endOfTehranDay(now).getTime(),
      ...changes.flatMap((at) => (at === null ? [] : [Date.parse(at)])),
    ),
  }
}

/**
 * The offices API, open to read: an agency's offices, one office, and the offices of a
 * service's published version, each with its open-now status. The token writes are in
 * `office.api.write.routes.ts`, registered after these. The reads are kept in memory
 * (web/etag.ts) until an office, the calendar or the service changes, or an office opens or
 * closes.
 */
export function officeApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}/offices',
      tags,
      summary: 'محل‌های مراجعهٔ یک دستگاه',
      request: { params: idParam },
      responses: {
        200: { description: 'فهرست', content: { 'application/json': { schema: officeListJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const now = deps.clock.now()
      const id = c.req.valid('param').id.toLowerCase()
      const body = await agencyOfficesBody(deps, id)
      const read = officesRead(now, body.items, [agencyOfficesCacheTag(id)])
      return c.json(publicRead(c, { body, ...read }), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/offices/{id}',
      tags,
      summary: 'یک محل مراجعه، با ساعات کار و باز یا بسته بودن اکنون',
      request: { params: idParam },
      responses: {
        200: { description: 'محل مراجعه', content: { 'application/json': { schema: officeJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const now = deps.clock.now()
      const body = await officeBody(deps, c.req.valid('param').id)
      return c.json(publicRead(c, { body, ...officesRead(now, [body], []) }), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/offices',
      tags,
      summary: 'محل‌های مراجعهٔ نسخهٔ منتشرشدهٔ یک خدمت',
      request: { params: idParam },
      responses: {
        200: {
          description: 'محل‌ها، به ترتیب شناسنامهٔ خدمت، با توضیح هر پیوند',
          content: { 'application/json': { schema: serviceOfficeListJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const now = deps.clock.now()
      const id = c.req.valid('param').id.toLowerCase()
      const body = await serviceOfficesBody(deps, id)
      const offices = body.items.map((i) => i.office)
      const read = officesRead(now, offices, [serviceCacheTag(id)])
      return c.json(publicRead(c, { body, ...read }), 200)
    },
  )
}
