import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import {
  agencyScorecard,
  evaluationBody,
  evaluationCsv,
  evaluationInputs,
  evaluationJson,
  evaluationList,
  evaluationListJson,
  evaluationQuery,
  inputsJson,
  periodParam,
  scorecardJson,
} from './evaluation.api.ts'

const tags = ['ارزیابی']

/**
 * The evaluations (issue 15 item 6): the list, one year's scorecards (JSON or CSV), the stored
 * inputs that recompute them, and one agency's latest scorecard. Public and read-only.
 */
export function evaluationApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations',
      tags,
      summary: 'ارزیابی‌های دستگاه‌ها',
      description:
        'هر ارزیابی سالانه: موقت (هر روز به‌روز می‌شود)، منتشرشده، یا اصلاح‌شده پس از رسیدگی به اعتراض‌ها. نسخه‌های پیشین یک سال هم می‌آیند؛ inForce نسخهٔ معتبر را نشان می‌دهد.',
      responses: {
        200: {
          description: 'ارزیابی‌ها',
          content: { 'application/json': { schema: evaluationListJson } },
        },
      },
    }),
    async (c) => c.json(await evaluationList(deps), 200),
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{period}',
      tags,
      summary: 'کارنامهٔ همهٔ دستگاه‌ها در یک سال',
      description:
        'برای هر دستگاه: امتیاز نهایی چنان‌که منتشر شد (جمع جزءها، با رشد نسبت به سال پیش)، رتبه در گروه هم‌تراز، و هر جزء با وزن، مقدار، تعداد مشاهده (n)، صورت و مخرج و امتیاز؛ جزئی که دادهٔ کافی ندارد comparable: false است، نه صفر. با format=csv همان ردیف‌ها به‌صورت CSV.',
      request: { params: periodParam, query: evaluationQuery },
      responses: {
        200: {
          description: 'کارنامه‌ها',
          content: {
            'application/json': { schema: evaluationJson },
            'text/csv': { schema: z.string() },
          },
        },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => {
      const { period } = c.req.valid('param')
      const q = c.req.valid('query')
      const body = await evaluationBody(deps, period, q.seq)
      if (q.format === 'csv')
        return c.body(evaluationCsv(body), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="mardom-evaluation-${period}-${body.seq}.csv"`,
        })
      return c.json(body, 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{period}/inputs',
      tags,
      summary: 'ورودی‌های ارزیابی برای بازمحاسبه',
      description:
        'ورودی‌های ذخیره‌شدهٔ ارزیابی و روش آن. هر کس می‌تواند امتیازها را از همین‌ها دوباره حساب کند: جزء = min(مقدار/هدف، ۱) × وزن (وارونه جایی که کمتر بهتر است)، اگر n به کمینه برسد؛ جمع بر وزن جزءهای قابل مقایسه از ۱۰۰؛ رشد = سهم شکاف تا ۱۰۰ که پر شده × وزن رشد. inputsDigest، SHA-256 آرایهٔ inputs با کلیدهای مرتب و بی فاصله است.',
      request: { params: periodParam, query: evaluationQuery.omit({ format: true }) },
      responses: {
        200: {
          description: 'ورودی‌ها و روش',
          content: { 'application/json': { schema: inputsJson } },
        },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => {
      const { period } = c.req.valid('param')
      return c.json(await evaluationInputs(deps, period, c.req.valid('query').seq), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}/scorecard',
      tags,
      summary: 'تازه‌ترین کارنامهٔ یک دستگاه',
      description:
        'کارنامهٔ دستگاه در تازه‌ترین ارزیابی منتشرشده (یا، اگر هنوز هیچ ارزیابی‌ای منتشر نشده، ارزیابی موقت سال جاری). id شناسهٔ دستگاه یا کد آن است.',
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: {
        200: { description: 'کارنامه', content: { 'application/json': { schema: scorecardJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => c.json(await agencyScorecard(deps, c.req.valid('param').id), 200),
  )
}
