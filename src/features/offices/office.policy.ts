import { type Actor, assertSignedIn, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The agency's own staff (admin and editors) manage its offices; the central admin manages all. */
export function canManageOfficesOf(actor: Actor | null, agencyId: string): boolean {
  if (isCentralAdmin(actor)) return true
  return (
    (actor?.role === 'agency_admin' || actor?.role === 'agency_editor') &&
    actor.agencyId === agencyId
  )
}

export function assertCanManageOfficesOf(
  actor: Actor | null,
  agencyId: string,
): asserts actor is Actor {
  assertSignedIn(actor)
  if (!canManageOfficesOf(actor, agencyId))
    throw new ForbiddenError('offices.manage', msg.forbidden)
}
