import { z } from '@hono/zod-openapi'
import { channelSchema, stageMatrixSchema } from '../services/index.ts'

/**
 * The channels API's parameters and shapes (channels, the stage matrix, the e-service
 * maturity level and its per-agency indicator), shared by its route modules.
 */

export const tags = ['راه‌های دسترسی']
export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

const maturityJson = z
  .object({
    level: z.number().int().min(1).max(5),
    label: z.string(),
    definition: z.string().openapi({ format: 'uri' }),
  })
  .openapi('EServiceMaturity', {
    description: 'سطح بلوغ خدمت الکترونیکی (۱ اطلاع‌رسانی … ۵ الکترونیکی کامل)، حساب‌شده از شناسنامه',
  })

export type MaturityJson = z.infer<typeof maturityJson>

export const channelsJson = z
  .object({
    channels: z.array(channelSchema),
    stages: stageMatrixSchema,
    maturity: maturityJson,
  })
  .openapi('ServiceChannels')

export const draftChannelsJson = z
  .object({
    revision: z.number().int(),
    channels: z.array(channelSchema),
    stages: stageMatrixSchema,
    maturity: maturityJson,
  })
  .openapi('DraftChannels')

export const draftChannelsUpdate = z
  .object({
    revision: z.number().int().openapi({ description: 'شمارهٔ بازبینی پیش‌نویس که خوانده‌اید' }),
    channels: z.array(channelSchema).max(30).openapi({
      description:
        'همهٔ راه‌های دسترسی. شناسهٔ راه‌های موجود را نگه دارید (جدول مراحل به آن اشاره می‌کند)؛ برای راه تازه شناسه‌ای کوتاه مانند ch-abc123 بسازید.',
    }),
    stages: stageMatrixSchema,
  })
  .openapi('DraftChannelsUpdate')

const countsJson = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
})

const agencyMaturityJson = z
  .object({
    agency: z.object({ code: z.string(), nameFa: z.string() }),
    services: z.number().int(),
    counts: countsJson.openapi({ description: 'تعداد خدمات منتشرشده در هر سطح' }),
    average: z.number().nullable(),
  })
  .openapi('AgencyEServiceMaturity')

export const maturityIndicatorQuery = z.object({
  agency: z.string().max(20).optional().openapi({ description: 'کد دستگاه' }),
})

export const maturityIndicatorJson = z.object({
  items: z.array(agencyMaturityJson),
  definition: z.string(),
})
