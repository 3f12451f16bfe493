import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAgencyByCode, listAgencyBriefs } from '../agencies/index.ts'
import type { ServiceContent, ServiceVersion } from '../services/index.ts'
import {
  findPublished,
  loadServiceById,
  servicesMsg as msg,
  startDraft,
} from '../services/index.ts'
import type {
  channelsJson,
  draftChannelsJson,
  MaturityJson,
  maturityIndicatorJson,
} from './channel.api.schemas.ts'
import { listPublishedLevels } from './channel.queries.ts'
import { type MaturityLevel, maturityLevel, summarizeMaturity } from './maturity.model.ts'
import { MATURITY_LABELS } from './messages.fa.ts'

/** The channels API's read answers, loaded and presented, for its route modules. */

/** Where the API's answers point for the definition of the maturity levels. */
function definitionUrl(publicUrl: string): string {
  return `${publicUrl}/help/e-service-maturity`
}

function maturityOf(
  publicUrl: string,
  c: Pick<ServiceContent, 'channels' | 'stages' | 'forms'>,
): MaturityJson {
  const level = maturityLevel(c)
  return { level, label: MATURITY_LABELS[level], definition: definitionUrl(publicUrl) }
}

/** A draft's channels, stage matrix and maturity, with the revision to send back. */
export function draftChannelsOf(
  deps: Deps,
  draft: ServiceVersion,
): z.infer<typeof draftChannelsJson> {
  const content = draft.content
  return {
    revision: draft.revision,
    channels: content.channels,
    stages: content.stages,
    maturity: maturityOf(deps.config.publicUrl, content),
  }
}

/** GET /services/{id}/channels: the published version's (404 when withdrawn or unpublished). */
export async function publishedChannelsBody(
  deps: Deps,
  id: string,
): Promise<z.infer<typeof channelsJson>> {
  const service = await loadServiceById(deps.db, id)
  const version = service.withdrawnAt ? undefined : await findPublished(deps.db, service.id)
  if (!version) throw new NotFoundError('service.not-found', msg.notFound)
  const content = version.content
  return {
    channels: content.channels,
    stages: content.stages,
    maturity: maturityOf(deps.config.publicUrl, content),
  }
}

/** GET /services/{id}/draft/channels: the draft's, started from the published version if none. */
export async function draftChannelsBody(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<z.infer<typeof draftChannelsJson>> {
  const service = await loadServiceById(deps.db, id)
  return draftChannelsOf(deps, await startDraft(deps, actor, service.id))
}

/** GET /indicators/e-service-maturity: each agency's (or one agency's) maturity summary. */
export async function maturityIndicatorBody(
  deps: Deps,
  code: string | undefined,
): Promise<z.infer<typeof maturityIndicatorJson>> {
  const agencies = code
    ? [await findAgencyByCode(deps.db, code)].filter((a) => a !== undefined)
    : await listAgencyBriefs(deps.db)
  if (code && agencies.length === 0)
    throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
  const levels = await listPublishedLevels(deps.db, code ? agencies[0]?.id : undefined)
  const byAgency = new Map<string, MaturityLevel[]>()
  for (const l of levels) byAgency.set(l.agencyId, [...(byAgency.get(l.agencyId) ?? []), l.level])
  return {
    items: agencies.map((a) => ({
      agency: { code: a.code, nameFa: a.nameFa },
      ...summarizeMaturity(byAgency.get(a.id) ?? []),
    })),
    definition: definitionUrl(deps.config.publicUrl),
  }
}
