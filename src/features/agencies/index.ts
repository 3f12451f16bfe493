export { AGENCIES_CACHE_TAG, editAgency } from './agency.actions.ts'
export type { AgencyInput } from './agency.input.ts'
export type { Agency, AgencyBrief, AgencyLevel } from './agency.model.ts'
export {
  countAgencies,
  findAgencyByCode,
  findAgencyById,
  insertAgencies,
  insertAgency,
  listAgencies,
  listAgenciesWithoutCredentials,
  listAgencyAncestry,
  listAgencyAncestryRows,
  listAgencyBriefs,
  markCredentialsIssued,
} from './agency.queries.ts'
export { loadAgencyPage } from './agency-pages.read.ts'
export { LEVEL_LABELS } from './messages.fa.ts'
export { type AgencyPageView, agencyPage } from './views/agency-views.ts'
