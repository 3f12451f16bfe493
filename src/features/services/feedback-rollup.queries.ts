import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { wilsonLowerBound } from '../../lib/stats.ts'

type Executor = Kysely<Database>

/**
 * «آیا این صفحه مفید بود؟» as the public sees it (issue 13 items 1, 5): the counts with their n,
 * the Wilson lower bound of "helpful", and whether n reaches the central minimum — below it a
 * page says «هنوز دادهٔ کافی نیست» instead of a figure.
 */
export interface HelpfulFigure {
  yes: number
  no: number
  n: number
  /** 95% Wilson lower bound of the share who found the page helpful (0–1). */
  wilsonLow: number
  /** n reaches the minimum n: the figure may be shown. */
  shown: boolean
  minN: number
}

export function helpfulFigure(counts: { yes: number; no: number }, minN: number): HelpfulFigure {
  const n = counts.yes + counts.no
  return {
    yes: counts.yes,
    no: counts.no,
    n,
    wilsonLow: wilsonLowerBound(counts.yes, n),
    shown: n >= minN,
    minN,
  }
}

/**
 * The service's helpful counts from its rollup row (features/feedback keeps it on every vote):
 * one primary-key read, never the votes themselves. Zeros for a service nobody has rated.
 */
export async function findHelpfulCounts(
  db: Executor,
  serviceId: string,
): Promise<{ yes: number; no: number }> {
  const row = await db
    .selectFrom('feedbackRollups')
    .select(['helpfulYes', 'helpfulNo'])
    .where('serviceId', '=', serviceId)
    .executeTakeFirst()
  return { yes: row?.helpfulYes ?? 0, no: row?.helpfulNo ?? 0 }
}
