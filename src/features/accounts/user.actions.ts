import type { Deps } from '../../deps.ts'
import type { Actor, Role } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { oneTimePassword } from '../../lib/secrets.ts'
import type { FieldErrors } from '../../web/form.ts'
import { findAgencyById, markCredentialsIssued } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { EditUserInput, IssueCredentialsInput, NewAgencyUserInput } from './account.input.ts'
import { assertCanManageUsersOf, assertCentralAdmin } from './account.policy.ts'
import { msg } from './messages.fa.ts'
import { hashPassword } from './password.hash.ts'
import { deleteSessionsOfUser } from './session.queries.ts'
import { revokeAllTokensOf } from './token.actions.ts'
import { issuedUsername, type UserWithAgency, userSnapshot } from './user.model.ts'
import { findUserById, insertUser, isUsernameTaken, updateUser } from './user.queries.ts'

type Db = Deps['db']

/** What is shown once, on paper or screen, to the person receiving an account. */
export interface IssuedCredentials {
  userId: string
  agencyCode: string | null
  username: string
  oneTimePassword: string
}

async function freeIssuedUsername(db: Db, agencyCode: string, base: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = issuedUsername(agencyCode, n === 1 ? base : `${base}${n}`)
    if (!(await isUsernameTaken(db, candidate))) return candidate
  }
  throw new ConflictError('username.exhausted', msg.usernameTaken)
}

/**
 * Directive item 3: the central admin registers an agency's admin; the portal
 * issues the username and a one-time password, and marks the agency as having
 * received its credentials.
 */
export async function issueAgencyCredentials(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  input: IssueCredentialsInput,
): Promise<IssuedCredentials> {
  assertCentralAdmin(actor)
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  return deps.db.transaction().execute(async (trx) => {
    const issued = await addAgencyAdmin(deps, trx, actor, agencyId, input, passwordHash)
    return { ...issued, oneTimePassword: password }
  })
}

export async function addAgencyAdmin(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  agencyId: string,
  input: IssueCredentialsInput,
  passwordHash: string,
): Promise<{ userId: string; agencyCode: string; agencyNameFa: string; username: string }> {
  const agency = await findAgencyById(trx, agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', msg.agencyNotFound)
  const now = deps.clock.now()
  const username = await freeIssuedUsername(trx, agency.code, 'admin')
  const userId = await insertUser(
    trx,
    {
      agencyId,
      username,
      displayName: input.displayName,
      email: input.email,
      role: 'agency_admin',
      passwordHash,
      mustChangePassword: true,
    },
    now,
  )
  await markCredentialsIssued(trx, agencyId, now)
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'user',
    entityId: userId,
    action: 'issue-credentials',
    agencyId,
    before: null,
    after: { username, displayName: input.displayName, email: input.email, role: 'agency_admin' },
  })
  return { userId, agencyCode: agency.code, agencyNameFa: agency.nameFa, username }
}

/**
 * Adds a user to an agency inside `trx`: the username is the agency prefix plus
 * the chosen part; marks the agency as holding credentials; audits the creation.
 * Returns null when the username is taken.
 */
export async function addAgencyUser(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  agencyId: string,
  input: NewAgencyUserInput,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<{ userId: string; agencyCode: string; agencyNameFa: string; username: string } | null> {
  const agency = await findAgencyById(trx, agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', msg.agencyNotFound)
  const username = issuedUsername(agency.code, input.usernamePart)
  if (await isUsernameTaken(trx, username)) return null
  const now = deps.clock.now()
  const userId = await insertUser(
    trx,
    {
      agencyId,
      username,
      displayName: input.displayName,
      email: input.email,
      role: input.role,
      passwordHash,
      mustChangePassword,
    },
    now,
  )
  await markCredentialsIssued(trx, agencyId, now)
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'user',
    entityId: userId,
    action: 'create',
    agencyId,
    before: null,
    after: { username, displayName: input.displayName, email: input.email, role: input.role },
  })
  return { userId, agencyCode: agency.code, agencyNameFa: agency.nameFa, username }
}

/** An agency admin (or the central admin) adds a user to the agency, with a one-time password. */
export async function createAgencyUser(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  input: NewAgencyUserInput,
): Promise<{ ok: true; credentials: IssuedCredentials } | { ok: false; errors: FieldErrors }> {
  assertCanManageUsersOf(actor, agencyId)
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  return deps.db.transaction().execute(async (trx) => {
    const added = await addAgencyUser(deps, trx, actor, agencyId, input, passwordHash, true)
    if (!added) return { ok: false as const, errors: { usernamePart: msg.usernameTaken } }
    return { ok: true as const, credentials: { ...added, oneTimePassword: password } }
  })
}

async function loadManagedUser(
  db: Db,
  actor: Actor | null,
  userId: string,
): Promise<UserWithAgency> {
  const user = await findUserById(db, userId)
  if (!user) throw new NotFoundError('user.not-found', msg.userNotFound)
  if (user.agencyId === null) {
    // Central staff are managed by the central admin only.
    assertCentralAdmin(actor)
  } else {
    assertCanManageUsersOf(actor, user.agencyId)
  }
  return user
}

