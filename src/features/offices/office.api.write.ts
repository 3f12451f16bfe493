import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import { findAgencyById } from '../agencies/index.ts'
import { msg } from './messages.fa.ts'
import { changeOffice, createOffice } from './office.actions.ts'
import { presentOffice } from './office.api.read.ts'
import type { OfficeJson } from './office.api.schemas.ts'
import { bodyOf, officeFields, officeInput } from './office.input.ts'
import { assertCanManageOfficesOf } from './office.policy.ts'
import { findOfficeById } from './office.queries.ts'

/**
 * The offices API's writes with a token. The body is read only once the actor may manage
 * the office (a stranger learns nothing from validation), hence `readBody` is a function.
 */

type ReadBody = () => Promise<unknown>

function invalid(error: z.ZodError): never {
  throw new ValidationError(msg.invalid, fieldErrorsOf(error))
}

/** POST /agencies/{id}/offices: the new office. */
export async function createOfficeBody(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  readBody: ReadBody,
): Promise<OfficeJson> {
  assertSignedIn(actor)
  const agency = await findAgencyById(deps.db, agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
  // Authorised before the body is looked at.
  assertCanManageOfficesOf(actor, agency.id)
  const parsed = officeInput.safeParse(await readBody())
  if (!parsed.success) invalid(parsed.error)
  const office = await createOffice(deps, actor, agency.id, parsed.data)
  return presentOffice(deps, office)
}

/** PATCH /offices/{id}: the fields sent replace the stored ones; the result is checked whole. */
export async function patchOfficeBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
  readBody: ReadBody,
): Promise<OfficeJson> {
  assertSignedIn(actor)
  const existing = await findOfficeById(deps.db, id)
  if (!existing) throw new NotFoundError('office.not-found', msg.notFound)
  assertCanManageOfficesOf(actor, existing.agencyId)
  const raw = await readBody()
  const changes = officeFields.partial().safeParse(raw)
  if (!changes.success) invalid(changes.error)
  const sent = typeof raw === 'object' && raw !== null ? raw : {}
  const merged = {
    ...bodyOf(existing),
    ...Object.fromEntries(
      Object.entries(sent).filter(([k, v]) => v !== undefined && k in officeFields.shape),
    ),
  }
  const parsed = officeInput.safeParse(merged)
  if (!parsed.success) invalid(parsed.error)
  const result = await changeOffice(deps, actor, existing.id, () => ({
    ok: true,
    input: parsed.data,
  }))
  if (!result.ok) throw new ValidationError(msg.invalid, result.errors)
  return presentOffice(deps, result.office)
}
