import { toAsciiDigits, toPersianDigits } from '../../lib/fa/digits.ts'

/**
 * An office (محل مراجعه) of an agency: a building people visit, with its address, contact
 * details, accessibility, regular weekly hours, date exceptions and closures (R7).
 * Days are ISO `yyyy-mm-dd` Tehran calendar days; times are minutes after Tehran midnight.
 */

/** Weekdays in Iranian order, Saturday first; the keys of {@link WeeklyHours}. */
export const WEEKDAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** `Date#getUTCDay` numbers (Sunday 0 … Saturday 6) → our weekday keys. */
export const WEEKDAY_OF_JS_DAY: readonly Weekday[] = [
  'sun',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
]

/** A span of opening time within one day: `start` < `end`, minutes after midnight (end ≤ 1440). */
export interface Interval {
  start: number
  end: number
}

export type WeeklyHours = Record<Weekday, Interval[]>

/** One day that differs from the weekly hours: closed (no intervals) or special hours. */
export interface OfficeException {
  day: string
  intervals: Interval[]
  note: string | null
}

/** A closure over a range of days (both included), e.g. renovation. */
export interface OfficeClosure {
  from: string
  to: string
  reason: string
}

export const ACCESSIBILITY_FEATURES = [
  'wheelchair_access',
  'accessible_toilet',
  'disabled_parking',
  'elevator',
  'hearing_loop',
] as const
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number]

export interface Accessibility {
  features: AccessibilityFeature[]
  notes: string | null
}

/** What decides when an office is open (the input of open-now). */
export interface OfficeSchedule {
  hours: WeeklyHours
  exceptions: OfficeException[]
  closures: OfficeClosure[]
}

export interface Office extends OfficeSchedule {
  id: string
  agencyId: string
  name: string
  address: string
  provinceCode: string
  city: string
  /** Ten ASCII digits. */
  postalCode: string
  lat: number
  lng: number
  /** Normalised phone numbers (ASCII digits), landlines with area code or mobiles. */
  phones: string[]
  email: string | null
  accessibility: Accessibility
  createdAt: Date
  updatedAt: Date
}

export const EMPTY_HOURS: WeeklyHours = {
  sat: [],
  sun: [],
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
}

// ——— Postal codes ———

/**
 * Ten digits; the first five (the delivery route) never contain 0 or 2, because those look like
 * 5 and 3 (research «persian-and-iran» §4.1). Persian and Arabic-Indic digits, spaces and a
 * dash are accepted; the result is ten ASCII digits, or null when the code is not valid.
 */
export function normalizePostalCode(input: string): string | null {
  const digits = toAsciiDigits(input)
    .replace(/[\s\u200c\u200e\u200f\-–_]/g, '')
    .trim()
  if (!/^\d{10}$/.test(digits)) return null
  if (/[02]/.test(digits.slice(0, 5))) return null
  return digits
}

/** `1193612345` → `۱۱۹۳۶-۱۲۳۴۵`. */
export function formatPostalCode(code: string): string {
  return toPersianDigits(`${code.slice(0, 5)}-${code.slice(5)}`)
}

// ——— Coordinates ———

/** Iran's bounding box, with a small margin (islands in the Gulf, the Caspian shore). */
export const IRAN_BOUNDS = { minLat: 25.0, maxLat: 39.8, minLng: 44.0, maxLng: 63.4 } as const

export function isInIran(lat: number, lng: number): boolean {
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= IRAN_BOUNDS.minLat &&
    lat <= IRAN_BOUNDS.maxLat &&
    lng >= IRAN_BOUNDS.minLng &&
    lng <= IRAN_BOUNDS.maxLng
  )
}

/** OpenStreetMap's page for a point (no script or tile of theirs on our pages). */
export function osmUrl(lat: number, lng: number): string {
  const la = lat.toFixed(6)
  const ln = lng.toFixed(6)
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=17/${la}/${ln}`
}

/** A `geo:` URI (RFC 5870): phones open their own map app. */
export function geoUri(lat: number, lng: number): string {
  return `geo:${lat.toFixed(6)},${lng.toFixed(6)}`
}

// ——— Times ———

/** `07:30` → 450; `24:00` → 1440. Accepts Persian digits and `7:30`; null when not a time. */
export function parseTime(input: string): number | null {
  const m = /^(\d{1,2})[:٫.](\d{2})$/.exec(toAsciiDigits(input).trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null
  return h * 60 + min
}

/** 450 → `07:30` (ASCII). */
export function timeText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** 450 → `۰۷:۳۰`. */
export function timeFa(minutes: number): string {
  return toPersianDigits(timeText(minutes))
}

/** `[{450, 870}]` → `07:30-14:30` (the form's and the API's text form). */
export function intervalsText(intervals: readonly Interval[]): string {
  return intervals.map((i) => `${timeText(i.start)}-${timeText(i.end)}`).join(', ')
}

export type IntervalsParse =
  | { ok: true; intervals: Interval[] }
  | { ok: false; reason: 'format' | 'order' | 'overlap' }

/**
 * Parses `07:30-14:30, 16:00-19:00` (Persian digits, `–`, `تا`, `،` accepted). Empty text
 * means no opening time. Each interval must end after it starts, and intervals must be in
 * order without overlapping (touching is allowed).
 */
export function parseIntervals(input: string): IntervalsParse {
  const text = toAsciiDigits(input).replace(/،|؛|;/g, ',').trim()
  if (text === '') return { ok: true, intervals: [] }
  const intervals: Interval[] = []
  for (const part of text.split(',')) {
    const m = /^\s*(\S+)\s*(?:-|–|—|تا)\s*(\S+)\s*$/.exec(part)
    if (!m) return { ok: false, reason: 'format' }
    const start = parseTime(m[1] ?? '')
    const end = parseTime(m[2] ?? '')
    if (start === null || end === null) return { ok: false, reason: 'format' }
    intervals.push({ start, end })
  }
  const problem = intervalsProblem(intervals)
  return problem ? { ok: false, reason: problem } : { ok: true, intervals }
}

/** Why a list of intervals is not acceptable, if it is not. */
export function intervalsProblem(intervals: readonly Interval[]): 'order' | 'overlap' | null {
  for (const [n, i] of intervals.entries()) {
    if (!(i.start < i.end)) return 'order'
    const prev = intervals[n - 1]
    if (prev && i.start < prev.end) return prev.start < i.start ? 'overlap' : 'order'
  }
  return null
}

/** The snapshot stored in the audit log. */
export function auditSnapshot(o: Office): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = o
  return rest
}
