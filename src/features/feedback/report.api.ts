import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { ValidationError } from '../../lib/errors.ts'
import { REPORT_SECTION_LABELS, REPORT_STATE_LABELS } from './report.messages.fa.ts'
import {
  formatTrackingCode,
  parseTrackingCode,
  REPORT_SECTIONS,
  REPORT_STATES,
} from './report.model.ts'
import { loadPublicReport } from './report.read.ts'

export const reportCodeParam = z.object({
  code: z
    .string()
    .max(40)
    .openapi({
      param: { name: 'code', in: 'path' },
      example: 'ABC-DEF-GHJK',
      description: 'کد پیگیری گزارش',
    }),
})

export const publicReportJson = z
  .object({
    code: z.string().openapi({ description: 'کد پیگیری، ۱۰ نویسه' }),
    display: z.string().openapi({ description: 'کد به شکل گروه‌بندی‌شده، مانند ABC-DEF-GHJK' }),
    service: z.object({ slug: z.string(), title: z.string() }),
    section: z.enum(REPORT_SECTIONS),
    sectionLabel: z.string(),
    state: z.enum(REPORT_STATES),
    stateLabel: z.string(),
    answer: z.string().nullable().openapi({ description: 'پاسخ دستگاه به فارسی' }),
    fixVersionNo: z.number().int().nullable(),
    duplicateOf: z.string().nullable(),
    receivedAt: z.string().openapi({ format: 'date-time' }),
    dueOn: z
      .string()
      .openapi({ format: 'date', description: 'موعد پاسخ (روز تهران، ۱۵ روز کاری)' }),
    answeredAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('AccuracyReport')

/** GET /reports/{code}: the public state of a report (never the contact or the reporter). */
export async function publicReportBody(
  deps: Pick<Deps, 'db'>,
  rawCode: string,
): Promise<z.output<typeof publicReportJson>> {
  if (!parseTrackingCode(rawCode))
    throw new ValidationError('کد پیگیری معتبر نیست.', {
      code: 'کد پیگیری ۱۰ نویسه است، مانند ABC-DEF-GHJK.',
    })
  const r = await loadPublicReport(deps, rawCode)
  return {
    code: r.code,
    display: formatTrackingCode(r.code),
    service: { slug: r.serviceSlug, title: r.serviceTitle },
    section: r.section,
    sectionLabel: REPORT_SECTION_LABELS[r.section],
    state: r.state,
    stateLabel: REPORT_STATE_LABELS[r.state],
    answer: r.answer,
    fixVersionNo: r.fixVersionNo,
    duplicateOf: r.duplicateOf,
    receivedAt: r.receivedAt.toISOString(),
    dueOn: r.dueOn,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  }
}
