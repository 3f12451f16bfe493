export { searchApiRoutes } from './api.routes.ts'
export { indexService, reindexAgency, reindexAll } from './search.indexer.ts'
export { searchRoutes } from './search.routes.ts'
