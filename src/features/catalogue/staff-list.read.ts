import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import { findAgencyByCode, findAgencyById, listAgencyBriefs } from '../agencies/index.ts'
import type { Service, ServiceStatus, ServiceVersion } from '../services/index.ts'
import {
  type AgencyServiceRow,
  canEditServicesOf,
  editorMsg as em,
  listAgencyServices,
} from '../services/index.ts'
import { qualityIssues } from './service.quality.ts'
import type { AdminListView, AdminServiceRow } from './views/staff-list.ts'

/** The tags a service carries on the staff pages: published, draft, withdrawn. */
export function statusesOf(
  service: Service,
  published: ServiceVersion | undefined,
  draft: ServiceVersion | undefined,
): ServiceStatus[] {
  const statuses: ServiceStatus[] = []
  if (published) statuses.push('published')
  if (draft) statuses.push('draft')
  if (service.withdrawnAt) statuses.push('withdrawn')
  return statuses
}

function listRow(r: AgencyServiceRow): AdminServiceRow {
  const latest = r.draft ?? r.published
  const times = [r.service.createdAt, r.draft?.updatedAt, r.published?.publishedAt].filter(
    (d): d is Date => d instanceof Date,
  )
  return {
    id: r.service.id,
    title: latest?.content.title ?? '',
    statuses: statusesOf(r.service, r.published, r.draft),
    versionNo: latest?.versionNo ?? 1,
    changedAt: new Date(Math.max(...times.map((d) => d.getTime()))),
    issueCount: r.draft ? qualityIssues(r.draft.content).length : null,
  }
}

async function agencyRows(deps: Deps, agencyId: string): Promise<AdminServiceRow[]> {
  const rows = (await listAgencyServices(deps.db, agencyId)).map(listRow)
  return rows
    .map((r) => ({ r, key: persianSortKey(r.title) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r)
}

/**
 * The staff list at /admin/services: central staff pick an agency (`code`) and read its
 * list; agency staff see their own agency's (`own`, where the `?done=` banner shows).
 */
export async function loadStaffList(
  deps: Deps,
  actor: Actor,
  code: string,
): Promise<{ view: AdminListView; own: boolean }> {
  if (isCentral(actor)) {
    const choices = (await listAgencyBriefs(deps.db)).map((a) => ({
      code: a.code,
      nameFa: a.nameFa,
    }))
    const agency = code ? await findAgencyByCode(deps.db, code) : undefined
    if (code && !agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
    return {
      own: false,
      view: {
        heading: agency ? em.listTitleOf(agency.nameFa) : em.listTitle,
        rows: agency ? await agencyRows(deps, agency.id) : [],
        canCreate: false,
        readOnly: true,
        agencyPicker: { choices, selected: agency?.code ?? '' },
      },
    }
  }
  const agency = actor.agencyId ? await findAgencyById(deps.db, actor.agencyId) : undefined
  if (!agency || (code && code !== agency.code))
    throw new ForbiddenError('services.view', em.forbiddenView)
  return {
    own: true,
    view: {
      heading: em.listTitleOf(agency.nameFa),
      rows: await agencyRows(deps, agency.id),
      canCreate: canEditServicesOf(actor, agency.id),
      readOnly: false,
      agencyPicker: null,
    },
  }
}
