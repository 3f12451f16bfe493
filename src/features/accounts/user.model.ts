import type { Actor, Role } from '../../lib/actor.ts'

export interface User {
  id: string
  agencyId: string | null
  username: string
  displayName: string
  email: string | null
  role: Role
  mustChangePassword: boolean
  /** Consecutive failed sign-ins from anywhere; reset by a successful one. */
  failedSignIns: number
  disabledAt: Date | null
  lastSignInAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface UserWithAgency extends User {
  agencyNameFa: string | null
  agencyCode: string | null
}

export const AGENCY_ROLES = ['agency_admin', 'agency_editor'] as const satisfies readonly Role[]
export type AgencyRole = (typeof AGENCY_ROLES)[number]

export function toActor(user: UserWithAgency, via: Actor['via']): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
    agencyNameFa: user.agencyNameFa,
    mustChangePassword: user.mustChangePassword,
    via,
  }
}

/** The audit snapshot: never the password hash. */
export function userSnapshot(u: User): Record<string, unknown> {
  return {
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    agencyId: u.agencyId,
    mustChangePassword: u.mustChangePassword,
    disabledAt: u.disabledAt,
  }
}

/**
 * Issued usernames: the agency code plus a role word, so a person reading
 * the credential slip knows whose it is, e.g. `a10042-admin`.
 */
export function issuedUsername(agencyCode: string, suffix: string): string {
  return `a${agencyCode}-${suffix}`.toLowerCase()
}
