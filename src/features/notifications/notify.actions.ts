import type { Db } from '../../db/create-db.ts'
import type { Clock } from '../../lib/clock.ts'
import { nextDigestAt } from './digest.schedule.ts'
import { DEFAULT_FREQUENCY, type NotifyInput, type NotifyResult } from './notification.model.ts'
import { insertInboxEntries, recipientsOf } from './notification.queries.ts'
import { notifyInput } from './notify.input.ts'
import { claimDedupeKey, insertOutboxRows, type NewOutboxRow } from './outbox.queries.ts'

/**
 * Notifies staff users, inside the caller's transaction (pass it as `db`), so the
 * notification is written if and only if the change it reports is: one inbox entry per
 * active user, and one outbox row per user with an e-mail address who wants mail — pending at
 * once, or held for the user's daily or weekly digest. Nothing is sent here: the sender job
 * delivers the outbox after the commit. With `dedupeKey`, a send that already happened
 * writes nothing (`duplicate: true`). The caller records its own audit event.
 *
 * `notify(trx, { userIds, kind, subject, text, link, dedupeKey }, deps.clock)`
 */
export async function notify(db: Db, input: NotifyInput, clock: Clock): Promise<NotifyResult> {
  const now = clock.now()
  const parsed = notifyInput.parse(input)
  const html = input.html === undefined ? null : (await input.html).toString()
  const users = await recipientsOf(db, [...new Set(parsed.userIds)])
  if (
    parsed.dedupeKey !== undefined &&
    !(await claimDedupeKey(db, {
      dedupeKey: parsed.dedupeKey,
      kind: parsed.kind,
      recipients: users.length,
      createdAt: now,
    }))
  ) {
    return { duplicate: true, inbox: 0, mail: 0 }
  }
  if (users.length === 0) return { duplicate: false, inbox: 0, mail: 0 }
  const entries = await insertInboxEntries(
    db,
    users.map((u) => ({
      userId: u.id,
      kind: parsed.kind,
      subject: parsed.subject,
      body: parsed.text,
      link: parsed.link ?? null,
      createdAt: now,
    })),
  )
  const entryOf = new Map(entries.map((e) => [e.userId, e.id]))
  const mail: NewOutboxRow[] = []
  for (const u of users) {
    const address = u.email?.trim()
    const frequency = u.frequency ?? DEFAULT_FREQUENCY
    if (!address || frequency === 'off') continue
    const immediate = frequency === 'immediately'
    mail.push({
      userId: u.id,
      notificationId: entryOf.get(u.id) ?? null,
      toAddress: address,
      kind: parsed.kind,
      subject: parsed.subject,
      body: parsed.text,
      htmlBody: html,
      link: parsed.link ?? null,
      status: immediate ? 'pending' : 'held',
      nextAttemptAt: immediate ? now : nextDigestAt(now, frequency),
      createdAt: now,
    })
  }
  await insertOutboxRows(db, mail)
  return { duplicate: false, inbox: entries.length, mail: mail.length }
}
