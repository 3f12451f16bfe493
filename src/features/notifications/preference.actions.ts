import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/index.ts'
import type { NotificationFrequency } from './notification.model.ts'
import { findFrequency, releaseHeldMail, upsertFrequency } from './preference.queries.ts'

/**
 * A user sets how their own notification mail is sent. Nobody sets it for someone else: the
 * action takes no user id but the actor's.
 */
export async function setOwnFrequency(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  frequency: NotificationFrequency,
): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    const before = await findFrequency(trx, actor.userId)
    await upsertFrequency(trx, actor.userId, frequency, now)
    await releaseHeldMail(trx, actor.userId, frequency, now)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'notification-preference',
      entityId: actor.userId,
      action: 'update',
      agencyId: actor.agencyId,
      before: before === null ? null : { frequency: before },
      after: { frequency },
    })
  })
}
