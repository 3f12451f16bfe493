import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAgencyById } from '../agencies/index.ts'
import { loadPublishedById } from '../services/index.ts'
import { msg } from './messages.fa.ts'
import type { OfficeJson, officeListJson, serviceOfficeListJson } from './office.api.schemas.ts'
import { bodyOf } from './office.input.ts'
import { type Office, osmUrl, timeText } from './office.model.ts'
import { findOfficeById, findOfficesByIds, listAgencyOffices } from './office.queries.ts'
import { calendarAround } from './office.read.ts'
import { openStatus } from './open-now.ts'

/** The offices API's answers, loaded and presented, for its route modules. */

/** An office in the API's shape, with its open-now status at `now`. */
function present(o: Office, cal: Parameters<typeof openStatus>[1], now: Date): OfficeJson {
  const s = openStatus(o, cal, now)
  return {
    id: o.id,
    agencyId: o.agencyId,
    ...bodyOf(o),
    mapUrl: osmUrl(o.lat, o.lng),
    openNow: {
      open: s.open,
      today: {
        day: s.today.day,
        kind: s.today.kind,
        hours: s.today.intervals.map((i) => ({ start: timeText(i.start), end: timeText(i.end) })),
        note: s.today.note,
      },
      nextOpen: s.nextOpen?.toISOString() ?? null,
      nextClose: s.nextClose?.toISOString() ?? null,
    },
  }
}

async function presentAll(deps: Deps, offices: Office[]): Promise<OfficeJson[]> {
  const now = deps.clock.now()
  const cal = await calendarAround(deps, now)
  return offices.map((o) => present(o, cal, now))
}

/** One office as the API shows it, open or closed now. */
export async function presentOffice(deps: Deps, office: Office): Promise<OfficeJson> {
  const now = deps.clock.now()
  return present(office, await calendarAround(deps, now), now)
}

/** GET /agencies/{id}/offices. */
export async function agencyOfficesBody(
  deps: Deps,
  agencyId: string,
): Promise<z.infer<typeof officeListJson>> {
  const agency = await findAgencyById(deps.db, agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
  return { items: await presentAll(deps, await listAgencyOffices(deps.db, agency.id)) }
}

/** GET /offices/{id}. */
export async function officeBody(deps: Deps, id: string): Promise<OfficeJson> {
  const office = await findOfficeById(deps.db, id)
  if (!office) throw new NotFoundError('office.not-found', msg.notFound)
  return presentOffice(deps, office)
}

/** GET /services/{id}/offices: the published version's offices, in the card's order. */
export async function serviceOfficesBody(
  deps: Deps,
  serviceId: string,
): Promise<z.infer<typeof serviceOfficeListJson>> {
  const { version } = await loadPublishedById(deps.db, serviceId)
  const links = version.content.offices
  const offices = await findOfficesByIds(
    deps.db,
    links.map((l) => l.officeId),
  )
  const presented = new Map((await presentAll(deps, offices)).map((o) => [o.id, o]))
  const items = links.flatMap((l) => {
    const office = presented.get(l.officeId)
    return office ? [{ note: l.note, office }] : []
  })
  return { items }
}
