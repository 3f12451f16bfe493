import { z } from 'zod'
import { COMPONENT_KEYS, type ComponentKey } from './method.model.ts'

/** Counted as PostgreSQL's length() counts: code points, not UTF-16 units. */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => {
      const n = [...s].length
      return n >= min && n <= max
    })

/** An agency's objection to one component (checked again against the snapshot by the action). */
export const objectionBody = z.object({
  component: z.enum(COMPONENT_KEYS as [ComponentKey, ...ComponentKey[]]),
  reasonFa: text(10, 4000),
})

/** The centre's answer: accepting names the value that should have been measured, and its n. */
export const answerBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('accept'),
    answerFa: text(10, 4000),
    correctedValue: z.number().finite().nullable(),
    correctedN: z.number().int().min(0).max(100_000_000),
  }),
  z.object({ decision: z.literal('reject'), answerFa: text(10, 4000) }),
])
