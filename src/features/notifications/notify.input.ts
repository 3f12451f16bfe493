import { z } from 'zod'

/**
 * Checks what a feature passes to `notify`: a programming error (a bad link, an empty
 * subject) fails loudly in the caller's transaction instead of storing a broken entry.
 */
export const notifyInput = z.object({
  userIds: z.array(z.uuid()).max(10_000),
  kind: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'kind: lowercase name'),
  subject: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(20_000),
  // Inside the portal only: a path, never another site (`//host` is another site).
  link: z
    .string()
    .max(2048)
    .regex(/^\/(?!\/)[^\s\\]*$/, 'link: a path inside the portal')
    .optional(),
  dedupeKey: z.string().min(1).max(300).optional(),
})
