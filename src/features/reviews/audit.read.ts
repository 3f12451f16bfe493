import type { Deps } from '../../deps.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import { countByState, servicesWithClock } from '../services/index.ts'
import { type Quarter, quarterKey, quarterRange } from './audit.model.ts'
import { findSample, unchangedReviewsIn } from './audit.queries.ts'
import type { AgencyReviewCounts, AgencySort } from './views/agency-counts-page.ts'
import type { AuditView } from './views/audit-page.ts'

async function agencyNames(deps: Deps): Promise<Map<string, { code: string; name: string }>> {
  const items = await listAgencyBriefs(deps.db)
  return new Map(items.map((a) => [a.id, { code: a.code, name: a.nameFa }]))
}

export function quarterLabel(q: Quarter): string {
  return `فصل ${['نخست', 'دوم', 'سوم', 'چهارم'][q.q - 1]} ${toPersianDigits(q.jy)}`
}

export async function loadAuditView(
  deps: Deps,
  quarter: Quarter,
): Promise<Omit<AuditView, 'csrfToken'>> {
  const key = quarterKey(quarter)
  const { from, to } = quarterRange(quarter)
  const [population, sample, names] = await Promise.all([
    unchangedReviewsIn(deps.db, from, to),
    findSample(deps.db, key),
    agencyNames(deps),
  ])
  return {
    quarter: key,
    quarterLabel: quarterLabel(quarter),
    population: population.length,
    sample: !sample
      ? null
      : {
          seed: sample.seed,
          size: sample.size,
          population: sample.population,
          drawnAt: sample.drawnAt,
          rows: population
            .filter((r) => r.auditStatus !== null)
            .map((r) => ({ ...r, agencyName: names.get(r.agencyId)?.name ?? '' })),
        },
  }
}

/** Per agency with public services: how many are due soon, due, overdue, escalated. */
export async function loadAgencyCounts(
  deps: Deps,
  sort: AgencySort,
): Promise<AgencyReviewCounts[]> {
  const [services, names] = await Promise.all([servicesWithClock(deps, null), agencyNames(deps)])
  const byAgency = new Map<string, typeof services>()
  for (const s of services) byAgency.set(s.agencyId, [...(byAgency.get(s.agencyId) ?? []), s])
  const rows = [...byAgency.entries()].map(([agencyId, list]) => {
    const c = countByState(list)
    const a = names.get(agencyId)
    return {
      agencyId,
      code: a?.code ?? '',
      name: a?.name ?? '',
      services: list.length,
      dueSoon: c.due_soon,
      due: c.due,
      overdue: c.overdue,
      escalated: c.escalated,
    }
  })
  const by: Record<AgencySort, (a: AgencyReviewCounts, b: AgencyReviewCounts) => number> = {
    overdue: (a, b) => b.overdue + b.escalated - (a.overdue + a.escalated),
    due_soon: (a, b) => b.dueSoon + b.due - (a.dueSoon + a.due),
    services: (a, b) => b.services - a.services,
    name: (a, b) => a.name.localeCompare(b.name, 'fa'),
  }
  return rows.sort((a, b) => by[sort](a, b) || a.code.localeCompare(b.code))
}
