import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The log spans every agency, so only central staff (admin and supervisor) read it. */
export function assertCanReadAudit(actor: Actor | null): asserts actor is Actor {
  if (!isCentral(actor)) throw new ForbiddenError('audit.read', msg.forbidden)
}
