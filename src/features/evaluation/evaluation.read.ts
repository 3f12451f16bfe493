import type { EvaluationStatus } from '../../db/schema.ts'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { compareFa } from '../../lib/fa/index.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import { AGENCIES_CACHE_TAG, listAgencyBriefs } from '../agencies/index.ts'
import { PEER_GROUPS, type PeerGroup } from './compliance.model.ts'
import { pagesMsg } from './evaluation-pages.messages.fa.ts'
import { msg } from './messages.fa.ts'
import {
  COMPONENTS,
  type ComponentKey,
  DEFAULT_METHOD,
  type EvaluationMethod,
} from './method.model.ts'
import { latestMethod, methodByVersion } from './method.queries.ts'
import type { Scorecard } from './scorecard.ts'
import type { Observed } from './scoring.ts'
import {
  EVALUATION_CACHE_TAG,
  OBJECTION_WINDOW_DAYS,
  type Snapshot,
  type SnapshotSummary,
} from './snapshot.model.ts'
import {
  currentSnapshot,
  listSnapshots,
  type Objection,
  objectionsOfPeriod,
  snapshotById,
} from './snapshot.queries.ts'

/**
 * What the public evaluation pages show (issue 15 item 4), loaded and shaped here. Snapshots
 * change only through `deps.publicChange` with EVALUATION_CACHE_TAG (publishing, correcting,
 * the daily provisional refresh), and agency names with AGENCIES_CACHE_TAG, so the pages carry
 * both. Objections and method edits do not mark the tag yet: pages that show them expire soon.
 */
export const EVALUATION_PAGE_TAGS = [EVALUATION_CACHE_TAG, AGENCIES_CACHE_TAG] as const

/** Pages showing objections or an unfrozen method: written without a cache tag (see above). */
export const SHORT_EXPIRY_MS = 60_000

export interface AgencyRef {
  /** Null when the agency is no longer on record: shown without a link. */
  code: string | null
  nameFa: string
}

/** A snapshot's facts, without its inputs and scorecards. */
export interface SnapshotHeader {
  id: string
  period: string
  status: EvaluationStatus
  seq: number
  methodVersion: number
  inputsDigest: string
  computedAt: Date
  publishedAt: Date | null
  objectionsUntil: Date | null
  noteFa: string | null
  agencies: number
}

export interface RankRow {
  rank: number
  /** Another agency of the group has the same rank. */
  tied: boolean
  agency: AgencyRef
  score: number
  /** Against the agency's final score in last year's published evaluation; null without one. */
  change: number | null
  comparableWeight: number
}

export interface NotComparableRow {
  agency: AgencyRef
  comparableWeight: number
}

export interface RankingGroup {
  /** For element ids: `ministry`, `national`, `provincial-07`. */
  id: string
  titleFa: string
  ranked: RankRow[]
  notComparable: NotComparableRow[]
}

export interface Ranking {
  header: SnapshotHeader
  groups: RankingGroup[]
  /** The sum of the method's component weights (the comparable weight is out of it). */
  totalWeight: number
  /** The weight (of totalWeight) below which a total is not comparable. */
  neededWeight: number
  /** Whether last year has a published evaluation (else the change column says so). */
  hasPrevious: boolean
}

function headerOf(s: SnapshotSummary | Snapshot): SnapshotHeader {
  return {
    id: s.id,
    period: s.period,
    status: s.status,
    seq: s.seq,
    methodVersion: s.methodVersion,
    inputsDigest: s.inputsDigest,
    computedAt: s.computedAt,
    publishedAt: s.publishedAt,
    objectionsUntil: s.objectionsUntil,
    noteFa: s.noteFa,
    agencies: s.agencies,
  }
}

type Names = Map<string, { code: string; nameFa: string }>

async function agencyNames(deps: Pick<Deps, 'db'>): Promise<Names> {
  const rows = await listAgencyBriefs(deps.db)
  return new Map(rows.map((r) => [r.id, { code: r.code, nameFa: r.nameFa }]))
}

function refOf(names: Names, id: string): AgencyRef {
  return names.get(id) ?? { code: null, nameFa: pagesMsg.deletedAgency }
}

