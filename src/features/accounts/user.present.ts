import type { Actor } from '../../lib/actor.ts'
import { roleLabel } from '../../web/page.ts'
import type { TagColour } from '../../web/ui/index.ts'
import { canManageUser } from './account.policy.ts'
import { msg } from './messages.fa.ts'
import type { ApiToken } from './token.queries.ts'
import type { UserWithAgency } from './user.model.ts'

export interface StatusTag {
  text: string
  colour: TagColour
}

/** What a person needs to know about an account at a glance; the text always says it. */
export function userStatuses(
  u: Pick<UserWithAgency, 'disabledAt' | 'lockedUntil' | 'mustChangePassword'>,
  now: Date,
): StatusTag[] {
  if (u.disabledAt) return [{ text: msg.statusDisabled, colour: 'grey' }]
  const tags: StatusTag[] = [{ text: msg.statusActive, colour: 'green' }]
  if (u.lockedUntil && u.lockedUntil > now) tags.push({ text: msg.statusLocked, colour: 'red' })
  if (u.mustChangePassword) tags.push({ text: msg.statusMustChange, colour: 'yellow' })
  return tags
}

/** A user as the admin pages show it. */
export interface UserView {
  id: string
  username: string
  displayName: string
  email: string | null
  roleLabel: string
  agency: { code: string; nameFa: string } | null
  statuses: StatusTag[]
  disabled: boolean
  lastSignInAt: Date | null
  createdAt: Date
  isSelf: boolean
  /** Whether the viewer may manage this account (and so gets a link to it). */
  manageable: boolean
  /** Only agency accounts are edited; central staff are recreated instead. */
  editable: boolean
}

export function presentUser(u: UserWithAgency, viewer: Actor, now: Date): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roleLabel: roleLabel(u.role),
    agency: u.agencyCode && u.agencyNameFa ? { code: u.agencyCode, nameFa: u.agencyNameFa } : null,
    statuses: userStatuses(u, now),
    disabled: u.disabledAt !== null,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
    isSelf: u.id === viewer.userId,
    manageable: canManageUser(viewer, u),
    editable: u.agencyId !== null,
  }
}

export interface TokenView {
  id: string
  name: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export function presentToken(t: ApiToken): TokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  }
}
