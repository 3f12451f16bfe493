import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { publicRead } from '../../web/etag.ts'
import { serviceVersionJson, versionListJson } from './service.present.ts'
import {
  cpsvDocument,
  publicVersionBody,
  publishedVersionBody,
  serviceListBody,
  versionListBody,
} from './services.api.read.ts'
import {
  cpsvDocumentJson,
  idParam,
  listQuery,
  serviceListJson,
  tags,
  versionParam,
} from './services.api.schemas.ts'

/**
 * The services API, open to read: the list (and incremental sync), a service's published
 * version, its history and its CPSV-AP document. The token writes are in
 * `services.api.write.routes.ts`, registered after these. A service's answers are kept in
 * memory until a publish, withdrawal or other public change marks what they show
 * (`publicRead`, web/etag.ts); the list is not (it is a search over the catalogue).
 */
export function serviceApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/services',
      tags,
      summary: 'فهرست خدمات منتشرشده',
      description:
        'با updated_since، به‌جای فهرست الفبایی، تغییرات از آن زمان (ServiceChanges) برمی‌گردد و پالایه‌های دیگر (دستگاه، گیرنده، رویداد، استان) به کار نمی‌روند.',
      request: { query: listQuery },
      responses: {
        200: {
          description: 'یک صفحه از خدمات، به ترتیب الفبا؛ یا با updated_since، تغییرات',
          content: { 'application/json': { schema: serviceListJson } },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => c.json(await serviceListBody(deps, c.req.valid('query')), 200),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}',
      tags,
      summary: 'نسخهٔ منتشرشدهٔ یک خدمت',
      request: { params: idParam },
      responses: {
        200: {
          description: 'شناسنامهٔ خدمت',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) =>
      c.json(publicRead(c, await publishedVersionBody(deps, c.req.valid('param').id)), 200),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/versions',
      tags,
      summary: 'همهٔ نسخه‌های منتشرشدهٔ یک خدمت (تاریخچه)',
      request: { params: idParam },
      responses: {
        200: {
          description: 'نسخه‌ها، از قدیم به جدید',
          content: { 'application/json': { schema: versionListJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => c.json(publicRead(c, await versionListBody(deps, c.req.valid('param').id)), 200),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/versions/{n}',
      tags,
      summary: 'یک نسخهٔ منتشرشده (کنونی یا پیشین)',
      request: { params: versionParam },
      responses: {
        200: {
          description: 'شناسنامهٔ خدمت در آن نسخه',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param')
      return c.json(publicRead(c, await publicVersionBody(deps, id, n)), 200)
    },
  )

  // Not JSON but JSON-LD: documented in the registry, served by a plain handler.
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/services/{id}/cpsv-ap',
    tags,
    summary: 'خدمت منتشرشده در قالب CPSV-AP 3.2.0 (JSON-LD)',
    description: 'سند JSON-LD مطابق با شکل‌های SHACL رسمی CPSV-AP 3.2.0.',
    request: { params: idParam },
    responses: {
      200: {
        description: 'JSON-LD',
        content: { 'application/ld+json': { schema: cpsvDocumentJson } },
      },
      ...problemResponses(404),
    },
  })
  api.get('/services/:id/cpsv-ap', async (c) => {
    const doc = publicRead(c, await cpsvDocument(deps, c.req.param('id')))
    return c.body(JSON.stringify(doc), 200, {
      'Content-Type': 'application/ld+json; charset=utf-8',
    })
  })
}
