import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FormFields } from '../../web/form.ts'
import { plainValues } from '../../web/form.ts'
import { FORM_ONCE_FIELD, newFormOnceToken } from '../../web/form-once.ts'
import {
  claimFirst,
  claimOnce,
  type FirstClaim,
  type OnceResult,
  onceOrRefused,
} from '../../web/form-once-claim.ts'
import { formOnceOf } from '../accounts/index.ts'
import { assertCanEditServicesOf, createServiceIn, type ListSection } from '../services/index.ts'
import { catalogueMsg } from './messages.fa.ts'

/**
 * One-time form tokens for the catalogue's creating forms (issue 17 item 10): the new-service
 * form and the card editor's «add an item» forms. Each form carries a token (web/form-once.ts);
 * the first submission creates and answers 303, the same form sent again (back and resubmit, a
 * reload of the POST, a double click) creates nothing and is sent to the first result.
 */

/** The new-service form's purpose in `form_once`. */
const NEW_SERVICE = 'catalogue.new-service'

/**
 * A new service from `/admin/services/new`, once per form token. The claim is made in the same
 * transaction as the service (createServiceIn), so an address already taken rolls the claim back
 * with everything else and the corrected form can be sent with the same token. The service's id
 * is chosen first: the claim records the result page before the service exists.
 */
export async function createServiceOnce(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  input: { title: string; slug: string | null },
  values: Record<string, string>,
): Promise<OnceResult<string>> {
  assertCanEditServicesOf(actor, actor.agencyId ?? '')
  const once = formOnceOf(deps, c, actor, NEW_SERVICE, values)
  if (!once) return { ok: false, errors: { _form: catalogueMsg.formOnceMissing } }
  const id = randomUUID()
  return onceOrRefused(() =>
    deps.db.transaction().execute((trx) =>
      claimOnce(trx, once, deps.clock.now(), `/admin/services/${id}?done=created`, async () => {
        const result = await createServiceIn(deps, trx, actor, { ...input, id })
        return result.ok ? { ok: true, value: result.service.id } : result
      }),
    ),
  )
}

/**
 * Claims an «add an item» form's token before the item is added, in a transaction of its own.
 *
 * Why not inside the save: the add goes through the section-editor kit (services'
 * `saveSection` → `saveDraft`), which opens its own transaction and answers with the conflict
 * page itself, and PGlite has one connection, so the claim cannot join that transaction. It is
 * committed first instead ({@link claimFirst}, as the evaluation's forms do): a resubmission
 * then finds it and goes to the list, adding nothing. The route checks everything it can before
 * claiming (the item's fields, the law, a full list, the whole card with the item added), so a
 * claim is left without its item only when the save loses a race; the conflict page that
 * follows carries a fresh token ({@link withFreshToken}), so applying the change from there is a
 * new submission.
 */
export function claimListAdd(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  list: ListSection,
  fields: FormFields,
  resultPath: string,
): Promise<FirstClaim> {
  const once = formOnceOf(deps, c, actor, `catalogue.add.${list}`, plainValues(fields))
  return claimFirst(deps.db, once, deps.clock.now(), resultPath)
}

/** The submitted fields with a new one-time token, for a page that offers to send them again. */
export function withFreshToken(fields: FormFields): FormFields {
  return { ...fields, [FORM_ONCE_FIELD]: newFormOnceToken() }
}

/** The submitted fields without their token: a form shown again gets a fresh one of its own. */
export function withoutToken(fields: FormFields): FormFields {
  const { [FORM_ONCE_FIELD]: _token, ...rest } = fields
  return rest
}
