import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { publishDraftIn } from '../catalogue/index.ts'
import {
  closeFixed,
  openReportsOfService,
  REPORT_SECTION_LABELS,
  type ReportSection,
  reportMsg,
} from '../feedback/index.ts'
import {
  assertCanEditServicesOf,
  assertCanPublishServicesOf,
  findDraft,
  loadServiceById,
  lockService,
  publicServiceTags,
} from '../services/index.ts'
import { reviewsMsg as msg } from './messages.fa.ts'
import {
  allAnswered,
  EMPTY_ANSWERS,
  needsChange,
  type Review,
  type ReviewAnswers,
} from './review.model.ts'
import {
  completeReview,
  findOpenReview,
  findReviewById,
  insertReview,
  setServiceReviewed,
  updateAnswers,
} from './review.queries.ts'

/**
 * The review of one service (directive item 4, issue 12): an editor opens it and answers each
 * section; the agency admin signs it off as «بدون تغییر» or completes it by publishing the
 * revised version. Only a completed review moves the service's review clock. There is no bulk
 * sign-off: every action names one review and the revision the person saw.
 */

/** Opens the review of a published service, or returns the one already open. */
export async function openReview(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
): Promise<Review> {
  return deps.db.transaction().execute(async (trx) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanEditServicesOf(actor, service.agencyId)
    if (!service.firstPublishedAt)
      throw new ValidationError(msg.notPublished, { review: msg.notPublished })
    await lockService(trx, serviceId)
    const open = await findOpenReview(trx, serviceId)
    if (open) return open
    const review = await insertReview(trx, {
      serviceId,
      agencyId: service.agencyId,
      answers: EMPTY_ANSWERS,
      userId: actor.userId,
      now: deps.clock.now(),
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'review',
      entityId: review.id,
      action: 'open',
      agencyId: service.agencyId,
      before: null,
      after: { serviceId },
    })
    return review
  })
}

async function loadOpen(db: Deps['db'], reviewId: string): Promise<Review> {
  const review = await findReviewById(db, reviewId)
  if (!review) throw new NotFoundError('review.not-found', msg.notFound)
  return review
}

function conflict(): ConflictError {
  return new ConflictError('review.conflict', msg.conflict)
}

/** Saves the answers the person gave, against the revision they saw. */
export async function saveAnswers(
  deps: Deps,
  actor: Actor | null,
  reviewId: string,
  revision: number,
  answers: ReviewAnswers,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const review = await loadOpen(trx, reviewId)
    assertCanEditServicesOf(actor, review.agencyId)
    if (review.status !== 'open') throw conflict()
    if (!(await updateAnswers(trx, review.id, revision, answers))) throw conflict()
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'review',
      entityId: review.id,
      action: 'answer',
      agencyId: review.agencyId,
      before: { answers: review.answers },
      after: { answers },
    })
  })
}

/**
 * Sections that cannot be signed off «بدون تغییر» today: those with an accepted report of wrong
 * information whose fix is not published yet (issue 13 item 2), each named in the message.
 */
async function blockedSections(db: Deps['db'], serviceId: string): Promise<ReportSection[]> {
  const open = await openReportsOfService(db, serviceId)
  return [...new Set(open.filter((r) => r.state === 'accepted').map((r) => r.section))]
}

export type SignOffResult = { ok: true } | { ok: false; errors: Record<string, string> }

/** The agency admin signs the review off as «بدون تغییر تأیید شد». */
export async function signOffUnchanged(
  deps: Deps,
  actor: Actor | null,
  reviewId: string,
  revision: number,
): Promise<SignOffResult> {
  return deps.publicChange(async (trx, markChanged): Promise<SignOffResult> => {
    const review = await loadOpen(trx, reviewId)
    assertCanPublishServicesOf(actor, review.agencyId)
    if (review.status !== 'open' || review.revision !== revision) throw conflict()
    if (!allAnswered(review.answers))
      return { ok: false, errors: { review: msg.unansweredSections } }
    if (needsChange(review.answers))
      return { ok: false, errors: { review: msg.cannotSignOffUnchanged } }
    const now = deps.clock.now()
    await lockService(trx, review.serviceId)
    const blocked = await blockedSections(trx, review.serviceId)
    if (blocked.length > 0)
      return {
        ok: false,
        errors: Object.fromEntries(
          blocked.map((s) => [`${s}-answer`, reportMsg.reviewLock(REPORT_SECTION_LABELS[s])]),
        ),
      }
    if (
      !(await completeReview(trx, review.id, revision, {
        outcome: 'unchanged',
        versionId: null,
        userId: actor.userId,
        now,
      }))
    )
      throw conflict()
    await setServiceReviewed(trx, review.serviceId, now, null)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'review',
      entityId: review.id,
      action: 'sign-off',
      agencyId: review.agencyId,
      before: null,
      after: { outcome: 'unchanged', serviceId: review.serviceId },
    })
    await markChanged(...publicServiceTags(review.serviceId))
    return { ok: true }
  })
}

export type RevisedResult =
  | { ok: true; versionNo: number }
  | { ok: false; errors: Record<string, string> }

/**
 * The agency admin completes the review by publishing the draft that carries the revision: the
 * publish command's checks apply, and the review records the version it produced.
 */
export async function publishRevision(
  deps: Deps,
  actor: Actor | null,
  reviewId: string,
  revision: number,
  changeNote: string,
): Promise<RevisedResult> {
  return deps.publicChange(async (trx, markChanged) => {
    const review = await loadOpen(trx, reviewId)
    assertCanPublishServicesOf(actor, review.agencyId)
    if (review.status !== 'open' || review.revision !== revision) throw conflict()
    if (!allAnswered(review.answers))
      return { ok: false, errors: { review: msg.unansweredSections } }
    if (changeNote.trim() === '')
      return { ok: false, errors: { changeNote: msg.changeNoteRequired } }
    await lockService(trx, review.serviceId)
    const service = await loadServiceById(trx, review.serviceId)
    const draft = await findDraft(trx, review.serviceId)
    if (!draft) return { ok: false, errors: { review: msg.noDraft } }
    const now = deps.clock.now()
    const published = await publishDraftIn({ ...deps, db: trx }, markChanged, {
      service,
      draft,
      changeNote,
      actor,
      at: now,
      audit: { action: 'publish' },
    })
    if (!published.ok) return published
    // Reports accepted as "fixed in this version" close now, and their contacts are deleted.
    await closeFixed(deps, trx, review.serviceId)
    if (
      !(await completeReview(trx, review.id, revision, {
        outcome: 'revised',
        versionId: draft.id,
        userId: actor.userId,
        now,
      }))
    )
      throw conflict()
    await setServiceReviewed(trx, review.serviceId, now, null)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'review',
      entityId: review.id,
      action: 'sign-off',
      agencyId: review.agencyId,
      before: null,
      after: { outcome: 'revised', serviceId: review.serviceId, versionNo: draft.versionNo },
    })
    return { ok: true, versionNo: draft.versionNo }
  })
}
