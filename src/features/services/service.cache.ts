/**
 * Cache tags of the catalogue's public pages. A page tags itself with what it shows; a write
 * marks the same tags changed through `deps.publicChange` (see web/public-change.ts).
 */

/** Pages that summarise the whole catalogue (home page counts, open data). */
export const CATALOGUE_CACHE_TAG = 'catalogue'

/** Pages that show one service. */
export function serviceCacheTag(serviceId: string): string {
  return `service:${serviceId}`
}

/** Every tag a change to one service's public state makes stale. */
export function publicServiceTags(serviceId: string): string[] {
  return [serviceCacheTag(serviceId), CATALOGUE_CACHE_TAG]
}
