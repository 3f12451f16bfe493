import { toPersianDigits } from '../../lib/fa/digits.ts'
import { formatDateFa, weekdayFa } from '../../lib/fa/format-date.ts'
import { gregorianToJalali } from '../../lib/fa/jalali.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import { addCalendarDays, tehranIsoDay, type WorkingCalendar } from '../../lib/working-calendar.ts'
import { ACCESSIBILITY_LABELS, DAY_KIND_LABELS, msg, WEEKDAY_LABELS } from './messages.fa.ts'
import {
  formatPostalCode,
  geoUri,
  type Interval,
  type Office,
  osmUrl,
  timeFa,
  WEEKDAYS,
} from './office.model.ts'
import { type DayHours, type OpenStatus, openStatus } from './open-now.ts'

/** What a page shows of one office (a view model, not the row). */
export interface OfficeCard {
  id: string
  name: string
  address: string
  provinceCode: string
  provinceName: string
  city: string
  postalCode: string
  phones: { href: string; text: string }[]
  email: string | null
  accessibility: { labels: string[]; notes: string | null }
  todayText: string
  open: boolean
  statusText: string
  mapUrl: string
  geoUri: string
  /** The note of the service's link to this office, on service pages. */
  linkNote: string | null
}

/** `۰۷:۳۰ تا ۱۴:۳۰ و ۱۶:۰۰ تا ۱۹:۰۰`. */
export function intervalsFa(intervals: readonly Interval[]): string {
  return intervals.map((i) => `${timeFa(i.start)} تا ${timeFa(i.end)}`).join(' و ')
}

/** A day's hours as one line: the times, or why it is closed. */
export function dayHoursText(d: DayHours): string {
  const label = DAY_KIND_LABELS[d.kind]
  if (d.intervals.length === 0) {
    const why = [d.kind === 'regular' ? '' : label, d.note ?? ''].filter((s) => s !== '')
    return why.length ? `${msg.closedDay} (${why.join(': ')})` : msg.closedDay
  }
  const times = intervalsFa(d.intervals)
  return d.kind === 'exception' ? `${times} (${[label, d.note].filter(Boolean).join(': ')})` : times
}

function tehranMinutes(instant: Date): number {
  const day = tehranIsoDay(instant)
  const [gy = 0, gm = 0, gd = 0] = day.split('-').map(Number)
  const j = gregorianToJalali(gy, gm, gd)
  return Math.round((instant.getTime() - startOfTehranDay(j.jy, j.jm, j.jd).getTime()) / 60_000)
}

/** «امروز ساعت ۱۶:۰۰», «فردا ساعت ۰۷:۳۰», «شنبه ۱ آذر ۱۴۰۵ ساعت ۰۷:۳۰». */
export function whenText(instant: Date, now: Date): string {
  const at = `ساعت ${timeFa(tehranMinutes(instant))}`
  const day = tehranIsoDay(instant)
  const today = tehranIsoDay(now)
  if (day === today) return `امروز ${at}`
  if (day === addCalendarDays(today, 1)) return `فردا ${at}`
  return `${weekdayFa(instant)} ${formatDateFa(instant)} ${at}`
}

export function statusText(s: OpenStatus, now: Date): string {
  if (s.open) {
    // Open round the clock for a week or more: no closing time worth announcing.
    const far = !s.nextClose || s.nextClose.getTime() - now.getTime() > 7 * 86_400_000
    return far || !s.nextClose
      ? msg.openNow
      : `${msg.openNow}؛ ${msg.closesAt(whenText(s.nextClose, now).replace(/^امروز /, ''))}`
  }
  return s.nextOpen ? `${msg.closedNow}؛ ${msg.opensAt(whenText(s.nextOpen, now))}` : msg.closedNow
}

export function officeCard(
  o: Office,
  cal: WorkingCalendar,
  now: Date,
  linkNote: string | null = null,
): { card: OfficeCard; status: OpenStatus } {
  const status = openStatus(o, cal, now)
  return {
    status,
    card: {
      id: o.id,
      name: o.name,
      address: o.address,
      provinceCode: o.provinceCode,
      provinceName: findProvince(o.provinceCode)?.nameFa ?? o.provinceCode,
      city: o.city,
      postalCode: formatPostalCode(o.postalCode),
      phones: o.phones.map((p) => ({
        href: `tel:${p.replace(/[^\d+]/g, '')}`,
        text: toPersianDigits(p),
      })),
      email: o.email,
      accessibility: {
        labels: o.accessibility.features.map((f) => ACCESSIBILITY_LABELS[f]),
        notes: o.accessibility.notes,
      },
      todayText: dayHoursText(status.today),
      open: status.open,
      statusText: statusText(status, now),
      mapUrl: osmUrl(o.lat, o.lng),
      geoUri: geoUri(o.lat, o.lng),
      linkNote,
    },
  }
}

/** The weekly table: one row per weekday, Saturday first. */
export function weeklyRows(o: Office): { day: string; text: string }[] {
  return WEEKDAYS.map((d) => ({
    day: WEEKDAY_LABELS[d],
    text: o.hours[d].length ? intervalsFa(o.hours[d]) : msg.closedDay,
  }))
}

/** An ISO day as «۱ آذر ۱۴۰۵» (noon UTC of the day is the same day in Tehran). */
export function isoDayFa(day: string): string {
  return formatDateFa(new Date(`${day}T12:00:00Z`))
}
