import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import { ConflictError } from '../../lib/errors.ts'
import {
  assertCanEditServicesOf,
  findDraft,
  loadServiceById,
  servicesMsg as msg,
  saveDraft,
  startDraft,
} from '../services/index.ts'
import { draftChannelsOf } from './channel.api.read.ts'
import type { draftChannelsJson, draftChannelsUpdate } from './channel.api.schemas.ts'
import { setChannelsAndStages } from './channel.changes.ts'
import { assertChannelsConsistent } from './channel.input.ts'

/**
 * PUT /services/{id}/draft/channels: replaces the draft's channels and stage matrix, against
 * the revision the client read (409 if the draft changed since, 422 if they disagree).
 */
export async function saveDraftChannelsBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof draftChannelsUpdate>,
): Promise<z.infer<typeof draftChannelsJson>> {
  assertSignedIn(actor)
  const service = await loadServiceById(deps.db, id)
  assertCanEditServicesOf(actor, service.agencyId)
  assertChannelsConsistent(body)
  if (!(await findDraft(deps.db, service.id))) await startDraft(deps, actor, service.id)
  const result = await saveDraft(
    deps,
    actor,
    service.id,
    body.revision,
    setChannelsAndStages(body.channels, body.stages),
  )
  if (!result.ok)
    throw new ConflictError(
      'service.draft-conflict',
      `${msg.conflict} نسخهٔ کنونی: ${result.current.revision}`,
    )
  return draftChannelsOf(deps, result.draft)
}
