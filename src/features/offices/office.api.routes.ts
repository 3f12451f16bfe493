import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { agencyOfficesBody, officeBody, serviceOfficesBody } from './office.api.read.ts'
import {
  idParam,
  officeJson,
  officeListJson,
  serviceOfficeListJson,
  tags,
} from './office.api.schemas.ts'

/**
 * The offices API, open to read: an agency's offices, one office, and the offices of a
 * service's published version, each with its open-now status. The token writes are in
 * `office.api.write.routes.ts`, registered after these.
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
    async (c) => c.json(await agencyOfficesBody(deps, c.req.valid('param').id), 200),
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
    async (c) => c.json(await officeBody(deps, c.req.valid('param').id), 200),
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
    async (c) => c.json(await serviceOfficesBody(deps, c.req.valid('param').id), 200),
  )
}
