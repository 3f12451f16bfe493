import { z } from 'zod'
import { helpfulMsg as msg } from './helpful.messages.fa.ts'
import { HELPFUL_SECTIONS, MISSING_MAX } from './helpful.model.ts'

/** The vote buttons: `vote=yes` or `vote=no`; anything else is refused. */
export const helpfulVoteInput = z.object({
  vote: z.enum(['yes', 'no'], { message: msg.voteMissing }),
})

/** The follow-up after «خیر»: what was wrong or missing, which section, at least one of them. */
export const helpfulFollowUpInput = z
  .object({
    missing: z
      .string()
      .optional()
      .transform((s) => (s ?? '').trim())
      .pipe(z.string().max(MISSING_MAX, msg.missingTooLong)),
    section: z
      .string()
      .optional()
      .transform((s) => (s ?? '').trim())
      .pipe(z.union([z.literal(''), z.enum(HELPFUL_SECTIONS, { message: msg.sectionUnknown })])),
  })
  .transform((v) => ({
    missing: v.missing === '' ? null : v.missing,
    section: v.section === '' ? null : v.section,
  }))
  .refine((v) => v.missing !== null || v.section !== null, {
    path: ['missing'],
    message: msg.followUpEmpty,
  })
