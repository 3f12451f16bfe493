import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../lib/errors.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import { createAgency, editAgency } from './agency.actions.ts'
import type { AgencyInput, agencyFields } from './agency.input.ts'
import { agencyInput } from './agency.input.ts'
import { assertCanManageAgencies } from './agency.policy.ts'
import { type AgencyJson, agencyValues, presentAgency } from './agency.present.ts'
import { findAgencyById } from './agency.queries.ts'
import { msg } from './messages.fa.ts'

/**
 * The agencies API's writes with a token (the central admin's): the token check, PATCH's
 * merge of the sent fields over the stored agency, and the answers (401, 403, 404, 422).
 */

const INVALID = 'داده‌های فرستاده‌شده معتبر نیستند.'

function requireToken(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError('token.required', 'توکن API لازم است.')
  return actor
}

/** POST /agencies: the new agency. */
export async function createAgencyBody(
  deps: Deps,
  actor: Actor | null,
  input: AgencyInput,
): Promise<AgencyJson> {
  const result = await createAgency(deps, requireToken(actor), input)
  if (!result.ok) throw new ValidationError(INVALID, result.errors)
  return presentAgency(result.agency)
}

/** PATCH /agencies/{id}: only the fields sent change; the merged agency is checked whole. */
export async function patchAgencyBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
  sent: Partial<z.output<typeof agencyFields>>,
): Promise<AgencyJson> {
  const editor = requireToken(actor)
  assertCanManageAgencies(editor)
  const existing = await findAgencyById(deps.db, id)
  if (!existing) throw new NotFoundError('agency.not-found', msg.notFound)
  const changes = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined))
  const merged = { ...agencyValues(existing), ...changes }
  const parsed = agencyInput.safeParse(merged)
  if (!parsed.success) throw new ValidationError(INVALID, fieldErrorsOf(parsed.error))
  const result = await editAgency(deps, editor, existing.id, parsed.data)
  if (!result.ok) throw new ValidationError(INVALID, result.errors)
  return presentAgency(result.agency)
}
