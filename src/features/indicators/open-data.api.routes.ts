import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import type { Api } from '../../web/api.ts'
import { publicRead } from '../../web/etag.ts'
import { AGENCIES_CACHE_TAG } from '../agencies/index.ts'
import { INDICATORS_CACHE_TAG } from './indicator.model.ts'
import { indicatorsOpenCsv, indicatorsOpenData } from './open-data.ts'

/** What the files show: indicators and their public values, and agencies' names. */
const OPEN_DATA_TAGS = [INDICATORS_CACHE_TAG, AGENCIES_CACHE_TAG] as const

const tags = ['دادهٔ باز']

const DESCRIPTION =
  'شاخص‌های تصویب‌شده با نسخهٔ در حال اجرا (تعریف، صورت و مخرج کسر، یکا، جهت، دوره‌بندی، هدف‌ها) و مقدارهایی که عموم می‌بینند: دوره‌هایی که ستاد مرکزی پذیرفته و مقدارهای محاسبه‌شده به دست پرتال. هر مقدار با صورت، مخرج و n خود و شمارهٔ نسخه‌ای که با آن ثبت شده است؛ مقدار کنارگذاشته برای دادهٔ ناکافی null است و یادداشتش «هنوز دادهٔ کافی نیست». JSON با format «mardom-indicators» و version؛ CSV یک سطر برای هر مقدار (UTF-8 با BOM، CRLF). ETag دارد؛ با If-None-Match پاسخ 304.'

/** GET /export/indicators.json|.csv: the open-data file of indicators and their values. */
export function indicatorsOpenDataApiRoutes(api: Api, deps: Deps): void {
  for (const format of ['json', 'csv'] as const) {
    api.openAPIRegistry.registerPath({
      method: 'get',
      path: `/export/indicators.${format}`,
      tags,
      summary:
        format === 'json'
          ? 'شاخص‌های عملکرد و مقدارهای منتشرشده (JSON)'
          : 'مقدارهای منتشرشدهٔ شاخص‌های عملکرد (CSV)',
      description: DESCRIPTION,
      responses: {
        200: {
          description: 'پروندهٔ دادهٔ باز شاخص‌ها',
          headers: { ETag: { schema: { type: 'string' } } },
          content:
            format === 'json'
              ? { 'application/json': { schema: z.object({}).passthrough() } }
              : { 'text/csv': { schema: z.string() } },
        },
        304: { description: 'پرونده از دریافت پیشین تغییر نکرده است' },
      },
    })
  }
  // ETag and Cache-Control come from web/etag.ts (SHA-1 of the body), like every API read; as
  // public reads both files are kept in the page cache (answered from memory, before the app,
  // by web/fast-path.ts) until an indicator decision, an accepted period, a computation
  // (INDICATORS_CACHE_TAG) or an agency change (its name is in the file) drops them.
  api.get('/export/indicators.json', async (c) => {
    const { file } = await indicatorsOpenData(deps)
    return c.json(publicRead(c, { body: file, tags: OPEN_DATA_TAGS }), 200)
  })
  api.get('/export/indicators.csv', async (c) => {
    const { file, rules } = await indicatorsOpenData(deps)
    const body = indicatorsOpenCsv(file, rules)
    return c.body(publicRead(c, { body, tags: OPEN_DATA_TAGS }), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="mardom-indicators.csv"',
    })
  })
}
