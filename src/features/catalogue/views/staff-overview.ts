import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateFa, formatDateTimeFa } from '../../../lib/fa/format-date.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  insetText,
  type SummaryListRow,
  summaryList,
  tag,
  textarea,
  warningText,
} from '../../../web/ui/index.ts'
import type { ProcessOverview } from '../../processes/index.ts'
import type { CardSection, DraftStamp, PublishRequestView } from '../../services/index.ts'
import {
  draftStampFields,
  editorMsg as em,
  formErrorSummary,
  publishRequestMsg as pm,
  type ServiceStatus,
  slugMsg,
  statusTags,
} from '../../services/index.ts'
import { FIELD_LABELS } from '../content.text.ts'
import { catalogueMsg as cm } from '../messages.fa.ts'
import type { IssueSection, QualityIssue } from '../service.quality.ts'

export interface SectionSummary {
  section: CardSection
  label: string
  fields: { label: string; lines: string[] }[]
}

export interface OverviewView {
  csrfToken: string
  serviceId: string
  slug: string
  agencyNameFa: string
  title: string
  statuses: ServiceStatus[]
  withdrawnReason: string | null
  published: { versionNo: number; publishedAt: Date } | null
  draft: {
    versionNo: number
    updatedAt: Date
    /** The publish form names the draft revision the admin looked at. */
    stamp: DraftStamp
    sections: SectionSummary[]
    issues: QualityIssue[]
    /** The process row: its steps, total time and consistency with the declared time. */
    process: ProcessOverview
    /** The forms row, from features/forms. */
    forms?: SummaryListRow
    /** The channels row (channels, stage matrix, maturity level), from features/channels. */
    channels: SummaryListRow
    /** The offices row (محل‌های مراجعه), from features/offices. */
    offices?: SummaryListRow
    /** An editor's «ارسال برای انتشار» request still open on this draft. */
    publishRequest: PublishRequestView | null
  } | null
  canEdit: boolean
  canPublish: boolean
  /** A draft of a service that was never published cannot be discarded (it is the service). */
  canDiscard: boolean
  /** Values of the publish and withdraw forms after a refused submission. */
  values: Record<string, string>
  errors: FieldErrors
}

const MAX_SHOWN = 300
const PROCESS_LABEL = FIELD_LABELS.process

function shortText(lines: string[]): string {
  const s = lines.join('، ')
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s
}

function sectionValue(s: SectionSummary): Html {
  const only = s.fields.length === 1 ? s.fields[0] : undefined
  if (only) {
    // A section of one field (a list): its items, one a line, without repeating the label.
    if (only.lines.length === 0)
      return html`<span class="mr-secondary-text">${em.notEntered}</span>`
    return html`<ul class="mr-list">${only.lines.map((l) => html`<li>${shortText([l])}</li>`)}</ul>`
  }
  return html`<ul class="mr-list">${s.fields.map(
    (f) =>
      html`<li><span class="mr-secondary-text">${f.label}:</span> ${
        f.lines.length
          ? shortText(f.lines)
          : html`<span class="mr-secondary-text">${em.notEntered}</span>`
      }</li>`,
  )}</ul>`
}

function editHref(v: OverviewView, section: IssueSection): string {
  return `/admin/services/${v.serviceId}/edit/${section}`
}

/** The process row of the draft's sections: steps and total, edited on its own page. */
function processRow(v: OverviewView, p: ProcessOverview): SummaryListRow {
  const lines = p.total ? [...p.lines, p.total] : p.lines
  return {
    key: { text: PROCESS_LABEL },
    value: {
      html:
        lines.length === 0
          ? html`<span class="mr-secondary-text">${em.notEntered}</span>`
          : html`<ul class="mr-list" id="draft-process">${lines.map((l) => html`<li>${shortText([l])}</li>`)}</ul>`,
    },
    ...(v.canEdit
      ? {
          actions: {
            items: [
              { href: editHref(v, 'process'), text: em.edit, visuallyHiddenText: PROCESS_LABEL },
            ],
          },
        }
      : {}),
  }
}

