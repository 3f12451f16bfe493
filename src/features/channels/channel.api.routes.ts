import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import { publicRead } from '../../web/etag.ts'
import { serviceCacheTag } from '../services/index.ts'
import { draftChannelsBody, publishedChannelsBody } from './channel.api.read.ts'
import {
  channelsJson,
  draftChannelsJson,
  draftChannelsUpdate,
  idParam,
  tags,
} from './channel.api.schemas.ts'
import { saveDraftChannelsBody } from './channel.api.write.ts'

/**
 * The channels API of one service: the published version's channels, stage matrix and
 * maturity level, and the draft's (read and replaced with a token). The per-agency maturity
 * indicator is in `maturity.api.routes.ts`, registered after these.
 */
export function channelApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/channels',
      tags,
      summary: 'راه‌های دسترسی، جدول مراحل و سطح بلوغ نسخهٔ منتشرشده',
      request: { params: idParam },
      responses: {
        200: {
          description: 'راه‌های دسترسی',
          content: { 'application/json': { schema: channelsJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      // Kept in memory until the service changes (web/etag.ts); its id as the database writes it.
      const id = c.req.valid('param').id.toLowerCase()
      const body = await publishedChannelsBody(deps, id)
      return c.json(publicRead(c, { body, tags: [serviceCacheTag(id)] }), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft/channels',
      tags,
      summary: 'راه‌های دسترسی و جدول مراحل پیش‌نویس',
      description:
        'اگر پیش‌نویسی نباشد، از نسخهٔ منتشرشده ساخته می‌شود. revision را هنگام ذخیره برگردانید.',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: {
          description: 'پیش‌نویس',
          content: { 'application/json': { schema: draftChannelsJson } },
        },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(await draftChannelsBody(deps, c.get('actor'), c.req.valid('param').id), 200),
  )

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}/draft/channels',
      tags,
      summary: 'جایگزینی راه‌های دسترسی و جدول مراحل پیش‌نویس',
      description:
        'فقط راه‌ها و جدول مراحل جایگزین می‌شوند. جدول مراحل فقط به راه‌های همین خدمت اشاره می‌کند و هر مرحلهٔ الکترونیکی دست‌کم یک راه الکترونیکی دارد؛ وگرنه ۴۲۲. پیش‌نویسی که در این فاصله تغییر کرده باشد پاسخ ۴۰۹ می‌گیرد.',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: draftChannelsUpdate } } },
      },
      responses: {
        200: {
          description: 'ذخیره شد',
          content: { 'application/json': { schema: draftChannelsJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await saveDraftChannelsBody(deps, c.get('actor'), id, c.req.valid('json')), 200)
    },
  )
}
