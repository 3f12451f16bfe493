import type { Deps } from '../../deps.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import { endOfTehranDay, startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { AGENCIES_CACHE_TAG } from '../agencies/index.ts'
import {
  type ComputedValue,
  computeGeneralIndicators,
  GENERAL_KEYS,
  proposalStanding,
} from '../indicators/index.ts'
import { CATALOGUE_CACHE_TAG, servicesWithClock } from '../services/index.ts'
import { loadPortalSettings, REVIEW_POLICY_CACHE_TAG } from '../settings/index.ts'
import {
  type ComplianceFilter,
  type ComplianceRow,
  INTEGRATION_DAYS,
  matches,
  peerGroupOf,
} from './compliance.model.ts'
import { firstProposals, integrationCounts, listBoardAgencies } from './compliance.queries.ts'

const DAY_MS = 86_400_000

export interface ComplianceBoard {
  /** When the figures were counted. */
  asOf: Date
  rows: ComplianceRow[]
  /** All agencies before the filter, for «n از N» in the summary. */
  total: number
}

/** What a cached board page carries: it is dropped when the catalogue, agencies or policy change. */
export const COMPLIANCE_CACHE_TAGS = [
  CATALOGUE_CACHE_TAG,
  AGENCIES_CACHE_TAG,
  REVIEW_POLICY_CACHE_TAG,
] as const

/**
 * Sign-ins, transactions and proposals do not drop the page: it is recounted at the end of the
 * Tehran day at the latest, and says when it was counted.
 */
export function complianceExpiry(asOf: Date): number {
  return endOfTehranDay(asOf).getTime()
}

function byAgency(values: ComputedValue[] | undefined): Map<string, ComputedValue> {
  return new Map((values ?? []).map((v) => [v.agencyId, v]))
}

/**
 * Every agency's row. A bounded number of statements whatever the number of agencies: the
 * agencies with their first sign-in (3), the general indicators' card figures (their own fixed
 * set, run for today only), the review clocks of all public services (1 and the settings), the
 * first proposals (1) and the transaction counts (1).
 */
async function countBoard(deps: Pick<Deps, 'db' | 'clock'>): Promise<AllRows> {
  const now = deps.clock.now()
  const today = tehranDateOf(now)
  const period = { from: startOfTehranDay(today.jy, today.jm, today.jd), to: endOfTehranDay(now) }
  const since = new Date(now.getTime() - INTEGRATION_DAYS * DAY_MS)
  // One repeatable-read transaction: every column is counted from the same snapshot.
  const read = await deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      agencies: await listBoardAgencies(trx),
      general: await computeGeneralIndicators(trx, period, now),
      clocks: await servicesWithClock({ db: trx, clock: deps.clock }, null),
      proposals: await firstProposals(trx),
      integration: await integrationCounts(trx, since),
      settings: await loadPortalSettings(trx),
    }))
  const { agencies, general, clocks, proposals, integration, settings } = read
  const complete = byAgency(general.get(GENERAL_KEYS.cardComplete))
  const stages = byAgency(general.get(GENERAL_KEYS.electronicStages))
  const firstProposal = new Map(proposals.map((p) => [p.agencyId, p.firstSubmittedAt]))
  const integrated = new Map(integration.map((i) => [i.agencyId, i]))
  const reviews = new Map<string, { current: number; overdue: number; of: number }>()
  for (const s of clocks) {
    const r = reviews.get(s.agencyId) ?? { current: 0, overdue: 0, of: 0 }
    const late = s.clock.state === 'overdue' || s.clock.state === 'escalated'
    reviews.set(s.agencyId, {
      current: r.current + (late ? 0 : 1),
      overdue: r.overdue + (late ? 1 : 0),
      of: r.of + 1,
    })
  }
  const rows = agencies.map((a): ComplianceRow => {
    const c = complete.get(a.id)
    const e = stages.get(a.id)
    const i = integrated.get(a.id)
    const published = i?.published ?? 0
    return {
      agencyCode: a.code,
      nameFa: a.nameFa,
      peerGroup: peerGroupOf(a.level),
      provinceCode: a.provinceCode,
      credentialsIssuedAt: a.credentialsIssuedAt,
      firstSignInAt: a.firstSignInAt,
      published,
      completeCards: { count: c?.numerator ?? 0, of: c?.denominator ?? 0 },
      reviews: reviews.get(a.id) ?? { current: 0, overdue: 0, of: 0 },
      proposal: proposalStanding(
        settings.directiveDate,
        {
          credentialsIssuedAt: a.credentialsIssuedAt,
          firstSubmittedAt: firstProposal.get(a.id) ?? null,
        },
        now,
      ),
      integration: { count: i?.withTransactions ?? 0, of: published },
      eService: { count: e?.numerator ?? 0, of: e?.denominator ?? 0 },
      participating: a.credentialsIssuedAt !== null || published > 0,
    }
  })
  return { asOf: now, rows }
}

interface AllRows {
  asOf: Date
  rows: ComplianceRow[]
}

/**
 * The general indicators' card figures parse every card in force (seconds for 20,000 services),
 * so the unfiltered rows are counted once and shared by every filter's page, the CSV and the
 * API, and by requests that arrive while they are being counted. They are valid while a marker
 * entry in the page cache lives: it carries the board's cache tags, so a change to the
 * catalogue, the agencies or the review policy drops it (in every process, as it drops the
 * pages), and it expires after `SHARED_MS` of real time (sign-ins, proposals and transactions
 * mark no tag).
 */
export const SHARED_MS = 60_000
const MARKER_KEY = 'evaluation:compliance-rows'
const shared = new WeakMap<object, { marker: object; rows: Promise<AllRows> }>()

/** The board for a filter, from the shared rows (see above). */
export async function loadComplianceBoard(
  deps: Pick<Deps, 'db' | 'clock' | 'pageCache'>,
  filter: ComplianceFilter,
): Promise<ComplianceBoard> {
  const marker = deps.pageCache.get(MARKER_KEY)
  const held = shared.get(deps.db)
  let pending = marker && held?.marker === marker ? held.rows : undefined
  if (!pending) {
    const fresh = { body: new Uint8Array(0), etag: '', expiresAt: Date.now() + SHARED_MS }
    deps.pageCache.set(MARKER_KEY, fresh, COMPLIANCE_CACHE_TAGS)
    pending = countBoard(deps)
    const entry = { marker: fresh, rows: pending }
    shared.set(deps.db, entry)
    // A failed count is not kept.
    pending.catch(() => {
      if (shared.get(deps.db) === entry) shared.delete(deps.db)
    })
  }
  const all = await pending
  return {
    asOf: all.asOf,
    rows: all.rows.filter((r) => matches(r, filter)),
    total: all.rows.length,
  }
}
