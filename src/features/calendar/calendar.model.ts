import { jalaliMonthLength } from '../../lib/fa/index.ts'
import { isoDayOfJalali, type ThursdayStatus } from '../../lib/working-calendar.ts'

/** solar: fixed in the Jalali calendar; lunar: Iran's official Hijri dates; adhoc: a one-off closure. */
export const HOLIDAY_KINDS = ['solar', 'lunar', 'adhoc'] as const
export type HolidayKind = (typeof HOLIDAY_KINDS)[number]

/** A day on which offices are closed nationally, besides Fridays. */
export interface Holiday {
  /** The Tehran calendar day, ISO `yyyy-mm-dd`. */
  day: string
  title: string
  kind: HolidayKind
  /** A lunar date not yet confirmed: moon sighting may still move it by a day. */
  tentative: boolean
}

/**
 * A day of a year's holiday list: a stored row, a solar holiday generated from the law, or
 * both (a lunar or ad-hoc row on a solar day, shown with both titles).
 */
export interface ListedHoliday extends Holiday {
  /** A solar holiday by law: a rest day whether or not a row is stored for it. */
  fixedByLaw: boolean
  /** A row is stored for the day (the admin may remove it). */
  stored: boolean
}

/**
 * The settings-store key of the last Jalali year whose lunar holidays are entered in the
 * table (a number). Past that year's end the lunar holidays are not known.
 */
export const LUNAR_KNOWN_SETTING_KEY = 'lunar_holidays_through'

/** How long before the table runs out the central admin is reminded. */
export const HORIZON_REMINDER_MONTHS = 3

/** The settings-store key of the Thursday status. */
export const THURSDAY_SETTING_KEY = 'thursday_status'

/** Offices outside Tehran work on Thursdays (1381 cabinet decree); closing them is the exception. */
export const DEFAULT_THURSDAY_STATUS: ThursdayStatus = 'working'

/** Public calendar pages are cached under this tag; any change to the calendar invalidates it. */
export const CALENDAR_CACHE_TAG = 'calendar'

/** The years the calendar pages and forms accept: typing slips outside them are refused. */
export const MIN_CALENDAR_YEAR = 1390
export const MAX_CALENDAR_YEAR = 1500

/** The first and last ISO days of a Jalali year: 1405 → 2026-03-21 … 2027-03-20. */
export function jalaliYearRange(jy: number): { from: string; to: string } {
  return { from: isoDayOfJalali(jy, 1, 1), to: isoDayOfJalali(jy, 12, jalaliMonthLength(jy, 12)) }
}

/** The last ISO day whose lunar holidays are known when they are entered through year `jy`. */
export function lunarKnownThroughDay(jy: number): string {
  return jalaliYearRange(jy).to
}

/**
 * The first day of the reminder, {@link HORIZON_REMINDER_MONTHS} months before the table runs
 * out at the end of year `jy`: 1 Dey of that year (Dey, Bahman and Esfand are its last three).
 */
export function horizonReminderDay(jy: number): string {
  return isoDayOfJalali(jy, 13 - HORIZON_REMINDER_MONTHS, 1)
}
