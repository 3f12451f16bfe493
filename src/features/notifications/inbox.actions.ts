import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { msg } from './messages.fa.ts'
import { markAllRead, markRead } from './notification.queries.ts'

/**
 * Marks one of the actor's own inbox entries read. Another user's entry is not found (404),
 * so ids say nothing about other people's inboxes.
 */
export async function markOwnRead(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markRead(trx, actor.userId, id, deps.clock.now())))
      throw new NotFoundError('notification.not-found', msg.notFound)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'notification',
      entityId: String(id),
      action: 'read',
      agencyId: actor.agencyId,
      before: null,
      after: null,
    })
  })
}

/** Marks every unread entry of the actor's inbox read; returns how many. */
export async function markAllOwnRead(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const n = await markAllRead(trx, actor.userId, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'notification',
      entityId: actor.userId,
      action: 'read-all',
      agencyId: actor.agencyId,
      before: null,
      after: { count: n },
    })
    return n
  })
}
