import { z } from 'zod'
import { toAsciiDigits } from '../../lib/fa/digits.ts'
import { parseJalaliDateInput } from '../../lib/fa/jalali.ts'
import { normalizeFaInput } from '../../lib/fa/normalize.ts'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import { isIsoDay, isoDayOfJalali } from '../../lib/working-calendar.ts'
import { optionalEmail, optionalPhone, optionalText, requiredText } from '../../web/fields.ts'
import type { FieldErrors } from '../../web/form.ts'
import { msg } from './messages.fa.ts'
import {
  ACCESSIBILITY_FEATURES,
  type Interval,
  IRAN_BOUNDS,
  intervalsProblem,
  isInIran,
  normalizePostalCode,
  type Office,
  type OfficeClosure,
  type OfficeException,
  parseIntervals,
  parseTime,
  timeText,
  WEEKDAYS,
  type Weekday,
  type WeeklyHours,
} from './office.model.ts'

/**
 * One schema for the API body, the admin form (after {@link formToBody}) and imports: times as
 * `HH:MM` text, days as ISO `yyyy-mm-dd`; the output holds minutes.
 */

const time = z
  .string()
  .max(8)
  .transform((s, ctx) => {
    const t = parseTime(s)
    if (t === null) {
      ctx.addIssue({ code: 'custom', message: msg.hoursFormat })
      return z.NEVER
    }
    return t
  })

const intervalList = z
  .array(z.object({ start: time, end: time }))
  .max(6, msg.tooMany)
  .superRefine((list, ctx) => {
    const problem = intervalsProblem(list)
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem === 'order' ? msg.hoursOrder : msg.hoursOverlap,
      })
  })

const isoDay = z.string().refine((s) => isIsoDay(s), msg.dayInvalid)

const hoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, intervalList.default([])])) as Record<
    Weekday,
    z.ZodDefault<typeof intervalList>
  >,
)

const exceptionSchema = z.object({
  day: isoDay,
  hours: intervalList.default([]),
  note: optionalText(msg.exceptionNote, 300),
})

const closureSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    reason: requiredText(msg.closureReason, 300),
  })
  .refine((c) => c.from <= c.to, { message: msg.closureRange, path: ['to'] })

/** A decimal degree within `[min, max]` (Iran's bounding box), from a number or typed text. */
const coordinate = (message: string, min: number, max: number) =>
  z
    .union([
      z.number(),
      z.string().transform((s) => Number(toAsciiDigits(s).replace('٫', '.').trim() || 'NaN')),
    ])
    .pipe(
      z
        .number({ error: message })
        .refine((n) => Number.isFinite(n) && n >= min && n <= max, message),
    )

export const officeFields = z.object({
  name: requiredText(msg.name, 200),
  address: requiredText(msg.address, 500),
  provinceCode: z
    .string({ error: msg.provinceRequired })
    .refine((s) => isProvinceCode(s), msg.provinceRequired),
  city: requiredText(msg.city, 100),
  postalCode: z.string({ error: msg.postalCodeInvalid }).transform((s, ctx) => {
    const code = normalizePostalCode(s)
    if (code === null) {
      ctx.addIssue({ code: 'custom', message: msg.postalCodeInvalid })
      return z.NEVER
    }
    return code
  }),
  lat: coordinate(msg.latInvalid, IRAN_BOUNDS.minLat, IRAN_BOUNDS.maxLat),
  lng: coordinate(msg.lngInvalid, IRAN_BOUNDS.minLng, IRAN_BOUNDS.maxLng),
  phones: z
    .array(optionalPhone(msg.phones))
    .max(5, msg.tooMany)
    .default([])
    .transform((list) => list.filter((p): p is string => p !== null)),
  email: optionalEmail(msg.email),
  accessibility: z
    .object({
      features: z
        .array(z.enum(ACCESSIBILITY_FEATURES))
        .max(ACCESSIBILITY_FEATURES.length)
        .default([]),
      notes: optionalText(msg.accessibilityNotes, 1000),
    })
    .default({ features: [], notes: null })
    .transform((a) => ({ features: [...new Set(a.features)], notes: a.notes })),
  hours: hoursSchema,
  exceptions: z.array(exceptionSchema).max(200, msg.tooMany).default([]),
  closures: z.array(closureSchema).max(100, msg.tooMany).default([]),
})

