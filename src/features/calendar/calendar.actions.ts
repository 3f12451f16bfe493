import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { gregorianToJalali, toPersianDigits } from '../../lib/fa/index.ts'
import {
  solarHolidaysOfYear,
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
  type ListedHoliday,
  LUNAR_KNOWN_SETTING_KEY,
  lunarKnownThroughDay,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  THURSDAY_SETTING_KEY,
} from './calendar.model.ts'
import { assertCanEditCalendar } from './calendar.policy.ts'
import {
  deleteHoliday,
  findLatestLunarDay,
  insertHoliday,
  listHolidayDaysBetween,
  listHolidaysBetween,
  readLunarKnownSetting,
  readThursdaySetting,
  writeLunarKnownSetting,
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

/** Before every day: with no lunar holiday known, every result may come later than computed. */
const NO_LUNAR_HOLIDAYS_KNOWN = '0001-01-01'

function lunarKnownYearOf(stored: unknown): number | null {
  return typeof stored === 'number' &&
    Number.isInteger(stored) &&
    stored >= MIN_CALENDAR_YEAR &&
    stored <= MAX_CALENDAR_YEAR
    ? stored
    : null
}

/**
 * The last Jalali year whose lunar holidays are entered in the table: the setting the central
 * admin keeps (seeded by the migrations), or, when it is missing or malformed, the year of
 * the latest stored lunar holiday; null when neither exists.
 */
export async function loadLunarKnownYear(db: Executor): Promise<number | null> {
  const stored = lunarKnownYearOf(await readLunarKnownSetting(db))
  if (stored !== null) return stored
  const latest = await findLatestLunarDay(db)
  if (!latest) return null
  const [gy = 0, gm = 0, gd = 0] = latest.split('-').map(Number)
  return gregorianToJalali(gy, gm, gd).jy
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
  const [thursday, days, knownYear] = await Promise.all([
    loadThursdayStatus(deps.db),
    listHolidayDaysBetween(deps.db, fromIso, toIso),
    loadLunarKnownYear(deps.db),
  ])
  const lunarKnownThrough =
    knownYear === null ? NO_LUNAR_HOLIDAYS_KNOWN : lunarKnownThroughDay(knownYear)
  return { thursday, holidays: new Set(days), lunarKnownThrough }
}

/**
 * The holidays of a Jalali year, in date order (public: anyone may read them): the stored
 * rows and the solar holidays generated from the law. A stored solar row stands for its day
 * (the seeded years carry combined titles); a lunar or ad-hoc row on a solar day is shown
 * once, with both titles.
 */
export async function listHolidaysOfYear(
  deps: Pick<Deps, 'db'>,
  jy: number,
): Promise<ListedHoliday[]> {
  const { from, to } = jalaliYearRange(jy)
  const stored = new Map((await listHolidaysBetween(deps.db, from, to)).map((h) => [h.day, h]))
  const listed = new Map<string, ListedHoliday>()
  for (const [day, h] of stored) listed.set(day, { ...h, fixedByLaw: false, stored: true })
  for (const solar of solarHolidaysOfYear(jy)) {
    const row = stored.get(solar.day)
    listed.set(solar.day, {
      day: solar.day,
      title: !row ? solar.title : row.kind === 'solar' ? row.title : `${solar.title}؛ ${row.title}`,
      kind: 'solar',
      tentative: false,
      fixedByLaw: true,
      stored: row !== undefined,
    })
  }
  return [...listed.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
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

/**
 * The central admin records the last Jalali year whose lunar holidays are in the table,
 * after entering them. Refused for a year without a single stored lunar holiday: the pages
 * would otherwise claim holidays are excluded that nobody entered.
 */
export async function setLunarKnownYear(
  deps: Deps,
  actor: Actor | null,
  jy: number,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  assertCanEditCalendar(actor)
  return deps.publicChange(async (trx, markChanged) => {
    const { from, to } = jalaliYearRange(jy)
    const lunar = (await listHolidaysBetween(trx, from, to)).filter((h) => h.kind === 'lunar')
    if (lunar.length === 0)
      return { ok: false as const, errors: { lunarYear: msg.lunarYearEmpty(toPersianDigits(jy)) } }
    const before = lunarKnownYearOf(await readLunarKnownSetting(trx, { forUpdate: true }))
    await writeLunarKnownSetting(trx, jy, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'setting',
      entityId: LUNAR_KNOWN_SETTING_KEY,
      action: 'update',
      agencyId: null,
      before: { lunarHolidaysThrough: before },
      after: { lunarHolidaysThrough: jy },
    })
    await markChanged(CALENDAR_CACHE_TAG)
    return { ok: true as const }
  })
}
