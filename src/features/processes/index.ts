export { type ProcessOverview, processOverview } from './editor/index.ts'
export { processQualityMessage } from './editor/messages.fa.ts'
export { toBpmnXml } from './interop/bpmn-export.ts'
export { validateBpmnXsdMany } from './interop/bpmn-validate.ts'
export {
  ACTOR_LABELS,
  CHANNEL_LABELS,
  STEP_UNIT_LABELS,
  totalExceedsDeclaredMessage,
} from './messages.fa.ts'
export { diffProcesses, type ProcessDiff, type StepChange } from './process.diff.ts'
export { processCompletion, processFlowchartSvg } from './process.render.ts'
export { processProblems } from './process.rules.ts'
export { stepDurationText } from './process.text.ts'
export {
  type ProcessTiming,
  processTiming,
  timingMismatch,
  timingRangeText,
} from './process.timing.ts'
export {
  processTotal,
  type ServiceTotal,
  serviceTotal,
  TOTAL_UNITS,
  totalExceedsDeclared,
} from './service-total.ts'
