import { z } from '@hono/zod-openapi'
import { maturityLevel } from '../channels/index.ts'
import type { CitedLaw } from '../laws/index.ts'
import { serviceTotal, TOTAL_UNITS } from '../processes/index.ts'
import type { PublishedServiceSummary, Service, ServiceVersion } from '../services/index.ts'
import {
  AUDIENCES,
  REVIEW_STATES,
  type ReviewClock,
  serviceContentSchema,
} from '../services/index.ts'

/** JSON shapes of the services API: the only way services leave through /api. */

export const serviceSummaryJson = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    audiences: z.array(z.enum(AUDIENCES)),
    agency: z.object({ code: z.string(), nameFa: z.string() }),
    versionNo: z.number().int(),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    url: z.string().openapi({ format: 'uri' }),
  })
  .openapi('ServiceSummary')

export const lawRefJson = z
  .object({ id: z.uuid(), title: z.string(), kind: z.string(), number: z.string().nullable() })
  .openapi('LawRef')

export const serviceVersionJson = z
  .object({
    id: z.uuid().openapi({ description: 'شناسهٔ پایدار خدمت' }),
    slug: z.string(),
    agency: z.object({ id: z.uuid(), code: z.string(), nameFa: z.string() }),
    versionNo: z.number().int(),
    status: z.enum(['draft', 'published', 'superseded']),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    changeNote: z.string().nullable(),
    withdrawn: z.object({ at: z.string(), reason: z.string() }).nullable(),
    /** Present on drafts: send it back when saving, to detect concurrent edits. */
    revision: z.number().int().optional(),
    content: serviceContentSchema,
    totalTime: z
      .object({
        source: z.enum(['process', 'declared']),
        text: z.string(),
        min: z.number().nullable(),
        max: z.number(),
        unit: z.enum(TOTAL_UNITS),
      })
      .nullable()
      .openapi({
        description:
          'زمان کل انجام کار، با همان عبارت صفحهٔ خدمت: از مراحل فرایند (طولانی‌ترین مسیر، گردشده به دقیقه، ساعت یا روز کاری) و فقط اگر فرایندی نیست، زمان اعلام‌شده (content.declaredTime)',
      }),
    eServiceMaturity: z.number().int().min(1).max(5).openapi({
      description:
        'سطح بلوغ خدمت الکترونیکی (۱ تا ۵)، حساب‌شده از شناسنامه؛ تعریف: /help/e-service-maturity',
    }),
    laws: z
      .array(lawRefJson)
      .openapi({ description: 'قوانینی که در legalBases به آن‌ها استناد شده است' }),
    review: z
      .object({
        lastReviewedAt: z.string().nullable().openapi({ format: 'date-time' }),
        nextReviewDue: z.string().openapi({ format: 'date-time' }),
        state: z.enum(REVIEW_STATES),
      })
      .nullable()
      .openapi({
        description:
          'بازبینی سه‌ساله (بند ۴ بخشنامه): آخرین بازبینیِ تکمیل‌شده، موعد بعدی و وضعیت؛ null برای خدمتی که منتشر نشده یا لغو شده است',
      }),
  })
  .openapi('ServiceVersion')

export const versionListJson = z
  .object({
    items: z.array(
      z.object({
        versionNo: z.number().int(),
        status: z.enum(['draft', 'published', 'superseded']),
        publishedAt: z.string().nullable(),
        changeNote: z.string().nullable(),
      }),
    ),
  })
  .openapi('ServiceVersionList')

export function presentSummary(
  s: PublishedServiceSummary,
  publicUrl: string,
): z.infer<typeof serviceSummaryJson> {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    audiences: s.audiences,
    agency: { code: s.agencyCode, nameFa: s.agencyNameFa },
    versionNo: s.versionNo,
    publishedAt: s.publishedAt.toISOString(),
    url: `${publicUrl}/services/${s.slug}`,
  }
}

export function presentVersion(
  service: Service,
  version: ServiceVersion,
  agency: { id: string; code: string; nameFa: string },
  laws: Iterable<CitedLaw>,
  review: ReviewClock | null = null,
): z.output<typeof serviceVersionJson> {
  return {
    id: service.id,
    slug: service.slug,
    agency: { id: agency.id, code: agency.code, nameFa: agency.nameFa },
    versionNo: version.versionNo,
    status: version.status,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    changeNote: version.changeNote,
    withdrawn:
      service.withdrawnAt && service.withdrawnReason
        ? { at: service.withdrawnAt.toISOString(), reason: service.withdrawnReason }
        : null,
    ...(version.status === 'draft' ? { revision: version.revision } : {}),
    content: version.content,
    totalTime: serviceTotal(version.content),
    eServiceMaturity: maturityLevel(version.content),
    laws: [...laws].map((l) => ({ id: l.id, title: l.title, kind: l.kind, number: l.number })),
    review: review && {
      lastReviewedAt: review.lastReviewedAt?.toISOString() ?? null,
      nextReviewDue: review.dueAt.toISOString(),
      state: review.state,
    },
  }
}