async function methodOf(deps: Pick<Deps, 'db'>, version: number): Promise<EvaluationMethod> {
  const method = await methodByVersion(deps.db, version)
  // A snapshot's method version is frozen with it and never deleted.
  if (!method) throw new Error(`evaluation method version ${version} is missing`)
  return method
}

function groupKey(c: Pick<Scorecard, 'peerGroup' | 'provinceCode'>): string {
  return c.peerGroup === 'provincial' ? `provincial-${c.provinceCode ?? 'none'}` : c.peerGroup
}

function groupTitle(peerGroup: PeerGroup, provinceCode: string | null): string {
  const province =
    peerGroup === 'provincial' && provinceCode ? (findProvince(provinceCode)?.nameFa ?? null) : null
  return pagesMsg.groupTitle(msg.groups[peerGroup], province)
}

/** The previous year's published scorecards by agency (its latest correction), if any. */
async function previousCards(
  deps: Pick<Deps, 'db'>,
  period: string,
): Promise<Map<string, Scorecard> | null> {
  const previous = await currentSnapshot(deps.db, String(Number(period) - 1), {
    publishedOnly: true,
  })
  return previous ? new Map(previous.scorecards.map((c) => [c.agencyId, c])) : null
}

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * The ranking of one snapshot per peer group (provincial offices per province), ministries
 * first, then national organisations, then provinces by name. Ties share a rank (the scoring's
 * competition ranking); agencies whose total is not comparable are listed apart.
 */
async function rankingOf(deps: Pick<Deps, 'db'>, snapshot: Snapshot): Promise<Ranking> {
  const [names, method, previous] = await Promise.all([
    agencyNames(deps),
    methodOf(deps, snapshot.methodVersion),
    previousCards(deps, snapshot.period),
  ])
  const groups = new Map<string, RankingGroup & { order: string }>()
  for (const card of snapshot.scorecards) {
    const id = groupKey(card)
    const titleFa = groupTitle(card.peerGroup, card.provinceCode)
    const order = `${PEER_GROUPS.indexOf(card.peerGroup)}`
    const g = groups.get(id) ?? { id, titleFa, order, ranked: [], notComparable: [] }
    const agency = refOf(names, card.agencyId)
    if (card.score !== null && card.rank !== null) {
      const before = previous?.get(card.agencyId)?.score ?? null
      g.ranked.push({
        rank: card.rank,
        tied: false,
        agency,
        score: card.score,
        change: before === null ? null : round2(card.score - before),
        comparableWeight: card.base.comparableWeight,
      })
    } else {
      g.notComparable.push({ agency, comparableWeight: card.base.comparableWeight })
    }
    groups.set(id, g)
  }
  for (const g of groups.values()) {
    g.ranked.sort((a, b) => a.rank - b.rank || compareFa(a.agency.nameFa, b.agency.nameFa))
    for (const r of g.ranked) r.tied = g.ranked.filter((x) => x.rank === r.rank).length > 1
    g.notComparable.sort((a, b) => compareFa(a.agency.nameFa, b.agency.nameFa))
  }
  const ordered = [...groups.values()].sort(
    (a, b) => a.order.localeCompare(b.order) || compareFa(a.titleFa, b.titleFa),
  )
  const totalWeight = round2(method.components.reduce((s, c) => s + c.weight, 0))
  return {
    header: headerOf(snapshot),
    groups: ordered.map(({ order: _order, ...g }) => g),
    totalWeight,
    neededWeight: round2(totalWeight * method.minComparableShare),
    hasPrevious: previous !== null,
  }
}

export interface PeriodLine {
  /** The snapshot in force: the latest correction, the first publication or the provisional one. */
  current: SnapshotHeader
  /** The earlier snapshots of a corrected period, newest first. */
  earlier: SnapshotHeader[]
}

/** Every period, newest first, each with its snapshot in force and the earlier ones. */
function periodLines(all: readonly SnapshotSummary[]): PeriodLine[] {
  const lines: PeriodLine[] = []
  for (const s of all) {
    const line = lines.at(-1)
    // listSnapshots: newest period first and, within a period, the highest seq first.
    if (line && line.current.period === s.period) line.earlier.push(headerOf(s))
    else lines.push({ current: headerOf(s), earlier: [] })
  }
  return lines
}

export interface OverviewView {
  periods: PeriodLine[]
  /** The newest published (or corrected) evaluation's ranking. */
  latest: Ranking | null
}

