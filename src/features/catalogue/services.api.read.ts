import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { endOfTehranDay } from '../../lib/fa/tehran-time.ts'
import type { PublicRead } from '../../web/etag.ts'
import { AGENCIES_CACHE_TAG, findAgencyByCode } from '../agencies/index.ts'
import { officeCacheTag } from '../offices/index.ts'
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
  serviceCacheTag,
  withAgencyAndLaws,
} from '../services/index.ts'
import { loadPortalSettings, REVIEW_POLICY_CACHE_TAG } from '../settings/index.ts'
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

/** An answer of the API with what it shows and how long it holds (see web/etag.ts). */
export interface ReadBody<T> extends PublicRead {
  body: T
}

/** A version as the API presents it: with its agency and the laws it cites. */
export async function versionBody(
  deps: Deps,
  service: Service,
  version: ServiceVersion,
): Promise<z.output<typeof serviceVersionJson>> {
  return (await versionRead(deps, service, version)).body
}

/**
 * A version as the API presents it, with its cache tags (the service, its agency's name, the
 * review policy) and expiry: when its review clock next changes state, and at the latest the
 * end of the Tehran day, as the service page (a law's new title shows by then).
 */
async function versionRead(
  deps: Deps,
  service: Service,
  version: ServiceVersion,
): Promise<ReadBody<z.output<typeof serviceVersionJson>>> {
  const now = deps.clock.now()
  const [s, settings] = await Promise.all([
    withAgencyAndLaws(deps, service, version),
    loadPortalSettings(deps.db),
  ])
  const review = service.withdrawnAt ? null : reviewClock(service, settings.reviewPolicy, now)
  return {
    body: presentVersion(service, version, s.agency, s.laws.values(), review),
    tags: [serviceCacheTag(service.id), AGENCIES_CACHE_TAG, REVIEW_POLICY_CACHE_TAG],
    expiresAt: Math.min(
      endOfTehranDay(now).getTime(),
      review?.nextChangeAt?.getTime() ?? Number.POSITIVE_INFINITY,
    ),
  }
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
): Promise<ReadBody<z.output<typeof serviceVersionJson>>> {
  const service = await loadServiceById(deps.db, id)
  const version = await findPublished(deps.db, service.id)
  if (!version) throw new NotFoundError('service.not-found', msg.notFound)
  return versionRead(deps, service, version)
}

/** Public version `n` of a service (current or superseded). */
export async function publicVersionBody(
  deps: Deps,
  id: string,
  n: number,
): Promise<ReadBody<z.output<typeof serviceVersionJson>>> {
  const service = await loadServiceById(deps.db, id)
  const version = await findPublicVersion(deps.db, service.id, n)
  if (!version) throw new NotFoundError('service.version-not-found', msg.versionNotFound)
  return versionRead(deps, service, version)
}

/** Every public version of a service, oldest first. */
export async function versionListBody(
  deps: Deps,
  id: string,
): Promise<ReadBody<z.output<typeof versionListJson>>> {
  const service = await loadServiceById(deps.db, id)
  const versions = await listPublicVersions(deps.db, service.id)
  return {
    body: {
      items: versions.map((v) => ({
        versionNo: v.versionNo,
        status: v.status,
        publishedAt: v.publishedAt?.toISOString() ?? null,
        changeNote: v.changeNote,
      })),
    },
    tags: [serviceCacheTag(service.id)],
  }
}

/**
 * The published version as a CPSV-AP 3.2.0 JSON-LD document: tagged with the service, the
 * agencies (its ancestry) and the offices it links; good until the end of the Tehran day, as
 * the service page (the laws it cites).
 */
export async function cpsvDocument(deps: Deps, id: string): Promise<ReadBody<unknown>> {
  const { service, version } = await loadPublishedById(deps.db, id)
  const body = toCpsvAp(await cpsvInputOf(deps, await withAgencyAndLaws(deps, service, version)))
  return {
    body,
    tags: [
      serviceCacheTag(service.id),
      AGENCIES_CACHE_TAG,
      ...version.content.offices.map((l) => officeCacheTag(l.officeId)),
    ],
    expiresAt: endOfTehranDay(deps.clock.now()).getTime(),
  }
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
