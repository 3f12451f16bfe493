import { html } from 'hono/html'
import { formatDateFa, formatDateTimeFa, formatJalaliFa } from '../../../lib/fa/index.ts'
import { findProvince, PROVINCES } from '../../../lib/iran/provinces.ts'
import {
  button,
  errorSummary,
  type Html,
  select,
  type TableCell,
  table,
  tag,
} from '../../../web/ui/index.ts'
import type { ProposalStanding } from '../../indicators/index.ts'
import { type ComplianceRow, PEER_GROUPS, type Share } from '../compliance.model.ts'
import { msg } from '../messages.fa.ts'

export interface ComplianceView {
  asOf: Date
  rows: ComplianceRow[]
  total: number
  /** The filter as typed (kept in the form even when refused). */
  group: string
  province: string
  error: { field: 'group' | 'province'; text: string } | null
  /** The same query for the CSV and API links. */
  query: string
}

const lines = (...parts: Html[]) => html`${parts.map((p, i) => (i === 0 ? p : html`<br>${p}`))}`

function share(s: Share): Html {
  return html`${msg.share(s.count, s.of)} <span class="mr-hint-inline">${msg.percent(s.count, s.of)}</span>`
}

function credentialsCell(r: ComplianceRow): Html {
  if (!r.credentialsIssuedAt) return tag({ text: msg.credentialsNone, colour: 'red' })
  return lines(
    html`${msg.credentialsIssued(formatDateFa(r.credentialsIssuedAt))}`,
    r.firstSignInAt
      ? html`${msg.firstSignIn(formatDateFa(r.firstSignInAt))}`
      : tag({ text: msg.neverSignedIn, colour: 'yellow' }),
  )
}

function servicesCell(r: ComplianceRow): Html {
  if (r.published === 0) return tag({ text: msg.nonePublished, colour: 'red' })
  return lines(
    html`${msg.published(r.published)}`,
    r.completeCards.of === 0
      ? html``
      : html`${msg.completeCards(r.completeCards.count, r.completeCards.of)} <span class="mr-hint-inline">${msg.percent(r.completeCards.count, r.completeCards.of)}</span>`,
  )
}

function reviewsCell(r: ComplianceRow): Html {
  if (r.reviews.of === 0) return html`${msg.reviewsNone}`
  const text = msg.reviews(r.reviews.current, r.reviews.overdue, r.reviews.of)
  return r.reviews.overdue > 0 ? tag({ text, colour: 'yellow' }) : html`${text}`
}

function proposalCell(p: ProposalStanding): Html {
  switch (p.kind) {
    case 'no-credentials':
      return html`${msg.proposal.noCredentials}`
    case 'proposed':
      return p.late
        ? tag({ text: msg.proposal.late(formatDateFa(p.firstSubmittedAt)), colour: 'yellow' })
        : tag({ text: msg.proposal.onTime(formatDateFa(p.firstSubmittedAt)), colour: 'green' })
    case 'waiting':
      return html`${msg.proposal.waiting(formatJalaliFa(p.deadline), p.daysLeft)}`
    case 'overdue':
      return tag({
        text: msg.proposal.overdue(formatJalaliFa(p.deadline), p.daysLate),
        colour: 'red',
      })
  }
}

function agencyCell(r: ComplianceRow): Html {
  const province = r.provinceCode ? findProvince(r.provinceCode)?.nameFa : undefined
  const group = province ? `${msg.groups[r.peerGroup]} — ${province}` : msg.groups[r.peerGroup]
  return html`<a class="mr-link" href="/agencies/${r.agencyCode}">${r.nameFa}</a><br><span class="mr-hint-inline">${group}</span>${
    r.participating ? '' : html`<br>${tag({ text: msg.notParticipating, colour: 'red' })}`
  }`
}

function row(r: ComplianceRow): TableCell[] {
  return [
    { html: agencyCell(r) },
    { html: credentialsCell(r) },
    { html: servicesCell(r) },
    { html: reviewsCell(r) },
    { html: proposalCell(r.proposal) },
    { html: r.published === 0 ? html`${msg.integrationNone}` : share(r.integration) },
    { html: r.eService.of === 0 ? html`${msg.eServiceNone}` : share(r.eService) },
  ]
}

function filterForm(v: ComplianceView): Html {
  return html`<form method="get" action="/compliance" class="mr-filter" role="search" aria-label="${msg.filterHeading}">
    ${select({
      name: 'group',
      label: { text: msg.groupLabel },
      value: v.group,
      errorMessage: v.error?.field === 'group' ? { text: v.error.text } : false,
      items: [
        { value: '', text: msg.allGroups },
        ...PEER_GROUPS.map((g) => ({ value: g, text: msg.groups[g] })),
      ],
    })}
    ${select({
      name: 'province',
      label: { text: msg.provinceLabel },
      hint: { text: msg.provinceHint },
      value: v.province,
      errorMessage: v.error?.field === 'province' ? { text: v.error.text } : false,
      items: [
        { value: '', text: msg.allProvinces },
        ...PROVINCES.map((p) => ({ value: p.code, text: p.nameFa })),
      ],
    })}
    ${button({ text: msg.show, variant: 'secondary' })}
  </form>`
}

/** `/compliance`: the public board, its filter, its rules in plain Persian and its downloads. */
export function compliancePage(v: ComplianceView): Html {
  const counts = {
    of: v.rows.length,
    credentials: v.rows.filter((r) => r.credentialsIssuedAt).length,
    signedIn: v.rows.filter((r) => r.firstSignInAt).length,
    publishing: v.rows.filter((r) => r.published > 0).length,
  }
  const suffix = v.query ? `?${v.query}` : ''
  return html`${v.error ? errorSummary({ errorList: [{ text: v.error.text, href: `#${v.error.field}` }] }) : ''}
    <h1 class="mr-heading-l">${msg.title}</h1>
    <p class="mr-body-l">${msg.lead}</p>
    <p class="mr-body">${msg.asOf(formatDateTimeFa(v.asOf))}</p>
    ${filterForm(v)}
    <p class="mr-body">${msg.summary(v.rows.length, v.total)}
      ${v.rows.length > 0 ? msg.summaryCounts(counts) : ''}</p>
    <p class="mr-body"><a class="mr-link" href="/compliance.csv${suffix}" download>${msg.csvLink}</a>
      · <a class="mr-link" href="/api/v1/compliance${suffix}">${msg.apiLink}</a></p>
    ${
      v.rows.length === 0
        ? html`<p class="mr-body">${msg.noRows}</p>`
        : table({
            id: 'compliance',
            caption: msg.caption,
            captionClasses: 'mr-table__caption--m',
            scrollable: true,
            firstCellIsHeader: true,
            classes: 'mr-compliance',
            head: [
              { text: msg.col.agency },
              { text: msg.col.credentials },
              { text: msg.col.services },
              { text: msg.col.reviews },
              { text: msg.col.proposal },
              { text: msg.col.integration },
              { text: msg.col.eService },
            ],
            rows: v.rows.map(row),
          })
    }
    <h2 class="mr-heading-m" id="rules">${msg.rulesHeading}</h2>
    <ul class="mr-list mr-list--bullet">${msg.rules.map((r) => html`<li>${r}</li>`)}</ul>`
}
