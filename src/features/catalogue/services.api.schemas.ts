import { z } from '@hono/zod-openapi'
import { normalizeFaInput } from '../../lib/fa/normalize.ts'
import {
  AUDIENCES,
  LIFE_EVENTS,
  servicesMsg as msg,
  processSchema,
  serviceContentSchema,
  slugSchema,
} from '../services/index.ts'
import { serviceSummaryJson } from './service.present.ts'
import { changesPageJson, syncQueryFields } from './sync.ts'

/**
 * The services API's parameters, request bodies and the response shapes that
 * `service.present.ts` does not hold, shared by its route modules.
 */

export const tags = ['خدمات']

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })
export const versionParam = idParam.extend({
  n: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'n', in: 'path' } }),
})

export const listQuery = z.object({
  agency: z.string().max(20).optional().openapi({ description: 'کد دستگاه' }),
  audience: z.enum(AUDIENCES).optional(),
  lifeEvent: z.enum(LIFE_EVENTS).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'کد دورقمی استان' }),
  ...syncQueryFields,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListQuery = z.output<typeof listQuery>

/** GET /services: a page of the alphabetical list or, with updated_since, the changes. */
export const serviceListJson = z.union([
  z.object({
    items: z.array(serviceSummaryJson),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  changesPageJson,
])

/** The CPSV-AP document, as documented (it is served as JSON-LD by a plain handler). */
export const cpsvDocumentJson = z.object({
  '@context': z.object({}).passthrough(),
  '@graph': z.array(z.object({}).passthrough()),
})

// The card's own title rule: normalised first, so a title that normalises to nothing is refused
// here (422) and not when the draft is built (a 500).
export const newServiceBody = z.object({
  title: serviceContentSchema.shape.title,
  // Persian or Latin, as the staff form takes it (issue 17 item 13); absent: made from the title.
  slug: slugSchema.optional().openapi({
    description:
      'نشانی کوتاه صفحهٔ خدمت: حروف فارسی، حروف کوچک لاتین و رقم لاتین که با خط تیره به هم پیوسته‌اند (حداکثر ۸۰ نویسه)؛ اگر نباشد از عنوان ساخته می‌شود',
    example: 'صدور-گذرنامه',
  }),
})

export const draftBody = z.object({
  revision: z.number().int().min(1),
  content: serviceContentSchema,
})

/** The change note is shown on the public history page: normalised like the staff form's. */
export const publishBody = z.object({
  changeNote: z
    .string()
    .max(2000)
    .transform((s) => normalizeFaInput(s, { multiline: true }))
    .pipe(z.string().min(1, msg.changeNoteRequired)),
})

export const processBody = z
  .object({
    revision: z.number().int().openapi({ description: 'شمارهٔ بازبینی پیش‌نویس که خوانده‌اید' }),
    process: processSchema,
  })
  .openapi('DraftProcessUpdate')

export const processJson = z
  .object({
    revision: z.number().int(),
    process: processSchema,
    problems: z.array(z.string()).openapi({
      description: 'ایرادهای ساختاری فرایند به فارسی؛ فرایند دارای ایراد منتشر نمی‌شود',
    }),
    total: z.string().nullable().openapi({
      description: 'زمان کل مسیر بحرانی با همان عبارت صفحهٔ خدمت (گردشده)، مانند «۷ تا ۱۲ روز کاری»',
    }),
  })
  .openapi('DraftProcess')
