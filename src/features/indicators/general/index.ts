// The general indicators of issue 14 item 3: set by the centre, computed by the portal.

export { computeGeneralIndicators, NOTES as GENERAL_NOTES } from './general.compute.ts'
export { GENERAL_INDICATORS } from './general.definitions.ts'
export {
  type ComputedValue,
  GENERAL_KEYS,
  type GeneralIndicator,
  type GeneralKey,
  MIN_VIEWS_FOR_RATE,
  type QueryPeriod,
} from './general.model.ts'
// The service-page view counts the per-1,000-views indicator divides by (src/jobs/page-views.ts).
export { addServicePageViews, type SlugDayViews } from './page-views.queries.ts'
