import type { Deps } from '../../deps.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { type ReviewClock, type ReviewState, reviewClock } from './review-clock.ts'
import { listReviewableServices, type ReviewableService } from './review-list.queries.ts'

/** A public service with its review clock computed for now. */
export interface ServiceUnderReview extends ReviewableService {
  clock: ReviewClock
}

/** The review clock of every public service of an agency (or of all agencies), now. */
export async function servicesWithClock(
  deps: Pick<Deps, 'db' | 'clock'>,
  agencyId: string | null,
): Promise<ServiceUnderReview[]> {
  const [services, settings] = await Promise.all([
    listReviewableServices(deps.db, agencyId),
    loadPortalSettings(deps.db),
  ])
  const now = deps.clock.now()
  return services.flatMap((s) => {
    const clock = reviewClock(s, settings.reviewPolicy, now)
    return clock ? [{ ...s, clock }] : []
  })
}

export type StateCounts = Record<ReviewState, number>

export function countByState(rows: readonly { clock: ReviewClock }[]): StateCounts {
  const counts: StateCounts = { current: 0, due_soon: 0, due: 0, overdue: 0, escalated: 0 }
  for (const r of rows) counts[r.clock.state]++
  return counts
}
