import type { Logger } from 'pino'
import { startOfTehranDay, tehranDateOf } from '../lib/fa/tehran-time.ts'

/**
 * A tiny in-process scheduler: each job runs once a day at a wall-clock time in Tehran
 * (Iran has no daylight saving since 2022; the offset comes from the time-zone data anyway).
 * A run that throws is logged and the job is scheduled again for the next day. Jobs must guard
 * themselves against concurrent runs in other processes (see advisory-lock.ts).
 */

export interface DailyTime {
  hour: number
  minute: number
}

/** `HH:MM` (24 h) → a daily time; `off` → null; anything else throws. */
export function parseDailyTime(text: string): DailyTime | null {
  if (text === 'off') return null
  const m = /^(\d{1,2}):(\d{2})$/.exec(text)
  const hour = Number(m?.[1])
  const minute = Number(m?.[2])
  if (!m || hour > 23 || minute > 59) throw new Error(`Not a time of day (HH:MM) or "off": ${text}`)
  return { hour, minute }
}

/** The next instant after `now` when it is `at` o'clock in Tehran. */
export function nextDailyRun(now: Date, at: DailyTime): Date {
  const offset = (at.hour * 60 + at.minute) * 60_000
  const today = tehranDateOf(now)
  const todayRun = startOfTehranDay(today.jy, today.jm, today.jd).getTime() + offset
  if (todayRun > now.getTime()) return new Date(todayRun)
  const tomorrow = tehranDateOf(new Date(todayRun - offset + 36 * 3_600_000))
  return new Date(startOfTehranDay(tomorrow.jy, tomorrow.jm, tomorrow.jd).getTime() + offset)
}

export interface ScheduledJob {
  name: string
  at: DailyTime
  run: () => Promise<void>
}

export interface Scheduler {
  /** Stops scheduling and waits for runs under way to finish. */
  stop(): Promise<void>
}

export function startScheduler(
  jobs: readonly ScheduledJob[],
  options: { log: Logger; now?: () => Date },
): Scheduler {
  const now = options.now ?? (() => new Date())
  const timers = new Set<NodeJS.Timeout>()
  const runs = new Set<Promise<void>>()
  let stopped = false
  // `done`: the time the run that just ended was for. A timer may fire a millisecond before the
  // clock reads that time (timers keep their own clock); a quick job then ends "before" it, and
  // the next run must still be the following day's, not the same one again.
  const schedule = (job: ScheduledJob, done?: Date) => {
    if (stopped) return
    const from = now()
    const when = nextDailyRun(done && done > from ? done : from, job.at)
    // setTimeout holds at most ~24.8 days; a daily job never waits that long.
    const timer = setTimeout(() => {
      timers.delete(timer)
      const run = job
        .run()
        .catch((error: unknown) => options.log.error({ err: error, job: job.name }, 'job failed'))
        .finally(() => {
          runs.delete(run)
          schedule(job, when)
        })
      runs.add(run)
    }, when.getTime() - from.getTime())
    timer.unref()
    timers.add(timer)
    options.log.info({ job: job.name, next: when.toISOString() }, 'job scheduled')
  }
  for (const job of jobs) schedule(job)
  return {
    async stop() {
      stopped = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await Promise.allSettled([...runs])
    },
  }
}
