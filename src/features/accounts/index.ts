export { assertCanListUsers } from './account.policy.ts'
export { loadActor, SESSION_COOKIE } from './actor.middleware.ts'
export { requireActor } from './actor.require.ts'
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