export async function editUser(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  input: EditUserInput,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await loadManagedUser(trx, actor, userId)
    if (user.agencyId === null) throw new ForbiddenError('users.central', msg.forbiddenUsers)
    if (user.id === actor?.userId && input.role !== user.role)
      throw new ForbiddenError('users.self', msg.cannotChangeSelf)
    const now = deps.clock.now()
    await updateUser(
      trx,
      userId,
      { displayName: input.displayName, email: input.email, role: input.role },
      now,
    )
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'update',
      agencyId: user.agencyId,
      before: userSnapshot(user),
      after: userSnapshot({ ...user, ...input }),
    })
  })
}

/**
 * Issues a new one-time password and ends the account's sessions and API tokens: whoever
 * held the old password may have made tokens with it.
 */
export async function resetUserPassword(
  deps: Deps,
  actor: Actor | null,
  userId: string,
): Promise<IssuedCredentials> {
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  return deps.db.transaction().execute(async (trx) => {
    const reset = await resetPasswordIn(deps, trx, actor, userId, passwordHash)
    return { ...reset, oneTimePassword: password }
  })
}

export async function resetPasswordIn(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  userId: string,
  passwordHash: string,
): Promise<{
  userId: string
  agencyCode: string | null
  agencyNameFa: string | null
  username: string
}> {
  const user = await loadManagedUser(trx, actor, userId)
  const now = deps.clock.now()
  await updateUser(trx, userId, { passwordHash, mustChangePassword: true, failedSignIns: 0 }, now)
  await deleteSessionsOfUser(trx, userId)
  const tokensRevoked = await revokeAllTokensOf(deps, trx, userId, 'password-reset')
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'user',
    entityId: userId,
    action: 'reset-password',
    agencyId: user.agencyId,
    before: { mustChangePassword: user.mustChangePassword },
    after: { mustChangePassword: true, tokensRevoked },
  })
  return {
    userId,
    agencyCode: user.agencyCode,
    agencyNameFa: user.agencyNameFa,
    username: user.username,
  }
}

export async function setUserDisabled(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  disabled: boolean,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await loadManagedUser(trx, actor, userId)
    if (user.id === actor?.userId) throw new ForbiddenError('users.self', msg.cannotChangeSelf)
    const now = deps.clock.now()
    const disabledAt = disabled ? (user.disabledAt ?? now) : null
    await updateUser(trx, userId, { disabledAt }, now)
    // Enabling again restores neither sessions nor tokens: the person signs in and makes new ones.
    let tokensRevoked = 0
    if (disabled) {
      await deleteSessionsOfUser(trx, userId)
      tokensRevoked = await revokeAllTokensOf(deps, trx, userId, 'account-disabled')
    }
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'user',
      entityId: userId,
      action: disabled ? 'disable' : 'enable',
      agencyId: user.agencyId,
      before: { disabledAt: user.disabledAt },
      after: disabled ? { disabledAt, tokensRevoked } : { disabledAt },
    })
  })
}

/**
 * Central staff accounts. Used by the CLI (`mardom admin create`, actor null =
 * the operator at the console) and by the central admin.
 */
export async function createCentralUser(
  deps: Deps,
  actor: Actor | null,
  input: {
    username: string
    displayName: string
    role: Extract<Role, 'central_admin' | 'central_supervisor'>
    email?: string | null
    password?: string
  },
): Promise<IssuedCredentials> {
  if (actor) assertCentralAdmin(actor)
  const password = input.password ?? oneTimePassword()
  const passwordHash = await hashPassword(password)
  return deps.db.transaction().execute(async (trx) => {
    const userId = await addCentralUser(deps, trx, actor, input, passwordHash)
    return {
      userId,
      agencyCode: null,
      username: input.username.toLowerCase(),
      oneTimePassword: password,
    }
  })
}

export type NewCentralUser = Parameters<typeof createCentralUser>[2]

export async function addCentralUser(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  input: NewCentralUser,
  passwordHash: string,
): Promise<string> {
  if (await isUsernameTaken(trx, input.username))
    throw new ConflictError('username.taken', msg.usernameTaken)
  const now = deps.clock.now()
  const userId = await insertUser(
    trx,
    {
      agencyId: null,
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      role: input.role,
      passwordHash,
      mustChangePassword: input.password === undefined,
    },
    now,
  )
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'user',
    entityId: userId,
    action: 'create',
    agencyId: null,
    before: null,
    after: {
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      role: input.role,
    },
  })
  return userId
}

/**
 * An agency account made from the console (demo data, `mardom` CLI): no
 * signed-in actor, and the given password is the user's own, so no forced change.
 */
export async function createAgencyUserAsSystem(
  deps: Deps,
  agencyId: string,
  input: NewAgencyUserInput,
  password: string,
): Promise<IssuedCredentials> {
  const passwordHash = await hashPassword(password)
  return deps.db.transaction().execute(async (trx) => {
    const added = await addAgencyUser(deps, trx, null, agencyId, input, passwordHash, false)
    if (!added) throw new ConflictError('username.taken', msg.usernameTaken)
    return { ...added, oneTimePassword: password }
  })
}
