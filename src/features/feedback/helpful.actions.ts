import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import {
  findPublished,
  loadServiceBySlug,
  serviceCacheTag,
  servicesMsg,
} from '../services/index.ts'
import { guardPublicForm, type PublicFormSubmission } from './abuse.actions.ts'
import { isSilentRefusal } from './abuse.model.ts'
import { FOLLOW_UP_WINDOW_MS, type HelpfulSection, shouldFlush } from './helpful.model.ts'
import {
  bumpRollup,
  findOpenNoVote,
  insertVote,
  markRollupShown,
  saveFollowUp,
} from './helpful.queries.ts'
import { maskPersonalData } from './rating.mask.ts'

/** What became of a submission; `silent` looks like success to the sender (a bot learns nothing). */
export type HelpfulOutcome<T> =
  | { kind: 'stored'; value: T }
  | { kind: 'silent' }
  | { kind: 'rate-limited' }

type Sender = Pick<PublicFormSubmission, 'visitor' | 'fields'>

/** The service behind a public service page, if it has one: published and not withdrawn. */
export async function loadRatedService(deps: Deps, slug: string) {
  const service = await loadServiceBySlug(deps, slug)
  const version = service.withdrawnAt ? undefined : await findPublished(deps.db, service.id)
  if (!version) throw new NotFoundError('service.version-not-found', servicesMsg.notFound)
  return { service, versionNo: version.versionNo, title: version.content.title }
}

/**
 * Records a yes or no on a service page: the vote and its rollup row in one transaction,
 * through the public-form guard (honeypot, duplicates, limits; no fill time: the form sits on
 * a cached page, see abuse.actions.ts). The cached page is dropped only in batches (see
 * shouldFlush); that flush is the write the public sees, so it is what the audit log records.
 */
export async function recordHelpfulVote(
  deps: Deps,
  slug: string,
  helpful: boolean,
  sender: Sender,
): Promise<HelpfulOutcome<{ voteId: string }>> {
  const { service, versionNo } = await loadRatedService(deps, slug)
  return deps.publicChange(async (trx, markChanged) => {
    const verdict = await guardPublicForm(deps, trx, {
      form: 'helpful',
      ...sender,
      content: `${service.id}|${helpful ? 'yes' : 'no'}`,
      minFillMs: 0,
    })
    if (!verdict.ok)
      return isSilentRefusal(verdict.reason) ? { kind: 'silent' } : { kind: 'rate-limited' }
    const now = deps.clock.now()
    const voteId = await insertVote(trx, { serviceId: service.id, versionNo, helpful, at: now })
    const rollup = await bumpRollup(trx, service.id, helpful, now)
    if (shouldFlush(rollup, now)) {
      await markRollupShown(trx, service.id, rollup.total, now)
      await recordAudit(trx, deps.clock, {
        actor: null,
        entityType: 'feedback-rollup',
        entityId: service.id,
        action: 'publish',
        agencyId: service.agencyId,
        before: { shownTotal: rollup.shownTotal },
        after: { shownTotal: rollup.total },
      })
      await markChanged(serviceCacheTag(service.id))
    }
    return { kind: 'stored', value: { voteId } }
  })
}

/** Whether a «خیر» can still be followed up (the follow-up page shows the form only then). */
export async function isFollowUpOpen(deps: Deps, serviceId: string, voteId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(voteId)) return false
  const since = new Date(deps.clock.now().getTime() - FOLLOW_UP_WINDOW_MS)
  return (await findOpenNoVote(deps.db, voteId, serviceId, since)) !== undefined
}

/**
 * Saves the answer to «چه چیزی نادرست بود یا کم بود؟» on a «خیر» given within the last hour,
 * once. `gone` when the vote is unknown, not a «خیر», too old or already followed up.
 */
export async function recordFollowUp(
  deps: Deps,
  slug: string,
  voteId: string,
  answer: { missing: string | null; section: HelpfulSection | null },
  sender: Sender,
): Promise<HelpfulOutcome<null> | { kind: 'gone' }> {
  const { service } = await loadRatedService(deps, slug)
  if (!/^[0-9a-f-]{36}$/i.test(voteId)) return { kind: 'gone' }
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const vote = await findOpenNoVote(
      trx,
      voteId,
      service.id,
      new Date(now.getTime() - FOLLOW_UP_WINDOW_MS),
    )
    if (!vote) return { kind: 'gone' } as const
    const verdict = await guardPublicForm(deps, trx, {
      form: 'helpful-more',
      ...sender,
      content: `${voteId}|${answer.section ?? ''}|${answer.missing ?? ''}`,
    })
    if (!verdict.ok)
      return isSilentRefusal(verdict.reason)
        ? ({ kind: 'silent' } as const)
        : ({ kind: 'rate-limited' } as const)
    // Staff read these answers: a mobile number or national code typed in is masked first.
    const missing = answer.missing === null ? null : maskPersonalData(answer.missing)
    await saveFollowUp(trx, voteId, { ...answer, missing }, now)
    return { kind: 'stored', value: null } as const
  })
}
