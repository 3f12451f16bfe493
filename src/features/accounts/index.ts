export { assertCanListUsers } from './account.policy.ts'
export { loadActor } from './actor.middleware.ts'
export { requireActor } from './actor.require.ts'
export { formOnceOf } from './issued.kit.ts'
export { SESSION_COOKIE, sessionCookieName } from './session.cookie.ts'
export { createApiToken, renewApiToken, revokeApiToken } from './token.actions.ts'
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
