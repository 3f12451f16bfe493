import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Deps } from '../../deps.ts'
import { ForbiddenError, UnauthenticatedError } from '../../lib/errors.ts'
import { sha256Hex } from '../../lib/secrets.ts'
import type { AppEnv } from '../../web/env.ts'
import { isApiPath } from '../../web/request-url.ts'
import { msg } from './messages.fa.ts'
import { clearSessionCookie, sessionCookieName } from './session.cookie.ts'
import { deleteSession, findSession, touchSession } from './session.queries.ts'
import { findUsableTokenByHash, markTokenUsed } from './token.queries.ts'
import { toActor } from './user.model.ts'
import { findUserById } from './user.queries.ts'

// Writing last-seen on every request would turn every page view into a write.
const TOUCH_AFTER_MS = 60_000

async function actorFromSession(deps: Deps, token: string) {
  const id = sha256Hex(token)
  const session = await findSession(deps.db, id)
  if (!session) return null
  const now = deps.clock.now()
  const idleDeadline = session.lastSeenAt.getTime() + deps.config.sessionIdleMs
  if (session.expiresAt <= now || idleDeadline <= now.getTime()) {
    await deleteSession(deps.db, id)
    return null
  }
  const user = await findUserById(deps.db, session.userId)
  if (!user || user.disabledAt) return null
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS)
    await touchSession(deps.db, id, now)
  return { actor: toActor(user, 'session'), sessionId: id }
}

/**
 * The actor behind a bearer token still in force (not revoked, not expired), and what the
 * token may do. A token acts for one agency, its owner's when it was made: should the owner
 * no longer belong to it, the token is refused.
 */
async function actorFromBearer(deps: Deps, header: string) {
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) return null
  const now = deps.clock.now()
  const token = await findUsableTokenByHash(deps.db, sha256Hex(match[1]), now)
  if (!token) return null
  const user = await findUserById(deps.db, token.userId)
  if (!user || user.disabledAt || user.agencyId !== token.agencyId) return null
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await markTokenUsed(deps.db, token.id, now)
  }
  return { actor: toActor(user, 'token'), access: token.access }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** GET /api/v1/services/{id}/draft starts a draft when there is none: a write in effect. */
const STARTS_A_DRAFT = /^\/api\/v1\/services\/[^/]+\/draft$/

function isWrite(method: string, path: string): boolean {
  return WRITES.has(method) || STARTS_A_DRAFT.test(path)
}

// Paths a user who must change their password may still reach.
const OPEN_WHILE_PASSWORD_CHANGE = [
  '/account/password',
  '/sign-out',
  '/assets/',
  '/healthz',
  '/readyz',
]

/**
 * Resolves who is asking: the API trusts only bearer tokens, pages only the
 * session cookie. A user holding a one-time password is sent to change it first.
 * Every API write goes through here, so a read-only token is refused any write here, once.
 */
export function loadActor(deps: Deps): MiddlewareHandler<AppEnv> {
  const sessionCookie = sessionCookieName(deps.config.env)
  return async (c, next) => {
    if (isApiPath(c.req.path)) {
      const header = c.req.header('authorization')
      if (header) {
        const found = await actorFromBearer(deps, header)
        if (!found) throw new UnauthenticatedError('token.invalid', msg.unauthenticatedApi)
        if (found.access === 'read' && isWrite(c.req.method, c.req.path))
          throw new ForbiddenError('token.read-only', msg.tokenReadOnly)
        c.set('actor', found.actor)
      }
      return next()
    }
    if (c.req.path.startsWith('/assets/')) return next()
    const token = getCookie(c, sessionCookie)
    if (token) {
      const found = await actorFromSession(deps, token)
      if (found) {
        c.set('actor', found.actor)
        c.set('sessionId', found.sessionId)
      } else {
        clearSessionCookie(c, deps.config, { newCsrfToken: false })
      }
    }
    const actor = c.get('actor')
    if (
      actor?.mustChangePassword &&
      !OPEN_WHILE_PASSWORD_CHANGE.some((p) => c.req.path.startsWith(p))
    ) {
      return c.redirect('/account/password', 303)
    }
    return next()
  }
}
