import type { MiddlewareHandler } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { isApiPath } from '../../web/request-url.ts'
import { countUnread } from './notification.queries.ts'

/**
 * Puts the signed-in user's unread count on the context for the header (one COUNT over a
 * partial index). Only for staff pages seen through a session: anonymous requests, which the
 * public page cache serves, and the API never pay for it. Mounted after the actor is loaded.
 */
export function loadUnreadCount(deps: Pick<Deps, 'db'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor')
    if (actor && actor.via === 'session' && !isApiPath(c.req.path)) {
      c.set('unreadCount', await countUnread(deps.db, actor.userId))
    }
    return next()
  }
}
