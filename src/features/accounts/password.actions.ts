import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { FieldErrors } from '../../web/form.ts'
import { recordAudit } from '../audit/index.ts'
import type { ChangePasswordInput } from './account.input.ts'
import { msg } from './messages.fa.ts'
import { hashPassword, passwordProblem, verifyPassword } from './password.hash.ts'
import { deleteSessionsOfUser } from './session.queries.ts'
import { findPasswordHash, updateUser } from './user.queries.ts'

/**
 * The signed-in user replaces their password (forced after a one-time
 * password). Every other session of theirs ends.
 */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  currentSessionId: string | null,
  input: ChangePasswordInput,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const hash = await findPasswordHash(deps.db, actor.userId)
  if (!hash || !(await verifyPassword(hash, input.currentPassword))) {
    return { ok: false, errors: { currentPassword: msg.currentPasswordWrong } }
  }
  const problem = passwordProblem(input.newPassword, actor.username)
  if (problem) return { ok: false, errors: { newPassword: problem } }
  if (input.newPassword === input.currentPassword)
    return { ok: false, errors: { newPassword: msg.passwordSame } }
  const newHash = await hashPassword(input.newPassword)
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    await updateUser(trx, actor.userId, { passwordHash: newHash, mustChangePassword: false }, now)
    await deleteSessionsOfUser(trx, actor.userId, currentSessionId ?? undefined)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'user',
      entityId: actor.userId,
      action: 'change-password',
      agencyId: actor.agencyId,
      before: { mustChangePassword: actor.mustChangePassword },
      after: { mustChangePassword: false },
    })
  })
  return { ok: true }
}
