import type { Db } from '../../db/create-db.ts'
import { msg } from './messages.fa.ts'
import {
  insertDigestRow,
  listDueHeldItems,
  listUsersWithDueDigest,
  markDigested,
} from './outbox.queries.ts'

/** The outbox kind of a digest message; its items point at it through `digest_id`. */
export const DIGEST_KIND = 'digest'

/**
 * Turns each user's held items whose digest time has come into one pending message (one
 * transaction per user), so a daily or weekly reader gets one mail instead of many. Returns
 * how many digests were made.
 */
export async function buildDueDigests(db: Db, now: Date): Promise<number> {
  let made = 0
  for (const userId of await listUsersWithDueDigest(db, now)) {
    const built = await db.transaction().execute(async (trx) => {
      const items = await listDueHeldItems(trx, userId, now)
      const last = items.at(-1)
      if (!last) return false
      const digestId = await insertDigestRow(trx, {
        userId,
        notificationId: null,
        // The newest address: the one the user had when the last item was written.
        toAddress: last.toAddress,
        kind: DIGEST_KIND,
        subject: msg.digestSubject(items.length),
        body: items.map((i) => `• ${i.subject}`).join('\n'),
        htmlBody: null,
        link: '/inbox',
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })
      await markDigested(
        trx,
        items.map((i) => i.id),
        digestId,
      )
      return true
    })
    if (built) made++
  }
  return made
}
