import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { newTokenInput } from './account.input.ts'
import { requireActor } from './actor.require.ts'
import { msg } from './messages.fa.ts'
import { createApiToken, revokeApiToken } from './token.actions.ts'
import { listApiTokensOfUser } from './token.queries.ts'
import { presentToken } from './user.present.ts'
import { issuedTokenPage } from './views/one-time-secret.ts'
import { tokensPage } from './views/token-views.ts'

const uuid = z.uuid()

/** `/account/tokens`: every signed-in person's own API tokens. */
export function tokenRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function render(c: Context<AppEnv>, actor: Actor, values: FormValues, errors: FieldErrors) {
    const tokens = await listApiTokensOfUser(deps.db, actor.userId)
    const invalid = Object.keys(errors).length > 0
    return page(
      c,
      {
        title: invalid ? `خطا: ${msg.tokensTitle}` : msg.tokensTitle,
        breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
        ...(c.req.query('revoked') === '1' && !invalid
          ? { banner: { kind: 'success' as const, text: msg.tokenRevoked } }
          : {}),
        content: tokensPage({
          csrfToken: c.get('csrfToken'),
          tokens: tokens.map(presentToken),
          values,
          errors,
        }),
      },
      invalid ? 422 : 200,
    )
  }

  app.get('/', (c) => render(c, requireActor(c), {}, {}))

  app.post('/', async (c) => {
    const actor = requireActor(c)
    const values = await readForm(c)
    const form = parseForm(newTokenInput, values)
    if (!form.ok) return render(c, actor, values, form.errors)
    // Always the signed-in person's own token: no field of the form names another user.
    const { token, secret } = await createApiToken(deps, actor, actor.userId, form.data.name)
    // The secret exists only in this response: never cached, never in a URL.
    c.header('Cache-Control', 'no-store')
    return page(c, {
      title: msg.tokenCreatedTitle,
      content: issuedTokenPage({
        name: token.name,
        prefix: token.prefix,
        secret,
        links: [{ href: '/account/tokens', text: msg.backToTokens }],
      }),
    })
  })

  app.post('/:id/revoke', async (c) => {
    const actor = requireActor(c)
    const id = uuid.safeParse(c.req.param('id'))
    if (!id.success) throw new NotFoundError('token.not-found', msg.tokenNotFound)
    await revokeApiToken(deps, actor, id.data)
    return c.redirect('/account/tokens?revoked=1', 303)
  })

  return app
}
