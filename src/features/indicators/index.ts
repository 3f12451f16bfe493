// Performance indicators (issue 14). Route modules are imported by app.ts alone.

// The general indicators and the proposal deadline, for the compliance board (features/evaluation).
export {
  type ComputedValue,
  computeGeneralIndicators,
  GENERAL_KEYS,
} from './general/index.ts'
// The general indicators' computation, run by src/jobs/general-indicators.ts and the demo.
export {
  proposeGeneralIndicators,
  type Recomputed,
  recomputeGeneralIndicators,
} from './general-values.actions.ts'
// The proposal ladder and the values, played by the demo's indicator story (demo-indicators.load.ts).
export {
  decideVersion,
  proposeIndicator,
  saveDefinition,
  startNewVersion,
  submitVersion,
  withdrawVersion,
} from './indicator.actions.ts'
export {
  type Category,
  type Direction,
  type IndicatorDefinition,
  UNIT_RANGES,
  type Unit,
  type YearTarget,
} from './indicator.model.ts'
// The agency page's indicators section, handed to the catalogue's agency page by app.ts.
export { agencyIndicatorsSection } from './indicator-agency.section.ts'
export {
  type Frequency,
  isoDayOf,
  type Period,
  parsePeriod,
  periodDays,
  periodDueDay,
  periodInstants,
  periodKey,
} from './period.ts'
export {
  PROPOSAL_MONTHS,
  type ProposalStanding,
  proposalStanding,
} from './proposal-deadline.ts'
export { decidePeriod, recordValue, submitPeriod } from './value.actions.ts'
export { isStale } from './value.model.ts'
