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
