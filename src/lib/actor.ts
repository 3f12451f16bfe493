import { UnauthenticatedError } from './errors.ts'

/**
 * Who is acting. Built by the accounts feature from a session or an API token
 * and read by every action to authorise writes.
 */
export type Role = 'central_admin' | 'central_supervisor' | 'agency_admin' | 'agency_editor'

export const ROLES: readonly Role[] = [
  'central_admin',
  'central_supervisor',
  'agency_admin',
  'agency_editor',
]

export interface Actor {
  userId: string
  username: string
  displayName: string
  role: Role
  /** The agency the user belongs to; null for central staff. */
  agencyId: string | null
  agencyNameFa: string | null
  mustChangePassword: boolean
  via: 'session' | 'token'
}

export function isCentral(actor: Actor | null): boolean {
  return actor?.role === 'central_admin' || actor?.role === 'central_supervisor'
}

export function isCentralAdmin(actor: Actor | null): boolean {
  return actor?.role === 'central_admin'
}

/** The label written in audit events: stable even if the user is later removed. */
export function actorLabel(actor: Actor | null): string {
  return actor ? `${actor.username} (${actor.role})` : 'system'
}

/**
 * Throws when nobody is signed in: pages redirect to sign-in, the API answers 401. For an
 * actor already in hand (actions, policies); a route reads the request's actor with the
 * accounts feature's `requireActor(c)`.
 */
export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError('auth.required', 'برای این کار باید وارد شوید.')
}
