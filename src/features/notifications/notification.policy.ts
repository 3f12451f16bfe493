import { type Actor, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The outbox holds every user's mail (addresses included): the central admin alone reads it. */
export function assertCanReadOutbox(actor: Actor): void {
  if (!isCentralAdmin(actor)) throw new ForbiddenError('outbox.read', msg.forbiddenOutbox)
}
