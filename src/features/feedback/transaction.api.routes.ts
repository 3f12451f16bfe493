import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import { feedbackBody, feedbackJson, feedbackParams } from './rating.api.ts'
import { recordTransaction } from './transaction.actions.ts'
import { transactionBody, transactionJson } from './transaction.input.ts'

/** The agencies' transaction feed and each service's feedback figures. */
export function transactionApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/transactions',
      tags: ['بازخورد'],
      summary: 'ثبت یا به‌روزرسانی یک تراکنش خدمت',
      description:
        'سامانهٔ دستگاه با کلید API خود (خواندن و نوشتن) هر درخواست شهروند را با رویدادهای مراحل آن می‌فرستد. فرستادن دوبارهٔ همان کد رهگیری همان تراکنش را به‌روز می‌کند (رویدادهای ثبت‌شده می‌مانند). شناسهٔ مراحل باید در فرایند منتشرشدهٔ خدمت باشد و رویدادها به ترتیب فرایند. پاسخ تراکنش پایان‌یافته پیوند یک‌بارمصرف نظرسنجی (۳۰ روزه) دارد.',
      security: bearer,
      request: {
        body: { content: { 'application/json': { schema: transactionBody } }, required: true },
      },
      responses: {
        200: {
          description: 'به‌روز شد',
          content: { 'application/json': { schema: transactionJson } },
        },
        201: {
          description: 'ثبت شد',
          content: { 'application/json': { schema: transactionJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const out = await recordTransaction(deps, c.get('actor'), c.req.valid('json'))
      return c.json(out, out.created ? 201 : 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/feedback',
      tags: ['بازخورد'],
      summary: 'بازخورد و زمان واقعی یک خدمت',
      description:
        'مفید بودن صفحه (کران پایین ویلسون)، رضایت از تراکنش‌های واقعی (n، میانگین، بازهٔ ۹۵٪، میانگین بیزی) و زمان واقعی در برابر زمان وعده‌داده‌شده در ۹۰ روز گذشته، برای کل خدمت و هر مرحله. هر عدد با n؛ زیر کمینهٔ n، shown برابر false است.',
      request: { params: feedbackParams },
      responses: {
        200: { description: 'ارقام', content: { 'application/json': { schema: feedbackJson } } },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => c.json(await feedbackBody(deps, c.req.valid('param').id), 200),
  )
}
