import { html } from 'hono/html'
import { formatDateTimeFa, toPersianDigits } from '../../../lib/fa/index.ts'
import {
  button,
  type Html,
  insetText,
  pageNavigation,
  select,
  type TagColour,
  table,
  tag,
} from '../../../web/ui/index.ts'
import { msg, STATUS_LABELS } from '../messages.fa.ts'
import type { MailStatus, OutboxRow } from '../notification.model.ts'

export interface OutboxView {
  smtpConfigured: boolean
  status: MailStatus | undefined
  counts: Map<MailStatus, number>
  items: OutboxRow[]
  total: number
  page: number
  pageCount: number
  href: (page: number) => string
}

const COLOURS: Record<MailStatus, TagColour> = {
  held: 'grey',
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  digested: 'grey',
}

const STATUSES: MailStatus[] = ['pending', 'held', 'sent', 'failed', 'digested']

function time(d: Date | null): Html {
  return d
    ? html`<time datetime="${d.toISOString()}">${formatDateTimeFa(d)}</time>`
    : html`${msg.none}`
}

function filterForm(v: OutboxView): Html {
  return html`<form method="get" action="/admin/outbox" novalidate>
    ${select({
      name: 'status',
      label: { text: msg.statusFilter },
      items: [
        { value: '', text: msg.any, selected: v.status === undefined },
        ...STATUSES.map((s) => ({
          value: s,
          text: `${STATUS_LABELS[s]} (${toPersianDigits(v.counts.get(s) ?? 0)})`,
          selected: v.status === s,
        })),
      ],
    })}
    ${button({ text: msg.show, variant: 'secondary' })}
  </form>`
}

/** `/admin/outbox`: every message the portal sends or keeps, for the central admin. */
export function outboxPage(v: OutboxView): Html {
  const rows = v.items.map((r) => [
    { html: time(r.createdAt) },
    { html: html`<bdi dir="ltr">${r.toAddress}</bdi>` },
    { html: html`<bdi>${r.subject}</bdi>` },
    { html: tag({ text: STATUS_LABELS[r.status], colour: COLOURS[r.status] }) },
    { text: toPersianDigits(r.attempts), format: 'numeric' as const },
    { html: r.lastError ? html`<bdi dir="ltr">${r.lastError}</bdi>` : html`${msg.none}` },
    { html: time(r.nextAttemptAt) },
  ])
  return html`<h1 class="mr-heading-l">${msg.outboxTitle}</h1>
    <p class="mr-body">${msg.outboxLead}</p>
    ${insetText({ text: v.smtpConfigured ? msg.smtpOn : msg.smtpOff })}
    ${filterForm(v)}
    ${
      v.items.length === 0
        ? html`<p class="mr-body">${msg.outboxEmpty}</p>`
        : table({
            id: 'outbox',
            caption: msg.outboxTotal(v.total),
            captionClasses: 'mr-table__caption--m',
            scrollable: true,
            head: [
              { text: msg.colCreated },
              { text: msg.colTo },
              { text: msg.colSubject },
              { text: msg.colStatus },
              { text: msg.colAttempts, format: 'numeric' },
              { text: msg.colError },
              { text: msg.colNext },
            ],
            rows,
          })
    }
    ${pageNavigation(v.page, v.pageCount, v.href)}`
}
