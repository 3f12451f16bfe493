import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { publicReportBody, publicReportJson, reportCodeParam } from './report.api.ts'

/** The public state of a report of wrong information, by its tracking code. */
export function reportApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/reports/{code}',
      tags: ['بازخورد'],
      summary: 'وضعیت عمومی گزارش نادرستی اطلاعات',
      description:
        'وضعیت گزارش (received، accepted، rejected، duplicate، spam، fixed) و پاسخ دستگاه. راه تماس گزارش‌دهنده هرگز بازگردانده نمی‌شود.',
      request: { params: reportCodeParam },
      responses: {
        200: {
          description: 'گزارش',
          content: { 'application/json': { schema: publicReportJson } },
        },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => c.json(await publicReportBody(deps, c.req.valid('param').code), 200),
  )
}
