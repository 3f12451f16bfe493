import { z } from 'zod'
import { DIMENSIONS, type DimensionKey, ratingMsg } from './rating.messages.fa.ts'

/** The longest comment kept (characters, after trimming). */
export const COMMENT_MAX = 2000

const scale = z.enum(['1', '2', '3', '4', '5'], ratingMsg.scaleInvalid).transform(Number)
const optionalScale = z
  .union([z.literal(''), scale], ratingMsg.scaleInvalid)
  .optional()
  .transform((v) => (typeof v === 'number' ? v : null))

export const ratingForm = z.object({
  overall: z.enum(['1', '2', '3', '4', '5'], ratingMsg.overallRequired).transform(Number),
  clarity: optionalScale,
  promisedTime: optionalScale,
  visits: optionalScale,
  staffConduct: optionalScale,
  cost: optionalScale,
  onlineEase: optionalScale,
  comment: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(COMMENT_MAX, ratingMsg.commentTooLong))
    .transform((s) => (s === '' ? null : s)),
})

export type RatingInput = z.output<typeof ratingForm>

export const DIMENSION_KEYS: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key)