/** The fields plus the rules that join them. */
export const officeInput = officeFields
  .superRefine((v, ctx) => {
    if (Number.isFinite(v.lat) && Number.isFinite(v.lng) && !isInIran(v.lat, v.lng)) {
      const latOk = v.lat >= 25 && v.lat <= 39.8
      ctx.addIssue({
        code: 'custom',
        path: [latOk ? 'lng' : 'lat'],
        message: latOk ? msg.lngInvalid : msg.latInvalid,
      })
    }
    const days = new Set<string>()
    for (const [n, e] of v.exceptions.entries()) {
      if (days.has(e.day))
        ctx.addIssue({
          code: 'custom',
          path: ['exceptions', n, 'day'],
          message: msg.exceptionDuplicate,
        })
      days.add(e.day)
    }
  })
  .transform((v) => ({
    ...v,
    exceptions: v.exceptions
      .map((e): OfficeException => ({ day: e.day, intervals: e.hours, note: e.note }))
      .sort((a, b) => (a.day < b.day ? -1 : 1)),
    closures: v.closures
      .map((c): OfficeClosure => ({ from: c.from, to: c.to, reason: c.reason }))
      .sort((a, b) => (a.from < b.from ? -1 : 1)),
  }))

export type OfficeInput = z.output<typeof officeInput>
/** The body as sent (times as text). */
export type OfficeBody = z.input<typeof officeInput>

// ——— Stored rows (a boundary too: parsed, never cast) ———

const storedInterval = z.object({
  start: z.number().int().min(0).max(1440),
  end: z.number().int().min(0).max(1440),
})
export const storedHours = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(storedInterval).default([])])) as Record<
    Weekday,
    z.ZodDefault<z.ZodArray<typeof storedInterval>>
  >,
)
export const storedExceptions = z.array(
  z.object({ day: z.string(), intervals: z.array(storedInterval), note: z.string().nullable() }),
)
export const storedClosures = z.array(
  z.object({ from: z.string(), to: z.string(), reason: z.string() }),
)
export const storedAccessibility = z.object({
  features: z.array(z.enum(ACCESSIBILITY_FEATURES)),
  notes: z.string().nullable(),
})
export const storedPhones = z.array(z.string())

// ——— Back to the body shape (for the API, the edit form and exports) ———

const intervalsBody = (list: readonly Interval[]) =>
  list.map((i) => ({ start: timeText(i.start), end: timeText(i.end) }))

export function hoursBody(hours: WeeklyHours): Record<Weekday, { start: string; end: string }[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, intervalsBody(hours[d])])) as Record<
    Weekday,
    { start: string; end: string }[]
  >
}

export function exceptionsBody(list: readonly OfficeException[]) {
  return list.map((e) => ({ day: e.day, hours: intervalsBody(e.intervals), note: e.note }))
}

// ——— The admin form ———

/** Checkbox groups send several values; everything else one. */
export type FormFields = Record<string, string | string[]>