function qualityChecklist(v: OverviewView, issues: QualityIssue[]): Html {
  // Not a blocker: the process's total time disagreeing with the declared time (R14 consistency).
  const mismatch = v.draft?.process.mismatch
  const consistency = mismatch
    ? warningText({ text: mismatch, attributes: { id: 'process-timing-mismatch' } })
    : ''
  if (issues.length === 0) {
    return html`<h2 class="mr-heading-m">${em.qualityHeading}</h2>
      <p class="mr-body" id="quality-ready">${tag({ text: em.ready, colour: 'green' })} ${em.readyText}</p>
      ${consistency}`
  }
  return html`<h2 class="mr-heading-m">${em.qualityHeading}</h2>
    ${consistency}
    <p class="mr-body">${em.qualityLead}</p>
    <ul class="mr-list mr-list--bullet" id="quality-issues">${issues.map(
      (i) =>
        html`<li>${v.canEdit ? html`<a class="mr-link" href="${editHref(v, i.section)}">${i.message}</a>` : i.message}</li>`,
    )}</ul>`
}

function draftSection(v: OverviewView, d: NonNullable<OverviewView['draft']>): Html {
  return html`<h2 class="mr-heading-m">${em.draftHeading}</h2>
    <p class="mr-body">${em.draftText(toPersianDigits(d.versionNo), formatDateTimeFa(d.updatedAt))}
      <a class="mr-link" href="/admin/services/${v.serviceId}/preview">${em.preview}</a></p>
    ${summaryList({
      attributes: { id: 'draft-sections' },
      rows: [
        ...d.sections.map((s) => ({
          key: { text: s.label },
          value: { html: sectionValue(s) },
          ...(v.canEdit
            ? {
                actions: {
                  items: [
                    { href: editHref(v, s.section), text: em.edit, visuallyHiddenText: s.label },
                  ],
                },
              }
            : {}),
        })),
        processRow(v, d.process),
        ...(d.forms ? [d.forms] : []),
        ...(d.offices ? [d.offices] : []),
        d.channels,
      ],
    })}
    ${qualityChecklist(v, d.issues)}
    ${
      v.canPublish
        ? html`<h2 class="mr-heading-m" id="publish">${em.publishHeading}</h2>
          ${publishRequestNotice(d.publishRequest, 'admin')}
          ${publishForm(v, d)}`
        : v.canEdit
          ? requestSection(v, d)
          : publishRequestNotice(d.publishRequest, 'admin')
    }
    ${
      v.canEdit && v.canDiscard
        ? html`<h2 class="mr-heading-m">${em.discardHeading}</h2>
          <p class="mr-body">${em.discardText}</p>
          ${button({
            text: em.discard,
            variant: 'warning',
            href: `/admin/services/${v.serviceId}/discard`,
            id: 'discard-link',
          })}`
        : ''
    }`
}

/** «درخواست انتشار: <name>، <date>», and whether the draft changed since it was sent. */
export function publishRequestNotice(
  r: PublishRequestView | null,
  reader: 'admin' | 'editor',
): Html {
  if (!r) return html``
  const who = r.requestedByName ?? pm.unknownUser
  return html`${insetText({ text: pm.requested(who, formatDateTimeFa(r.requestedAt)), id: 'publish-request' })}
    ${
      r.changedSince
        ? warningText({
            text: reader === 'admin' ? pm.changedSince : pm.changedSinceEditor,
            attributes: { id: 'publish-request-changed' },
          })
        : ''
    }`
}

/** The admin's publish form: a change note, with the draft revision the admin looked at. */
export function publishForm(v: OverviewView, d: NonNullable<OverviewView['draft']>): Html {
  return html`<form method="post" action="/admin/services/${v.serviceId}/publish" novalidate>
    ${csrfField(v.csrfToken)}${draftStampFields(d.stamp)}
    ${textarea({
      name: 'changeNote',
      label: { text: em.changeNote, classes: 'mr-label--s' },
      hint: { text: em.changeNoteHint },
      rows: 3,
      value: v.values.changeNote ?? '',
      errorMessage: fieldError(v.errors, 'changeNote'),
    })}
    ${button({ text: em.publish })}
  </form>`
}

/**
 * The editor's «ارسال برای انتشار»: the request already sent (and whether the draft changed
 * since), and the button while there is something new to send.
 */
