import type { Deps } from '../../deps.ts'
import { tehranDateOf, toPersianDigits } from '../../lib/fa/index.ts'
import { tehranIsoDay } from '../../lib/working-calendar.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { loadLunarKnownYear } from './calendar.actions.ts'
import { horizonReminderDay, lunarKnownThroughDay } from './calendar.model.ts'
import { msg } from './messages.fa.ts'
import { holidayDateFa } from './views/calendar-pages.ts'

/** How far the lunar holidays are known, and whether the central admin must be reminded. */
export interface CalendarHorizon {
  /** The last Jalali year whose lunar holidays are in the table; null when none is. */
  knownYear: number | null
  /** Its last day (ISO), after which the lunar holidays are not known. */
  lastKnownDay: string | null
  /** From this day (ISO) on, the central admin is reminded: three months before the end. */
  remindFrom: string | null
  /** Today falls in the reminder period (or the table has already run out). */
  due: boolean
  /** The table has already run out. */
  ranOut: boolean
}

/** The horizon on the Tehran day of `now`. With no lunar holiday known, it is due at once. */
export async function loadCalendarHorizon(
  deps: Pick<Deps, 'db'>,
  now: Date,
): Promise<CalendarHorizon> {
  const knownYear = await loadLunarKnownYear(deps.db)
  if (knownYear === null)
    return { knownYear, lastKnownDay: null, remindFrom: null, due: true, ranOut: true }
  const today = tehranIsoDay(now)
  const lastKnownDay = lunarKnownThroughDay(knownYear)
  const remindFrom = horizonReminderDay(knownYear)
  return {
    knownYear,
    lastKnownDay,
    remindFrom,
    due: today >= remindFrom,
    ranOut: today > lastKnownDay,
  }
}

/** The reminder's sentence, for the dashboard and the notification alike. */
export function horizonText(h: CalendarHorizon): string {
  if (h.knownYear === null || h.lastKnownDay === null) return msg.lunarKnownNone
  const year = toPersianDigits(h.knownYear)
  const end = holidayDateFa(h.lastKnownDay)
  return h.ranOut ? msg.horizonPast(year, end) : msg.horizonSoon(year, end)
}

/** The year whose lunar holidays are wanted next. */
export function nextYearToEnter(h: CalendarHorizon, now: Date): number {
  return h.knownYear === null ? tehranDateOf(now).jy : h.knownYear + 1
}

export interface HorizonReminderResult {
  due: boolean
  /** Central admins told in this run (0 when already told for this horizon). */
  notified: number
  duplicate: boolean
}

/**
 * The daily check (src/jobs/calendar-horizon.ts): from three months before the lunar
 * holidays run out, the central admins are told once per horizon (the dedupe key names the
 * last known year, so entering the next year and moving the setting starts a new horizon).
 */
export async function remindCalendarHorizon(
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<HorizonReminderResult> {
  const now = deps.clock.now()
  const horizon = await loadCalendarHorizon(deps, now)
  if (!horizon.due) return { due: false, notified: 0, duplicate: false }
  const next = nextYearToEnter(horizon, now)
  return deps.db.transaction().execute(async (trx) => {
    const userIds = await findRecipients(trx, { agencyId: null, roles: ['central_admin'] })
    const result = await notify(
      trx,
      {
        userIds,
        kind: 'calendar.horizon',
        subject: msg.horizonSubject(toPersianDigits(next)),
        text: horizonText(horizon),
        link: `/admin/calendar?year=${next}`,
        dedupeKey: `calendar-horizon:${horizon.knownYear ?? 'none'}`,
      },
      deps.clock,
    )
    return { due: true, notified: result.inbox, duplicate: result.duplicate }
  })
}
