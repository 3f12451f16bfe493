import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'

/** Something about a person's own credentials that they should hear of. */
export interface AccountNotice {
  userId: string
  /** A stable machine name, e.g. `account.failed-sign-ins`. */
  kind: string
  subject: string
  text: string
  link?: string
}

/**
 * Tells an account's owner, inside the caller's transaction (the notice is kept if and only
 * if what it reports is). Accounts sit below the notifications feature, so the notice goes
 * through the `deps.notifier` port that the composition root wires to it.
 */
export async function notifyAccountOwner(deps: Deps, db: Db, notice: AccountNotice): Promise<void> {
  await deps.notifier.notify(db, {
    userIds: [notice.userId],
    kind: notice.kind,
    subject: notice.subject,
    text: notice.text,
    ...(notice.link ? { link: notice.link } : {}),
  })
}
