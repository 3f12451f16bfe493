import type { Actor } from '../../lib/actor.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import { formatDateTimeFa } from '../../lib/fa/index.ts'
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

/**
 * What a person needs to know about an account at a glance; the text always says it.
 * Accounts are never locked; `warnAt` consecutive failed sign-ins or more are shown.
 */
export function userStatuses(
  u: Pick<UserWithAgency, 'disabledAt' | 'failedSignIns' | 'mustChangePassword'>,
  warnAt: number,
): StatusTag[] {
  if (u.disabledAt) return [{ text: msg.statusDisabled, colour: 'grey' }]
  const tags: StatusTag[] = [{ text: msg.statusActive, colour: 'green' }]
  if (u.failedSignIns >= warnAt)
    tags.push({ text: msg.statusFailures(toPersianDigits(u.failedSignIns)), colour: 'red' })
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

export function presentUser(u: UserWithAgency, viewer: Actor, warnAt: number): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roleLabel: roleLabel(u.role),
    agency: u.agencyCode && u.agencyNameFa ? { code: u.agencyCode, nameFa: u.agencyNameFa } : null,
    statuses: userStatuses(u, warnAt),
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
  accessLabel: string
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date | null
  /** In force: neither revoked nor expired (only these get renew and revoke buttons). */
  active: boolean
  status: StatusTag
}

export function presentToken(t: ApiToken, now: Date): TokenView {
  const expired = t.expiresAt <= now
  const status: StatusTag = t.revokedAt
    ? {
        text: `${msg.tokenRevokedOn(formatDateTimeFa(t.revokedAt))}${
          t.revokedReason ? ` (${msg.tokenRevokedReason[t.revokedReason]})` : ''
        }`,
        colour: 'grey',
      }
    : expired
      ? { text: msg.tokenExpired, colour: 'yellow' }
      : { text: msg.tokenActive, colour: 'green' }
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    accessLabel: t.access === 'read' ? msg.tokenAccessRead : msg.tokenAccessReadWrite,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    active: !t.revokedAt && !expired,
    status,
  }
}
