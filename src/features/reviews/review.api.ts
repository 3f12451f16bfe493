import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../lib/errors.ts'
import { findAgencyByCode, listAgencyBriefs } from '../agencies/index.ts'
import { countByState, REVIEW_STATES, servicesWithClock } from '../services/index.ts'

export const reviewsQuery = z.object({
  agency: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional()
    .openapi({ description: 'کد دستگاه؛ کارکنان دستگاه فقط دستگاه خود را می‌بینند' }),
  state: z.enum(REVIEW_STATES).optional().openapi({ description: 'وضعیت بازبینی' }),
})

const countsJson = z.object({
  current: z.number().int(),
  due_soon: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
})

export const reviewsJson = z
  .object({
    items: z.array(
      z.object({
        serviceId: z.uuid(),
        slug: z.string(),
        title: z.string(),
        agency: z.object({ code: z.string(), nameFa: z.string() }),
        state: z.enum(REVIEW_STATES),
        lastReviewedAt: z.string().nullable().openapi({ format: 'date-time' }),
        nextReviewDue: z.string().openapi({ format: 'date-time' }),
        openReview: z.boolean(),
      }),
    ),
    total: z.number().int(),
    counts: countsJson,
  })
  .openapi('ReviewList')

/** GET /reviews: the review clock of the asker's agency's services (every agency's for the centre). */
export async function reviewsBody(
  deps: Deps,
  actor: Actor | null,
  q: z.output<typeof reviewsQuery>,
): Promise<z.output<typeof reviewsJson>> {
  if (!actor)
    throw new UnauthenticatedError('token.required', 'برای این درخواست کلید API لازم است.')
  let agencyId: string | null = isCentral(actor) ? null : actor.agencyId
  if (q.agency) {
    const agency = await findAgencyByCode(deps.db, q.agency)
    if (!agency) throw new NotFoundError('agency.not-found', 'دستگاهی با این کد نیست.')
    if (!isCentral(actor) && agency.id !== actor.agencyId)
      throw new ForbiddenError('reviews.view', 'بازبینی‌های دستگاه دیگر را نمی‌توان دید.')
    agencyId = agency.id
  }
  if (!isCentral(actor) && !agencyId) throw new ForbiddenError('reviews.view', 'دسترسی ندارید.')
  const [all, agencies] = await Promise.all([
    servicesWithClock(deps, agencyId),
    listAgencyBriefs(deps.db),
  ])
  const byId = new Map(agencies.map((a) => [a.id, a]))
  const items = all
    .filter((s) => !q.state || s.clock.state === q.state)
    .map((s) => ({
      serviceId: s.serviceId,
      slug: s.slug,
      title: s.title,
      agency: {
        code: byId.get(s.agencyId)?.code ?? '',
        nameFa: byId.get(s.agencyId)?.nameFa ?? '',
      },
      state: s.clock.state,
      lastReviewedAt: s.clock.lastReviewedAt?.toISOString() ?? null,
      nextReviewDue: s.clock.dueAt.toISOString(),
      openReview: s.openReviewId !== null,
    }))
  return { items, total: items.length, counts: countByState(all) }
}
