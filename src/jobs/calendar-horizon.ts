import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { type HorizonReminderResult, remindCalendarHorizon } from '../features/calendar/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'

/** The advisory-lock key of the calendar check («mardom:cal-hzn», any stable bigint). */
export const CALENDAR_HORIZON_LOCK = 0x6d61_7264_6361_6c68n

/**
 * The daily calendar check (issue 17 item 3): from three months before the lunar holidays in
 * the table run out, the central admins are notified, once per horizon (`notify` dedupes).
 * One run at a time across processes; a run that finds the lock taken does nothing (null).
 */
export async function calendarHorizonJob(
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  dbKind: DbHandle['kind'],
): Promise<HorizonReminderResult | null> {
  let result: HorizonReminderResult | null = null
  const ran = await withAdvisoryLock(deps.db, dbKind, CALENDAR_HORIZON_LOCK, async () => {
    result = await remindCalendarHorizon(deps)
  })
  if (!ran) deps.log.info('calendar horizon: another run holds the lock; nothing done')
  else deps.log.info({ result }, 'calendar horizon checked')
  return result
}
