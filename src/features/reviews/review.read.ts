import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import type { FieldErrors } from '../../web/form.ts'
import { diffContent } from '../catalogue/index.ts'
import { listBrokenLinks } from '../channels/index.ts'
import {
  formatTrackingCode,
  openReportsOfService,
  REPORT_STATE_LABELS,
  reportMsg,
} from '../feedback/index.ts'
import { citedLaws } from '../laws/index.ts'
import { officeNamer } from '../offices/index.ts'
import { processOverview } from '../processes/index.ts'
import {
  canEditServicesOf,
  canPublishServicesOf,
  findDraft,
  listPublicVersions,
  loadServiceById,
  reviewClock,
  type ServiceContent,
  type ServiceVersion,
} from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { reviewsMsg as msg } from './messages.fa.ts'
import { REVIEW_SECTIONS, type ReviewSection, SECTION_FIELDS } from './review.model.ts'
import { listReviewsOfService } from './review.queries.ts'
import type { PastReview, ReviewPageView, SectionFacts } from './views/review-page.ts'

/** Who may see a service's review page: its agency's staff and the central staff. */
export function assertCanSeeReviews(actor: Actor | null, agencyId: string): asserts actor is Actor {
  if (!actor) throw new ForbiddenError('reviews.view', msg.forbiddenSignOff)
  if (!isCentral(actor) && !canEditServicesOf(actor, agencyId))
    throw new ForbiddenError('reviews.view', 'این بازبینی از آنِ دستگاه دیگری است.')
}

function sectionOf(field: string): ReviewSection | undefined {
  return REVIEW_SECTIONS.find((s) => SECTION_FIELDS[s].includes(field))
}

/** The version the last review (or the first publication) saw: the baseline of "changed since". */
function baselineOf(versions: ServiceVersion[], since: Date | null): ServiceVersion | undefined {
  if (!since) return versions[0]
  const before = versions.filter((v) => v.publishedAt && v.publishedAt.getTime() <= since.getTime())
  return before.at(-1) ?? versions[0]
}

async function sectionFacts(
  deps: Deps,
  agencyId: string,
  serviceId: string,
  baseline: ServiceVersion | undefined,
  current: ServiceVersion,
): Promise<Record<ReviewSection, SectionFacts>> {
  const facts = Object.fromEntries(
    REVIEW_SECTIONS.map((s) => [s, { changes: [] as string[], problems: [] as string[] }]),
  ) as Record<ReviewSection, SectionFacts>
  const both = baseline ? [baseline, current] : [current]
  const [laws, officeName, broken, reports] = await Promise.all([
    citedLaws(deps.db, both),
    officeNamer(
      deps,
      both.map((v) => v.content),
    ),
    listBrokenLinks(deps.db, agencyId),
    openReportsOfService(deps.db, serviceId),
  ])
  const titles = new Map(
    [...laws.values()].flatMap((m) => [...m.values()].map((l) => [l.id, l.title])),
  )
  if (baseline && baseline.id !== current.id) {
    const changes = diffContent(
      baseline.content,
      current.content,
      (id) => titles.get(id) ?? '—',
      officeName,
    )
    for (const c of changes) {
      const s = sectionOf(c.field)
      if (!s) continue
      const parts = [
        c.added.length ? `${toPersianDigits(c.added.length)} مورد افزوده` : '',
        c.removed.length ? `${toPersianDigits(c.removed.length)} مورد برداشته` : '',
      ].filter(Boolean)
      facts[s].changes.push(`${c.label}: ${parts.length ? parts.join('، ') : 'تغییر کرد'}`)
    }
  }
  const mismatch = processOverview(current.content as ServiceContent).mismatch
  if (mismatch) facts.process.problems.push(mismatch)
  for (const b of broken.filter((b) => b.serviceId === serviceId)) {
    const where = b.targetKind === 'url' ? facts.channels : facts.forms
    where.problems.push(
      `${b.targetKind === 'url' ? 'پیوند در دسترس نیست' : 'پروندهٔ فرم آسیب دیده است'}: ${b.label}`,
    )
  }
  // Open reports of wrong information (issue 13): an accepted one holds «بدون تغییر» back.
  for (const r of reports) {
    const state =
      r.state === 'accepted' && r.fixVersionNo !== null
        ? reportMsg.fixedIn(toPersianDigits(r.fixVersionNo))
        : REPORT_STATE_LABELS[r.state]
    facts[r.section].problems.push(reportMsg.openReportFact(formatTrackingCode(r.code), state))
  }
  return facts
}

const AUDIT_TEXT = {
  pending: 'در نمونهٔ بررسی ستاد',
  accepted: 'ستاد پذیرفت',
  rejected: 'ستاد نپذیرفت',
} as const

/** The review page of one service, for its agency's staff and the central staff. */
export async function loadReviewPage(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  form: { values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} },
): Promise<ReviewPageView & { csrfToken: string }> {
  const service = await loadServiceById(deps.db, serviceId)
  assertCanSeeReviews(actor, service.agencyId)
  const [versions, draft, reviews, settings] = await Promise.all([
    listPublicVersions(deps.db, serviceId),
    findDraft(deps.db, serviceId),
    listReviewsOfService(deps.db, serviceId),
    loadPortalSettings(deps.db),
  ])
  const published = versions.find((v) => v.status === 'published')
  const clock = reviewClock(service, settings.reviewPolicy, deps.clock.now())
  if (!published || !clock || service.withdrawnAt)
    throw new NotFoundError('review.not-published', msg.notPublished)
  const current = draft ?? published
  const baseline = baselineOf(versions, service.lastReviewedAt)
  const versionNo = new Map(versions.map((v) => [v.id, v.versionNo]))
  const past: PastReview[] = reviews
    .filter((r) => r.status === 'completed')
    .map((r) => ({
      openedAt: r.openedAt,
      completedAt: r.completedAt,
      outcome: r.outcome,
      versionNo: r.versionId ? (versionNo.get(r.versionId) ?? null) : null,
      audit: r.auditStatus
        ? AUDIT_TEXT[r.auditStatus] + (r.auditReason ? `: ${r.auditReason}` : '')
        : null,
    }))
  return {
    csrfToken: '',
    serviceId,
    serviceTitle: published.content.title,
    slug: service.slug,
    clock,
    open: reviews.find((r) => r.status === 'open') ?? null,
    facts: await sectionFacts(deps, service.agencyId, serviceId, baseline, current),
    past,
    canEdit: canEditServicesOf(actor, service.agencyId),
    canSignOff: canPublishServicesOf(actor, service.agencyId),
    hasDraft: draft !== undefined,
    values: form.values,
    errors: form.errors,
  }
}
