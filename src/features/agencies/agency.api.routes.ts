import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import { publicRead } from '../../web/etag.ts'
import { AGENCIES_CACHE_TAG } from './agency.actions.ts'
import { agencyBody, agencyListBody } from './agency.api.read.ts'
import { idParam, listQuery, listResponse, tags } from './agency.api.schemas.ts'
import { createAgencyBody, patchAgencyBody } from './agency.api.write.ts'
import { agencyFields, agencyInput } from './agency.input.ts'
import { agencyJson } from './agency.present.ts'

/**
 * The agencies API: the list and one agency, open to read; adding and editing with the
 * central admin's token. Answers are loaded in `agency.api.read.ts` / `agency.api.write.ts`.
 * The reads are kept in memory until an agency changes (`AGENCIES_CACHE_TAG`, web/etag.ts).
 */
export function agencyApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies',
      tags,
      summary: 'فهرست دستگاه‌ها',
      request: { query: listQuery },
      responses: {
        200: {
          description: 'فهرست صفحه‌بندی‌شده',
          content: { 'application/json': { schema: listResponse } },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => {
      const body = await agencyListBody(deps, c.req.valid('query'))
      return c.json(publicRead(c, { body, tags: [AGENCIES_CACHE_TAG] }), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}',
      tags,
      summary: 'یک دستگاه',
      request: { params: idParam },
      responses: {
        200: { description: 'دستگاه', content: { 'application/json': { schema: agencyJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const body = await agencyBody(deps, c.req.valid('param').id)
      return c.json(publicRead(c, { body, tags: [AGENCIES_CACHE_TAG] }), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'post',
      path: '/agencies',
      tags,
      summary: 'افزودن دستگاه (مدیر سامانه)',
      security: bearer,
      request: {
        body: { required: true, content: { 'application/json': { schema: agencyInput } } },
      },
      responses: {
        201: { description: 'افزوده شد', content: { 'application/json': { schema: agencyJson } } },
        ...problemResponses(401, 403, 422),
      },
    }),
    async (c) => c.json(await createAgencyBody(deps, c.get('actor'), c.req.valid('json')), 201),
  )

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/agencies/{id}',
      tags,
      summary: 'ویرایش دستگاه (مدیر سامانه)',
      description: 'فقط فیلدهای فرستاده‌شده تغییر می‌کنند.',
      security: bearer,
      request: {
        params: idParam,
        body: {
          required: true,
          content: { 'application/json': { schema: agencyFields.partial() } },
        },
      },
      responses: {
        200: { description: 'ویرایش شد', content: { 'application/json': { schema: agencyJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) =>
      c.json(
        await patchAgencyBody(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
}
