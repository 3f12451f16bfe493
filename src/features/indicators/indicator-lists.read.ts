import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { type JalaliDate, tehranDateOf } from '../../lib/fa/index.ts'
import { findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { canProposeFor } from './indicator.policy.ts'
import { type IndicatorListRow, listIndicators } from './indicator.queries.ts'
import { deadlineAgencies } from './indicator-pages.queries.ts'
import { pagesMsg as msg } from './pages.messages.fa.ts'
import { isoDayOf } from './period.ts'
import { proposalStanding } from './proposal-deadline.ts'
import type { BoardRow, CentralView, QueueRow } from './views/central-page.ts'
import type { AgencyListView, IndicatorRow } from './views/indicator-lists.ts'

/** Days from one Tehran day to another. */
export function daysBetween(from: JalaliDate, to: JalaliDate): number {
  return Math.round(
    (Date.parse(`${isoDayOf(to)}T00:00:00Z`) - Date.parse(`${isoDayOf(from)}T00:00:00Z`)) /
      86_400_000,
  )
}

function rowOf(r: IndicatorListRow): IndicatorRow {
  return {
    code: r.indicator.code,
    nameFa: (r.approved ?? r.open ?? r.latest).nameFa,
    kind: r.indicator.kind,
    inForce: r.approved
      ? { versionNo: r.approved.versionNo, unit: r.approved.unit, targets: r.approved.targets }
      : null,
    open: r.open ? { versionNo: r.open.versionNo, state: r.open.state } : null,
    latestState: r.latest.state,
  }
}

/** One agency's indicators (its specific ones, then the general ones that apply to it). */
async function agencyList(
  deps: Deps,
  actor: Actor,
  agency: { id: string; nameFa: string },
): Promise<AgencyListView> {
  const rows = await listIndicators(deps.db, { agencyId: agency.id, withGeneral: true })
  return {
    title: msg.agencyTitleOf(agency.nameFa),
    backToCentral: isCentral(actor),
    canPropose: canProposeFor(actor, { kind: 'specific', agencyId: agency.id }),
    specific: rows.filter((r) => r.indicator.kind === 'specific').map(rowOf),
    general: rows.filter((r) => r.indicator.kind === 'general').map(rowOf),
  }
}

const STANDING_ORDER = { overdue: 0, waiting: 1, proposed: 2, 'no-credentials': 3 } as const

/** The centre's overview: the queue oldest first, the deadline board, the general indicators. */
async function centralView(deps: Deps): Promise<CentralView> {
  const now = deps.clock.now()
  const today = tehranDateOf(now)
  const [rows, agencies, settings] = await Promise.all([
    listIndicators(deps.db, {}),
    deadlineAgencies(deps.db),
    loadPortalSettings(deps.db),
  ])
  const queue: QueueRow[] = rows
    .flatMap((r) =>
      r.open?.state === 'submitted' && r.open.submittedAt
        ? [
            {
              code: r.indicator.code,
              nameFa: r.open.nameFa,
              versionNo: r.open.versionNo,
              agencyNameFa: r.agencyNameFa,
              submittedAt: r.open.submittedAt,
              waitingDays: Math.max(0, daysBetween(tehranDateOf(r.open.submittedAt), today)),
            },
          ]
        : [],
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
  const counts = new Map<string, { approved: number; waiting: number; other: number }>()
  for (const r of rows) {
    if (r.indicator.agencyId === null) continue
    const c = counts.get(r.indicator.agencyId) ?? { approved: 0, waiting: 0, other: 0 }
    if (r.approved) c.approved++
    else if (r.open?.state === 'submitted') c.waiting++
    else c.other++
    counts.set(r.indicator.agencyId, c)
  }
  const board: BoardRow[] = agencies
    .map((a) => {
      const standing = proposalStanding(settings.directiveDate, a, now)
      return {
        code: a.code,
        nameFa: a.nameFa,
        standing,
        lateDays:
          standing.kind === 'proposed' && standing.late
            ? daysBetween(standing.deadline, tehranDateOf(standing.firstSubmittedAt))
            : 0,
        ...(counts.get(a.id) ?? { approved: 0, waiting: 0, other: 0 }),
      }
    })
    .sort((a, b) => {
      const s = STANDING_ORDER[a.standing.kind] - STANDING_ORDER[b.standing.kind]
      if (s !== 0) return s
      if (a.standing.kind === 'overdue' && b.standing.kind === 'overdue')
        return b.standing.daysLate - a.standing.daysLate
      if (a.standing.kind === 'waiting' && b.standing.kind === 'waiting')
        return a.standing.daysLeft - b.standing.daysLeft
      return b.lateDays - a.lateDays
    })
  return {
    queue,
    board,
    general: rows.filter((r) => r.indicator.kind === 'general').map(rowOf),
  }
}

export type StaffListPage =
  | { kind: 'agency'; view: AgencyListView }
  | { kind: 'central'; view: CentralView }

/**
 * `/admin/indicators`: the centre's overview (or, with `?agency=<code>`, one agency's list);
 * for agency staff, their agency's list.
 */
export async function loadStaffList(
  deps: Deps,
  actor: Actor,
  agencyCode: string | undefined,
): Promise<StaffListPage> {
  if (isCentral(actor)) {
    if (!agencyCode) return { kind: 'central', view: await centralView(deps) }
    const agency = /^[0-9A-Za-z-]{1,40}$/.test(agencyCode)
      ? await findAgencyByCode(deps.db, agencyCode)
      : undefined
    if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
    return { kind: 'agency', view: await agencyList(deps, actor, agency) }
  }
  if (!actor.agencyId) throw new ForbiddenError('indicators.see', msg.proposerOnly)
  const agency = await findAgencyById(deps.db, actor.agencyId)
  if (!agency) throw new ForbiddenError('indicators.see', msg.proposerOnly)
  return { kind: 'agency', view: await agencyList(deps, actor, agency) }
}
