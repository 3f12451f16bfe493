import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import {
  DEFAULT_SENDER,
  deliverMail,
  type MailTransport,
  type SenderOptions,
  type SendSummary,
} from '../features/notifications/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'

/** The advisory-lock key of the mail sender («mardmail», any stable bigint). */
export const SEND_MAIL_LOCK = 0x6d61_7264_6d61_696cn

/**
 * One run of the mail sender (digests due, then pending mail). One sender at a time across
 * processes: a run that finds the lock taken does nothing and says so (null), so two servers
 * on one database never send a message twice.
 */
export async function sendMailJob(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log'>,
  dbKind: DbHandle['kind'],
  transport: MailTransport | null,
  options: SenderOptions = DEFAULT_SENDER,
): Promise<SendSummary | null> {
  let summary: SendSummary | null = null
  const ran = await withAdvisoryLock(deps.db, dbKind, SEND_MAIL_LOCK, async () => {
    summary = await deliverMail(deps, transport, options)
  })
  if (!ran) deps.log.debug('mail sender: another run holds the lock; nothing done')
  return summary
}
