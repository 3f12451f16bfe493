import type { Deps } from '../../deps.ts'
import type { Agency } from '../agencies/index.ts'
import type { CpsvInput } from '../catalogue/index.ts'
import type { Law } from '../laws/index.ts'
import { serviceTotal } from '../processes/index.ts'
import type { ReviewClock, ServiceContent } from '../services/index.ts'
import { ESCALATE_AFTER_DAYS, parseStoredContent, reviewClock } from '../services/index.ts'
import { loadPortalSettings, type ReviewPolicy } from '../settings/index.ts'
import { formFileUrl } from './catalogue.form-files.ts'
import type {
  CatalogueAgency,
  CatalogueLaw,
  CatalogueReview,
  CatalogueReviewPolicy,
  CatalogueService,
} from './catalogue.format.ts'
import {
  listAllAgencies,
  listAllLaws,
  type PublishedRow,
  publishedBatch,
} from './opendata.queries.ts'

/**
 * Reads the published catalogue for the exports: agencies and laws once, into memory (they
 * are small), then the services a batch at a time, so a 20,000-service export never holds more
 * than one batch of cards and each format can write as it goes.
 */
export interface CatalogueContext {
  publicUrl: string
  agencies: Map<string, Agency>
  laws: Map<string, Law>
  /** The central review policy, read once: every service's due date follows from it. */
  reviewPolicy: ReviewPolicy
  /** When the export started (the review clock needs a "now"; the due dates do not change with it). */
  now: Date
}

export interface PublishedService {
  id: string
  slug: string
  agency: Agency
  versionNo: number
  publishedAt: Date
  changeNote: string | null
  publicChangedAt: Date | null
  review: ReviewClock | null
  content: ServiceContent
}

export const EXPORT_BATCH_SIZE = 500

export async function loadCatalogueContext(deps: Deps): Promise<CatalogueContext> {
  const [agencies, laws, settings] = await Promise.all([
    listAllAgencies(deps.db),
    listAllLaws(deps.db),
    loadPortalSettings(deps.db),
  ])
  return {
    publicUrl: deps.config.publicUrl,
    agencies: new Map(agencies.map((a) => [a.id, a])),
    laws: new Map(laws.map((l) => [l.id, l])),
    reviewPolicy: settings.reviewPolicy,
    now: deps.clock.now(),
  }
}

/** The policy as the file's header carries it, with the fixed escalation step. */
export function catalogueReviewPolicy(policy: ReviewPolicy): CatalogueReviewPolicy {
  return {
    cycleMonths: policy.cycleMonths,
    dueSoonDays: policy.dueSoonDays,
    dueDays: policy.dueDays,
    escalateAfterDays: ESCALATE_AFTER_DAYS,
  }
}

/** The review dates of a service as the exports carry them (no state: see catalogue.format.ts). */
export function catalogueReview(clock: ReviewClock | null): CatalogueReview | null {
  if (!clock) return null
  return {
    lastReviewedAt: clock.lastReviewedAt?.toISOString() ?? null,
    nextReviewDue: clock.dueAt.toISOString(),
  }
}

/** One row as a published service (its card parsed: about a millisecond for a large card). */
export function toPublished(ctx: CatalogueContext, row: PublishedRow): PublishedService {
  const agency = ctx.agencies.get(row.agencyId)
  if (!agency) throw new Error(`service ${row.id} belongs to an unknown agency`)
  return {
    id: row.id,
    slug: row.slug,
    agency,
    versionNo: row.versionNo,
    publishedAt: row.publishedAt ?? new Date(0),
    changeNote: row.changeNote,
    publicChangedAt: row.publicChangedAt,
    review: reviewClock(row, ctx.reviewPolicy, ctx.now),
    content: parseStoredContent(row.content),
  }
}

/**
 * Every published, not withdrawn service's row, in Persian alphabetical order, a batch at a
 * time; the exports parse each card as they write it (`toPublished`), not a batch at once.
 */
export async function* publishedRowBatches(
  deps: Deps,
  batchSize: number = EXPORT_BATCH_SIZE,
): AsyncGenerator<PublishedRow[]> {
  let after: { sortKey: string; id: string } | null = null
  for (;;) {
    const rows: PublishedRow[] = await publishedBatch(deps.db, after, batchSize)
    if (rows.length === 0) return
    yield rows
    const last = rows[rows.length - 1]
    if (!last || rows.length < batchSize) return
    after = { sortKey: last.sortKey, id: last.id }
  }
}

