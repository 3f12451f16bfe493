import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import { formatNumberFa } from '../../lib/fa/digits.ts'
import type { Html } from '../../web/ui/index.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import { listPublishedLevels } from './channel.queries.ts'
import {
  type BrokenLink,
  countBrokenLinksByAgency,
  countUncheckedLinks,
  listBrokenLinks,
} from './link-checks.queries.ts'
import { OFFLINE_RESULT } from './link-health.ts'
import { type MaturityLevel, summarizeMaturity } from './maturity.model.ts'
import { agencyChannelsPanel, centralChannelsPanel } from './views/dashboard.ts'

/**
 * What an agency is told about a link that failed, whatever the reason. The reason (refused as
 * non-public, connection refused, timed out, HTTP status…) would tell whoever typed the link
 * what answers at an address, so an agency could map the portal's network through its own
 * links (issue 11 item 2); it stays in the table and the log for the portal's operators.
 */
export const AGENCY_LINK_RESULT = 'در دسترس نیست'

/** A broken link as an agency may see it: no HTTP status, no reason; form files unchanged. */
export function forAgency(b: BrokenLink): BrokenLink {
  return b.targetKind === 'url' ? { ...b, httpStatus: null, error: AGENCY_LINK_RESULT } : b
}

function offlineNotice(unchecked: number): Html {
  return html`<p class="mr-body" id="links-offline">پیوندهای وب در این نصب از راه شبکه بررسی نمی‌شوند؛ نتیجهٔ ${formatNumberFa(unchecked)} پیوند خدمات شما «${OFFLINE_RESULT}» است. پرونده‌های فرم بررسی می‌شوند.</p>`
}

/** The agency dashboard's panel: its broken links and its services' maturity levels. */
export async function agencyDashboardPanel(
  deps: Pick<Deps, 'db'>,
  agencyId: string,
): Promise<Html> {
  const [broken, unchecked, levels] = await Promise.all([
    listBrokenLinks(deps.db, agencyId),
    countUncheckedLinks(deps.db, agencyId),
    listPublishedLevels(deps.db, agencyId),
  ])
  const panel = agencyChannelsPanel({
    broken: broken.map(forAgency),
    maturity: summarizeMaturity(levels.map((l) => l.level)),
  })
  return unchecked > 0 ? html`${offlineNotice(unchecked)}${panel}` : panel
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
