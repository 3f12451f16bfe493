import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import {
  idParam,
  newOfficeBodyDoc,
  officeJson,
  officePatchBodyDoc,
  tags,
} from './office.api.schemas.ts'
import { createOfficeBody, patchOfficeBody } from './office.api.write.ts'

/**
 * The offices API's writes with a token (the office's agency staff): adding an office and
 * changing one. Registered after `officeApiRoutes`; the bodies are documented, not validated
 * by the router (see `office.api.write.ts`).
 */
export function officeWriteApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/agencies/{id}/offices',
      tags,
      summary: 'افزودن محل مراجعه (کارکنان همان دستگاه)',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: newOfficeBodyDoc() } } },
      },
      responses: {
        201: { description: 'افزوده شد', content: { 'application/json': { schema: officeJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const readBody = () => c.req.json().catch(() => null)
      const office = await createOfficeBody(deps, c.get('actor'), c.req.valid('param').id, readBody)
      return c.json(office, 201)
    },
  )

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/offices/{id}',
      tags,
      summary: 'ویرایش محل مراجعه (کارکنان همان دستگاه)',
      description:
        'فقط فیلدهای فرستاده‌شده تغییر می‌کنند؛ hours، exceptions و closures هر کدام به‌تمامی جایگزین می‌شوند.',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: officePatchBodyDoc() } } },
      },
      responses: {
        200: { description: 'ویرایش شد', content: { 'application/json': { schema: officeJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const readBody = () => c.req.json().catch(() => null)
      const office = await patchOfficeBody(deps, c.get('actor'), c.req.valid('param').id, readBody)
      return c.json(office, 200)
    },
  )
}
