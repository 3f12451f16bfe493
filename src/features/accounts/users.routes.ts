import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { toAsciiDigits } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { page, roleLabel } from '../../web/page.ts'
import { type Agency, findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import {
  editUserInput,
  newAgencyUserInput,
  newCentralUserInput,
  userStatusInput,
} from './account.input.ts'
import {
  assertCanListUsers,
  assertCanManageUser,
  assertCanManageUsersOf,
  assertCentralAdmin,
} from './account.policy.ts'
import { requireActor } from './actor.require.ts'
import { msg } from './messages.fa.ts'
import { revokeApiToken } from './token.actions.ts'
import { findApiToken, listApiTokensOfUser } from './token.queries.ts'
import type { IssuedCredentials } from './user.actions.ts'
import {
  createAgencyUser,
  createCentralUser,
  editUser,
  resetUserPassword,
  setUserDisabled,
} from './user.actions.ts'
import type { UserWithAgency } from './user.model.ts'
import { presentToken, presentUser } from './user.present.ts'
import { findUserById, listCentralUsers, listUsersOfAgency } from './user.queries.ts'
import { issuedPasswordPage } from './views/one-time-secret.ts'
import {
  agencyUsersPage,
  centralUsersPage,
  type UserFormView,
  userFormPage,
  userPage,
} from './views/user-views.ts'

const uuid = z.uuid()

/** A path id that is not a UUID names nothing (and must not reach PostgreSQL as one). */
function idParam(c: Context<AppEnv>, name: string): string {
  const parsed = uuid.safeParse(c.req.param(name))
  if (!parsed.success) throw new NotFoundError('user.not-found', msg.userNotFound)
  return parsed.data
}

const crumbs = [
  { href: '/admin', text: 'پیشخوان' },
  { href: '/admin/users', text: msg.usersTitle },
]

function titled(title: string, errors: FieldErrors): string {
  return Object.keys(errors).length > 0 ? `خطا: ${title}` : title
}

/**
 * `/admin/users`: agency admins manage their own agency's users; the central admin manages
 * any agency's users and the central staff. Every write is authorised again in its action.
 */
export function userAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function ownAgency(actor: Actor): Promise<Agency> {
    const agency = actor.agencyId ? await findAgencyById(deps.db, actor.agencyId) : undefined
    if (!agency) throw new ForbiddenError('users.manage', msg.forbiddenUsers)
    return agency
  }

  /** The agency a page is about: the agency admin's own, or the one the central admin picked. */
  async function agencyFor(actor: Actor, code: string): Promise<Agency | undefined> {
    if (actor.role !== 'central_admin') {
      const own = await ownAgency(actor)
      if (code && code !== own.code) throw new ForbiddenError('users.manage', msg.forbiddenUsers)
      return own
    }
    return code ? findAgencyByCode(deps.db, code) : undefined
  }

  function agencyCodeQuery(c: Context<AppEnv>): string {
    return toAsciiDigits(c.req.query('agency') ?? '')
      .trim()
      .slice(0, 20)
  }

  async function managedUser(c: Context<AppEnv>): Promise<{ actor: Actor; user: UserWithAgency }> {
    const actor = requireActor(c)
    const id = idParam(c, 'id')
    const user = await findUserById(deps.db, id)
    if (!user) throw new NotFoundError('user.not-found', msg.userNotFound)
    assertCanManageUser(actor, user)
    return { actor, user }
  }

  function showIssued(
    c: Context<AppEnv>,
    title: string,
    issued: IssuedCredentials,
    agencyNameFa: string | null,
  ) {
    // The password exists only in this response: never cached, never in a URL.
    c.header('Cache-Control', 'no-store')
    return page(c, {
      title,
      content: issuedPasswordPage({
        title,
        agencyCode: issued.agencyCode,
        agencyNameFa,
        username: issued.username,
        oneTimePassword: issued.oneTimePassword,
        links: [
          { href: `/admin/users/${issued.userId}`, text: issued.username },
          {
            href: issued.agencyCode ? `/admin/users?agency=${issued.agencyCode}` : '/admin/users',
            text: msg.usersTitle,
          },
        ],
      }),
    })
  }

  // ---- Lists ----

  app.get('/', async (c) => {
    const actor = requireActor(c)
    assertCanListUsers(actor)
    const code = agencyCodeQuery(c)
    const agency = await agencyFor(actor, code)
    const now = deps.clock.now()
    if (agency) {
      const users = await listUsersOfAgency(deps.db, agency.id)
      return page(c, {
        title: msg.usersOf(agency.nameFa),
        breadcrumbs: crumbs,
        content: agencyUsersPage({
          agency: { code: agency.code, nameFa: agency.nameFa },
          users: users.map((u) => presentUser(u, actor, now)),
        }),
      })
    }
    const errors: FieldErrors = code ? { agency: msg.agencyCodeNotFound } : {}
    const staff = await listCentralUsers(deps.db)
    return page(
      c,
      {
        title: titled(msg.usersTitle, errors),
        breadcrumbs: crumbs.slice(0, 1),
        content: centralUsersPage({
          agencyCode: code,
          errors,
          staff: staff.map((u) => presentUser(u, actor, now)),
        }),
      },
      code ? 404 : 200,
    )
  })

  // ---- Adding users ----

  function userForm(
    c: Context<AppEnv>,
    view: Omit<UserFormView, 'csrfToken'>,
    title: string,
  ): Response | Promise<Response> {
    return page(
      c,
      {
        title: titled(title, view.errors),
        breadcrumbs: crumbs,
        content: userFormPage({ ...view, csrfToken: c.get('csrfToken') }),
      },
      Object.keys(view.errors).length > 0 ? 422 : 200,
    )
  }

  async function newUserAgency(c: Context<AppEnv>): Promise<{ actor: Actor; agency: Agency }> {
    const actor = requireActor(c)
    assertCanListUsers(actor)
    const agency = await agencyFor(actor, agencyCodeQuery(c))
    if (!agency) throw new NotFoundError('agency.not-found', msg.agencyNotFound)
    assertCanManageUsersOf(actor, agency.id)
    return { actor, agency }
  }

  const newAgencyUserForm = (
    c: Context<AppEnv>,
    agency: Agency,
    values: FormValues,
    errors: FieldErrors,
  ) =>
    userForm(
      c,
      {
        mode: 'new-agency',
        action: `/admin/users/new?agency=${agency.code}`,
        agency: { code: agency.code, nameFa: agency.nameFa },
        values,
        errors,
        cancelHref: `/admin/users?agency=${agency.code}`,
      },
      msg.addUser,
    )

  app.get('/new', async (c) => {
    const { agency } = await newUserAgency(c)
    return newAgencyUserForm(c, agency, { role: 'agency_editor' }, {})
  })

  app.post('/new', async (c) => {
    const { actor, agency } = await newUserAgency(c)
    const values = await readForm(c)
    const form = parseForm(newAgencyUserInput, values)
    if (!form.ok) return newAgencyUserForm(c, agency, values, form.errors)
    const result = await createAgencyUser(deps, actor, agency.id, form.data)
    if (!result.ok) return newAgencyUserForm(c, agency, values, result.errors)
    return showIssued(c, msg.userCreatedTitle, result.credentials, agency.nameFa)
  })

  const newCentralUserForm = (c: Context<AppEnv>, values: FormValues, errors: FieldErrors) =>
    userForm(
      c,
      {
        mode: 'new-central',
        action: '/admin/users/new-central',
        agency: null,
        values,
        errors,
        cancelHref: '/admin/users',
      },
      msg.addCentralUser,
    )

  app.get('/new-central', async (c) => {
    assertCentralAdmin(requireActor(c))
    return newCentralUserForm(c, { role: 'central_supervisor' }, {})
  })

  app.post('/new-central', async (c) => {
    const actor = requireActor(c)
    assertCentralAdmin(actor)
    const values = await readForm(c)
    const form = parseForm(newCentralUserInput, values)
    if (!form.ok) return newCentralUserForm(c, values, form.errors)
    try {
      const issued = await createCentralUser(deps, actor, form.data)
      return showIssued(c, msg.userCreatedTitle, issued, null)
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'username.taken') {
        return newCentralUserForm(c, values, { username: msg.usernameTaken })
      }
      throw error
    }
  })

  // ---- One user ----

  async function renderUser(
    c: Context<AppEnv>,
    actor: Actor,
    user: UserWithAgency,
    errors: FieldErrors,
  ) {
    const tokens = await listApiTokensOfUser(deps.db, user.id)
    const banner = (() => {
      if (Object.keys(errors).length > 0) return undefined
      if (c.req.query('updated') === '1') return msg.userUpdated
      if (c.req.query('status') === 'disabled') return msg.userDisabled
      if (c.req.query('status') === 'active') return msg.userEnabled
      if (c.req.query('revoked') === '1') return msg.tokenRevoked
      return undefined
    })()
    return page(
      c,
      {
        title: titled(user.displayName, errors),
        breadcrumbs: [
          ...crumbs,
          ...(user.agencyCode && user.agencyNameFa
            ? [{ href: `/admin/users?agency=${user.agencyCode}`, text: user.agencyNameFa }]
            : []),
        ],
        ...(banner ? { banner: { kind: 'success' as const, text: banner } } : {}),
        content: userPage({
          csrfToken: c.get('csrfToken'),
          user: presentUser(user, actor, deps.clock.now()),
          tokens: tokens.map(presentToken),
          errors,
        }),
      },
      Object.keys(errors).length > 0 ? 422 : 200,
    )
  }

  app.get('/:id', async (c) => {
    const { actor, user } = await managedUser(c)
    return renderUser(c, actor, user, {})
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
    const found = await managedUser(c)
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
    const { actor, user } = await managedUser(c)
    const issued = await resetUserPassword(deps, actor, user.id)
    return showIssued(c, msg.passwordResetTitle, issued, user.agencyNameFa)
  })

  app.post('/:id/status', async (c) => {
    const { actor, user } = await managedUser(c)
    const form = parseForm(userStatusInput, await readForm(c))
    if (!form.ok) return renderUser(c, actor, user, form.errors)
    const disabled = form.data.status === 'disabled'
    await setUserDisabled(deps, actor, user.id, disabled)
    return c.redirect(`/admin/users/${user.id}?status=${form.data.status}`, 303)
  })

  app.post('/:id/tokens/:tokenId/revoke', async (c) => {
    const { actor, user } = await managedUser(c)
    const token = await findApiToken(deps.db, idParam(c, 'tokenId'))
    if (!token || token.userId !== user.id)
      throw new NotFoundError('token.not-found', msg.tokenNotFound)
    await revokeApiToken(deps, actor, token.id)
    return c.redirect(`/admin/users/${user.id}?revoked=1`, 303)
  })

  return app
}
