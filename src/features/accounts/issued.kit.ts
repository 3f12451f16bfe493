import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FormValues } from '../../web/form.ts'
import { type FormOnce, readFormOnceToken, takeShownOnce } from '../../web/form-once.ts'
import { msg } from './messages.fa.ts'
import { sessionCookieName } from './session.cookie.ts'

// What the account routes that create something share (issue 17 item 10): the form's one-time
// token as the action needs it, and the one GET that shows what the POST created.

/** The session cookie of a signed-in visitor: a sealed result's key derives from it. */
function sessionTokenOf(deps: Deps, c: Context<AppEnv>): string {
  const token = getCookie(c, sessionCookieName(deps.config.env))
  // Staff pages are reached with a session only; a bearer token never posts these forms.
  if (!token) throw new ForbiddenError('session.required', msg.forbiddenUsers)
  return token
}

/** The submitted form's one-time token for `purpose`, or null when it carried none of ours. */
export function formOnceOf(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  purpose: string,
  values: FormValues,
): FormOnce | null {
  const token = readFormOnceToken(values)
  if (token === null) return null
  return { userId: actor.userId, purpose, token, sessionToken: sessionTokenOf(deps, c) }
}

const claimId = z.uuid()

/**
 * The text the result page `/…/issued/:claim` shows once, parsed with `shape`; null when it was
 * shown already, waited too long, or belongs to someone else. Sends `Cache-Control: no-store`.
 */
export async function takeIssued<S extends z.ZodType>(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  shape: S,
): Promise<z.output<S> | null> {
  const id = claimId.safeParse(c.req.param('claim'))
  if (!id.success) throw new NotFoundError('issued.not-found', msg.userNotFound)
  // The secret is in this response only: never cached, never in a URL.
  c.header('Cache-Control', 'no-store')
  const text = await takeShownOnce(
    deps.db,
    id.data,
    { userId: actor.userId, sessionToken: sessionTokenOf(deps, c) },
    deps.clock.now(),
  )
  if (text === null) return null
  const parsed = shape.safeParse(JSON.parse(text))
  return parsed.success ? parsed.data : null
}
