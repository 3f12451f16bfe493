// Feedback (issue 13): what citizens say and what actually happens. Route modules are imported
// by app.ts alone. Each part adds its exports in its own block.

// «آیا این صفحه مفید بود؟» and the public forms' abuse controls (F1).
export { formStartValue, guardPublicForm, type PublicFormSubmission } from './abuse.actions.ts'
export { publicFormVisitor } from './abuse.http.ts'
export { type GuardVerdict, isSilentRefusal } from './abuse.model.ts'
export { isHelpfulVotePath } from './helpful.model.ts'
// The general indicators (features/indicators): the same Bayesian prior as the API and the monthly file.
export { PRIOR_WEIGHT, SCALE_MIDDLE } from './rating.api.ts'
// The demo's feedback story (features/demo): the same keyed hashes, promised deadlines, masking,
// due days and rollups the real actions use, so bulk-loaded demo rows read like recorded ones.
export { RATING_LINK_DAYS } from './rating.link.ts'
export { maskPersonalData } from './rating.mask.ts'
// Reports of wrong information (صحت اطلاعات): the review lock and the review page's facts.
export { closeFixed } from './report.actions.ts'
export { REPORT_SECTION_LABELS, REPORT_STATE_LABELS, reportMsg } from './report.messages.fa.ts'
export {
  ANSWER_WORKING_DAYS,
  formatTrackingCode,
  newTrackingCode,
  type ReportSection,
} from './report.model.ts'
export { type OpenServiceReport, openReportsOfService } from './report.queries.ts'
export { keyedHash, serverSecret } from './server-secret.queries.ts'
export { TRACKING_SECRET } from './transaction.actions.ts'
export { refreshTimeRollup } from './transaction.rollup.ts'
export {
  attendanceSteps,
  stepPromisedBy,
  stepsAfter,
  totalPromisedBy,
} from './transaction.timing.ts'
// The scheduled upkeep (src/jobs/feedback-upkeep.ts).
export { type FeedbackUpkeep, runFeedbackUpkeep } from './upkeep.actions.ts'
export { guardFields } from './views/guard-fields.ts'