/** `/evaluation`: the periods and the newest published ranking. */
export async function loadOverview(deps: Pick<Deps, 'db'>): Promise<OverviewView> {
  const periods = periodLines(await listSnapshots(deps.db))
  const newest = periods.find((p) => p.current.status !== 'provisional')
  const snapshot = newest ? await snapshotById(deps.db, newest.current.id) : undefined
  return { periods, latest: snapshot ? await rankingOf(deps, snapshot) : null }
}

export interface PeriodView extends Ranking {
  /** Every snapshot of the period, the one in force first. */
  versions: SnapshotHeader[]
  /** False on an earlier snapshot of a corrected period (`/v/{seq}`). */
  inForce: boolean
}

/**
 * `/evaluation/{period}` (the snapshot in force) and `/evaluation/{period}/v/{seq}` (any of its
 * snapshots); an unknown period or seq is a Persian 404.
 */
export async function loadPeriod(
  deps: Pick<Deps, 'db'>,
  period: string,
  seq?: number,
): Promise<PeriodView> {
  const line = periodLines(await listSnapshots(deps.db)).find((p) => p.current.period === period)
  const versions = line ? [line.current, ...line.earlier] : []
  const chosen = seq === undefined ? versions[0] : versions.find((v) => v.seq === seq)
  const snapshot = chosen ? await snapshotById(deps.db, chosen.id) : undefined
  if (!snapshot) throw new NotFoundError('evaluation.not-found', pagesMsg.notFound)
  return {
    ...(await rankingOf(deps, snapshot)),
    versions,
    inForce: snapshot.id === versions[0]?.id,
  }
}

export interface ComponentLine {
  key: ComponentKey
  nameFa: string
  unit: (typeof COMPONENTS)[ComponentKey]['unit']
  direction: 'higher' | 'lower'
  weight: number
  target: number
  minN: number
  observed: Observed | null
  result: Scorecard['components'][number]['result']
  /** What it adds to the final score (its points rescaled to the comparable weight and growth). */
  points: number | null
  /** The same component's measured value last year (published), when it had one. */
  lastYear: Observed | null
}

export interface ScorecardView {
  header: SnapshotHeader
  /** Earlier snapshots of the period (a corrected period), newest first. */
  earlier: SnapshotHeader[]
  agency: { code: string; nameFa: string }
  groupTitle: string
  components: ComponentLine[]
  base: Scorecard['base']
  growth: Scorecard['growth']
  growthWeight: number
  score: number | null
  rank: number | null
  /** Agencies ranked in the same group. */
  rankedInGroup: number
  /** The sum of the method's component weights, and the share of it a total needs. */
  totalWeight: number
  neededWeight: number
  previous: { period: string; score: number | null; rank: number | null } | null
  objections: Objection[]
  /** seq of the snapshot each applied objection was applied in. */
  appliedSeq: Map<string, number>
}

