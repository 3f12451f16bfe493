import type { Deps } from '../../deps.ts'
import { LEVEL_LABELS } from '../agencies/index.ts'
import { listPublishedServicesUnderAgency } from './agency-services.queries.ts'
import type { AgencyServicesView } from './views/agency-services.ts'

/** How many services of each agency the agency page lists; the rest are a link away. */
export const SERVICES_PER_AGENCY = 20

/**
 * The agency page's services section (issue 17 item 4): the agency's own published services,
 * then each subordinate agency's, grouped under it in hierarchy order, with their counts.
 */
export async function loadAgencyServices(
  deps: Pick<Deps, 'db'>,
  agency: { id: string; code: string },
): Promise<AgencyServicesView> {
  const rows = await listPublishedServicesUnderAgency(deps.db, agency.id, SERVICES_PER_AGENCY)
  const groups: AgencyServicesView['groups'] = []
  for (const r of rows) {
    let group = groups.at(-1)
    if (group?.code !== r.agencyCode) {
      group = {
        code: r.agencyCode,
        nameFa: r.agencyNameFa,
        levelLabel: LEVEL_LABELS[r.agencyLevel],
        own: r.depth === 0,
        total: r.agencyTotal,
        items: [],
        moreHref: r.agencyTotal > SERVICES_PER_AGENCY ? `/services?agency=${r.agencyCode}` : null,
      }
      groups.push(group)
    }
    group.items.push({ slug: r.slug, title: r.title, summary: r.summary })
  }
  const ownTotal = groups.find((g) => g.own)?.total ?? 0
  const total = groups.reduce((n, g) => n + g.total, 0)
  return { agencyCode: agency.code, total, ownTotal, groups }
}
