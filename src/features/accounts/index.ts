import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { signInRoutes } from './sign-in.routes.ts'

export { loadActor, SESSION_COOKIE } from './actor.middleware.ts'
export { createApiToken, revokeApiToken } from './token.actions.ts'
export {
  createAgencyUser,
  createAgencyUserAsSystem,
  createCentralUser,
  type IssuedCredentials,
  issueAgencyCredentials,
  resetUserPassword,
  setUserDisabled,
} from './user.actions.ts'
export { findUserByUsername } from './user.queries.ts'

/** Every page of the accounts feature. */
export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.route('/', signInRoutes(deps))
  return app
}
