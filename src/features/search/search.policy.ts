import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The zero-result log spans every agency's services: central staff (admin, supervisor) only. */
export function assertCanReadZeroResults(actor: Actor | null): asserts actor is Actor {
  if (!isCentral(actor)) throw new ForbiddenError('search.zero-results', msg.forbidden)
}
