import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { findAgencyById } from '../agencies/index.ts'
import { assertChannelsConsistent } from '../channels/index.ts'
import { assertFormFilesAttachable } from '../forms/index.ts'
import { findLawsByIds } from '../laws/index.ts'
import {
  assertCanEditServicesOf,
  createService,
  findDraft,
  loadServiceById,
  servicesMsg as msg,
  type ServiceContent,
  type ServiceVersion,
  saveDraft,
  startDraft,
} from '../services/index.ts'
import { publishService } from './publish.actions.ts'
import { presentVersion, type serviceVersionJson } from './service.present.ts'
import { presentDraftProcess, versionBody } from './services.api.read.ts'
import type {
  draftBody,
  newServiceBody,
  processBody,
  processJson,
  publishBody,
} from './services.api.schemas.ts'

/**
 * The services API's writes with a token: the checks the API adds before the service
 * actions (cited laws exist, channels agree) and its answers (422, 409 on a stale revision).
 */

type VersionJson = z.output<typeof serviceVersionJson>

async function assertLawsExist(
  deps: Deps,
  lawIds: string[],
  pathOf = (i: number) => `content.legalBases.${i}.lawId`,
): Promise<void> {
  const found = new Set((await findLawsByIds(deps.db, lawIds)).map((l) => l.id))
  const errors: Record<string, string> = {}
  lawIds.forEach((id, i) => {
    if (!found.has(id)) errors[pathOf(i)] = 'این قانون در فهرست قوانین نیست.'
  })
  if (Object.keys(errors).length)
    throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', errors)
}

/** Saves the draft (started first if there is none), or 409 if `revision` is stale. */
async function saveOrConflict(
  deps: Deps,
  actor: Actor,
  serviceId: string,
  revision: number,
  change: (content: ServiceContent) => ServiceContent,
): Promise<ServiceVersion> {
  if (!(await findDraft(deps.db, serviceId))) await startDraft(deps, actor, serviceId)
  const result = await saveDraft(deps, actor, serviceId, revision, change)
  if (!result.ok)
    throw new ConflictError(
      'service.draft-conflict',
      `${msg.conflict} نسخهٔ کنونی: ${result.current.revision}`,
    )
  return result.draft
}

/** POST /services: a new service and its first draft, in the actor's agency. */
export async function createServiceBody(
  deps: Deps,
  actor: Actor | null,
  body: z.output<typeof newServiceBody>,
): Promise<VersionJson> {
  const result = await createService(deps, actor, { title: body.title, slug: body.slug ?? null })
  if (!result.ok) throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', result.errors)
  const agency = await findAgencyById(deps.db, result.service.agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
  return presentVersion(result.service, result.draft, agency, [])
}

/** GET /services/{id}/draft: the draft, started from the published version if there is none. */
export async function draftBodyOf(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<VersionJson> {
  const service = await loadServiceById(deps.db, id)
  const draft = await startDraft(deps, actor, service.id)
  return versionBody(deps, service, draft)
}

/** PUT /services/{id}/draft: the whole card replaced. */
export async function saveDraftBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
  body: z.output<typeof draftBody>,
): Promise<VersionJson> {
  assertSignedIn(actor)
  const service = await loadServiceById(deps.db, id)
  assertCanEditServicesOf(actor, service.agencyId)
  await assertLawsExist(
    deps,
    body.content.legalBases.map((b) => b.lawId),
  )
  assertChannelsConsistent(body.content)
  await assertFormFilesAttachable(
    deps.db,
    service.agencyId,
    body.content.forms.map((f) => f.sha256),
  )
  const draft = await saveOrConflict(deps, actor, service.id, body.revision, () => body.content)
  return versionBody(deps, service, draft)
}

/** GET /services/{id}/draft/process: the draft's process (the draft started if need be). */
export async function draftProcessBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<z.output<typeof processJson>> {
  const service = await loadServiceById(deps.db, id)
  const draft = await startDraft(deps, actor, service.id)
  return presentDraftProcess(draft)
}

/** PUT /services/{id}/draft/process: the process replaced, the rest of the card untouched. */
export async function saveDraftProcessBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
  body: z.output<typeof processBody>,
): Promise<z.output<typeof processJson>> {
  assertSignedIn(actor)
  const service = await loadServiceById(deps.db, id)
  assertCanEditServicesOf(actor, service.agencyId)
  const cited = body.process.steps.flatMap((s, i) =>
    s.legalBasis ? [{ i, lawId: s.legalBasis.lawId }] : [],
  )
  await assertLawsExist(
    deps,
    cited.map((x) => x.lawId),
    (n) => `process.steps.${cited[n]?.i ?? n}.legalBasis.lawId`,
  )
  const draft = await saveOrConflict(deps, actor, service.id, body.revision, (content) => ({
    ...content,
    process: body.process,
  }))
  return presentDraftProcess(draft)
}

/** POST /services/{id}/publish: the draft published through the one publish command. */
export async function publishBodyOf(
  deps: Deps,
  actor: Actor | null,
  id: string,
  body: z.output<typeof publishBody>,
): Promise<VersionJson> {
  const service = await loadServiceById(deps.db, id)
  const result = await publishService(deps, actor, service.id, body.changeNote)
  if (!result.ok) throw new ValidationError(msg.notReady, result.errors)
  return versionBody(deps, service, result.version)
}
