import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import { newTokenInput } from './account.input.ts'
import { requireActor } from './actor.require.ts'
import { formOnceOf, takeIssued } from './issued.kit.ts'
import { msg } from './messages.fa.ts'
import { createOwnApiTokenOnce, renewApiToken, revokeApiToken } from './token.actions.ts'
import { listApiTokensOfUser } from './token.queries.ts'
import { presentToken } from './user.present.ts'
import { issuedTokenPage, secretGonePage } from './views/one-time-secret.ts'
import { tokensPage } from './views/token-views.ts'

const uuid = z.uuid()

const issuedTokenShape = z.object({ name: z.string(), prefix: z.string(), secret: z.string() })

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
          onceToken: newFormOnceToken(),
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
    const once = formOnceOf(deps, c, actor, 'accounts.token', values)
    if (!once) return render(c, actor, values, { name: msg.formOnceMissing })
    // Always the signed-in person's own token: no field of the form names another user. Sent
    // again (back and resubmit, a double click), the same form goes to the first token's page.
    const outcome = await createOwnApiTokenOnce(deps, actor, form.data, once)
    return c.redirect(outcome.resultPath, 303)
  })

  // The one GET that shows a new token's secret; after it, the page says it is gone.
  app.get('/issued/:claim', async (c) => {
    const shown = await takeIssued(deps, c, requireActor(c), issuedTokenShape)
    const links = [{ href: '/account/tokens', text: msg.backToTokens }]
    if (!shown)
      return page(
        c,
        { title: msg.secretGoneTitle, content: secretGonePage({ text: msg.tokenGone, links }) },
        410,
      )
    return page(c, {
      title: msg.tokenCreatedTitle,
      content: issuedTokenPage({ ...shown, links }),
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
