import { type Actor, requireActor } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The central admin manages every agency's users; an agency admin only their own agency's. */
export function canManageUsersOf(actor: Actor | null, agencyId: string): boolean {
  if (!actor) return false
  if (actor.role === 'central_admin') return true
  return actor.role === 'agency_admin' && actor.agencyId === agencyId
}

export function assertCanManageUsersOf(
  actor: Actor | null,
  agencyId: string,
): asserts actor is Actor {
  if (!canManageUsersOf(actor, agencyId))
    throw new ForbiddenError('users.manage', msg.forbiddenUsers)
}

export function assertCentralAdmin(actor: Actor | null): asserts actor is Actor {
  requireActor(actor)
  if (actor?.role !== 'central_admin')
    throw new ForbiddenError('credentials.issue', msg.forbiddenCredentials)
}
