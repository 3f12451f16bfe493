import { html } from 'hono/html'
import { formatJalaliFa, formatNumberFa, type JalaliDate } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  dateInput,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  fieldset,
  type Html,
  hasErrors,
  pageNavigation,
  summaryList,
  table,
  textInput,
} from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'
import { type AgencyServicesView, agencyServicesSection } from './dashboard-services.ts'

export interface PendingAgencyView {
  code: string
  nameFa: string
  levelLabel: string
}

export interface CentralDashboardView {
  canEditSettings: boolean
  /** May issue credentials (links in the table of pending agencies). */
  canIssue: boolean
  centralBodyName: string
  directiveDate: JalaliDate
  deadline: JalaliDate
  daysLeft: number
  counts: { total: number; withCredentials: number }
  pending: {
    items: PendingAgencyView[]
    page: number
    pageCount: number
    href: (page: number) => string
  }
  values: Record<string, string>
  errors: FieldErrors
  /** Broken links and e-service maturity per agency (features/channels). */
  channels: Html
  /** Every agency's services by review state. */
  reviews: Html
  /** The reminder that the lunar holidays in the calendar run out (features/calendar; empty until due). */
  calendarHorizon: Html
}

export interface AgencyDashboardView {
  agency: { code: string; nameFa: string } | null
  roleLabel: string
  canManageUsers: boolean
  /** The agency's services that need attention; null for users who do not edit services. */
  services: AgencyServicesView | null
  /** Its broken links and its services' maturity (features/channels); null as for services. */
  channels: Html | null
  /** Its services by review state; null as for services. */
  reviews: Html | null
}

export interface DashboardView {
  csrfToken: string
  displayName: string
  roleLabel: string
  central: CentralDashboardView | null
  agency: AgencyDashboardView | null
}

function deadlineText(daysLeft: number): string {
  if (daysLeft > 0) return msg.daysLeft(formatNumberFa(daysLeft))
  if (daysLeft === 0) return msg.lastDay
  return msg.overdue(formatNumberFa(-daysLeft))
}

function settingsForms(v: CentralDashboardView, csrfToken: string): Html {
  const val = (k: string) => v.values[k] ?? ''
  return html`<form method="post" action="/admin/directive-date" novalidate>
      ${csrfField(csrfToken)}
      ${dateInput({
        id: 'directiveDate',
        fieldset: { legend: { text: msg.changeDirectiveDate, classes: 'mr-fieldset__legend--s' } },
        hint: { text: msg.directiveDateHint },
        values: {
          day: val('directiveDate-day'),
          month: val('directiveDate-month'),
          year: val('directiveDate-year'),
        },
        errorMessage: fieldError(v.errors, 'directiveDate'),
      })}
      ${button({ text: msg.save, variant: 'secondary' })}
    </form>
    <form method="post" action="/admin/central-body" novalidate>
      ${csrfField(csrfToken)}
      ${textInput({
        name: 'centralBodyName',
        label: { text: msg.changeCentralBody, classes: 'mr-label--s' },
        hint: { text: msg.centralBodyHint },
        value: val('centralBodyName'),
        errorMessage: fieldError(v.errors, 'centralBodyName'),
      })}
      ${button({ text: msg.save, variant: 'secondary' })}
    </form>
    <form method="post" action="/admin/review-policy" novalidate>
      ${csrfField(csrfToken)}
      ${fieldset({
        legend: { text: msg.reviewPolicy, classes: 'mr-fieldset__legend--s' },
        html: html`${textInput({
          name: 'cycleMonths',
          label: { text: msg.cycleMonths, classes: 'mr-label--s' },
          classes: 'mr-input--width-4',
          inputmode: 'numeric',
          value: val('cycleMonths'),
          errorMessage: fieldError(v.errors, 'cycleMonths'),
        })}${textInput({
          name: 'dueSoonDays',
          label: { text: msg.dueSoonDays, classes: 'mr-label--s' },
          classes: 'mr-input--width-4',
          inputmode: 'numeric',
          value: val('dueSoonDays'),
          errorMessage: fieldError(v.errors, 'dueSoonDays'),
        })}${textInput({
          name: 'dueDays',
          label: { text: msg.dueDays, classes: 'mr-label--s' },
          classes: 'mr-input--width-4',
          inputmode: 'numeric',
          value: val('dueDays'),
          errorMessage: fieldError(v.errors, 'dueDays'),
        })}`,
      })}
      ${button({ text: msg.save, variant: 'secondary' })}
    </form>`
}

function pendingTable(v: CentralDashboardView): Html {
  const p = v.pending
  if (p.items.length === 0) return html`<p class="mr-body">${msg.allIssued}</p>`
  return html`${table({
    caption: msg.pendingCaption,
    captionClasses: 'mr-table__caption--m',
    scrollable: true,
    id: 'pending-agencies',
    head: [
      { text: msg.name },
      { text: msg.level },
      { text: msg.code },
      ...(v.canIssue ? [{ html: html`<span class="mr-visually-hidden">${msg.issue}</span>` }] : []),
    ],
    rows: p.items.map((a) => [
      { html: html`<a class="mr-link" href="/agencies/${a.code}">${a.nameFa}</a>` },
      { text: a.levelLabel },
      { html: html`<bdi dir="ltr">${a.code}</bdi>` },
      ...(v.canIssue
        ? [
            {
              html: html`<a class="mr-link" href="/admin/agencies/${a.code}/credentials">${msg.issue}<span class="mr-visually-hidden"> ${msg.issueFor(a.nameFa)}</span></a>`,
            },
          ]
        : []),
    ]),
  })}
  ${pageNavigation(p.page, p.pageCount, p.href)}`
}

