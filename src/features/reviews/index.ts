// The three-year review (directive item 4). Route modules are imported by app.ts alone.
export { type ReminderSummary, runReviewReminders } from './reminders.actions.ts'
