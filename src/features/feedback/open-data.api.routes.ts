import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { feedbackMonthCsv, feedbackMonthFile } from './open-data.build.ts'

const tags = ['دادهٔ باز']
const FILE = /^(\d{4}-\d{2})\.(json|csv)$/

const monthParam = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .openapi({ param: { name: 'month', in: 'path' }, example: '1405-09', description: 'ماه شمسی' }),
})

const DESCRIPTION =
  'آمار ماهانهٔ بازخورد برای هر خدمت و هر دستگاه در یک ماه شمسی (به وقت تهران): «مفید بود؟» (yes، no، n، کران پایین ویلسون)، رضایت (n، میانگین، بازهٔ اطمینان ۹۵٪، میانگین بیزی)، زمان واقعی تراکنش‌های پایان‌یافته در ماه (n، میانه و صدک ۹۰ به ساعت، سهم به‌موقع) و گزارش‌های نادرستی اطلاعات دریافت‌شده در ماه (دریافتی، پاسخ‌داده، گذشته از موعد). هر عدد با n خود می‌آید و shown زیر کمینهٔ n (تنظیم مرکزی) false است. ماه جاری با complete: false.'

/** GET /export/feedback/{month}.json|.csv: the monthly open-data file of the aggregates. */
export function feedbackOpenDataApiRoutes(api: Api, deps: Deps): void {
  for (const format of ['json', 'csv'] as const) {
    // One handler serves both suffixes below; the registry describes each.
    api.openAPIRegistry.registerPath({
      method: 'get',
      path: `/export/feedback/{month}.${format}`,
      tags,
      summary:
        format === 'json'
          ? 'آمار ماهانهٔ بازخورد خدمات و دستگاه‌ها (JSON)'
          : 'آمار ماهانهٔ بازخورد خدمات و دستگاه‌ها (CSV)',
      description: DESCRIPTION,
      request: { params: monthParam },
      responses: {
        200: {
          description: 'پروندهٔ ماه',
          content:
            format === 'json'
              ? { 'application/json': { schema: z.object({}).passthrough() } }
              : { 'text/csv': { schema: z.string() } },
        },
        ...problemResponses(404, 422),
      },
    })
  }
  api.get('/export/feedback/:file', async (c) => {
    const m = FILE.exec(c.req.param('file'))
    if (!m?.[1])
      throw new NotFoundError(
        'feedback.export-file',
        'این پرونده وجود ندارد؛ نشانی باید مانند 1405-09.json یا 1405-09.csv باشد.',
      )
    const file = await feedbackMonthFile(deps, m[1])
    // Cache-Control and ETag as for every API answer (web/etag.ts): even a finished month
    // changes while its reports are answered, so clients revalidate.
    if (m[2] === 'csv')
      return c.body(feedbackMonthCsv(file), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="mardom-feedback-${file.month}.csv"`,
      })
    return c.json(file, 200)
  })
}
