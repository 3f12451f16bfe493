import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { type Agency, findAgencyById } from '../agencies/index.ts'
import { type CitedLaw, lawsCitedBy } from '../laws/index.ts'
import { msg } from './messages.fa.ts'
import type { Service, ServiceVersion } from './service.model.ts'
import {
  findPublicVersion,
  findPublished,
  findServiceById,
  findServiceBySlug,
} from './service.queries.ts'
import { SLUG_MAX, SLUG_PATTERN } from './slug.ts'

/** A service with one of its versions and everything its page needs to render. */
export interface ServiceWithVersion {
  service: Service
  version: ServiceVersion
  agency: Agency
  /** The cited laws as the version shows them (as published, for a public version). */
  laws: Map<string, CitedLaw>
}

export async function loadServiceBySlug(deps: Deps, slug: string): Promise<Service> {
  // Anything that cannot be a slug (Persian or Latin, slug.ts) is not looked up at all.
  const service =
    slug.length <= SLUG_MAX && SLUG_PATTERN.test(slug)
      ? await findServiceBySlug(deps.db, slug)
      : undefined
  if (!service) throw new NotFoundError('service.not-found', msg.notFound)
  return service
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The service with this id, or a 404 (an id that is not a UUID is simply not found). */
export async function loadServiceById(db: Deps['db'], id: string): Promise<Service> {
  const service = UUID.test(id) ? await findServiceById(db, id) : undefined
  if (!service) throw new NotFoundError('service.not-found', msg.notFound)
  return service
}

/** A service the public can see, by id, with its published version; withdrawn ones are 404. */
export async function loadPublishedById(
  db: Deps['db'],
  id: string,
): Promise<{ service: Service; version: ServiceVersion }> {
  const service = await loadServiceById(db, id)
  const version = service.withdrawnAt ? undefined : await findPublished(db, service.id)
  if (!version) throw new NotFoundError('service.not-found', msg.notFound)
  return { service, version }
}

export async function withAgencyAndLaws(
  deps: Deps,
  service: Service,
  version: ServiceVersion,
): Promise<ServiceWithVersion> {
  const [agency, laws] = await Promise.all([
    findAgencyById(deps.db, service.agencyId),
    lawsCitedBy(deps.db, version),
  ])
  if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
  return { service, version, agency, laws }
}

/** The current published version, or a given public version number. */
export async function loadPublicService(
  deps: Deps,
  slug: string,
  versionNo?: number,
): Promise<ServiceWithVersion> {
  const service = await loadServiceBySlug(deps, slug)
  const version =
    versionNo === undefined
      ? await findPublished(deps.db, service.id)
      : await findPublicVersion(deps.db, service.id, versionNo)
  if (!version)
    throw new NotFoundError(
      'service.version-not-found',
      versionNo === undefined ? msg.notFound : msg.versionNotFound,
    )
  return withAgencyAndLaws(deps, service, version)
}
