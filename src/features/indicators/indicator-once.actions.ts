import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { type FormOnce, type FormOnceOutcome, inFormOnce } from '../../web/form-once.ts'
import { addNewVersion, addProposal, type NewIndicator, proposedCode } from './indicator.actions.ts'
import type { Indicator, IndicatorVersion } from './indicator.model.ts'
import { assertCanProposeFor } from './indicator.policy.ts'

// The indicator forms that create something, run once per form token (web/form-once.ts, issue 17
// item 10), claimed in the action's own transaction. Their refusals are thrown (a ValidationError,
// a ConflictError), so a refused form rolls its claim back with everything else.

/**
 * «پیشنهاد شاخص تازه», once per form: the code is taken first so the claim can name the new
 * indicator's page; sent again, the form proposes nothing more and leads there.
 */
export async function proposeIndicatorOnce(
  deps: Deps,
  actor: Actor | null,
  input: NewIndicator,
  once: FormOnce,
): Promise<FormOnceOutcome<Indicator>> {
  assertCanProposeFor(actor, {
    kind: input.kind,
    agencyId: input.kind === 'general' ? null : input.agencyId,
  })
  return deps.db.transaction().execute(async (trx) => {
    const code = await proposedCode(trx, input)
    return inFormOnce(
      trx,
      once,
      deps.clock.now(),
      () => `/admin/indicators/${encodeURIComponent(code)}?done=proposed`,
      async () => ({ value: (await addProposal(deps, trx, actor, input, code)).indicator }),
    )
  })
}

/**
 * «نسخهٔ تازه», once per form: sent again (a reload, a double click), it leads to the draft the
 * first one started instead of the «a proposal is already open» conflict.
 */
export async function startNewVersionOnce(
  deps: Deps,
  actor: Actor | null,
  code: string,
  once: FormOnce,
): Promise<FormOnceOutcome<IndicatorVersion>> {
  return deps.db.transaction().execute((trx) =>
    inFormOnce(
      trx,
      once,
      deps.clock.now(),
      () => `/admin/indicators/${encodeURIComponent(code)}/edit`,
      async () => ({ value: await addNewVersion(deps, trx, actor, code) }),
    ),
  )
}
