import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** Agency editors and admins edit drafts of their own agency's services only. */
export function canEditServicesOf(actor: Actor | null, agencyId: string): boolean {
  return (
    (actor?.role === 'agency_admin' || actor?.role === 'agency_editor') &&
    actor.agencyId === agencyId
  )
}

export function assertCanEditServicesOf(
  actor: Actor | null,
  agencyId: string,
): asserts actor is Actor {
  assertSignedIn(actor)
  if (!canEditServicesOf(actor, agencyId))
    throw new ForbiddenError('services.edit', msg.forbiddenEdit)
}

/** Publishing and withdrawing are the agency admin's. */
export function canPublishServicesOf(actor: Actor | null, agencyId: string): boolean {
  return actor?.role === 'agency_admin' && actor.agencyId === agencyId
}

export function assertCanPublishServicesOf(
  actor: Actor | null,
  agencyId: string,
): asserts actor is Actor {
  assertSignedIn(actor)
  if (!canPublishServicesOf(actor, agencyId))
    throw new ForbiddenError('services.publish', msg.forbiddenPublish)
}
