import type { Deps } from '../../deps.ts'
import { RateLimitedError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { guardPublicForm, type PublicFormSubmission } from './abuse.actions.ts'
import type { RatingInput } from './rating.input.ts'
import { verifyRatingToken } from './rating.link.ts'
import { maskPersonalData } from './rating.mask.ts'
import { ratingMsg } from './rating.messages.fa.ts'
import { addToRatingRollup, findRatingTarget, insertRating } from './rating.queries.ts'
import { serverSecret } from './server-secret.queries.ts'
import { RATING_SECRET } from './transaction.actions.ts'
import type { TransactionRow } from './transaction.queries.ts'

export type RatingLinkState =
  | { state: 'open'; transaction: TransactionRow; serviceTitle: string }
  | { state: 'forged' | 'expired' | 'used' | 'unknown' }

/** What a rating link leads to: its form, or why it cannot be used. */
export async function openRatingLink(deps: Deps, token: string): Promise<RatingLinkState> {
  const secret = await serverSecret(deps.db, RATING_SECRET)
  const check = verifyRatingToken(secret, token, deps.clock.now())
  if (!check.ok) return { state: check.reason }
  // One read: the transaction, whether it was rated, and its service's published title.
  const target = await findRatingTarget(deps.db, check.transactionId)
  // Only completed transactions ever get a link; anything else is not ours to rate.
  if (!target?.transaction.completedAt) return { state: 'unknown' }
  if (target.rated) return { state: 'used' }
  if (target.serviceSlug === null) return { state: 'unknown' }
  return {
    state: 'open',
    transaction: target.transaction,
    serviceTitle: target.title ?? target.serviceSlug,
  }
}

/**
 * Records the one rating of a link: the public-form guard first (honeypot, fill time, limits per
 * address and browser), the comment's personal numbers masked before it is stored, the
 * service's totals updated in the same transaction. `used` when the link already rated (also
 * when two submissions race: the unique transaction id decides). A submission the guard drops
 * silently answers `saved` and stores nothing; too many from one sender is a 429.
 */
export async function submitRating(
  deps: Deps,
  token: string,
  input: RatingInput,
  sender: Pick<PublicFormSubmission, 'visitor' | 'fields'>,
): Promise<Exclude<RatingLinkState['state'], 'open'> | 'saved'> {
  const link = await openRatingLink(deps, token)
  if (link.state !== 'open') return link.state
  const tx = link.transaction
  const now = deps.clock.now()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const verdict = await guardPublicForm(deps, trx, { form: 'rating', ...sender, content: token })
    if (!verdict.ok) return verdict.reason
    const id = await insertRating(trx, {
      ...input,
      comment: input.comment === null ? null : maskPersonalData(input.comment),
      transactionId: tx.id,
      serviceId: tx.serviceId,
      channel: tx.channel,
      now,
    })
    if (!id) return 'used'
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'rating',
      entityId: id,
      action: 'create',
      agencyId: tx.agencyId,
      before: null,
      // The score, never the comment: the audit log is read by staff of every agency.
      after: { transactionId: tx.id, serviceId: tx.serviceId, overall: input.overall },
    })
    // Last: the service's totals are one row that every rating of the service updates.
    await addToRatingRollup(trx, tx.serviceId, input.overall, now)
    return 'saved'
  })
  if (outcome === 'rate-limited') throw new RateLimitedError(ratingMsg.rateLimited, 3600)
  // Honeypot, too fast, duplicate: told nothing, so a bot learns nothing.
  return outcome === 'used' ? 'used' : 'saved'
}
