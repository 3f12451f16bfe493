import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { signInRoutes } from './sign-in.routes.ts'

export { assertCanListUsers } from './account.policy.ts'
export { loadActor, SESSION_COOKIE } from './actor.middleware.ts'
export { credentialRoutes } from './credentials.routes.ts'
export { requireActor } from './require-actor.ts'
export { createApiToken, revokeApiToken } from './token.actions.ts'
export { tokenRoutes } from './tokens.routes.ts'
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
export { userAdminRoutes } from './users.routes.ts'

/** Every page of the accounts feature. */
export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.route('/', signInRoutes(deps))
  return app
}
