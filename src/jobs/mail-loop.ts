import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { type MailTransport, smtpTransport } from '../features/notifications/index.ts'
import { sendMailJob } from './send-mail.ts'

export interface RepeatingJob {
  /** Stops repeating and waits for a run under way to finish. */
  stop(): Promise<void>
}

/**
 * Runs `run` every `everyMs`, the next run timed from the end of the last one so that runs
 * never overlap in this process (the advisory lock keeps other processes out). A run that
 * throws is logged and the loop goes on.
 */
export function repeatEvery(
  everyMs: number,
  run: () => Promise<void>,
  onError: (error: unknown) => void,
): RepeatingJob {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let current: Promise<void> | undefined
  const tick = () => {
    current = run()
      .catch(onError)
      .finally(() => {
        current = undefined
        if (!stopped) schedule()
      })
  }
  const schedule = () => {
    timer = setTimeout(tick, everyMs)
    timer.unref()
  }
  schedule()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await current
    },
  }
}

/**
 * The mail sender of a running server: every `MAIL_SEND_INTERVAL_SECONDS` it makes the
 * digests that are due and sends pending mail through `SMTP_URL`, or, without one, leaves
 * mail in the outbox for the central admin to read. Off when the interval is 0.
 */
export function startMailSender(deps: Deps, dbKind: DbHandle['kind']): RepeatingJob {
  const { smtpUrl, mailFrom, mailSendIntervalMs } = deps.config
  if (mailSendIntervalMs <= 0) return { stop: async () => {} }
  const transport: MailTransport | null =
    smtpUrl && mailFrom ? smtpTransport(smtpUrl, mailFrom) : null
  deps.log.info({ smtp: transport !== null, everyMs: mailSendIntervalMs }, 'mail sender started')
  const loop = repeatEvery(
    mailSendIntervalMs,
    async () => {
      await sendMailJob(deps, dbKind, transport)
    },
    (error) => deps.log.error({ err: error, job: 'send-mail' }, 'job failed'),
  )
  return {
    async stop() {
      await loop.stop()
      transport?.close()
    },
  }
}
