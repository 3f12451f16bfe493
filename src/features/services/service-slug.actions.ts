import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { FieldErrors } from '../../web/form.ts'
import { recordAudit } from '../audit/index.ts'
import { publicServiceTags } from './service.cache.ts'
import { assertCanPublishServicesOf } from './service.policy.ts'
import { isSlugTaken, lockService } from './service.queries.ts'
import { loadServiceById } from './service.read.ts'
import {
  deleteRetiredSlug,
  findRetiredSlug,
  insertRetiredSlug,
  updateServiceSlug,
} from './service-slug.queries.ts'
import { slugMsg } from './slug.messages.fa.ts'

export type ChangeSlugResult =
  | { ok: true; slug: string; previous: string }
  | { ok: false; errors: FieldErrors }

/**
 * The agency admin gives a service a new address (issue 17 item 13). The slug is already valid
 * (`slugForm`). Once the service has been public, its old address is kept in
 * service_slug_history and answers with a 301 to the new one, so links and bookmarks keep
 * working; taking back one of the service's own earlier addresses removes it from there. An
 * address that is another service's, now or before, is refused. One public change: the search
 * index, incremental sync and the cached pages learn the new address in the same transaction.
 */
export async function changeServiceSlug(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  slug: string,
): Promise<ChangeSlugResult> {
  return deps.publicChange(async (trx, markChanged) => {
    assertCanPublishServicesOf(actor, (await loadServiceById(trx, serviceId)).agencyId)
    // Read again under the lock: a concurrent change of address or first publication counts.
    await lockService(trx, serviceId)
    const service = await loadServiceById(trx, serviceId)
    const previous = service.slug
    if (slug === previous) return { ok: false as const, errors: { slug: slugMsg.unchanged } }
    const retired = await findRetiredSlug(trx, slug)
    if (retired?.serviceId === serviceId) await deleteRetiredSlug(trx, slug)
    else if (await isSlugTaken(trx, slug))
      return { ok: false as const, errors: { slug: slugMsg.taken } }
    const now = deps.clock.now()
    const isPublic = service.firstPublishedAt !== null
    // A draft never shown to anyone has no address to keep.
    if (isPublic)
      await insertRetiredSlug(trx, { slug: previous, serviceId, at: now, by: actor.userId })
    await updateServiceSlug(trx, { serviceId, slug, now, isPublic })
    await deps.searchIndex.indexService(trx, serviceId)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'service',
      entityId: serviceId,
      action: 'change-slug',
      agencyId: service.agencyId,
      before: { slug: previous },
      after: { slug, redirected: isPublic },
    })
    await markChanged(...publicServiceTags(serviceId))
    return { ok: true as const, slug, previous }
  })
}