function centralSection(v: CentralDashboardView, csrfToken: string): Html {
  const without = v.counts.total - v.counts.withCredentials
  return html`${v.calendarHorizon}<h2 class="mr-heading-m">${msg.directiveHeading}</h2>
    <p class="mr-body">${msg.directiveLead}</p>
    ${summaryList({
      rows: [
        { key: { text: msg.centralBody }, value: { text: v.centralBodyName } },
        { key: { text: msg.directiveDate }, value: { text: formatJalaliFa(v.directiveDate) } },
        { key: { text: msg.deadline }, value: { text: formatJalaliFa(v.deadline) } },
        {
          key: { text: msg.deadlineStatus },
          value: {
            html: html`<strong id="deadline-status">${deadlineText(v.daysLeft)}</strong>`,
          },
        },
      ],
    })}
    ${v.canEditSettings ? settingsForms(v, csrfToken) : ''}
    <h2 class="mr-heading-m">${msg.credentialsHeading}</h2>
    ${summaryList({
      attributes: { id: 'credential-counts' },
      rows: [
        { key: { text: msg.agenciesTotal }, value: { text: formatNumberFa(v.counts.total) } },
        {
          key: { text: msg.agenciesWith },
          value: { text: formatNumberFa(v.counts.withCredentials) },
        },
        { key: { text: msg.agenciesWithout }, value: { text: formatNumberFa(without) } },
      ],
    })}
    ${v.canIssue ? html`<p class="mr-body">${button({ text: msg.addAgency, href: '/admin/agencies/new', variant: 'secondary' })}</p>` : ''}
    ${pendingTable(v)}
    ${v.reviews}
    ${v.channels}`
}

function agencySection(v: AgencyDashboardView): Html {
  return html`<h2 class="mr-heading-m">${msg.yourAgency}</h2>
    ${summaryList({
      rows: [
        {
          key: { text: msg.yourAgency },
          value: {
            html: v.agency
              ? html`<a class="mr-link" href="/agencies/${v.agency.code}">${v.agency.nameFa}</a>`
              : html`—`,
          },
        },
        ...(v.agency
          ? [
              {
                key: { text: msg.code },
                value: { html: html`<bdi dir="ltr">${v.agency.code}</bdi>` },
              },
            ]
          : []),
        { key: { text: msg.yourRole }, value: { text: v.roleLabel } },
      ],
    })}
    ${v.services ? agencyServicesSection(v.services) : ''}
    ${v.reviews ?? ''}
    ${v.channels ?? ''}`
}

function shortcuts(v: DashboardView): Html {
  const items: { href: string; text: string }[] = []
  if (v.agency?.canManageUsers) items.push({ href: '/admin/users', text: msg.manageAgencyUsers })
  if (v.central?.canIssue) items.push({ href: '/admin/users', text: msg.manageUsers })
  if (v.central) items.push({ href: '/admin/audit', text: msg.auditLog })
  if (v.central) items.push({ href: '/admin/search/zero-results', text: msg.zeroResultSearches })
  if (v.central?.canIssue) items.push({ href: '/admin/calendar', text: msg.workingCalendar })
  // The evaluation of agencies (issue 15): the centre closes years and answers objections, an
  // agency admin reads its scorecards and objects; the central admin sets the method.
  if (v.central || v.agency?.canManageUsers)
    items.push({ href: '/admin/evaluation', text: 'ارزیابی دستگاه‌ها' })
  if (v.central?.canIssue) items.push({ href: '/admin/evaluation/method', text: 'روش ارزیابی' })
  if (v.agency) items.push({ href: '/admin/services', text: msg.agencyServices })
  if (v.agency || v.central?.canIssue) items.push({ href: '/admin/offices', text: 'محل‌های مراجعه' })
  if (v.central?.canIssue || v.agency?.canManageUsers)
    items.push({ href: '/admin/laws/new', text: msg.addLaw })
  items.push({ href: '/agencies', text: msg.agencies })
  items.push({ href: '/account/tokens', text: msg.apiTokens })
  items.push({ href: '/account/password', text: msg.changePassword })
  return html`<h2 class="mr-heading-m">${msg.shortcuts}</h2>
    <ul class="mr-list">${items.map((i) => html`<li><a class="mr-link" href="${i.href}">${i.text}</a></li>`)}</ul>`
}

export function dashboardPage(v: DashboardView): Html {
  const errors = v.central?.errors ?? {}
  return html`${
    hasErrors(errors)
      ? errorSummary({
          errorList: errorListFromFieldErrors(errors, { directiveDate: 'directiveDate-day' }),
        })
      : ''
  }
    <h1 class="mr-heading-l">${msg.title}</h1>
    <p class="mr-body-l"><bdi>${v.displayName}</bdi>، ${v.roleLabel}</p>
    ${v.central ? centralSection(v.central, v.csrfToken) : ''}
    ${v.agency ? agencySection(v.agency) : ''}
    ${shortcuts(v)}`
}
