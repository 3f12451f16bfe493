import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { roleLabel } from '../../web/page.ts'
import { editUserInput, userStatusInput } from './account.input.ts'
import { formOnceOf } from './issued.kit.ts'
import { msg } from './messages.fa.ts'
import { revokeApiToken } from './token.actions.ts'
import { findApiToken } from './token.queries.ts'
import { editUser, setUserDisabled } from './user.actions.ts'
import type { UserWithAgency } from './user.model.ts'
import { idParam, managedUser, userAccountPage, userForm } from './user-admin.pages.ts'
import { resetUserPasswordOnce } from './user-once.actions.ts'

/**
 * `/admin/users/:id`: one user's page, editing an agency user, a new one-time password,
 * disabling or enabling the account and revoking its API tokens. Every route checks that the
 * actor may manage the user first; every write is authorised again in its action.
 */
export function userPageRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:id', async (c) => {
    const { actor, user } = await managedUser(deps, c)
    return userAccountPage(deps, c, actor, user, {})
  })

  const editForm = (
    c: Context<AppEnv>,
    actor: Actor,
    user: UserWithAgency,
    values: FormValues,
    errors: FieldErrors,
  ) =>
    userForm(
      c,
      {
        mode: 'edit',
        action: `/admin/users/${user.id}/edit`,
        agency:
          user.agencyCode && user.agencyNameFa
            ? { code: user.agencyCode, nameFa: user.agencyNameFa }
            : null,
        // The role of one's own account stays as it is (no one locks themselves out).
        values: user.id === actor.userId ? { ...values, role: user.role } : values,
        errors,
        ...(user.id === actor.userId ? { roleFixed: roleLabel(user.role) } : {}),
        cancelHref: `/admin/users/${user.id}`,
      },
      msg.editUserTitle,
    )

  async function editableUser(c: Context<AppEnv>) {
    const found = await managedUser(deps, c)
    // Central staff have no editable fields here; their accounts are recreated instead.
    if (found.user.agencyId === null) throw new NotFoundError('user.not-found', msg.userNotFound)
    return found
  }

  app.get('/:id/edit', async (c) => {
    const { actor, user } = await editableUser(c)
    const values = { displayName: user.displayName, email: user.email ?? '', role: user.role }
    return editForm(c, actor, user, values, {})
  })

  app.post('/:id/edit', async (c) => {
    const { actor, user } = await editableUser(c)
    const values = await readForm(c)
    if (user.id === actor.userId) values.role = user.role
    const form = parseForm(editUserInput, values)
    if (!form.ok) return editForm(c, actor, user, values, form.errors)
    await editUser(deps, actor, user.id, form.data)
    return c.redirect(`/admin/users/${user.id}?updated=1`, 303)
  })

  app.post('/:id/reset-password', async (c) => {
    const { actor, user } = await managedUser(deps, c)
    const once = formOnceOf(deps, c, actor, 'accounts.reset-password', await readForm(c))
    if (!once) return userAccountPage(deps, c, actor, user, { reset: msg.formOnceMissing })
    // 303 to the page that shows the new password once; sent again, the form resets nothing.
    const outcome = await resetUserPasswordOnce(deps, actor, user.id, once)
    return c.redirect(outcome.resultPath, 303)
  })

  app.post('/:id/status', async (c) => {
    const { actor, user } = await managedUser(deps, c)
    const form = parseForm(userStatusInput, await readForm(c))
    if (!form.ok) return userAccountPage(deps, c, actor, user, form.errors)
    const disabled = form.data.status === 'disabled'
    await setUserDisabled(deps, actor, user.id, disabled)
    return c.redirect(`/admin/users/${user.id}?status=${form.data.status}`, 303)
  })

  app.post('/:id/tokens/:tokenId/revoke', async (c) => {
    const { actor, user } = await managedUser(deps, c)
    const token = await findApiToken(deps.db, idParam(c, 'tokenId'))
    if (!token || token.userId !== user.id)
      throw new NotFoundError('token.not-found', msg.tokenNotFound)
    await revokeApiToken(deps, actor, token.id)
    return c.redirect(`/admin/users/${user.id}?revoked=1`, 303)
  })

  return app
}
