import { type Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { formStartValue } from './abuse.actions.ts'
import { publicFormVisitor } from './abuse.http.ts'
import { openRatingLink, submitRating } from './rating.actions.ts'
import { ratingForm } from './rating.input.ts'
import { ratingMsg as msg } from './rating.messages.fa.ts'
import { ratingFormPage, ratingOutcomePage } from './views/rating-page.ts'

const STATUS: Record<'saved' | 'used' | 'forged' | 'expired' | 'unknown', ContentfulStatusCode> = {
  saved: 200,
  used: 409,
  forged: 404,
  expired: 410,
  unknown: 404,
}

// The token is checked by its signature; this only keeps absurd paths away from the crypto.
const TOKEN = '{[A-Za-z0-9_-]{1,200}}'

/** `/rate/<token>`: the one-time rating form of a completed transaction. No sign-in. */
export function ratingRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const outcome = (c: Context<AppEnv>, kind: keyof typeof STATUS) => {
    c.header('cache-control', 'no-store')
    return page(c, ratingOutcomePage(kind), STATUS[kind])
  }

  const form = async (
    c: Context<AppEnv>,
    serviceTitle: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    c.header('cache-control', 'no-store')
    return page(
      c,
      {
        title: msg.title,
        content: ratingFormPage({
          action: c.req.path,
          serviceTitle,
          csrfToken: c.get('csrfToken') ?? '',
          // A form re-shown with its errors keeps the time it was first rendered.
          started: values.started ?? (await formStartValue(deps)),
          values,
          errors,
        }),
      },
      Object.keys(errors).length ? 422 : 200,
    )
  }

  app.get(`/:token${TOKEN}`, async (c) => {
    const link = await openRatingLink(deps, c.req.param('token'))
    if (link.state !== 'open') return outcome(c, link.state)
    return form(c, link.serviceTitle, {}, {})
  })

  app.post(`/:token${TOKEN}`, async (c) => {
    const token = c.req.param('token')
    const link = await openRatingLink(deps, token)
    if (link.state !== 'open') return outcome(c, link.state)
    const values = await readForm(c)
    const parsed = parseForm(ratingForm, values)
    if (!parsed.ok) return form(c, link.serviceTitle, values, parsed.errors)
    const sender = { visitor: publicFormVisitor(c, deps.config), fields: values }
    return outcome(c, await submitRating(deps, token, parsed.data, sender))
  })

  return app
}
