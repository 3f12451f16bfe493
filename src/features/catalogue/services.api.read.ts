import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAgencyByCode } from '../agencies/index.ts'
import { processProblems, processTiming, processTotal } from '../processes/index.ts'
import {
  findPublicVersion,
  findPublished,
  listPublicVersions,
  listPublishedServices,
  loadPublishedById,
  loadServiceById,
  servicesMsg as msg,
  reviewClock,
  type Service,
  type ServiceProcess,
  type ServiceVersion,
  withAgencyAndLaws,
} from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { cpsvInputOf } from './cpsv.read.ts'
import { toCpsvAp } from './interop/cpsv-ap.ts'
import {
  presentSummary,
  presentVersion,
  type serviceVersionJson,
  type versionListJson,
} from './service.present.ts'
import type { ListQuery, processJson, serviceListJson } from './services.api.schemas.ts'
import { changesPage } from './sync.ts'

/** The services API's response bodies, loaded and presented, for its route modules. */

/** A version as the API presents it: with its agency and the laws it cites. */
export async function versionBody(
  deps: Deps,
  service: Service,
  version: ServiceVersion,
): Promise<z.output<typeof serviceVersionJson>> {
  const [s, settings] = await Promise.all([
    withAgencyAndLaws(deps, service, version),
    loadPortalSettings(deps.db),
  ])
  const review = service.withdrawnAt
    ? null
    : reviewClock(service, settings.reviewPolicy, deps.clock.now())
  return presentVersion(service, version, s.agency, s.laws.values(), review)
}

/** GET /services: with `updated_since` the changes since then, else a page of the list. */
export async function serviceListBody(
  deps: Deps,
  q: ListQuery,
): Promise<z.output<typeof serviceListJson>> {
  if (q.updated_since !== undefined)
    return changesPage(deps, { ...q, updated_since: q.updated_since })
  const agency = q.agency ? await findAgencyByCode(deps.db, q.agency) : undefined
  if (q.agency && !agency) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
  const { items, total } = await listPublishedServices(
    deps.db,
    {
      agencyId: agency?.id,
      audience: q.audience,
      lifeEvent: q.lifeEvent,
      provinceCode: q.province,
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  )
  return {
    items: items.map((s) => presentSummary(s, deps.config.publicUrl)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  }
}

/** The published version of a service. */
export async function publishedVersionBody(
  deps: Deps,
  id: string,
): Promise<z.output<typeof serviceVersionJson>> {
  const service = await loadServiceById(deps.db, id)
  const version = await findPublished(deps.db, service.id)
  if (!version) throw new NotFoundError('service.not-found', msg.notFound)
  return versionBody(deps, service, version)
}

/** Public version `n` of a service (current or superseded). */
export async function publicVersionBody(
  deps: Deps,
  id: string,
  n: number,
): Promise<z.output<typeof serviceVersionJson>> {
  const service = await loadServiceById(deps.db, id)
  const version = await findPublicVersion(deps.db, service.id, n)
  if (!version) throw new NotFoundError('service.version-not-found', msg.versionNotFound)
  return versionBody(deps, service, version)
}

/** Every public version of a service, oldest first. */
export async function versionListBody(
  deps: Deps,
  id: string,
): Promise<z.output<typeof versionListJson>> {
  const service = await loadServiceById(deps.db, id)
  const versions = await listPublicVersions(deps.db, service.id)
  return {
    items: versions.map((v) => ({
      versionNo: v.versionNo,
      status: v.status,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      changeNote: v.changeNote,
    })),
  }
}

/** The published version as a CPSV-AP 3.2.0 JSON-LD document. */
export async function cpsvDocument(deps: Deps, id: string): Promise<unknown> {
  const { service, version } = await loadPublishedById(deps.db, id)
  return toCpsvAp(await cpsvInputOf(deps, await withAgencyAndLaws(deps, service, version)))
}

/** A draft's process with its structural problems and critical-path total. */
export function presentDraftProcess(draft: {
  revision: number
  content: { process: ServiceProcess }
}): z.output<typeof processJson> {
  const timing = processTiming(draft.content.process)
  return {
    revision: draft.revision,
    process: draft.content.process,
    problems: processProblems(draft.content.process),
    // The words the service page will show for this process (issue 17 item 2).
    total: timing ? processTotal(timing).text : null,
  }
}
