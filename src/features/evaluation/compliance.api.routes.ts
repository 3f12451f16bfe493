import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import {
  complianceBody,
  complianceCsv,
  complianceJson,
  complianceQuery,
} from './compliance.export.ts'
import { loadComplianceBoard } from './compliance.read.ts'

/** GET /compliance: the public compliance board as JSON, or as CSV with `format=csv`. */
export function complianceApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/compliance',
      tags: ['ارزیابی'],
      summary: 'پایبندی هر دستگاه به بخشنامه',
      description:
        'برای هر دستگاه: صدور رمز ورود و نخستین ورود، خدمات منتشرشده و شمار شناسنامه‌های کامل با زمان هر مرحله، بازبینی‌های به‌موقع و گذشته از موعد، پیشنهاد شاخص در مهلت یک‌ماهه، خدماتی که در ۹۰ روز گذشته تراکنش فرستاده‌اند و مراحل الکترونیکی از همهٔ مراحل. هر سهم با پایه‌اش (count از of) می‌آید. دستگاهی که کاری نکرده است هم با participating: false می‌آید. با format=csv همان ردیف‌ها به‌صورت CSV (UTF-8 با BOM).',
      request: { query: complianceQuery },
      responses: {
        200: {
          description: 'ردیف‌ها',
          content: {
            'application/json': { schema: complianceJson },
            'text/csv': { schema: z.string() },
          },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const board = await loadComplianceBoard(deps, {
        group: q.group ?? null,
        province: q.province ?? null,
      })
      if (q.format === 'csv')
        return c.body(complianceCsv(board), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="mardom-compliance.csv"',
        })
      return c.json(complianceBody(board), 200)
    },
  )
}
