import type { Context } from 'hono'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { toAsciiDigits } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import { type Agency, findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import { assertCanManageUser } from './account.policy.ts'
import { requireActor } from './actor.require.ts'
import { takeIssued } from './issued.kit.ts'
import { msg } from './messages.fa.ts'
import { listApiTokensOfUser } from './token.queries.ts'
import type { UserWithAgency } from './user.model.ts'
import { presentToken, presentUser } from './user.present.ts'
import { findUserById } from './user.queries.ts'
import { type IssuedPassword, issuedPasswordShape } from './user-once.actions.ts'
import { issuedPasswordPage, secretGonePage } from './views/one-time-secret.ts'
import { type UserFormView, userFormPage, userPage } from './views/user-views.ts'

// The parts the user admin pages share (user-list.routes.ts, user-page.routes.ts): which agency
// and which user a request is about, once the actor may see them, and the pages both render.

const uuid = z.uuid()

/** A path id that is not a UUID names nothing (and must not reach PostgreSQL as one). */
export function idParam(c: Context<AppEnv>, name: string): string {
  const parsed = uuid.safeParse(c.req.param(name))
  if (!parsed.success) throw new NotFoundError('user.not-found', msg.userNotFound)
  return parsed.data
}

export const crumbs = [
  { href: '/admin', text: 'پیشخوان' },
  { href: '/admin/users', text: msg.usersTitle },
]

export function titled(title: string, errors: FieldErrors): string {
  return Object.keys(errors).length > 0 ? `خطا: ${title}` : title
}

/** `?agency=`, in ASCII digits. */
export function agencyCodeQuery(c: Context<AppEnv>): string {
  return toAsciiDigits(c.req.query('agency') ?? '')
    .trim()
    .slice(0, 20)
}

/** The agency a page is about: the agency admin's own, or the one the central admin picked. */
export async function agencyFor(
  deps: Deps,
  actor: Actor,
  code: string,
): Promise<Agency | undefined> {
  if (actor.role !== 'central_admin') {
    const own = actor.agencyId ? await findAgencyById(deps.db, actor.agencyId) : undefined
    if (!own) throw new ForbiddenError('users.manage', msg.forbiddenUsers)
    if (code && code !== own.code) throw new ForbiddenError('users.manage', msg.forbiddenUsers)
    return own
  }
  return code ? findAgencyByCode(deps.db, code) : undefined
}

/** The signed-in actor and the user in the path, once the actor may manage that user. */
export async function managedUser(
  deps: Deps,
  c: Context<AppEnv>,
): Promise<{ actor: Actor; user: UserWithAgency }> {
  const actor = requireActor(c)
  const id = idParam(c, 'id')
  const user = await findUserById(deps.db, id)
  if (!user) throw new NotFoundError('user.not-found', msg.userNotFound)
  assertCanManageUser(actor, user)
  return { actor, user }
}

const ISSUED_TITLES: Record<IssuedPassword['kind'], string> = {
  credentials: msg.issuedTitle,
  'new-user': msg.userCreatedTitle,
  reset: msg.passwordResetTitle,
}

/**
 * `/admin/users/issued/:claim`, where a form that issued a one-time password (new agency admin,
 * new user) redirects: the password once, then a page that says it is gone (410).
 */
export async function issuedPasswordResult(deps: Deps, c: Context<AppEnv>) {
  const shown = await takeIssued(deps, c, requireActor(c), issuedPasswordShape)
  if (!shown) {
    const links = [{ href: '/admin/users', text: msg.usersTitle }]
    return page(
      c,
      { title: msg.secretGoneTitle, content: secretGonePage({ text: msg.passwordGone, links }) },
      410,
    )
  }
  const title = ISSUED_TITLES[shown.kind]
  const code = shown.agencyCode
  const links =
    shown.kind === 'credentials' && code && shown.agencyNameFa
      ? [
          { href: `/admin/agencies/${code}/credentials`, text: msg.backToCredentials },
          { href: `/agencies/${code}`, text: shown.agencyNameFa },
        ]
      : [
          { href: `/admin/users/${shown.userId}`, text: shown.username },
          { href: code ? `/admin/users?agency=${code}` : '/admin/users', text: msg.usersTitle },
        ]
  return page(c, {
    title,
    content: issuedPasswordPage({
      title,
      agencyCode: code,
      agencyNameFa: shown.agencyNameFa,
      username: shown.username,
      oneTimePassword: shown.oneTimePassword,
      links,
    }),
  })
}

/**
 * A user form (new agency user, new central user, edit): 422 with its errors. A form that
 * creates an account carries a fresh one-time token (web/form-once.ts).
 */
export function userForm(
  c: Context<AppEnv>,
  view: Omit<UserFormView, 'csrfToken' | 'onceToken'>,
  title: string,
): Response | Promise<Response> {
  const csrfToken = c.get('csrfToken')
  return page(
    c,
    {
      title: titled(title, view.errors),
      breadcrumbs: crumbs,
      content: userFormPage(
        view.mode === 'edit'
          ? { ...view, csrfToken }
          : { ...view, csrfToken, onceToken: newFormOnceToken() },
      ),
    },
    Object.keys(view.errors).length > 0 ? 422 : 200,
  )
}

/** What `?updated=1`, `?status=` or `?revoked=1` after a write says on the user's page. */
function doneBanner(c: Context<AppEnv>): string | undefined {
  if (c.req.query('updated') === '1') return msg.userUpdated
  if (c.req.query('status') === 'disabled') return msg.userDisabled
  if (c.req.query('status') === 'active') return msg.userEnabled
  if (c.req.query('revoked') === '1') return msg.tokenRevoked
  return undefined
}

/** A user's page: the account, its API tokens and the forms acting on it (422 with errors). */
export async function userAccountPage(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  user: UserWithAgency,
  errors: FieldErrors,
) {
  const tokens = await listApiTokensOfUser(deps.db, user.id)
  const banner = Object.keys(errors).length > 0 ? undefined : doneBanner(c)
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
        onceToken: newFormOnceToken(),
        user: presentUser(user, actor, deps.config.signInMaxFailures),
        tokens: tokens.map((t) => presentToken(t, deps.clock.now())),
        errors,
      }),
    },
    Object.keys(errors).length > 0 ? 422 : 200,
  )
}
