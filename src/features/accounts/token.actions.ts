import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { formatDateFa } from '../../lib/fa/index.ts'
import { randomToken, sha256Hex } from '../../lib/secrets.ts'
import { type FormOnce, type FormOnceOutcome, inFormOnce } from '../../web/form-once.ts'
import { recordAudit } from '../audit/index.ts'
import { notifyAccountOwner } from './account.notify.ts'
import { canManageUsersOf } from './account.policy.ts'
import { msg } from './messages.fa.ts'
import {
  type ApiToken,
  type ApiTokenAccess,
  type ApiTokenRevokedReason,
  insertApiToken,
  lockApiToken,
  revokeToken,
  revokeTokensOfUser,
  setTokenExpiry,
} from './token.queries.ts'
import { findUserById } from './user.queries.ts'

type Db = Deps['db']

// Recognisable in logs and by secret scanners; the rest is 256 random bits.
const TOKEN_PREFIX = 'mardom_'

/**
 * The secret is returned here once and never again; only its hash is kept. The token acts
 * for its owner's agency only (none for central staff), with `access` (read-write unless
 * asked otherwise: the console and older callers make tokens that write), and lasts
 * `API_TOKEN_DAYS`. Its owner is told, in case it was not them.
 */
export async function createApiToken(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  name: string,
  options: { access?: ApiTokenAccess } = {},
): Promise<{ token: ApiToken; secret: string }> {
  // A person creates tokens for themselves; the console operator (actor null) for anyone.
  if (actor && actor.userId !== userId)
    throw new ForbiddenError('tokens.create', msg.forbiddenToken)
  const secret = newTokenSecret()
  const access = options.access ?? 'read-write'
  return deps.db.transaction().execute(async (trx) => {
    const token = await addApiToken(deps, trx, actor, userId, name, access, secret)
    return { token, secret }
  })
}

/** What the page after creating a token shows once (sealed until then, web/form-once.ts). */
export interface IssuedToken {
  name: string
  prefix: string
  secret: string
}

/**
 * The signed-in person's own token from the `/account/tokens` form, once per form token: a
 * resubmission of the same form creates no second token and goes to the first one's page.
 */
export async function createOwnApiTokenOnce(
  deps: Deps,
  actor: Actor,
  input: { name: string; access: ApiTokenAccess },
  once: FormOnce,
): Promise<FormOnceOutcome<ApiToken>> {
  if (once.userId !== actor.userId) throw new ForbiddenError('tokens.create', msg.forbiddenToken)
  const secret = newTokenSecret()
  return deps.db.transaction().execute((trx) =>
    inFormOnce(trx, once, deps.clock.now(), issuedTokenPath, async () => {
      const token = await addApiToken(
        deps,
        trx,
        actor,
        actor.userId,
        input.name,
        input.access,
        secret,
      )
      const shown: IssuedToken = { name: token.name, prefix: token.prefix, secret }
      return { value: token, showOnce: JSON.stringify(shown) }
    }),
  )
}

/** The page that shows a new token's secret once. */
export function issuedTokenPath(claimId: string): string {
  return `/account/tokens/issued/${claimId}`
}

function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomToken(32)}`
}

/** Inserts the token inside `trx`, audits it and tells its owner. */
async function addApiToken(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  userId: string,
  name: string,
  access: ApiTokenAccess,
  secret: string,
): Promise<ApiToken> {
  const user = await findUserById(trx, userId)
  if (!user) throw new NotFoundError('user.not-found', msg.userNotFound)
  const now = deps.clock.now()
  const token = await insertApiToken(trx, {
    userId,
    name,
    tokenHash: sha256Hex(secret),
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    access,
    agencyId: user.agencyId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.config.apiTokenLifetimeMs),
  })
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'api-token',
    entityId: token.id,
    action: 'create',
    agencyId: user.agencyId,
    before: null,
    after: { name, prefix: token.prefix, userId, access, expiresAt: token.expiresAt },
  })
  await notifyAccountOwner(deps, trx, {
    userId,
    kind: 'account.token-created',
    subject: msg.tokenCreatedSubject,
    text: msg.tokenCreatedText(name, token.prefix, formatDateFa(token.expiresAt)),
    link: '/account/tokens',
  })
  return token
}

/** The owner extends a token still in force by another `API_TOKEN_DAYS` from now. */
export async function renewApiToken(
  deps: Deps,
  actor: Actor | null,
  tokenId: string,
): Promise<ApiToken> {
  return deps.db.transaction().execute(async (trx) => {
    const token = await lockApiToken(trx, tokenId)
    if (!token) throw new NotFoundError('token.not-found', msg.tokenNotFound)
    if (actor?.userId !== token.userId)
      throw new ForbiddenError('tokens.renew', msg.forbiddenTokenRenew)
    const now = deps.clock.now()
    if (token.revokedAt || token.expiresAt <= now)
      throw new ConflictError('token.not-renewable', msg.tokenNotRenewable)
    const expiresAt = new Date(now.getTime() + deps.config.apiTokenLifetimeMs)
    await setTokenExpiry(trx, tokenId, expiresAt)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'api-token',
      entityId: tokenId,
      action: 'renew',
      agencyId: token.agencyId,
      before: { expiresAt: token.expiresAt },
      after: { expiresAt },
    })
    return { ...token, expiresAt }
  })
}

/** The owner, their agency's admin or the central admin may revoke a token. */
export async function revokeApiToken(
  deps: Deps,
  actor: Actor | null,
  tokenId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const token = await lockApiToken(trx, tokenId)
    if (!token) throw new NotFoundError('token.not-found', msg.tokenNotFound)
    const owner = await findUserById(trx, token.userId)
    const own = actor !== null && actor.userId === token.userId
    const allowed =
      own ||
      actor?.role === 'central_admin' ||
      (owner?.agencyId != null && canManageUsersOf(actor, owner.agencyId))
    if (!allowed) throw new ForbiddenError('tokens.revoke', msg.forbiddenToken)
    if (token.revokedAt) return
    const now = deps.clock.now()
    const reason: ApiTokenRevokedReason = own ? 'owner' : 'admin'
    await revokeToken(trx, tokenId, now, reason)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'api-token',
      entityId: tokenId,
      action: 'revoke',
      agencyId: owner?.agencyId ?? null,
      before: { revokedAt: null },
      after: { revokedAt: now, reason },
    })
  })
}

/**
 * Inside a password reset or an account's disabling: every token of the user still in force
 * stops working. The caller's audit event records how many.
 */
export async function revokeAllTokensOf(
  deps: Deps,
  trx: Db,
  userId: string,
  reason: Extract<ApiTokenRevokedReason, 'password-reset' | 'account-disabled'>,
): Promise<number> {
  return revokeTokensOfUser(trx, userId, deps.clock.now(), reason)
}