/** `/evaluation/{period}/agencies/{code}`: one agency's scorecard in the snapshot in force. */
export async function loadScorecard(
  deps: Pick<Deps, 'db'>,
  period: string,
  code: string,
): Promise<ScorecardView> {
  const line = periodLines(await listSnapshots(deps.db)).find((p) => p.current.period === period)
  const snapshot = line ? await snapshotById(deps.db, line.current.id) : undefined
  if (!line || !snapshot) throw new NotFoundError('evaluation.not-found', pagesMsg.notFound)
  const names = await agencyNames(deps)
  const agencyId = [...names].find(([, a]) => a.code === code)?.[0]
  const card = agencyId ? snapshot.scorecards.find((c) => c.agencyId === agencyId) : undefined
  const agency = agencyId ? names.get(agencyId) : undefined
  if (!agencyId || !card || !agency)
    throw new NotFoundError('evaluation.agency-not-found', pagesMsg.notInEvaluation)
  const [method, previous, objections] = await Promise.all([
    methodOf(deps, snapshot.methodVersion),
    currentSnapshot(deps.db, String(Number(period) - 1), { publishedOnly: true }),
    snapshot.status === 'provisional'
      ? Promise.resolve([])
      : objectionsOfPeriod(deps.db, period, agencyId),
  ])
  const lastYear = previous?.scorecards.find((c) => c.agencyId === agencyId)
  const components = card.components.map((c): ComponentLine => {
    const rule = method.components.find((m) => m.key === c.key)
    return {
      key: c.key,
      nameFa: COMPONENTS[c.key].nameFa,
      unit: COMPONENTS[c.key].unit,
      direction: COMPONENTS[c.key].direction,
      weight: c.weight,
      target: rule?.target ?? 0,
      minN: rule?.minN ?? 0,
      observed: c.observed,
      result: c.result,
      points: c.points,
      lastYear: lastYear?.components.find((x) => x.key === c.key)?.observed ?? null,
    }
  })
  const seqOf = new Map([line.current, ...line.earlier].map((h) => [h.id, h.seq]))
  const appliedSeq = new Map<string, number>()
  for (const o of objections) {
    const seq = o.appliedIn ? seqOf.get(o.appliedIn) : undefined
    if (seq !== undefined) appliedSeq.set(o.id, seq)
  }
  const totalWeight = method.components.reduce((s, c) => s + c.weight, 0)
  return {
    header: line.current,
    earlier: line.earlier,
    agency,
    groupTitle: groupTitle(card.peerGroup, card.provinceCode),
    components,
    base: card.base,
    growth: card.growth,
    growthWeight: method.growthWeight,
    score: card.score,
    rank: card.rank,
    rankedInGroup: snapshot.scorecards.filter(
      (c) => groupKey(c) === groupKey(card) && c.rank !== null,
    ).length,
    totalWeight: round2(totalWeight),
    neededWeight: round2(totalWeight * method.minComparableShare),
    previous: previous
      ? { period: previous.period, score: lastYear?.score ?? null, rank: lastYear?.rank ?? null }
      : null,
    objections,
    appliedSeq,
  }
}

export interface MethodView {
  method: Pick<
    EvaluationMethod,
    'nameFa' | 'components' | 'growthWeight' | 'minComparableShare' | 'frozenAt'
  > & { version: number }
  /** No method is stored yet: the portal's default is shown as a draft. */
  draft: boolean
  /** The stored versions (1 … newest), for links to each. */
  versions: number[]
  objectionDays: number
}

/**
 * `/evaluation/method` (the newest version, or the default as a draft before any is stored)
 * and `/evaluation/method/{version}`.
 */
export async function loadMethod(deps: Pick<Deps, 'db'>, version?: number): Promise<MethodView> {
  const newest = await latestMethod(deps.db)
  const versions = Array.from({ length: newest?.version ?? 0 }, (_, i) => i + 1)
  if (version === undefined) {
    return {
      method: newest ?? { ...DEFAULT_METHOD, version: 0, frozenAt: null },
      draft: !newest,
      versions,
      objectionDays: OBJECTION_WINDOW_DAYS,
    }
  }
  const method = await methodByVersion(deps.db, version)
  if (!method) throw new NotFoundError('evaluation.method-not-found', pagesMsg.methodNotFound)
  return { method, draft: false, versions, objectionDays: OBJECTION_WINDOW_DAYS }
}

export interface AgencyEvaluationSummary {
  period: string
  status: EvaluationStatus
  score: number | null
  rank: number | null
  rankedInGroup: number
  groupTitle: string
  comparableWeight: number
  totalWeight: number
}

/** The agency page's section: its scorecard in the newest published (or corrected) evaluation. */
export async function loadAgencySummary(
  deps: Pick<Deps, 'db'>,
  agencyId: string,
): Promise<AgencyEvaluationSummary | null> {
  const newest = periodLines(await listSnapshots(deps.db)).find(
    (p) => p.current.status !== 'provisional',
  )
  const snapshot = newest ? await snapshotById(deps.db, newest.current.id) : undefined
  const card = snapshot?.scorecards.find((c) => c.agencyId === agencyId)
  if (!snapshot || !card) return null
  const method = await methodOf(deps, snapshot.methodVersion)
  return {
    period: snapshot.period,
    status: snapshot.status,
    score: card.score,
    rank: card.rank,
    rankedInGroup: snapshot.scorecards.filter(
      (c) => groupKey(c) === groupKey(card) && c.rank !== null,
    ).length,
    groupTitle: groupTitle(card.peerGroup, card.provinceCode),
    comparableWeight: card.base.comparableWeight,
    totalWeight: round2(method.components.reduce((s, c) => s + c.weight, 0)),
  }
}
