import type { Deps } from '../../deps.ts'
import { type Agency, listAgencyAncestryRows } from '../agencies/index.ts'
import { findOfficesByIds, type Office } from '../offices/index.ts'
import type { ServiceWithVersion } from '../services/index.ts'
import type { CpsvInput } from './interop/cpsv-ap.ts'

/**
 * The input of the CPSV-AP and schema.org exports from what is already loaded: the agency's
 * ancestry from the top-level agency down to (and including) the service's agency, and the
 * offices found among those the version links to (in any order).
 */
export function cpsvInputFrom(
  baseUrl: string,
  s: ServiceWithVersion,
  ancestry: readonly Agency[],
  found: readonly Office[],
): CpsvInput {
  const linked = s.version.content.offices.map((l) => l.officeId)
  return {
    baseUrl,
    service: { id: s.service.id, slug: s.service.slug },
    version: {
      versionNo: s.version.versionNo,
      content: s.version.content,
      publishedAt: s.version.publishedAt ?? s.version.updatedAt,
    },
    agency: s.agency,
    parentAgencies: ancestry.slice(0, -1),
    laws: [...s.laws.values()],
    // The agency's own offices that deliver the service, in the card's order (physical channels).
    offices: found
      .filter((o) => o.agencyId === s.agency.id && linked.includes(o.id))
      .sort((a, b) => linked.indexOf(a.id) - linked.indexOf(b.id)),
  }
}

/** The input of the CPSV-AP and schema.org exports: two reads (the ancestry, the offices). */
export async function cpsvInputOf(deps: Deps, s: ServiceWithVersion): Promise<CpsvInput> {
  const [ancestry, found] = await Promise.all([
    listAgencyAncestryRows(deps.db, s.agency.id),
    findOfficesByIds(
      deps.db,
      s.version.content.offices.map((l) => l.officeId),
    ),
  ])
  return cpsvInputFrom(deps.config.publicUrl, s, ancestry, found)
}
