import { z } from 'zod'
import { toAsciiDigits } from '../../lib/fa/digits.ts'
import { optionalEmail, optionalPhone, optionalUrl } from '../../web/fields.ts'
import { EMPTY_STAGE_MATRIX } from './card/channel.model.ts'
import { channelSchema, stageMatrixSchema, storedChannelSchema } from './card/channel.schema.ts'
import { longText, nullableText, text } from './card/fields.schema.ts'
import { serviceFormSchema } from './card/form.schema.ts'
import { officeLinkSchema } from './card/office-link.schema.ts'
import { processSchema } from './card/process.schema.ts'
import { msg } from './messages.fa.ts'
import {
  AUDIENCES,
  CURRENCIES,
  DOCUMENT_FORMS,
  LIFE_EVENTS,
  NATURES,
  SERVICE_LEVELS,
  type ServiceContent,
  TIME_UNITS,
  TRIGGERS,
} from './service.model.ts'

/**
 * The service card as data: what the API accepts, and how stored versions
 * are read back from the database (a boundary like any other). Text is
 * normalised, so parsing stored content again changes nothing.
 */
const positive = z.number().int().positive(msg.numberInvalid).max(100_000, msg.numberInvalid)

export const declaredTimeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), value: positive, unit: z.enum(TIME_UNITS) }),
  z.object({ kind: z.literal('up_to'), max: positive, unit: z.enum(TIME_UNITS) }),
  z
    .object({ kind: z.literal('between'), min: positive, max: positive, unit: z.enum(TIME_UNITS) })
    .refine((t) => t.min < t.max, { path: ['min'], message: msg.betweenOrder }),
])

export const frequencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({
    kind: z.literal('per_period'),
    times: z.number().int().min(1, msg.timesInvalid).max(100, msg.timesInvalid),
    per: z.enum(['month', 'year']),
  }),
  z.object({ kind: z.literal('as_needed') }),
])

export const legalBasisSchema = z.object({
  lawId: z.uuid(msg.lawRequired),
  article: nullableText(100),
  note: nullableText(500),
})

export const documentSchema = z.object({
  name: text(200).pipe(z.string().min(1, msg.documentNameRequired)),
  form: z.enum(DOCUMENT_FORMS),
  count: z.number().int().min(1, msg.countInvalid).max(20, msg.countInvalid),
  issuer: nullableText(200),
  obtainableByInquiry: z.boolean(),
  note: nullableText(500),
})

export const feeSchema = z.object({
  amount: z.number().int(msg.amountInvalid).min(0, msg.amountInvalid).max(1e15, msg.amountInvalid),
  currency: z.enum(CURRENCIES),
  description: text(300).pipe(z.string().min(1, msg.feeDescriptionRequired)),
})

export const serviceContentSchema = z.object({
  title: text(200).pipe(z.string().min(1, msg.titleRequired)),
  popularNames: z.array(text(200)).max(20),
  summary: text(500),
  description: longText(5000),
  audiences: z.array(z.enum(AUDIENCES)).max(3),
  nature: z.enum(NATURES).nullable(),
  level: z.enum(SERVICE_LEVELS).nullable(),
  lifeEvents: z.array(z.enum(LIFE_EVENTS)).max(14),
  trigger: z.enum(TRIGGERS).nullable(),
  frequency: frequencySchema.nullable(),
  inPersonVisits: z.number().int().min(0, msg.visitsInvalid).max(20, msg.visitsInvalid).nullable(),
  eligibility: nullableText(3000),
  legalBases: z.array(legalBasisSchema).max(30),
  documents: z.array(documentSchema).max(40),
  noDocumentsRequired: z.boolean(),
  fees: z.array(feeSchema).max(30),
  declaredTime: declaredTimeSchema.nullable(),
  output: nullableText(1000),
  redress: nullableText(2000),
  contact: z.object({
    phone: optionalPhone('تلفن'),
    email: optionalEmail('رایانامه'),
    url: optionalUrl('نشانی وب'),
  }),
  nationalServiceCode: z
    .string()
    .nullable()
    .transform((s) => (s ? toAsciiDigits(s.trim()) : null))
    .refine((s) => s === null || /^\d{4,20}$/.test(s), msg.nationalCodeInvalid),
  keywords: z.array(text(60)).max(30),
  // Versions stored before processes existed have none.
  process: processSchema.default({ steps: [], transitions: [], variants: [] }),
  // Likewise for forms, offices, channels and the stage matrix.
  forms: z.array(serviceFormSchema).max(30).default([]),
  offices: z.array(officeLinkSchema).max(500).default([]),
  channels: z.array(channelSchema).max(30).default([]),
  stages: stageMatrixSchema.default(EMPTY_STAGE_MATRIX),
}) satisfies z.ZodType<ServiceContent, unknown>

/**
 * Stored content: channel URLs as they were accepted when saved (issue 11 item 2 refuses
 * non-public URLs at save; versions saved before must still read).
 */
const storedContentSchema = serviceContentSchema.extend({
  channels: z.array(storedChannelSchema).max(30).default([]),
})

/** Reads content stored in the database; a row that does not parse is a bug, so it throws. */
export function parseStoredContent(value: unknown): ServiceContent {
  return storedContentSchema.parse(value)
}
