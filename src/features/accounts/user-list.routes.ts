import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import type { Agency } from '../agencies/index.ts'
import { newAgencyUserInput, newCentralUserInput } from './account.input.ts'
import { assertCanListUsers, assertCanManageUsersOf, assertCentralAdmin } from './account.policy.ts'
import { requireActor } from './actor.require.ts'
import { formOnceOf } from './issued.kit.ts'
import { msg } from './messages.fa.ts'
import { presentUser } from './user.present.ts'
import { listCentralUsers, listUsersOfAgency } from './user.queries.ts'
import {
  agencyCodeQuery,
  agencyFor,
  crumbs,
  issuedPasswordResult,
  titled,
  userForm,
} from './user-admin.pages.ts'
import { createAgencyUserOnce, createCentralUserOnce } from './user-once.actions.ts'
import { agencyUsersPage, centralUsersPage } from './views/user-views.ts'

/**
 * `/admin/users`, `/new` and `/new-central`: the lists of users and adding one. Agency admins
 * manage their own agency's users; the central admin any agency's users and the central staff.
 * One user's pages are in user-page.routes.ts. Every write is authorised again in its action.
 */
export function userListRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const actor = requireActor(c)
    assertCanListUsers(actor)
    const code = agencyCodeQuery(c)
    const agency = await agencyFor(deps, actor, code)
    const warnAt = deps.config.signInMaxFailures
    if (agency) {
      const users = await listUsersOfAgency(deps.db, agency.id)
      return page(c, {
        title: msg.usersOf(agency.nameFa),
        breadcrumbs: crumbs,
        content: agencyUsersPage({
          agency: { code: agency.code, nameFa: agency.nameFa },
          users: users.map((u) => presentUser(u, actor, warnAt)),
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
          staff: staff.map((u) => presentUser(u, actor, warnAt)),
        }),
      },
      code ? 404 : 200,
    )
  })

  async function newUserAgency(c: Context<AppEnv>): Promise<{ actor: Actor; agency: Agency }> {
    const actor = requireActor(c)
    assertCanListUsers(actor)
    const agency = await agencyFor(deps, actor, agencyCodeQuery(c))
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
    const once = formOnceOf(deps, c, actor, 'accounts.user', values)
    if (!once) return newAgencyUserForm(c, agency, values, { usernamePart: msg.formOnceMissing })
    // 303 to the page that shows the password once; the same form sent again adds no one.
    const result = await createAgencyUserOnce(deps, actor, agency.id, form.data, once)
    if (!result.ok) return newAgencyUserForm(c, agency, values, result.errors)
    return c.redirect(result.resultPath, 303)
  })

  app.get('/issued/:claim', (c) => issuedPasswordResult(deps, c))

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
    const once = formOnceOf(deps, c, actor, 'accounts.central-user', values)
    if (!once) return newCentralUserForm(c, values, { username: msg.formOnceMissing })
    try {
      const outcome = await createCentralUserOnce(deps, actor, form.data, once)
      return c.redirect(outcome.resultPath, 303)
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'username.taken') {
        return newCentralUserForm(c, values, { username: msg.usernameTaken })
      }
      throw error
    }
  })

  return app
}
