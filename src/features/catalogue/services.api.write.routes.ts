import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import { serviceVersionJson } from './service.present.ts'
import {
  draftBody,
  idParam,
  newServiceBody,
  processBody,
  processJson,
  publishBody,
  tags,
} from './services.api.schemas.ts'
import {
  createServiceBody,
  draftBodyOf,
  draftProcessBody,
  publishBodyOf,
  saveDraftBody,
  saveDraftProcessBody,
} from './services.api.write.ts'

/**
 * The services API's writes with a personal token: a new service, its draft (whole, or
 * just its process) and publishing it. Registered after `serviceApiRoutes`.
 */
export function serviceWriteApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/services',
      tags,
      summary: 'افزودن خدمت تازه (پیش‌نویس) برای دستگاه خود',
      security: bearer,
      request: {
        body: { required: true, content: { 'application/json': { schema: newServiceBody } } },
      },
      responses: {
        201: {
          description: 'پیش‌نویس ساخته شد',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 422),
      },
    }),
    async (c) => c.json(await createServiceBody(deps, c.get('actor'), c.req.valid('json')), 201),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft',
      tags,
      summary: 'پیش‌نویس خدمت (ساخته می‌شود اگر نباشد)',
      description:
        'اگر پیش‌نویسی نباشد، از نسخهٔ منتشرشده ساخته می‌شود. revision را هنگام ذخیره برگردانید.',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: {
          description: 'پیش‌نویس',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await draftBodyOf(deps, c.get('actor'), c.req.valid('param').id), 200),
  )

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}/draft',
      tags,
      summary: 'ذخیرهٔ پیش‌نویس خدمت',
      description:
        'اگر پس از خواندن پیش‌نویس کس دیگری آن را ذخیره کرده باشد، پاسخ ۴۰۹ است و چیزی بازنویسی نمی‌شود.',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: draftBody } } },
      },
      responses: {
        200: {
          description: 'ذخیره شد',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      return c.json(await saveDraftBody(deps, c.get('actor'), id, c.req.valid('json')), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft/process',
      tags,
      summary: 'فرایند پیش‌نویس خدمت (با ایرادها و زمان کل)',
      description: 'اگر پیش‌نویسی نباشد، از نسخهٔ منتشرشده ساخته می‌شود.',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: {
          description: 'فرایند پیش‌نویس',
          content: { 'application/json': { schema: processJson } },
        },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await draftProcessBody(deps, c.get('actor'), c.req.valid('param').id), 200),
  )

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}/draft/process',
      tags,
      summary: 'ذخیرهٔ فرایند پیش‌نویس خدمت',
      description:
        'فقط فرایند جایگزین می‌شود؛ باقی شناسنامه دست نمی‌خورد. پیش‌نویسی که در این فاصله تغییر کرده باشد پاسخ ۴۰۹ می‌گیرد.',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: processBody } } },
      },
      responses: {
        200: { description: 'ذخیره شد', content: { 'application/json': { schema: processJson } } },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      return c.json(await saveDraftProcessBody(deps, c.get('actor'), id, c.req.valid('json')), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'post',
      path: '/services/{id}/publish',
      tags,
      summary: 'انتشار پیش‌نویس (مدیر دستگاه)',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: publishBody } } },
      },
      responses: {
        200: {
          description: 'منتشر شد',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      return c.json(await publishBodyOf(deps, c.get('actor'), id, c.req.valid('json')), 200)
    },
  )
}
