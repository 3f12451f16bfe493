export { ACTOR_LABELS, CHANNEL_LABELS, STEP_UNIT_LABELS } from './messages.fa.ts'
export { diffProcesses, type ProcessDiff, type StepChange } from './process.diff.ts'
export {
  EMPTY_PROCESS,
  type ProcessStep,
  type ServiceProcess,
  type StepDuration,
} from './process.model.ts'
export { processProblems } from './process.rules.ts'
export { processSchema } from './process.schema.ts'
export { stepDurationText } from './process.text.ts'
export {
  type ProcessTiming,
  processTiming,
  timingMismatch,
  timingRangeText,
} from './process.timing.ts'