function one(fields: FormFields, name: string): string {
  const v = fields[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

function many(fields: FormFields, name: string): string[] {
  const v = fields[name]
  return Array.isArray(v) ? v : v ? [v] : []
}

export const PHONE_FIELDS = ['phone1', 'phone2', 'phone3'] as const

/**
 * The office form's flat fields → the body {@link officeInput} parses, with the errors that
 * belong to the form's own text syntax (the hours boxes). Exceptions and closures are kept
 * from `kept` (they have forms of their own).
 */
export function formToBody(
  fields: FormFields,
  kept: { exceptions: OfficeException[]; closures: OfficeClosure[] },
): { body: OfficeBody; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const hours: Record<string, { start: string; end: string }[]> = {}
  for (const d of WEEKDAYS) {
    const parsed = parseIntervals(one(fields, `hours-${d}`))
    if (parsed.ok) hours[d] = intervalsBody(parsed.intervals)
    else {
      hours[d] = []
      errors[`hours-${d}`] =
        parsed.reason === 'format'
          ? msg.hoursFormat
          : parsed.reason === 'order'
            ? msg.hoursOrder
            : msg.hoursOverlap
    }
  }
  return {
    body: {
      name: one(fields, 'name'),
      address: one(fields, 'address'),
      provinceCode: one(fields, 'provinceCode'),
      city: one(fields, 'city'),
      postalCode: one(fields, 'postalCode'),
      lat: one(fields, 'lat'),
      lng: one(fields, 'lng'),
      phones: PHONE_FIELDS.map((p) => one(fields, p)),
      email: one(fields, 'email'),
      accessibility: {
        features: many(fields, 'features').filter(isFeature),
        notes: one(fields, 'accessibilityNotes'),
      },
      hours: hours as OfficeBody['hours'],
      exceptions: exceptionsBody(kept.exceptions),
      closures: kept.closures.map((c) => ({ ...c })),
    },
    errors,
  }
}

function isFeature(s: string): s is (typeof ACCESSIBILITY_FEATURES)[number] {
  return (ACCESSIBILITY_FEATURES as readonly string[]).includes(s)
}

/** Zod's error paths → the form's field names (`phones.1` → `phone2`, `hours.sat` → `hours-sat`). */
export function formErrorKey(path: string): string {
  const phone = /^phones\.(\d)$/.exec(path)
  if (phone) return `phone${Number(phone[1]) + 1}`
  const hours = /^hours\.(\w{3})/.exec(path)
  if (hours) return `hours-${hours[1]}`
  if (path.startsWith('accessibility.notes')) return 'accessibilityNotes'
  if (path.startsWith('accessibility')) return 'features'
  return path
}

/** An office's values as the form shows them. */
export function officeFormValues(o: {
  name: string
  address: string
  provinceCode: string
  city: string
  postalCode: string
  lat: number
  lng: number
  phones: string[]
  email: string | null
  accessibility: { features: string[]; notes: string | null }
  hours: WeeklyHours
}): FormFields {
  const values: FormFields = {
    name: o.name,
    address: o.address,
    provinceCode: o.provinceCode,
    city: o.city,
    postalCode: o.postalCode,
    lat: String(o.lat),
    lng: String(o.lng),
    email: o.email ?? '',
    features: o.accessibility.features,
    accessibilityNotes: o.accessibility.notes ?? '',
  }
  PHONE_FIELDS.forEach((p, i) => {
    values[p] = o.phones[i] ?? ''
  })
  for (const d of WEEKDAYS) {
    values[`hours-${d}`] = o.hours[d]
      .map((i) => `${timeText(i.start)}-${timeText(i.end)}`)
      .join(', ')
  }
  return values
}

// ——— Exception and closure forms ———

function jalaliDay(fields: FormFields, prefix: string): string | null {
  const parsed = parseJalaliDateInput(
    one(fields, `${prefix}-year`),
    one(fields, `${prefix}-month`),
    one(fields, `${prefix}-day`),
  )
  return parsed.ok ? isoDayOfJalali(parsed.value.jy, parsed.value.jm, parsed.value.jd) : null
}

export function parseExceptionForm(
  fields: FormFields,
): { ok: true; exception: OfficeException } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const day = jalaliDay(fields, 'exDate')
  if (!day) errors['exDate-day'] = msg.dayInvalid
  const hours = parseIntervals(one(fields, 'exHours'))
  if (!hours.ok)
    errors.exHours =
      hours.reason === 'format'
        ? msg.hoursFormat
        : hours.reason === 'order'
          ? msg.hoursOrder
          : msg.hoursOverlap
  const note = normalizeFaInput(one(fields, 'exNote')).trim()
  if (note.length > 300) errors.exNote = `${msg.exceptionNote} بیش از ۳۰۰ نویسه است.`
  if (!day || !hours.ok || Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, exception: { day, intervals: hours.intervals, note: note || null } }
}

export function parseClosureForm(
  fields: FormFields,
): { ok: true; closure: OfficeClosure } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const from = jalaliDay(fields, 'clFrom')
  const to = jalaliDay(fields, 'clTo')
  if (!from) errors['clFrom-day'] = msg.dayInvalid
  if (!to) errors['clTo-day'] = msg.dayInvalid
  if (from && to && to < from) errors['clTo-day'] = msg.closureRange
  const reason = normalizeFaInput(one(fields, 'clReason')).trim()
  if (!reason) errors.clReason = msg.reasonRequired
  else if (reason.length > 300) errors.clReason = `${msg.closureReason} بیش از ۳۰۰ نویسه است.`
  if (!from || !to || Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, closure: { from, to, reason } }
}

/** An office as the body that would create it (times as text). */
export function bodyOf(o: Office) {
  return {
    name: o.name,
    address: o.address,
    provinceCode: o.provinceCode,
    city: o.city,
    postalCode: o.postalCode,
    lat: o.lat,
    lng: o.lng,
    phones: o.phones,
    email: o.email,
    accessibility: o.accessibility,
    hours: hoursBody(o.hours),
    exceptions: exceptionsBody(o.exceptions),
    closures: o.closures.map((c) => ({ ...c })),
  }
}