/** Every published, not withdrawn service, in Persian alphabetical order, a batch at a time. */
export async function* publishedServices(
  deps: Deps,
  ctx: CatalogueContext,
  batchSize: number = EXPORT_BATCH_SIZE,
): AsyncGenerator<PublishedService[]> {
  for await (const rows of publishedRowBatches(deps, batchSize))
    yield rows.map((r) => toPublished(ctx, r))
}

/** Every law a card cites: its legal bases and its process steps' legal bases. */
export function citedLawIds(content: ServiceContent): string[] {
  const ids = [
    ...content.legalBases.map((b) => b.lawId),
    ...content.process.steps.flatMap((s) => (s.legalBasis ? [s.legalBasis.lawId] : [])),
  ]
  return [...new Set(ids)]
}

export function catalogueLaw(law: Law): CatalogueLaw {
  return {
    id: law.id,
    title: law.title,
    kind: law.kind,
    number: law.number,
    approvedOn: law.approvedOn,
    url: law.url,
  }
}

export function serviceUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/services/${encodeURIComponent(slug)}`
}

export function toCatalogueService(ctx: CatalogueContext, s: PublishedService): CatalogueService {
  const laws = citedLawIds(s.content).flatMap((id) => {
    const law = ctx.laws.get(id)
    return law ? [catalogueLaw(law)] : []
  })
  return {
    id: s.id,
    slug: s.slug,
    url: serviceUrl(ctx.publicUrl, s.slug),
    agency: { id: s.agency.id, code: s.agency.code, nameFa: s.agency.nameFa },
    versionNo: s.versionNo,
    publishedAt: s.publishedAt.toISOString(),
    changeNote: s.changeNote,
    publicChangedAt: s.publicChangedAt?.toISOString() ?? null,
    review: catalogueReview(s.review),
    content: s.content,
    totalTime: serviceTotal(s.content),
    laws,
    formFiles: s.content.forms.map((f) => ({
      sha256: f.sha256,
      url: formFileUrl(ctx.publicUrl, s.slug, f.sha256),
    })),
  }
}

/** The agency's ancestry, top first (ministry → … → direct parent). */
function parentsOf(ctx: CatalogueContext, agency: Agency): Agency[] {
  const chain: Agency[] = []
  const seen = new Set([agency.id])
  let parentId = agency.parentId
  while (parentId && !seen.has(parentId)) {
    const parent = ctx.agencies.get(parentId)
    if (!parent) break
    seen.add(parent.id)
    chain.unshift(parent)
    parentId = parent.parentId
  }
  return chain
}

export function toCpsvInput(ctx: CatalogueContext, s: PublishedService): CpsvInput {
  return {
    baseUrl: ctx.publicUrl,
    service: { id: s.id, slug: s.slug },
    version: { versionNo: s.versionNo, content: s.content, publishedAt: s.publishedAt },
    agency: s.agency,
    parentAgencies: parentsOf(ctx, s.agency),
    laws: s.content.legalBases.flatMap((b) => {
      const law = ctx.laws.get(b.lawId)
      return law ? [law] : []
    }),
  }
}

/** Every agency as the file carries it, each after its parent (depth first from the top). */
export function catalogueAgencies(ctx: CatalogueContext): CatalogueAgency[] {
  const all = [...ctx.agencies.values()].sort((a, b) => a.code.localeCompare(b.code))
  const children = new Map<string | null, Agency[]>()
  for (const a of all) {
    const parent = a.parentId && ctx.agencies.has(a.parentId) ? a.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), a])
  }
  const out: CatalogueAgency[] = []
  const visit = (parentId: string | null, parentCode: string | null) => {
    for (const a of children.get(parentId) ?? []) {
      out.push({
        id: a.id,
        code: a.code,
        parentCode,
        level: a.level,
        nameFa: a.nameFa,
        nameEn: a.nameEn,
        shortNameFa: a.shortNameFa,
        website: a.website,
        phone: a.phone,
        email: a.email,
        address: a.address,
        provinceCode: a.provinceCode,
      })
      visit(a.id, a.code)
    }
  }
  visit(null, null)
  return out
}
