import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { ValidationError } from '../../lib/errors.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { AUDIENCES, LIFE_EVENTS } from '../services/index.ts'
import { searchCatalogue } from './search.actions.ts'
import { MAX_PAGE, MAX_QUERY_LENGTH, parseSearchParams } from './search.input.ts'

const tags = ['جست‌وجو']

/** A parameter that may be repeated: `?audience=G2C&audience=G2B`. */
function repeatable<T extends z.ZodType<string>>(item: T, description: string) {
  return z
    .union([item, z.array(item)])
    .optional()
    .openapi({ description })
}

const searchQuery = z.object({
  q: z
    .string()
    .max(1_000)
    .optional()
    .openapi({
      description: `عبارت جست‌وجو (حداکثر ${MAX_QUERY_LENGTH} نویسه به کار می‌رود). با حروف عربی یا فارسی، با نیم‌فاصله یا فاصله یا بدون آن، و با هر نوع رقمی نوشته شود یکسان است.`,
      example: 'گذرنامه',
    }),
  agency: repeatable(z.string().max(20), 'کد دستگاه (تکرارپذیر)'),
  audience: repeatable(z.enum(AUDIENCES), 'گروه مخاطب (تکرارپذیر)'),
  lifeEvent: repeatable(z.enum(LIFE_EVENTS), 'رویداد زندگی (تکرارپذیر)'),
  province: repeatable(z.string().regex(/^\d{2}$/), 'کد دورقمی استانِ دستگاه (تکرارپذیر)'),
  online: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .openapi({ description: 'فقط خدماتی که خدمت الکترونیکی (برخط) دارند' }),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
})

const agencyJson = z.object({ id: z.uuid(), code: z.string(), nameFa: z.string() })
const countJson = z.object({ value: z.string(), count: z.number().int() })

const searchResultJson = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        title: z.string(),
        summary: z.string(),
        url: z.string(),
        agency: agencyJson,
        audiences: z.array(z.string()),
        online: z.boolean(),
        publishedAt: z.string(),
        score: z.number().openapi({ description: 'امتیاز رتبه‌بندی (بزرگ‌تر، مرتبط‌تر)' }),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    suggestion: z
      .string()
      .nullable()
      .openapi({ description: 'عبارت پیشنهادی («منظورتان این بود؟») وقتی نتیجه کم است' }),
    facets: z.object({
      agency: z.array(agencyJson.extend({ count: z.number().int() })),
      audience: z.array(countJson),
      lifeEvent: z.array(countJson),
      province: z.array(countJson.extend({ nameFa: z.string() })),
      online: z.number().int(),
    }),
  })
  .openapi('SearchResult')

export function searchApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags,
      summary: 'جست‌وجو در خدمات منتشرشده',
      description:
        'رتبه‌بندی: عنوانِ برابر، سپس آغاز عنوان، سپس نام رایج، سپس واژه‌ها در عنوان و نام‌های رایج، سپس سایر بخش‌ها. غلط تایپی با شباهت سه‌حرفی (pg_trgm) اصلاح می‌شود. شمارش‌های هر فیلتر با همهٔ فیلترهای دیگر (جز خود آن) حساب می‌شود.',
      request: { query: searchQuery },
      responses: {
        200: {
          description: 'یک صفحه از نتایج با شمارش فیلترها',
          content: { 'application/json': { schema: searchResultJson } },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const parsed = parseSearchParams({
        q: query.q,
        agency: query.agency,
        audience: query.audience,
        lifeEvent: query.lifeEvent,
        province: query.province,
        online: query.online,
      })
      if (!parsed.ok) throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', parsed.errors)
      const params = parsed.params
      const outcome = await searchCatalogue(deps, {
        q: params.q,
        filters: params.filters,
        page: query.page,
        pageSize: query.pageSize,
        record: true,
      })
      const base = deps.config.publicUrl
      return c.json(
        {
          items: outcome.items.map((i) => ({
            id: i.serviceId,
            slug: i.slug,
            title: i.title,
            summary: i.summary,
            url: `${base}/services/${i.slug}`,
            agency: i.agency,
            audiences: i.audiences,
            online: i.online,
            publishedAt: i.publishedAt.toISOString(),
            score: Math.round(i.score * 1000) / 1000,
          })),
          total: outcome.total,
          page: query.page,
          pageSize: query.pageSize,
          suggestion: outcome.suggestion,
          facets: {
            agency: outcome.facets.agency.map((a) => ({
              id: a.value,
              code: a.code,
              nameFa: a.nameFa,
              count: a.n,
            })),
            audience: outcome.facets.audience.map((f) => ({ value: f.value, count: f.n })),
            lifeEvent: outcome.facets.lifeEvent.map((f) => ({ value: f.value, count: f.n })),
            province: outcome.facets.province.map((f) => ({
              value: f.value,
              nameFa: findProvince(f.value)?.nameFa ?? f.value,
              count: f.n,
            })),
            online: outcome.facets.online,
          },
        },
        200,
      )
    },
  )
}
