import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { randomToken, sha256Hex } from '../../lib/secrets.ts'
import { recordAudit } from '../audit/index.ts'
import { canManageUsersOf } from './account.policy.ts'
import { msg } from './messages.fa.ts'
import { type ApiToken, findApiToken, insertApiToken, revokeToken } from './token.queries.ts'
import { findUserById } from './user.queries.ts'

// Recognisable in logs and by secret scanners; the rest is 256 random bits.
const TOKEN_PREFIX = 'mardom_'

/** The token's secret is returned here once and never again; only its hash is kept. */
export async function createApiToken(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  name: string,
): Promise<{ token: ApiToken; secret: string }> {
  // A person creates tokens for themselves; the console operator (actor null) for anyone.
  if (actor && actor.userId !== userId)
    throw new ForbiddenError('tokens.create', msg.forbiddenToken)
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId)
    if (!user) throw new NotFoundError('user.not-found', msg.userNotFound)
    const token = await insertApiToken(trx, {
      userId,
      name,
      tokenHash: sha256Hex(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: deps.clock.now(),
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'api-token',
      entityId: token.id,
      action: 'create',
      agencyId: user.agencyId,
      before: null,
      after: { name, prefix: token.prefix, userId },
    })
    return { token, secret }
  })
}

/** The owner, their agency's admin or the central admin may revoke a token. */
export async function revokeApiToken(
  deps: Deps,
  actor: Actor | null,
  tokenId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const token = await findApiToken(trx, tokenId)
    if (!token) throw new NotFoundError('token.not-found', msg.tokenNotFound)
    const owner = await findUserById(trx, token.userId)
    const allowed =
      actor !== null &&
      (actor.userId === token.userId ||
        actor.role === 'central_admin' ||
        (owner?.agencyId != null && canManageUsersOf(actor, owner.agencyId)))
    if (!allowed) throw new ForbiddenError('tokens.revoke', msg.forbiddenToken)
    if (token.revokedAt) return
    await revokeToken(trx, tokenId, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'api-token',
      entityId: tokenId,
      action: 'revoke',
      agencyId: owner?.agencyId ?? null,
      before: { revokedAt: null },
      after: { revokedAt: deps.clock.now() },
    })
  })
}
