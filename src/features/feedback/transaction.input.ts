import { z } from '@hono/zod-openapi'

export const TRANSACTION_CHANNELS = ['online', 'counter_office', 'in_person'] as const
export const TRANSACTION_OUTCOMES = ['approved', 'rejected', 'withdrawn'] as const

const instant = (what: string) =>
  z.iso
    .datetime({ offset: true, message: `${what} باید زمانی به قالب ISO 8601 باشد.` })
    .openapi({ format: 'date-time', example: '2026-11-20T09:30:00+03:30' })

export const transactionStepBody = z.object({
  stepId: z
    .string()
    .min(1, 'شناسهٔ مرحله لازم است.')
    .max(40, 'شناسهٔ مرحله بیش از ۴۰ نویسه است.')
    .openapi({ description: 'شناسهٔ مرحله در فرایند منتشرشدهٔ خدمت (مانند s2)' }),
  startedAt: instant('زمان شروع مرحله')
    .optional()
    .openapi({ description: 'لازم: مرحله‌ای که شروع نشده نمی‌تواند پایان یابد' }),
  finishedAt: instant('زمان پایان مرحله').optional(),
})

export const transactionBody = z
  .object({
    serviceId: z.uuid('شناسهٔ خدمت معتبر نیست.'),
    trackingCode: z
      .string()
      .trim()
      .min(4, 'کد رهگیری دست‌کم ۴ نویسه است.')
      .max(100, 'کد رهگیری بیش از ۱۰۰ نویسه است.')
      .openapi({
        description:
          'کد رهگیری همان درخواست در سامانهٔ دستگاه؛ فقط چکیدهٔ کلیددار آن نگهداری می‌شود. فرستادن دوبارهٔ همان کد، همان تراکنش را به‌روز می‌کند.',
      }),
    channel: z.enum(TRANSACTION_CHANNELS, 'مجرا باید online، counter_office یا in_person باشد.'),
    startedAt: instant('زمان شروع'),
    completedAt: instant('زمان پایان').optional(),
    outcome: z
      .enum(TRANSACTION_OUTCOMES, 'نتیجه باید approved، rejected یا withdrawn باشد.')
      .optional(),
    steps: z.array(transactionStepBody).max(200, 'بیش از ۲۰۰ مرحله فرستاده شده است.').optional(),
  })
  .openapi('TransactionInput')

export type TransactionBody = z.output<typeof transactionBody>

export const transactionJson = z
  .object({
    id: z.uuid(),
    serviceId: z.uuid(),
    created: z.boolean().openapi({ description: 'true در نخستین ثبت؛ false در به‌روزرسانی' }),
    completed: z.boolean(),
    ratingUrl: z
      .string()
      .optional()
      .openapi({ description: 'پیوند یک‌بارمصرف نظرسنجی (مطلق)، فقط برای تراکنش پایان‌یافته' }),
    ratingExpiresAt: z.string().optional().openapi({ format: 'date-time' }),
  })
  .openapi('Transaction')
