import type { Deps } from '../../deps.ts'
import { type Agency, findAgencyById, listAgencyAncestry } from '../agencies/index.ts'
import { findOfficesByIds } from '../offices/index.ts'
import type { CpsvInput, ServiceWithVersion } from '../services/index.ts'

/** The input of the CPSV-AP and schema.org exports. */
export async function cpsvInputOf(deps: Deps, s: ServiceWithVersion): Promise<CpsvInput> {
  const ancestry = await listAgencyAncestry(deps.db, s.agency.id)
  const parents = await Promise.all(ancestry.slice(0, -1).map((a) => findAgencyById(deps.db, a.id)))
  const linked = s.version.content.offices.map((l) => l.officeId)
  const offices = await findOfficesByIds(deps.db, linked)
  return {
    baseUrl: deps.config.publicUrl,
    service: { id: s.service.id, slug: s.service.slug },
    version: {
      versionNo: s.version.versionNo,
      content: s.version.content,
      publishedAt: s.version.publishedAt ?? s.version.updatedAt,
    },
    agency: s.agency,
    parentAgencies: parents.filter((p): p is Agency => p !== undefined),
    laws: [...s.laws.values()],
    // The agency's own offices that deliver the service, in the card's order (physical channels).
    offices: offices
      .filter((o) => o.agencyId === s.agency.id)
      .sort((a, b) => linked.indexOf(a.id) - linked.indexOf(b.id)),
  }
}
