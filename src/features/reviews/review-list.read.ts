import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import {
  countByState,
  REVIEW_STATES,
  type ReviewState,
  servicesWithClock,
} from '../services/index.ts'
import type { ReviewListView } from './views/review-list-page.ts'

const URGENCY: Record<ReviewState, number> = {
  escalated: 0,
  overdue: 1,
  due: 2,
  due_soon: 3,
  current: 4,
}

/** The review list: the agency's services (every agency's for central staff), most urgent first. */
export async function loadReviewList(
  deps: Deps,
  actor: Actor,
  stateParam: string | undefined,
): Promise<ReviewListView> {
  const central = isCentral(actor)
  if (!central && !actor.agencyId) throw new ForbiddenError('reviews.view', 'دسترسی ندارید.')
  const all = await servicesWithClock(deps, central ? null : actor.agencyId)
  const filter = (REVIEW_STATES as readonly string[]).includes(stateParam ?? '')
    ? (stateParam as ReviewState)
    : null
  const names = central
    ? new Map((await listAgencyBriefs(deps.db)).map((a) => [a.id, a.nameFa]))
    : new Map<string, string>()
  const rows = all
    .filter((s) => filter === null || s.clock.state === filter)
    .sort(
      (a, b) =>
        URGENCY[a.clock.state] - URGENCY[b.clock.state] ||
        a.clock.dueAt.getTime() - b.clock.dueAt.getTime(),
    )
    .map((s) => ({
      serviceId: s.serviceId,
      title: s.title,
      agencyName: names.get(s.agencyId) ?? null,
      state: s.clock.state,
      dueAt: s.clock.dueAt,
      lastReviewedAt: s.clock.lastReviewedAt,
      open: s.openReviewId !== null,
    }))
  return { rows, counts: countByState(all), total: all.length, filter, central }
}
