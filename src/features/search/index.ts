export { indexService, reindexAgency, reindexAll } from './search.indexer.ts'
