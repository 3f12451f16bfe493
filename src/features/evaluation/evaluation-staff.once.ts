import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FormValues } from '../../web/form.ts'
import { inFormOnce, readFormOnceToken } from '../../web/form-once.ts'
import { sessionCookieName } from '../accounts/index.ts'

/**
 * One-time form tokens for the evaluation's creating forms (close, object, answer, correct).
 *
 * The evaluation actions open their own transactions (publishing goes through
 * `deps.publicChange`), and PGlite has one connection, so the token cannot be claimed inside the
 * action's transaction as accounts do. The claim is committed first instead: a resubmission of
 * the same form (back and send again, a double click) then finds it and goes to the first
 * submission's result, creating nothing. A submission the action refuses keeps its claim, which
 * is harmless: the page it re-renders carries a fresh token. The result pages check what they
 * confirm against the database, so a claim whose action failed never shows a false «done».
 */
export type Claim = { kind: 'missing' } | { kind: 'again'; resultPath: string } | { kind: 'first' }

export async function claimForm(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  purpose: string,
  values: FormValues,
  resultPath: string,
): Promise<Claim> {
  const token = readFormOnceToken(values)
  // Staff pages are used with a session; without its cookie there is no form to resubmit.
  const sessionToken = getCookie(c, sessionCookieName(deps.config.env))
  if (token === null || !sessionToken) return { kind: 'missing' }
  const once = { userId: actor.userId, purpose, token, sessionToken }
  const outcome = await deps.db.transaction().execute((trx) =>
    inFormOnce(
      trx,
      once,
      deps.clock.now(),
      () => resultPath,
      async () => ({ value: true }),
    ),
  )
  return outcome.first ? { kind: 'first' } : { kind: 'again', resultPath: outcome.resultPath }
}
