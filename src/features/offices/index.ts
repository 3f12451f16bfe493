export { agencyOfficesCacheTag, officeCacheTag } from './office.actions.ts'
export type { OfficeInput } from './office.input.ts'
export { officeInput } from './office.input.ts'
export {
  listOfficesForExport,
  type OfficeExport,
  upsertOfficeFromImport,
} from './office.interop.ts'
export type { Office } from './office.model.ts'
export {
  findOfficesByIds,
  insertOffice,
  listAgencyOffices,
  unknownOfficeIds,
} from './office.queries.ts'
export {
  loadServiceOffices,
  officeCalendarDays,
  type ServiceOfficesSection,
  serviceOfficesSectionOf,
} from './office.read.ts'
export { officeNamer, officesOverviewRow, unlinkableOfficeIds } from './office-links.ts'
export { openStatus } from './open-now.ts'
export { type ServiceOfficesView, serviceOfficesSection } from './views/public.ts'
