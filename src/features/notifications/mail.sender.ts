import type { Deps } from '../../deps.ts'
import { buildDueDigests, DIGEST_KIND } from './digest.actions.ts'
import { composeMail, type MailItem } from './mail.compose.ts'
import { classifySendError, type MailTransport } from './mail.transport.ts'
import type { OutboxRow } from './notification.model.ts'
import {
  countOutboxByStatus,
  listDigestItems,
  listDueMail,
  markAttemptFailed,
  markSent,
} from './outbox.queries.ts'

export interface SenderOptions {
  /** Messages sent per run at most; the rest wait for the next run. */
  batchSize: number
  /** Attempts before a message that keeps failing is given up on. */
  maxAttempts: number
  /** The wait after the first failure; it doubles with each failure after that. */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_SENDER: SenderOptions = {
  batchSize: 50,
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
}

/** Exponential backoff: after failure n (1, 2, …) wait base·2ⁿ⁻¹, at most `maxDelayMs`. */
export function retryDelayMs(failures: number, options: SenderOptions): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failures - 1))
}

export interface SendSummary {
  digests: number
  sent: number
  /** Failed this time, to be tried again later. */
  retried: number
  /** Given up on: refused by the server, or out of attempts. */
  failed: number
  /** Pending messages kept in the outbox because no mail server is configured. */
  kept: number
}

function asItem(row: OutboxRow): MailItem {
  return { subject: row.subject, text: row.body, htmlBody: row.htmlBody, link: row.link }
}

/**
 * One run of the sender: makes the digests that are due, then (with a transport) sends the
 * pending messages whose time has come, one at a time, each recorded on its own so that a bad
 * address or a refused message never holds back the others. Without a transport mail stays in
 * the outbox. Call it under the sender's advisory lock (src/jobs/send-mail.ts).
 */
export async function deliverMail(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log'>,
  transport: MailTransport | null,
  options: SenderOptions = DEFAULT_SENDER,
): Promise<SendSummary> {
  const { db } = deps
  const digests = await buildDueDigests(db, deps.clock.now())
  const summary: SendSummary = { digests, sent: 0, retried: 0, failed: 0, kept: 0 }
  if (!transport) {
    summary.kept = (await countOutboxByStatus(db)).get('pending') ?? 0
    return summary
  }
  for (const row of await listDueMail(db, deps.clock.now(), options.batchSize)) {
    const items =
      row.kind === DIGEST_KIND ? (await listDigestItems(db, row.id)).map(asItem) : [asItem(row)]
    const mail = await composeMail(row.subject, items, deps.config.publicUrl)
    try {
      const info = await transport.send({ to: row.toAddress, ...mail })
      await markSent(db, row.id, deps.clock.now(), info.messageId)
      summary.sent++
    } catch (error) {
      const failure = classifySendError(error)
      const failures = row.attempts + 1
      const giveUp = failure.permanent || failures >= options.maxAttempts
      const retryAt = giveUp
        ? null
        : new Date(deps.clock.now().getTime() + retryDelayMs(failures, options))
      await markAttemptFailed(db, row.id, failure.message, retryAt)
      deps.log.warn({ outboxId: row.id, error: failure.message, giveUp }, 'mail not sent')
      if (giveUp) summary.failed++
      else summary.retried++
    }
  }
  return summary
}
