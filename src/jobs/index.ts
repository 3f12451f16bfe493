export { CHECK_LINKS_LOCK, checkLinksJob } from './check-links.ts'
export { FEEDBACK_UPKEEP_LOCK, feedbackUpkeepJob } from './feedback-upkeep.ts'
export { REVIEW_REMINDERS_LOCK, reviewRemindersJob } from './review-reminders.ts'
export { startJobs } from './start-jobs.ts'
