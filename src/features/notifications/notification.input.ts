import { z } from 'zod'
import { pageNumber } from '../../web/pagination.ts'
import { msg } from './messages.fa.ts'
import { FREQUENCIES, type MailStatus } from './notification.model.ts'

export const frequencyForm = z.object({
  frequency: z.enum(FREQUENCIES, {
    error: msg.frequencyRequired,
  }),
})

const STATUSES: readonly MailStatus[] = ['held', 'pending', 'sent', 'failed', 'digested']

/** The outbox page's query: an unknown status is ignored, not an error. */
export function parseOutboxQuery(query: Record<string, string>): {
  status: MailStatus | undefined
  page: number
} {
  const status = STATUSES.find((s) => s === query.status)
  return { status, page: pageNumber(query.page) }
}

/** An entry id from the path: a positive integer, or null (answered 404). */
export function entryId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null
}
