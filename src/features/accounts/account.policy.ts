import { type Actor, assertSignedIn } from '../../lib/actor.ts'
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
  assertSignedIn(actor)
  if (actor?.role !== 'central_admin')
    throw new ForbiddenError('credentials.issue', msg.forbiddenCredentials)
}

/** Central staff accounts are the central admin's; agency accounts as {@link canManageUsersOf}. */
export function canManageUser(actor: Actor | null, user: { agencyId: string | null }): boolean {
  if (user.agencyId === null) return actor?.role === 'central_admin'
  return canManageUsersOf(actor, user.agencyId)
}

export function assertCanManageUser(
  actor: Actor | null,
  user: { agencyId: string | null },
): asserts actor is Actor {
  if (!canManageUser(actor, user)) throw new ForbiddenError('users.manage', msg.forbiddenUsers)
}

/** Who may open the user pages at all: the central admin and agency admins. */
export function assertCanListUsers(actor: Actor | null): asserts actor is Actor {
  if (actor?.role !== 'central_admin' && actor?.role !== 'agency_admin')
    throw new ForbiddenError('users.manage', msg.forbiddenUsers)
}
