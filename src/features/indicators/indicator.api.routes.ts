import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import {
  codeParam,
  detailBody,
  detailJson,
  listBody,
  listJson,
  listQuery,
  valueOut,
  valueOutJson,
  valuesBody,
  valuesJson,
  valuesQuery,
} from './indicator.api.ts'
import { recordValue } from './value.actions.ts'
import { valueBody } from './value.input.ts'
import { valuesWithState } from './value.queries.ts'

const TAGS = ['شاخص‌ها']

/** Performance indicators over the API (issue 14 item 6): public reads, agency value posting. */
export function indicatorApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/indicators',
      tags: TAGS,
      summary: 'فهرست شاخص‌های عملکرد',
      description:
        'بدون کلید: فقط شاخص‌های تصویب‌شده. با کلید کارکنان دستگاه: شاخص‌های عمومی و همهٔ شاخص‌های دستگاه خود در هر وضعیت. با کلید ستاد: همه.',
      request: { query: listQuery },
      responses: {
        200: { description: 'فهرست', content: { 'application/json': { schema: listJson } } },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => c.json(await listBody(deps, c.get('actor'), c.req.valid('query')), 200),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/indicators/{code}',
      tags: TAGS,
      summary: 'یک شاخص با نسخه‌ها و تاریخچهٔ تصمیم‌ها',
      request: { params: codeParam },
      responses: {
        200: { description: 'شاخص', content: { 'application/json': { schema: detailJson } } },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => c.json(await detailBody(deps, c.get('actor'), c.req.valid('param').code), 200),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/indicators/{code}/values',
      tags: TAGS,
      summary: 'مقدارهای یک شاخص در دوره‌ها',
      description:
        'عموم مقدارهای پذیرفته‌شده به دست ستاد و مقدارهای محاسبه‌شده به دست پرتال را می‌بینند؛ هر دستگاه همهٔ مقدارهای خود را؛ ستاد همه را. هر مقدار با صورت، مخرج، n، موعد و به‌موقع بودن.',
      request: { params: codeParam, query: valuesQuery },
      responses: {
        200: { description: 'مقدارها', content: { 'application/json': { schema: valuesJson } } },
        ...problemResponses(404, 422),
      },
    }),
    async (c) =>
      c.json(
        await valuesBody(deps, c.get('actor'), c.req.valid('param').code, c.req.valid('query')),
        200,
      ),
  )

  api.openapi(
    createRoute({
      method: 'post',
      path: '/indicators/{code}/values',
      tags: TAGS,
      summary: 'ثبت مقدار یک شاخص برای یک دوره (سامانهٔ دستگاه)',
      description:
        'با کلید API خواندن‌ونوشتن کارکنان دستگاه. دوره: ۱۴۰۵ یا ۱۴۰۵-Q2 یا ۱۴۰۵-07، هم‌نوع با دورهٔ شاخص و پایان‌یافته. فرستادن دوباره مقدار همان دوره را جایگزین می‌کند، مگر دوره برای بررسی فرستاده یا پذیرفته شده باشد (409).',
      security: bearer,
      request: {
        params: codeParam,
        body: { content: { 'application/json': { schema: valueBody } }, required: true },
      },
      responses: {
        201: { description: 'ثبت شد', content: { 'application/json': { schema: valueOutJson } } },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const saved = await recordValue(deps, c.get('actor'), code, c.req.valid('json'), 'api')
      const [row] = (await valuesWithState(deps.db, saved.indicatorId, saved.agencyId)).filter(
        (v) => v.period === saved.period,
      )
      if (!row) throw new Error('the value just recorded is missing')
      return c.json(valueOut(row), 201)
    },
  )
}
