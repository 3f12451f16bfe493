import type { Context } from 'hono'
import type { Actor } from '../../lib/actor.ts'
import { UnauthenticatedError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { msg } from './messages.fa.ts'

/**
 * The signed-in actor, or an UnauthenticatedError: a GET is then redirected to the sign-in
 * page and comes back here afterwards; any other method gets 401.
 */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor')
  if (!actor) throw new UnauthenticatedError('session.required', msg.signInRequired)
  return actor
}
