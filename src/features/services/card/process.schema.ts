import { z } from 'zod'
import { normalizeFaInput } from '../../../lib/fa/normalize.ts'
import {
  ACTORS,
  CHANNELS,
  type ServiceProcess,
  STEP_KINDS,
  STEP_TIME_UNITS,
  TRANSITION_KINDS,
} from './process.model.ts'

/** The process as data: stored inside each service version and accepted by the API. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => normalizeFaInput(s))
const nullableText = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .transform((s) => (s ? normalizeFaInput(s, { multiline: true }) || null : null))
const stepId = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/, 'شناسهٔ مرحله فقط حروف کوچک لاتین، رقم، خط تیره و زیرخط است.')
const amount = z.number().min(0).max(100_000)

export const stepDurationSchema = z
  .object({ min: amount, max: amount, unit: z.enum(STEP_TIME_UNITS) })
  .refine((d) => d.min <= d.max, { path: ['min'], message: 'کمینهٔ زمان از بیشینه بیشتر است.' })

export const processStepSchema = z.object({
  id: stepId,
  kind: z.enum(STEP_KINDS),
  title: text(200).pipe(z.string().min(1, 'عنوان مرحله را وارد کنید.')),
  actor: z.enum(ACTORS),
  unit: nullableText(200),
  description: nullableText(2000),
  duration: stepDurationSchema.nullable(),
  channel: z.enum(CHANNELS).nullable(),
  requiresAttendance: z.boolean(),
  documents: z.array(text(200)).max(40),
  fees: z.array(text(300)).max(30),
  legalBasis: z.object({ lawId: z.uuid(), article: nullableText(100) }).nullable(),
  variantId: stepId.nullable(),
})

export const transitionSchema = z.object({
  from: stepId,
  to: stepId,
  label: nullableText(200),
  kind: z.enum(TRANSITION_KINDS),
})

export const processSchema = z.object({
  steps: z.array(processStepSchema).max(200),
  transitions: z.array(transitionSchema).max(600),
  variants: z.array(z.object({ id: stepId, label: text(200) })).max(20),
}) satisfies z.ZodType<ServiceProcess, unknown>
