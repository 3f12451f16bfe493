// Performance indicators (issue 14). Route modules are imported by app.ts alone.

// The general indicators' computation, run by src/jobs/general-indicators.ts and the demo.
export {
  proposeGeneralIndicators,
  type Recomputed,
  recomputeGeneralIndicators,
} from './general-values.actions.ts'
