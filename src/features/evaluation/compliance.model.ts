import type { AgencyLevel } from '../../db/schema.ts'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import type { ProposalStanding } from '../indicators/index.ts'

/**
 * The compliance board (issue 15 item 5): one row per agency with what the directive asks of
 * it, counted from what the portal records. Nothing is scored here; the board shows who has
 * done what, and shows agencies that have done nothing as such.
 */

/** Peer groups, as Iran's own festival compares agencies: like with like. */
export const PEER_GROUPS = ['ministry', 'national', 'provincial'] as const
export type PeerGroup = (typeof PEER_GROUPS)[number]

export function peerGroupOf(level: AgencyLevel): PeerGroup {
  if (level === 'ministry') return 'ministry'
  if (level === 'organisation') return 'national'
  // Provincial and city offices are compared with the offices of their province.
  return 'provincial'
}

/** Satisfaction integration looks at the last 90 days of the transaction feed. */
export const INTEGRATION_DAYS = 90

/** `count` of `of`; a share is shown only with its denominator. */
export interface Share {
  count: number
  of: number
}

export interface ComplianceRow {
  agencyCode: string
  nameFa: string
  peerGroup: PeerGroup
  provinceCode: string | null
  credentialsIssuedAt: Date | null
  firstSignInAt: Date | null
  /** Public services now (a published version, not withdrawn). */
  published: number
  /** Cards in force that pass the publishing checks with a time on every step (G-CARD-COMPLETE). */
  completeCards: Share
  /** Review clocks of public services: not yet past due, and past due (overdue or escalated). */
  reviews: { current: number; overdue: number; of: number }
  proposal: ProposalStanding
  /** Public services with a transaction posted in the last `INTEGRATION_DAYS` days. */
  integration: Share
  /** Electronic stages of all stages (four a service) of the cards in force (G-E-STAGES). */
  eService: Share
  /** False when the agency has neither credentials nor a single public service. */
  participating: boolean
}

export interface ComplianceFilter {
  group: PeerGroup | null
  province: string | null
}

export type FilterResult =
  | { ok: true; filter: ComplianceFilter }
  | { ok: false; field: 'group' | 'province' }

/** `?group=&province=`: empty means all; anything else unknown is refused, never guessed. */
export function parseFilter(query: {
  group?: string | undefined
  province?: string | undefined
}): FilterResult {
  const g = (query.group ?? '').trim()
  const p = (query.province ?? '').trim()
  const group = g === '' ? null : (PEER_GROUPS.find((x) => x === g) ?? undefined)
  if (group === undefined) return { ok: false, field: 'group' }
  if (p !== '' && !isProvinceCode(p)) return { ok: false, field: 'province' }
  return { ok: true, filter: { group, province: p === '' ? null : p } }
}

export function matches(row: ComplianceRow, f: ComplianceFilter): boolean {
  if (f.group && row.peerGroup !== f.group) return false
  if (f.province && row.provinceCode !== f.province) return false
  return true
}
