import type { Migration } from 'kysely/migration'
import * as createFoundation from './2026_11_22_1000_create_foundation.ts'
import * as createCatalogue from './2026_11_22_1100_create_catalogue.ts'
import * as createHolidays from './2026_11_22_1200_create_holidays.ts'
import * as createFormFiles from './2026_11_22_1300_create_form_files.ts'
import * as createOffices from './2026_11_22_1400_create_offices.ts'
import * as createLinkChecks from './2026_11_22_1500_create_link_checks.ts'
import * as createSearch from './2026_11_22_1600_create_search.ts'
import * as createOpendata from './2026_11_22_1700_create_opendata.ts'

/** Every migration, in order. Listed explicitly: no directory scanning at start-up. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_1000_create_foundation': createFoundation,
  '2026_11_22_1100_create_catalogue': createCatalogue,
  '2026_11_22_1200_create_holidays': createHolidays,
  '2026_11_22_1300_create_form_files': createFormFiles,
  '2026_11_22_1400_create_offices': createOffices,
  '2026_11_22_1500_create_link_checks': createLinkChecks,
  '2026_11_22_1600_create_search': createSearch,
  '2026_11_22_1700_create_opendata': createOpendata,
}
