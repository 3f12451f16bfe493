export { formatReport, measureQuality, type QualityReport } from './quality/quality.ts'
export { indexService, reindexAgency, reindexAll, searchIndexer } from './search.indexer.ts'
