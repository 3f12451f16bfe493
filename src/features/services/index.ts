export { serviceAdminRoutes } from './admin.routes.ts'
export { serviceApiRoutes } from './api.routes.ts'
export { AUDIENCE_LONG_LABELS, LIFE_EVENT_LABELS } from './messages.fa.ts'
export { servicePublicRoutes } from './public.routes.ts'
export { CATALOGUE_CACHE_TAG } from './service.actions.ts'
export type { DeclaredTime, Service, ServiceContent, ServiceVersion } from './service.model.ts'
export { AUDIENCES, EMPTY_STAGE_MATRIX, LIFE_EVENTS } from './service.model.ts'
export { qualityIssues } from './service.quality.ts'
export {
  countPublishedByFacet,
  insertDraft,
  insertService,
  listAgencyServices,
  listPublishedServices,
  publishDraftVersion,
} from './service.queries.ts'
