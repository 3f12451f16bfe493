import { html } from 'hono/html'
import { formatJalaliFa, toPersianDigits } from '../../../lib/fa/index.ts'
import { details, type Html, type TagColour, table, tag } from '../../../web/ui/index.ts'
import { pagesMsg as msg } from '../pages.messages.fa.ts'
import type { ProposalStanding } from '../proposal-deadline.ts'
import { day } from './indicator-common.ts'
import { type IndicatorRow, indicatorTable } from './indicator-lists.ts'

/** A submitted proposal waiting for the centre. */
export interface QueueRow {
  code: string
  nameFa: string
  versionNo: number
  agencyNameFa: string | null
  submittedAt: Date
  waitingDays: number
}

/** One agency on the one-month deadline board. */
export interface BoardRow {
  code: string
  nameFa: string
  standing: ProposalStanding
  /** For a late first proposal: how many days after the deadline it came. */
  lateDays: number
  approved: number
  waiting: number
  other: number
}

export interface CentralView {
  queue: QueueRow[]
  board: BoardRow[]
  general: IndicatorRow[]
}

function standingTag(s: ProposalStanding, lateDays: number): Html {
  const [colour, text]: [TagColour, string] =
    s.kind === 'no-credentials'
      ? ['grey', msg.standingNoCredentials]
      : s.kind === 'proposed'
        ? s.late
          ? ['yellow', msg.standingLate(lateDays)]
          : ['green', msg.standingProposed]
        : s.kind === 'waiting'
          ? ['blue', msg.standingWaiting(s.daysLeft)]
          : ['red', msg.standingOverdue(s.daysLate)]
  return tag({ text, colour })
}

function queueTable(rows: QueueRow[]): Html {
  if (rows.length === 0) return html`<p class="mr-body" id="approval-queue">${msg.noQueue}</p>`
  return table({
    caption: msg.queueTitle,
    captionClasses: 'mr-table__caption--m',
    id: 'approval-queue',
    scrollable: true,
    head: [
      { text: 'شاخص' },
      { text: 'دستگاه' },
      { text: 'نسخه' },
      { text: 'تاریخ ارسال' },
      { text: 'زمان انتظار' },
    ],
    rows: rows.map((r) => [
      { html: html`<a class="mr-link" href="/admin/indicators/${r.code}">${r.nameFa}</a>` },
      { text: r.agencyNameFa ?? msg.centralBody },
      { text: toPersianDigits(r.versionNo), format: 'numeric' },
      { html: day(r.submittedAt) },
      { text: msg.waitingDays(r.waitingDays), format: 'numeric' },
    ]),
  })
}

function boardSummary(rows: BoardRow[]): string {
  const count = (test: (s: ProposalStanding) => boolean) =>
    rows.filter((r) => test(r.standing)).length
  return msg.boardSummary(
    count((s) => s.kind === 'proposed' && !s.late),
    count((s) => s.kind === 'proposed' && s.late),
    count((s) => s.kind === 'waiting'),
    count((s) => s.kind === 'overdue'),
    count((s) => s.kind === 'no-credentials'),
  )
}

function boardTable(rows: BoardRow[]): Html {
  const running = rows.filter((r) => r.standing.kind !== 'no-credentials')
  const notStarted = rows.filter((r) => r.standing.kind === 'no-credentials')
  const link = (r: BoardRow) =>
    html`<a class="mr-link" href="/admin/indicators?agency=${r.code}">${r.nameFa}</a>`
  const runningTable =
    running.length === 0
      ? html`<p class="mr-body" id="deadline-board">${msg.boardEmpty}</p>`
      : table({
          caption: msg.deadlineTitle,
          captionClasses: 'mr-visually-hidden',
          id: 'deadline-board',
          scrollable: true,
          head: [{ text: 'دستگاه' }, { text: 'مهلت' }, { text: 'وضعیت' }, { text: 'شاخص‌ها' }],
          rows: running.map((r) => [
            { html: link(r) },
            {
              text:
                r.standing.kind === 'no-credentials'
                  ? msg.none
                  : formatJalaliFa(r.standing.deadline),
            },
            { html: standingTag(r.standing, r.lateDays) },
            { text: msg.counts(r.approved, r.waiting, r.other) },
          ]),
        })
  // Agencies without credentials have no clock yet: named, folded, so the board stays short.
  const folded =
    notStarted.length === 0
      ? html``
      : details({
          id: 'not-started',
          summaryText: msg.notStartedSummary(notStarted.length),
          html: html`<p class="mr-body">${msg.standingNoCredentials}.</p><ul class="mr-list mr-list--bullet">${notStarted.map(
            (r) => html`<li>${link(r)}</li>`,
          )}</ul>`,
        })
  return html`${runningTable}${folded}`
}

/** The centre's page: the approval queue, the deadline board and the general indicators. */
export function centralPage(v: CentralView): Html {
  return html`<h1 class="mr-heading-l">${msg.centralTitle}</h1>
    ${queueTable(v.queue)}
    <h2 class="mr-heading-m">${msg.deadlineTitle}</h2>
    <p class="mr-body">${msg.deadlineLead}</p>
    <p class="mr-body" id="deadline-summary">${boardSummary(v.board)}</p>
    ${boardTable(v.board)}
    ${indicatorTable(v.general, msg.generalTitle, 'general-indicators')}`
}
