import { randomBytes } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { lockService, publicServiceTags } from '../services/index.ts'
import { drawSample, type Quarter, quarterKey, quarterRange, sampleSize } from './audit.model.ts'
import {
  findSample,
  insertSample,
  lastCountingReview,
  markSampled,
  setAuditDecision,
  unchangedReviewsIn,
} from './audit.queries.ts'
import { findReviewById, setServiceReviewed } from './review.queries.ts'

/** The central supervisor and the central admin audit reviews. */
export function assertCanAuditReviews(actor: Actor | null): asserts actor is Actor {
  if (actor?.role !== 'central_supervisor' && actor?.role !== 'central_admin')
    throw new ForbiddenError('reviews.audit', 'بررسی نمونه‌ای بازبینی‌ها با ستاد مرکزی است.')
}

/** Draws the quarter's sample once; the seed is recorded so the draw can be checked. */
export async function drawQuarterSample(
  deps: Deps,
  actor: Actor | null,
  quarter: Quarter,
): Promise<void> {
  assertCanAuditReviews(actor)
  const key = quarterKey(quarter)
  await deps.db.transaction().execute(async (trx) => {
    if (await findSample(trx, key))
      throw new ConflictError('reviews.sample-drawn', 'نمونهٔ این فصل پیش‌تر کشیده شده است.')
    const { from, to } = quarterRange(quarter)
    const population = await unchangedReviewsIn(trx, from, to)
    const size = sampleSize(population.length)
    const seed = randomBytes(16).toString('hex')
    const chosen = drawSample(
      seed,
      population.map((r) => r.reviewId),
      size,
    )
    const sampleId = await insertSample(trx, {
      quarter: key,
      seed,
      size,
      population: population.length,
      now: deps.clock.now(),
      userId: actor.userId,
    })
    await markSampled(trx, sampleId, chosen)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'review-sample',
      entityId: sampleId,
      action: 'draw',
      agencyId: null,
      before: null,
      after: { quarter: key, seed, size, population: population.length, reviews: chosen },
    })
  })
}

/**
 * Accepts or rejects a sampled review. A rejection reopens the service as due from now (its
 * last review no longer counts) and tells the agency's admin why.
 */
export async function decideAudit(
  deps: Deps,
  actor: Actor | null,
  reviewId: string,
  decision: { accept: true } | { accept: false; reason: string },
): Promise<void> {
  assertCanAuditReviews(actor)
  await deps.publicChange(async (trx, markChanged) => {
    const review = await findReviewById(trx, reviewId)
    if (!review || review.auditStatus === null)
      throw new NotFoundError('review.not-found', 'این بازبینی در نمونه نیست.')
    const now = deps.clock.now()
    const status = decision.accept ? 'accepted' : 'rejected'
    const reason = decision.accept ? null : decision.reason
    if (!(await setAuditDecision(trx, reviewId, { status, reason, userId: actor.userId, now })))
      throw new ConflictError(
        'reviews.audit-decided',
        'دربارهٔ این بازبینی پیش‌تر تصمیم گرفته شده است.',
      )
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'review',
      entityId: reviewId,
      action: decision.accept ? 'audit-accept' : 'audit-reject',
      agencyId: review.agencyId,
      before: { auditStatus: 'pending' },
      after: { auditStatus: status, reason },
    })
    if (decision.accept) return
    await lockService(trx, review.serviceId)
    await setServiceReviewed(
      trx,
      review.serviceId,
      await lastCountingReview(trx, review.serviceId, reviewId),
      now,
    )
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, { agencyId: review.agencyId, roles: ['agency_admin'] }),
        kind: 'review.audit-rejected',
        subject: 'ستاد مرکزی یک بازبینی «بدون تغییر» را نپذیرفت',
        text: `ستاد مرکزی بازبینی «بدون تغییر» یکی از خدمات شما را در بررسی نمونه‌ای نپذیرفت؛ این خدمت اکنون دوباره موعد بازبینی دارد.\n\nدلیل: ${reason}`,
        link: `/admin/reviews/services/${review.serviceId}`,
      },
      deps.clock,
    )
    await markChanged(...publicServiceTags(review.serviceId))
  })
}
