import type { Kysely, Selectable } from 'kysely'
import type { Database, HolidaysTable } from '../../db/schema.ts'
import type { Holiday, HolidayKind } from './calendar.model.ts'
import { LUNAR_KNOWN_SETTING_KEY, THURSDAY_SETTING_KEY } from './calendar.model.ts'

type Executor = Kysely<Database>

function toHoliday(
  row: Pick<Selectable<HolidaysTable>, 'day' | 'title' | 'kind' | 'tentative'>,
): Holiday {
  return { day: row.day, title: row.title, kind: row.kind, tentative: row.tentative }
}

/** Holidays from `fromIso` to `toIso` (both included), in date order. */
export async function listHolidaysBetween(
  db: Executor,
  fromIso: string,
  toIso: string,
): Promise<Holiday[]> {
  const rows = await db
    .selectFrom('holidays')
    .select(['day', 'title', 'kind', 'tentative'])
    .where('day', '>=', fromIso)
    .where('day', '<=', toIso)
    .orderBy('day')
    .execute()
  return rows.map(toHoliday)
}

/** Only the days, for building a working calendar. */
export async function listHolidayDaysBetween(
  db: Executor,
  fromIso: string,
  toIso: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('holidays')
    .select('day')
    .where('day', '>=', fromIso)
    .where('day', '<=', toIso)
    .execute()
  return rows.map((r) => r.day)
}

export async function findHoliday(
  db: Executor,
  day: string,
  options: { forUpdate?: boolean } = {},
): Promise<Holiday | undefined> {
  let query = db
    .selectFrom('holidays')
    .select(['day', 'title', 'kind', 'tentative'])
    .where('day', '=', day)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row && toHoliday(row)
}

/** Inserts a holiday; undefined when the day already has one (the day is the key). */
export async function insertHoliday(
  db: Executor,
  holiday: { day: string; title: string; kind: HolidayKind; tentative: boolean },
  now: Date,
): Promise<Holiday | undefined> {
  const row = await db
    .insertInto('holidays')
    .values({ ...holiday, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning(['day', 'title', 'kind', 'tentative'])
    .executeTakeFirst()
  return row && toHoliday(row)
}

/** Deletes a holiday; returns what was deleted, or undefined when there was none. */
export async function deleteHoliday(db: Executor, day: string): Promise<Holiday | undefined> {
  const row = await db
    .deleteFrom('holidays')
    .where('day', '=', day)
    .returning(['day', 'title', 'kind', 'tentative'])
    .executeTakeFirst()
  return row && toHoliday(row)
}

/**
 * The stored Thursday status, still unchecked (the caller parses it). It lives in the portal
 * settings store under `thursday_status`.
 */
export async function readThursdaySetting(
  db: Executor,
  options: { forUpdate?: boolean } = {},
): Promise<unknown> {
  let query = db.selectFrom('settings').select('value').where('key', '=', THURSDAY_SETTING_KEY)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row?.value
}

export async function writeThursdaySetting(db: Executor, value: string, now: Date): Promise<void> {
  const json = JSON.stringify(value)
  await db
    .insertInto('settings')
    .values({ key: THURSDAY_SETTING_KEY, value: json, updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: now }))
    .execute()
}

/**
 * Both calendar settings in one statement (the working calendar is loaded on many pages),
 * still unchecked (the caller parses them).
 */
export async function readCalendarSettings(
  db: Executor,
): Promise<{ thursday: unknown; lunarKnown: unknown }> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', [THURSDAY_SETTING_KEY, LUNAR_KNOWN_SETTING_KEY])
    .execute()
  const stored = (key: string) => rows.find((r) => r.key === key)?.value
  return { thursday: stored(THURSDAY_SETTING_KEY), lunarKnown: stored(LUNAR_KNOWN_SETTING_KEY) }
}

/** The stored last year of known lunar holidays, still unchecked (the caller parses it). */
export async function readLunarKnownSetting(
  db: Executor,
  options: { forUpdate?: boolean } = {},
): Promise<unknown> {
  let query = db.selectFrom('settings').select('value').where('key', '=', LUNAR_KNOWN_SETTING_KEY)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row?.value
}

export async function writeLunarKnownSetting(db: Executor, jy: number, now: Date): Promise<void> {
  const json = JSON.stringify(jy)
  await db
    .insertInto('settings')
    .values({ key: LUNAR_KNOWN_SETTING_KEY, value: json, updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: now }))
    .execute()
}

/** The latest day of a stored lunar holiday, if any (the fallback when the setting is missing). */
export async function findLatestLunarDay(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('holidays')
    .select((eb) => eb.fn.max('day').as('day'))
    .where('kind', '=', 'lunar')
    .executeTakeFirst()
  return row?.day ?? undefined
}
