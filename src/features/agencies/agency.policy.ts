import { type Actor, assertSignedIn, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** Only the central admin creates agencies and edits their records (R1: codes are issued centrally). */
export function assertCanManageAgencies(actor: Actor | null): asserts actor is Actor {
  assertSignedIn(actor)
  if (!isCentralAdmin(actor)) throw new ForbiddenError('agencies.manage', msg.forbidden)
}
