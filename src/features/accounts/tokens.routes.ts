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
import { createApiToken, renewApiToken, revokeApiToken } from './token.actions.ts'
import { listApiTokensOfUser } from './token.queries.ts'
import { presentToken } from './user.present.ts'
import { issuedTokenPage } from './views/one-time-secret.ts'
import { tokensPage } from './views/token-views.ts'

const uuid = z.uuid()

function tokenId(c: Context<AppEnv>): string {
  const id = uuid.safeParse(c.req.param('id'))
  if (!id.success) throw new NotFoundError('token.not-found', msg.tokenNotFound)
  return id.data
}

function doneBanner(c: Context<AppEnv>): string | undefined {
  if (c.req.query('revoked') === '1') return msg.tokenRevoked
  if (c.req.query('renewed') === '1') return msg.tokenRenewed
  return undefined
}

/** `/account/tokens`: every signed-in person's own API tokens. */
export function tokenRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function render(c: Context<AppEnv>, actor: Actor, values: FormValues, errors: FieldErrors) {
    const tokens = await listApiTokensOfUser(deps.db, actor.userId)
    const invalid = Object.keys(errors).length > 0
    const banner = invalid ? undefined : doneBanner(c)
    const now = deps.clock.now()
    return page(
      c,
      {
        title: invalid ? `خطا: ${msg.tokensTitle}` : msg.tokensTitle,
        breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
        ...(banner ? { banner: { kind: 'success' as const, text: banner } } : {}),
        content: tokensPage({
          csrfToken: c.get('csrfToken'),
          tokens: tokens.map((t) => presentToken(t, now)),
          values,
          errors,
          agencyName: actor.agencyNameFa ?? msg.tokenAgencyCentral,
          lifetimeDays: Math.round(deps.config.apiTokenLifetimeMs / 86_400_000),
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
    const { token, secret } = await createApiToken(deps, actor, actor.userId, form.data.name, {
      access: form.data.access,
    })
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

  app.post('/:id/renew', async (c) => {
    const actor = requireActor(c)
    await renewApiToken(deps, actor, tokenId(c))
    return c.redirect('/account/tokens?renewed=1', 303)
  })

  app.post('/:id/revoke', async (c) => {
    const actor = requireActor(c)
    await revokeApiToken(deps, actor, tokenId(c))
    return c.redirect('/account/tokens?revoked=1', 303)
  })

  return app
}
