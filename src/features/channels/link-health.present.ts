import type { Deps } from '../../deps.ts'
import type { Html } from '../../web/ui/index.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import { listPublishedLevels } from './channel.queries.ts'
import { countBrokenLinksByAgency, listBrokenLinks } from './link-checks.queries.ts'
import { type MaturityLevel, summarizeMaturity } from './maturity.model.ts'
import { agencyChannelsPanel, centralChannelsPanel } from './views/dashboard.ts'

/** The agency dashboard's panel: its broken links and its services' maturity levels. */
export async function agencyDashboardPanel(
  deps: Pick<Deps, 'db'>,
  agencyId: string,
): Promise<Html> {
  const [broken, levels] = await Promise.all([
    listBrokenLinks(deps.db, agencyId),
    listPublishedLevels(deps.db, agencyId),
  ])
  return agencyChannelsPanel({ broken, maturity: summarizeMaturity(levels.map((l) => l.level)) })
}

/** The central dashboard's panel: broken links and average maturity per agency. */
export async function centralDashboardPanel(deps: Pick<Deps, 'db'>): Promise<Html> {
  const [agencies, broken, levels] = await Promise.all([
    listAgencyBriefs(deps.db),
    countBrokenLinksByAgency(deps.db),
    listPublishedLevels(deps.db),
  ])
  const byAgency = new Map<string, MaturityLevel[]>()
  for (const l of levels) byAgency.set(l.agencyId, [...(byAgency.get(l.agencyId) ?? []), l.level])
  return centralChannelsPanel(
    agencies.map((a) => ({
      code: a.code,
      nameFa: a.nameFa,
      broken: broken.get(a.id) ?? 0,
      maturity: summarizeMaturity(byAgency.get(a.id) ?? []),
    })),
  )
}
