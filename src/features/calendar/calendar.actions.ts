import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import {
  THURSDAY_STATUSES,
  type ThursdayStatus,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import type { FieldErrors } from '../../web/form.ts'
import { recordAudit } from '../audit/index.ts'
import type { HolidayInput } from './calendar.input.ts'
import {
  CALENDAR_CACHE_TAG,
  DEFAULT_THURSDAY_STATUS,
  type Holiday,
  jalaliYearRange,
  THURSDAY_SETTING_KEY,
} from './calendar.model.ts'
import { assertCanEditCalendar } from './calendar.policy.ts'
import {
  deleteHoliday,
  insertHoliday,
  listHolidayDaysBetween,
  listHolidaysBetween,
  readThursdaySetting,
  writeThursdaySetting,
} from './calendar.queries.ts'
import { msg } from './messages.fa.ts'

type Executor = Deps['db']

function thursdayStatusOf(stored: unknown): ThursdayStatus {
  return THURSDAY_STATUSES.find((s) => s === stored) ?? DEFAULT_THURSDAY_STATUS
}

/** The Thursday status; the default ('working') when never set or stored malformed. */
export async function loadThursdayStatus(db: Executor): Promise<ThursdayStatus> {
  return thursdayStatusOf(await readThursdaySetting(db))
}

/**
 * The working calendar for computing due dates between `fromIso` and `toIso` (ISO days, both
 * included): the Thursday status and the holidays in that range. Load a range that covers
 * every day the computation may reach (e.g. the start day plus a year): holidays outside it
 * are not known to the result.
 */
export async function loadWorkingCalendar(
  deps: Pick<Deps, 'db'>,
  fromIso: string,
  toIso: string,
): Promise<WorkingCalendar> {
  const [thursday, days] = await Promise.all([
    loadThursdayStatus(deps.db),
    listHolidayDaysBetween(deps.db, fromIso, toIso),
  ])
  return { thursday, holidays: new Set(days) }
}

/** The holidays of a Jalali year, in date order (public: anyone may read them). */
export async function listHolidaysOfYear(deps: Pick<Deps, 'db'>, jy: number): Promise<Holiday[]> {
  const { from, to } = jalaliYearRange(jy)
  return listHolidaysBetween(deps.db, from, to)
}

export type HolidayWriteResult = { ok: true; holiday: Holiday } | { ok: false; errors: FieldErrors }

/** The central admin adds a holiday (or an ad-hoc closure); a day holds at most one. */
export async function addHoliday(
  deps: Deps,
  actor: Actor | null,
  input: HolidayInput,
): Promise<HolidayWriteResult> {
  assertCanEditCalendar(actor)
  return deps.publicChange(async (trx, markChanged) => {
    const record = {
      day: input.day,
      title: input.title,
      kind: input.kind,
      tentative: input.tentative,
    }
    const holiday = await insertHoliday(trx, record, deps.clock.now())
    if (!holiday) return { ok: false as const, errors: { date: msg.duplicate } }
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'holiday',
      entityId: holiday.day,
      action: 'create',
      agencyId: null,
      before: null,
      after: { ...holiday },
    })
    await markChanged(CALENDAR_CACHE_TAG)
    return { ok: true as const, holiday }
  })
}

/** The central admin removes a holiday (e.g. to move a lunar one after moon sighting). */
export async function removeHoliday(
  deps: Deps,
  actor: Actor | null,
  day: string,
): Promise<Holiday> {
  assertCanEditCalendar(actor)
  return deps.publicChange(async (trx, markChanged) => {
    const holiday = await deleteHoliday(trx, day)
    if (!holiday) throw new NotFoundError('holiday.not-found', msg.notFound)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'holiday',
      entityId: holiday.day,
      action: 'delete',
      agencyId: null,
      before: { ...holiday },
      after: null,
    })
    await markChanged(CALENDAR_CACHE_TAG)
    return holiday
  })
}

/** The central admin decides whether Thursdays count as working days. */
export async function setThursdayStatus(
  deps: Deps,
  actor: Actor | null,
  status: ThursdayStatus,
): Promise<void> {
  assertCanEditCalendar(actor)
  await deps.publicChange(async (trx, markChanged) => {
    const before = thursdayStatusOf(await readThursdaySetting(trx, { forUpdate: true }))
    await writeThursdaySetting(trx, status, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'setting',
      entityId: THURSDAY_SETTING_KEY,
      action: 'update',
      agencyId: null,
      before: { thursday: before },
      after: { thursday: status },
    })
    await markChanged(CALENDAR_CACHE_TAG)
  })
}
