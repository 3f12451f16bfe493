import type { MailStatus, NotificationFrequency } from '../../db/schema.ts'
import type { Html } from '../../web/ui/html.ts'

export type { MailStatus, NotificationFrequency }

export const FREQUENCIES = [
  'immediately',
  'daily',
  'weekly',
  'off',
] as const satisfies readonly NotificationFrequency[]

/** Until a user chooses, mail goes out at once. */
export const DEFAULT_FREQUENCY: NotificationFrequency = 'immediately'

/** What a feature sends: one inbox entry per user, and mail to those who want it. */
export interface NotifyInput {
  userIds: readonly string[]
  /** A stable machine name, e.g. `review.due-soon`; shown to nobody. */
  kind: string
  /** Persian subject: the inbox entry's title and the mail's subject. */
  subject: string
  /** Persian plain text: the inbox entry and the mail's text part. */
  text: string
  /** The mail's HTML body, built with `html```; when absent the HTML part is made from `text`. */
  html?: Html
  /** A path inside the portal (`/admin/...`) the entry and the mail link to. */
  link?: string
  /**
   * Makes the send idempotent: a second call with the same key (a job run again, or two
   * processes at once) writes nothing. Unique across the whole portal: prefix it with the kind.
   */
  dedupeKey?: string
}

export interface NotifyResult {
  /** True when the dedupe key had been used already and nothing was written. */
  duplicate: boolean
  /** Inbox entries written. */
  inbox: number
  /** Outbox rows written (pending now, or held for a digest). */
  mail: number
}

export interface InboxItem {
  id: number
  kind: string
  subject: string
  text: string
  link: string | null
  createdAt: Date
  readAt: Date | null
}

export interface OutboxRow {
  id: number
  userId: string | null
  toAddress: string
  kind: string
  subject: string
  body: string
  htmlBody: string | null
  link: string | null
  status: MailStatus
  attempts: number
  lastError: string | null
  nextAttemptAt: Date | null
  digestId: number | null
  createdAt: Date
  sentAt: Date | null
}
