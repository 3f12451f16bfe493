import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { editorMsg as em, msg } from './messages.fa.ts'
import type { Service } from './service.model.ts'
import {
  assertCanEditServicesOf,
  assertCanPublishServicesOf,
  canEditServicesOf,
} from './service.policy.ts'
import { findServiceById } from './service.queries.ts'

/** A service id in a path: a UUID (anything else cannot exist, and must not reach SQL). */
export const ID = '{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}'

/**
 * Who may open the staff pages of an agency's services: its editors and admin,
 * and central staff (read-only, to supervise). Writes are authorised again by
 * the actions themselves.
 */
export function canViewServicesOf(actor: Actor | null, agencyId: string): boolean {
  return canEditServicesOf(actor, agencyId) || isCentral(actor)
}

export type Need = 'view' | 'edit' | 'publish'

/**
 * The signed-in actor and the service in the path, once the actor is known
 * to be allowed `need` on it: anonymous → sign in (GET) or 401, unknown → 404,
 * not allowed → 403. Routes call this before reading any input, so a
 * forbidden request is refused before its input is looked at.
 */
export async function staffService(
  deps: Deps,
  c: Context<AppEnv>,
  id: string | undefined,
  need: Need,
): Promise<{ actor: Actor; service: Service }> {
  const actor = c.get('actor')
  assertSignedIn(actor)
  const service = id ? await findServiceById(deps.db, id) : undefined
  if (!service) throw new NotFoundError('service.not-found', msg.notFound)
  if (need === 'edit') assertCanEditServicesOf(actor, service.agencyId)
  else if (need === 'publish') assertCanPublishServicesOf(actor, service.agencyId)
  else if (!canViewServicesOf(actor, service.agencyId))
    throw new ForbiddenError('services.view', em.forbiddenView)
  return { actor, service }
}

/** The success banner named by `?done=`, if any. */
export function doneBanner(c: Context<AppEnv>): { kind: 'success'; text: string } | undefined {
  const done = c.req.query('done') ?? ''
  const text = (em.done as Record<string, string>)[done]
  return text ? { kind: 'success', text } : undefined
}
