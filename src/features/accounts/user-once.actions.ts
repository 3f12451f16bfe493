import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError } from '../../lib/errors.ts'
import { oneTimePassword } from '../../lib/secrets.ts'
import type { FieldErrors } from '../../web/form.ts'
import { type FormOnce, type FormOnceOutcome, inFormOnce } from '../../web/form-once.ts'
import type { IssueCredentialsInput, NewAgencyUserInput } from './account.input.ts'
import { assertCanManageUsersOf, assertCentralAdmin } from './account.policy.ts'
import { msg } from './messages.fa.ts'
import { hashPassword } from './password.hash.ts'
import {
  addAgencyAdmin,
  addAgencyUser,
  addCentralUser,
  type NewCentralUser,
  resetPasswordIn,
} from './user.actions.ts'

type Db = Deps['db']

// The account forms that issue a one-time password, run once per form token (web/form-once.ts,
// issue 17 item 10): the POST answers 303 to `/admin/users/issued/<claim>`, which shows the
// password once; sending the same form again creates no second account and leads there too.

/** What the page after issuing shows once, sealed until then. */
export const issuedPasswordShape = z.object({
  kind: z.enum(['credentials', 'new-user', 'reset']),
  userId: z.uuid(),
  agencyCode: z.string().nullable(),
  agencyNameFa: z.string().nullable(),
  username: z.string(),
  oneTimePassword: z.string(),
})
export type IssuedPassword = z.infer<typeof issuedPasswordShape>

export function issuedPasswordPath(claimId: string): string {
  return `/admin/users/issued/${claimId}`
}

type Added = Omit<IssuedPassword, 'kind' | 'oneTimePassword'>

async function issueOnce(
  deps: Deps,
  actor: Actor,
  once: FormOnce,
  kind: IssuedPassword['kind'],
  add: (trx: Db, passwordHash: string) => Promise<Added>,
): Promise<FormOnceOutcome<string>> {
  if (once.userId !== actor.userId) throw new ForbiddenError('users.manage', msg.forbiddenUsers)
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  return deps.db.transaction().execute((trx) =>
    inFormOnce(trx, once, deps.clock.now(), issuedPasswordPath, async () => {
      const added = await add(trx, passwordHash)
      const shown: IssuedPassword = { kind, ...added, oneTimePassword: password }
      return { value: added.userId, showOnce: JSON.stringify(shown) }
    }),
  )
}

/** Directive item 3 from the credentials form: the agency's admin, once per form. */
export function issueAgencyCredentialsOnce(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  input: IssueCredentialsInput,
  once: FormOnce,
): Promise<FormOnceOutcome<string>> {
  assertCentralAdmin(actor)
  return issueOnce(deps, actor, once, 'credentials', (trx, hash) =>
    addAgencyAdmin(deps, trx, actor, agencyId, input, hash),
  )
}

/**
 * A user added to an agency from `/admin/users/new`, once per form. A taken username rolls the
 * claim back with everything else, so the corrected form can be sent with the same token.
 */
export async function createAgencyUserOnce(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  input: NewAgencyUserInput,
  once: FormOnce,
): Promise<({ ok: true } & FormOnceOutcome<string>) | { ok: false; errors: FieldErrors }> {
  assertCanManageUsersOf(actor, agencyId)
  try {
    const outcome = await issueOnce(deps, actor, once, 'new-user', async (trx, hash) => {
      const added = await addAgencyUser(deps, trx, actor, agencyId, input, hash, true)
      if (!added) throw new ConflictError('username.taken', msg.usernameTaken)
      return added
    })
    return { ok: true, ...outcome }
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'username.taken')
      return { ok: false, errors: { usernamePart: msg.usernameTaken } }
    throw error
  }
}

/**
 * A new one-time password from the user's page, once per form: sent again, it resets nothing
 * more (a second reset would end the sessions and tokens again and hide the first password).
 */
export function resetUserPasswordOnce(
  deps: Deps,
  actor: Actor,
  userId: string,
  once: FormOnce,
): Promise<FormOnceOutcome<string>> {
  return issueOnce(deps, actor, once, 'reset', (trx, hash) =>
    resetPasswordIn(deps, trx, actor, userId, hash),
  )
}

/** A central staff account from `/admin/users/new-central`, once per form (a taken name throws). */
export function createCentralUserOnce(
  deps: Deps,
  actor: Actor,
  input: Omit<NewCentralUser, 'password'>,
  once: FormOnce,
): Promise<FormOnceOutcome<string>> {
  assertCentralAdmin(actor)
  return issueOnce(deps, actor, once, 'new-user', async (trx, hash) => {
    const userId = await addCentralUser(deps, trx, actor, input, hash)
    return {
      userId,
      agencyCode: null,
      agencyNameFa: null,
      username: input.username.toLowerCase(),
    }
  })
}
