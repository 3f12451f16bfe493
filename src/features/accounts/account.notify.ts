import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import { notify } from '../notifications/index.ts'

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
 * Tells an account's owner (inbox, and mail as they chose), inside the caller's transaction:
 * the notice is kept if and only if what it reports is.
 */
export async function notifyAccountOwner(deps: Deps, db: Db, notice: AccountNotice): Promise<void> {
  await notify(
    db,
    {
      userIds: [notice.userId],
      kind: notice.kind,
      subject: notice.subject,
      text: notice.text,
      ...(notice.link ? { link: notice.link } : {}),
    },
    deps.clock,
  )
}
