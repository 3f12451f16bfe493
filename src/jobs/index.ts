export { CHECK_LINKS_LOCK, checkLinksJob } from './check-links.ts'
export { startJobs } from './start-jobs.ts'
