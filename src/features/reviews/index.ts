// The three-year review (directive item 4). Route modules are imported by app.ts alone.
export { decideAudit, drawQuarterSample } from './audit.actions.ts'
export {
  currentQuarter,
  drawSample,
  type Quarter,
  quarterKey,
  quarterRange,
  sampleSize,
} from './audit.model.ts'
export { type ReminderSummary, runReviewReminders } from './reminders.actions.ts'
export { openReview, publishRevision, saveAnswers, signOffUnchanged } from './review.actions.ts'
export {
  EMPTY_ANSWERS,
  REVIEW_SECTIONS,
  type ReviewAnswers,
  type ReviewSection,
} from './review.model.ts'