function requestSection(v: OverviewView, d: NonNullable<OverviewView['draft']>): Html {
  const r = d.publishRequest
  return html`<h2 class="mr-heading-m" id="publish">${pm.heading}</h2>
    <p class="mr-body" id="cannot-publish">${pm.lead}</p>
    ${publishRequestNotice(r, 'editor')}
    ${
      r && !r.changedSince
        ? ''
        : html`<form method="post" action="/admin/services/${v.serviceId}/publish-request">
          ${csrfField(v.csrfToken)}${draftStampFields(d.stamp)}
          ${button({ text: r ? pm.sendAgain : pm.send })}
        </form>`
    }`
}

function noDraftSection(v: OverviewView): Html {
  return html`<h2 class="mr-heading-m">${em.draftHeading}</h2>
    <p class="mr-body">${em.noDraft}</p>
    ${
      v.canEdit
        ? html`<form method="post" action="/admin/services/${v.serviceId}/draft">
          ${csrfField(v.csrfToken)}
          ${button({ text: em.startDraft })}
        </form>`
        : ''
    }`
}

function withdrawSection(v: OverviewView): Html {
  if (!v.canPublish) return html``
  if (v.withdrawnReason !== null) {
    return html`<form method="post" action="/admin/services/${v.serviceId}/restore">
      ${csrfField(v.csrfToken)}
      ${button({ text: em.restore, variant: 'secondary' })}
    </form>`
  }
  if (!v.published) return html``
  return html`<h2 class="mr-heading-m">${em.withdrawHeading}</h2>
    <p class="mr-body">${em.withdrawText}</p>
    <form method="post" action="/admin/services/${v.serviceId}/withdraw" novalidate>
      ${csrfField(v.csrfToken)}
      ${textarea({
        name: 'reason',
        label: { text: em.withdrawReason, classes: 'mr-label--s' },
        rows: 3,
        value: v.values.reason ?? '',
        errorMessage: fieldError(v.errors, 'reason'),
      })}
      ${button({ text: em.withdraw, variant: 'warning' })}
    </form>`
}

/**
 * The service's address, and for the agency admin the link to change it (issue 17 item 13): the
 * slug page is the admin's alone, as are publishing and withdrawing.
 */
function addressSection(v: OverviewView): Html {
  return html`<h2 class="mr-heading-m">${cm.address}</h2>
    <p class="mr-body" id="service-address"><bdi>/services/${v.slug}</bdi></p>
    ${
      v.canPublish
        ? html`<p class="mr-body"><a class="mr-link" id="change-slug" href="/admin/services/${v.serviceId}/slug">${slugMsg.link}</a></p>`
        : ''
    }`
}

/** The staff's page of one service: versions, draft sections, quality checklist and actions. */
export function overviewPage(v: OverviewView): Html {
  const links: Record<string, string> = {}
  v.draft?.issues.forEach((issue, n) => {
    links[`quality-${n}`] = editHref(v, issue.section)
  })
  return html`${formErrorSummary(v.errors, links)}
    <span class="mr-caption-l">${em.overviewCaption} — ${v.agencyNameFa}</span>
    <h1 class="mr-heading-l">${v.title || em.untitled}</h1>
    <p class="mr-body" id="service-status">${statusTags(v.statuses)}</p>
    ${v.withdrawnReason !== null ? warningText({ text: em.withdrawnText(v.withdrawnReason) }) : ''}
    ${v.canEdit ? '' : insetText({ text: em.readOnly })}
    <div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <h2 class="mr-heading-m">${em.publishedHeading}</h2>
    ${
      v.published
        ? html`<p class="mr-body">${em.publishedText(toPersianDigits(v.published.versionNo), formatDateFa(v.published.publishedAt))}</p>
          <ul class="mr-list">
            <li><a class="mr-link" href="/services/${v.slug}">${em.publicPage}</a></li>
            <li><a class="mr-link" href="/services/${v.slug}/history">${em.history}</a></li>
          </ul>`
        : html`<p class="mr-body">${em.neverPublished}</p>`
    }
    ${addressSection(v)}
    ${v.draft ? draftSection(v, v.draft) : noDraftSection(v)}
    ${withdrawSection(v)}
    <p class="mr-body"><a class="mr-link" href="/admin/services">${em.listTitle}</a></p>
    </div></div>`
}
