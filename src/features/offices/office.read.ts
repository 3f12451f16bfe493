import type { Deps } from '../../deps.ts'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import { addCalendarDays, tehranIsoDay, type WorkingCalendar } from '../../lib/working-calendar.ts'
import { loadWorkingCalendar } from '../calendar/index.ts'
import { officeCacheTag } from './office.actions.ts'
import type { Office } from './office.model.ts'
import { type OfficeCard, officeCard } from './office.present.ts'
import { findOfficesByIds } from './office.queries.ts'
import { earliestChange, LOOK_AHEAD_DAYS, type OpenStatus } from './open-now.ts'
import type { OfficeFilterView, ServiceOfficesView } from './views/public.ts'

/** A service's link to an office (the shape of `ServiceContent['offices']`). */
export interface OfficeLink {
  officeId: string
  note: string | null
}

/** The days of the working calendar open-now reads: from yesterday to the next opening. */
export function officeCalendarDays(now: Date): { from: string; to: string } {
  const today = tehranIsoDay(now)
  return { from: addCalendarDays(today, -1), to: addCalendarDays(today, LOOK_AHEAD_DAYS + 1) }
}

/** The working calendar around today, far enough ahead for the next opening. */
export function calendarAround(deps: Pick<Deps, 'db'>, now: Date): Promise<WorkingCalendar> {
  const days = officeCalendarDays(now)
  return loadWorkingCalendar(deps, days.from, days.to)
}

/** A province/city filter from query parameters; unknown values mean "all". */
export function parseOfficeFilter(
  province: string | undefined,
  city: string | undefined,
): { province: string; city: string } {
  const p = (province ?? '').trim()
  return { province: isProvinceCode(p) ? p : '', city: (city ?? '').trim().slice(0, 100) }
}

/** The offices' cards after the filter, and the filter form's choices (from all of them). */
export function filtered(
  offices: Office[],
  cal: WorkingCalendar,
  now: Date,
  filter: { province: string; city: string },
  action: string,
  notes: Map<string, string | null> = new Map(),
): { cards: OfficeCard[]; statuses: OpenStatus[]; filter: OfficeFilterView } {
  const provinces = [...new Set(offices.map((o) => o.provinceCode))]
  const inProvince = filter.province
    ? offices.filter((o) => o.provinceCode === filter.province)
    : offices
  const cities = [...new Set(inProvince.map((o) => o.city))].sort((a, b) =>
    a.localeCompare(b, 'fa'),
  )
  const shown = filter.city ? inProvince.filter((o) => o.city === filter.city) : inProvince
  // Each office's card once (open-now is the costly part): the statuses come from all of them.
  const made = new Map(offices.map((o) => [o, officeCard(o, cal, now, notes.get(o.id) ?? null)]))
  return {
    cards: shown.flatMap((o) => made.get(o)?.card ?? []),
    // Every office's transitions count for the cache, shown or not: always safe.
    statuses: [...made.values()].map((m) => m.status),
    filter: { action, province: filter.province, city: filter.city, provinces, cities },
  }
}

/** The linked offices that still exist, in the card's order. */
export function linkedOffices(links: readonly OfficeLink[], found: readonly Office[]): Office[] {
  const byId = new Map(found.map((o) => [o.id, o]))
  return links.map((l) => byId.get(l.officeId)).filter((o): o is Office => o !== undefined)
}

/** What a service page's offices section is: its view, cache tags and when it goes stale. */
export interface ServiceOfficesSection {
  view: ServiceOfficesView | null
  /** One per linked office, found or not. */
  tags: string[]
  /** The next opening or closing of any linked office (ms), or null when none is known. */
  expiresAt: number | null
}

/**
 * The offices section of a service page from what is already loaded: the offices found among
 * the linked ones (any order) and the working calendar over {@link officeCalendarDays} (or
 * wider), which may be null when no linked office was found.
 */
export function serviceOfficesSectionOf(
  links: readonly OfficeLink[],
  found: readonly Office[],
  cal: WorkingCalendar | null,
  query: { province?: string | undefined; city?: string | undefined },
  action: string,
  now: Date,
): ServiceOfficesSection {
  const tags = links.map((l) => officeCacheTag(l.officeId))
  const offices = linkedOffices(links, found)
  if (offices.length === 0) return { view: null, tags, expiresAt: null }
  if (!cal) throw new Error('the offices section needs the working calendar')
  const notes = new Map(links.map((l) => [l.officeId, l.note]))
  const f = filtered(
    offices,
    cal,
    now,
    parseOfficeFilter(query.province, query.city),
    action,
    notes,
  )
  return {
    view: { offices: f.cards, total: offices.length, filter: f.filter },
    tags,
    expiresAt: earliestChange(f.statuses)?.getTime() ?? null,
  }
}

/**
 * The offices section of a service page: the linked offices that still exist, in the card's
 * order, filtered by province and city; the page's cache tags (one per linked office) and the
 * instant the section goes stale (the next opening or closing of any of them).
 */
export async function loadServiceOffices(
  deps: Pick<Deps, 'db'>,
  links: readonly OfficeLink[],
  query: { province?: string | undefined; city?: string | undefined },
  action: string,
  now: Date,
): Promise<ServiceOfficesSection> {
  const found = await findOfficesByIds(
    deps.db,
    links.map((l) => l.officeId),
  )
  const cal = linkedOffices(links, found).length > 0 ? await calendarAround(deps, now) : null
  return serviceOfficesSectionOf(links, found, cal, query, action, now)
}
