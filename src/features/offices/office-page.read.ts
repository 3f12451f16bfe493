import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { endOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { tehranIsoDay } from '../../lib/working-calendar.ts'
import { findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import { CALENDAR_CACHE_TAG } from '../calendar/index.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'
import { msg } from './messages.fa.ts'
import { agencyOfficesCacheTag, officeCacheTag } from './office.actions.ts'
import { canManageOfficesOf } from './office.policy.ts'
import { officeCard, weeklyRows } from './office.present.ts'
import { findOfficeById, listAgencyOffices, listVersionsLinkingOffice } from './office.queries.ts'
import { calendarAround, filtered, parseOfficeFilter } from './office.read.ts'
import { closureRows, exceptionRows } from './office-days.present.ts'
import { earliestChange } from './open-now.ts'
import type { AgencyOfficesView, OfficePageView } from './views/public.ts'

/** An office id in a path: a UUID (anything else cannot exist, and must not reach SQL). */
export const OFFICE_ID =
  '{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}'

/** A public page's view model with its cache tags and when it goes stale (ms since the epoch). */
export interface LoadedOfficesPage<View> {
  view: View
  tags: string[]
  expiresAt: number
}

function soonest(...times: (number | null | undefined)[]): number {
  return Math.min(...times.filter((t): t is number => typeof t === 'number'))
}

/**
 * `/agencies/:code/offices`: the agency's offices filtered by province and city, cached until
 * the next opening or closing of any of them, or the end of the Tehran day.
 */
export async function loadAgencyOffices(
  deps: Deps,
  code: string,
  query: { province?: string | undefined; city?: string | undefined },
  now: Date,
): Promise<LoadedOfficesPage<AgencyOfficesView>> {
  const agency = await findAgencyByCode(deps.db, code)
  if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
  const offices = await listAgencyOffices(deps.db, agency.id)
  const cal = await calendarAround(deps, now)
  const filter = parseOfficeFilter(query.province, query.city)
  const f = filtered(offices, cal, now, filter, `/agencies/${agency.code}/offices`)
  return {
    view: { agency, offices: f.cards, total: offices.length, filter: f.filter },
    tags: [
      agencyOfficesCacheTag(agency.id),
      CALENDAR_CACHE_TAG,
      ...offices.map((o) => officeCacheTag(o.id)),
    ],
    // Until the next opening or closing of an office shown, or the end of the Tehran day.
    expiresAt: soonest(
      earliestChange(f.statuses)?.getTime() ?? null,
      endOfTehranDay(now).getTime(),
    ),
  }
}

/**
 * `/offices/:id`: one office with its weekly hours, the exceptions and closures still to come
 * and the published services it serves; cached until it opens or closes, or the day ends.
 */
export async function loadOfficePage(
  deps: Deps,
  id: string,
  actor: Actor | null,
  now: Date,
): Promise<LoadedOfficesPage<OfficePageView>> {
  const office = await findOfficeById(deps.db, id)
  if (!office) throw new NotFoundError('office.not-found', msg.notFound)
  const agency = await findAgencyById(deps.db, office.agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
  const cal = await calendarAround(deps, now)
  const { card, status } = officeCard(office, cal, now)
  const today = tehranIsoDay(now)
  const services = (await listVersionsLinkingOffice(deps.db, office.id, ['published'])).filter(
    (s) => !s.withdrawn,
  )
  return {
    view: {
      office: card,
      agency,
      weekly: weeklyRows(office),
      exceptions: exceptionRows(
        office,
        cal,
        office.exceptions.filter((e) => e.day >= today),
      ),
      closures: closureRows(office.closures.filter((cl) => cl.to >= today)),
      services: services.map((s) => ({ slug: s.slug, title: s.title })),
      canEdit: canManageOfficesOf(actor, office.agencyId),
    },
    // Publishing any service may add this office to it: the catalogue tag covers that.
    tags: [officeCacheTag(id), CATALOGUE_CACHE_TAG, CALENDAR_CACHE_TAG],
    expiresAt: soonest(status.nextChange?.getTime() ?? null, endOfTehranDay(now).getTime()),
  }
}
