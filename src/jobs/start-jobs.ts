import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { calendarHorizonJob } from './calendar-horizon.ts'
import { checkLinksJob } from './check-links.ts'
import { evaluationProvisionalJob } from './evaluation-provisional.ts'
import { startFeedbackUpkeep } from './feedback-upkeep.ts'
import { generalIndicatorsJob } from './general-indicators.ts'
import { startMailSender } from './mail-loop.ts'
import { reviewRemindersJob } from './review-reminders.ts'
import { parseDailyTime, type ScheduledJob, type Scheduler, startScheduler } from './scheduler.ts'

/**
 * The scheduled jobs of a running server (from the composition root). Each job's time comes
 * from the configuration; `off` leaves it out (tests, or a deployment that runs
 * `mardom check-links` from its own scheduler).
 */
export function startJobs(deps: Deps, dbKind: DbHandle['kind']): Scheduler {
  const jobs: ScheduledJob[] = []
  const linksAt = parseDailyTime(deps.config.linkCheckAt)
  if (linksAt)
    jobs.push({
      name: 'check-links',
      at: linksAt,
      run: async () => {
        await checkLinksJob(deps, dbKind)
      },
    })
  const remindersAt = parseDailyTime(deps.config.reviewRemindersAt)
  if (remindersAt)
    jobs.push({
      name: 'review-reminders',
      at: remindersAt,
      run: async () => {
        await reviewRemindersJob(deps, dbKind)
      },
    })
  // The calendar check is a daily reminder too: it runs in the reminders' slot.
  if (remindersAt)
    jobs.push({
      name: 'calendar-horizon',
      at: remindersAt,
      run: async () => {
        await calendarHorizonJob(deps, dbKind)
      },
    })
  const indicatorsAt = parseDailyTime(deps.config.indicatorsAt)
  if (indicatorsAt)
    jobs.push({
      name: 'general-indicators',
      at: indicatorsAt,
      run: async () => {
        await generalIndicatorsJob(deps, dbKind)
        // The provisional evaluation reads the general indicators: it runs right after them.
        await evaluationProvisionalJob(deps, dbKind)
      },
    })
  const scheduler = startScheduler(jobs, { log: deps.log })
  // Mail is sent every few seconds, not daily: its own loop, stopped with the scheduler.
  const mail = startMailSender(deps, dbKind)
  // The feedback rollups follow transactions within minutes, so they repeat too.
  const feedback = startFeedbackUpkeep(deps, dbKind)
  return {
    async stop() {
      await scheduler.stop()
      await mail.stop()
      await feedback.stop()
    },
  }
}
