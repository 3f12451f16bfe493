import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FormValues } from '../../web/form.ts'
import { claimFirst, type FirstClaim } from '../../web/form-once-claim.ts'
import { formOnceOf } from '../accounts/index.ts'

/**
 * One-time form tokens for the evaluation's creating forms (close, object, answer, correct).
 *
 * The evaluation actions open their own transactions (publishing goes through
 * `deps.publicChange`), and PGlite has one connection, so the token cannot be claimed inside the
 * action's transaction as accounts do. The claim is committed first instead ({@link claimFirst}):
 * a resubmission of the same form (back and send again, a double click) then finds it and goes
 * to the first submission's result, creating nothing. A submission the action refuses keeps its
 * claim, which is harmless: the page it re-renders carries a fresh token. The result pages check
 * what they confirm against the database, so a claim whose action failed never shows a false
 * «done». Staff pages are reached with a session only (the actor middleware), so a form here
 * always has the session cookie the claim needs.
 */
export function claimForm(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  purpose: string,
  values: FormValues,
  resultPath: string,
): Promise<FirstClaim> {
  const once = formOnceOf(deps, c, actor, purpose, values)
  return claimFirst(deps.db, once, deps.clock.now(), resultPath)
}
