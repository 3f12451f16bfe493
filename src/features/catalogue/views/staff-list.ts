import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateFa } from '../../../lib/fa/format-date.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  insetText,
  select,
  table,
  textInput,
} from '../../../web/ui/index.ts'
import {
  editorMsg as em,
  formErrorSummary,
  type ServiceStatus,
  statusTags,
} from '../../services/index.ts'
import { catalogueMsg as cm } from '../messages.fa.ts'

export interface AdminServiceRow {
  id: string
  title: string
  statuses: ServiceStatus[]
  /** The draft's version number when there is a draft, else the published one's. */
  versionNo: number
  changedAt: Date
  /** Quality issues of the draft; null when there is no draft. */
  issueCount: number | null
}

export interface AdminListView {
  heading: string
  rows: AdminServiceRow[]
  canCreate: boolean
  readOnly: boolean
  /** For central staff: the agencies whose list they may open, and the one shown. */
  agencyPicker: { choices: { code: string; nameFa: string }[]; selected: string } | null
}

function picker(p: NonNullable<AdminListView['agencyPicker']>): Html {
  return html`<form method="get" action="/admin/services" class="mr-filter">
    ${select({
      name: 'agency',
      label: { text: em.pickAgency },
      hint: { text: em.pickAgencyHint },
      value: p.selected,
      items: [
        { value: '', text: em.chooseOne },
        ...p.choices.map((a) => ({ value: a.code, text: a.nameFa })),
      ],
    })}
    ${button({ text: em.show, variant: 'secondary' })}
  </form>`
}

function rowsTable(v: AdminListView): Html {
  if (v.rows.length === 0) return html`<p class="mr-body">${em.listEmpty}</p>`
  return table({
    caption: v.heading,
    captionClasses: 'mr-visually-hidden',
    id: 'agency-services',
    head: [
      { text: em.colTitle },
      { text: em.colStatus },
      { text: em.colVersion, format: 'numeric' },
      { text: em.colChanged },
      { text: em.colIssues },
    ],
    rows: v.rows.map((r) => [
      {
        html: html`<a class="mr-link" href="/admin/services/${r.id}">${r.title || em.untitled}</a>`,
      },
      { html: statusTags(r.statuses) },
      { text: toPersianDigits(r.versionNo), format: 'numeric' },
      {
        html: html`<time datetime="${r.changedAt.toISOString()}">${formatDateFa(r.changedAt)}</time>`,
      },
      {
        text:
          r.issueCount === null
            ? '—'
            : r.issueCount === 0
              ? em.issuesNone
              : em.issuesCount(toPersianDigits(r.issueCount)),
      },
    ]),
  })
}

export function adminListPage(v: AdminListView): Html {
  return html`<h1 class="mr-heading-l">${v.heading}</h1>
    <p class="mr-body">${em.listLead}</p>
    ${v.agencyPicker ? picker(v.agencyPicker) : ''}
    ${v.readOnly && v.agencyPicker?.selected ? insetText({ text: em.listReadOnly }) : ''}
    ${v.canCreate ? html`<p class="mr-body">${button({ text: em.newService, href: '/admin/services/new' })}</p>` : ''}
    ${v.agencyPicker && !v.agencyPicker.selected ? '' : rowsTable(v)}`
}

export interface NewServiceView {
  csrfToken: string
  /** The form's one-time token (web/form-once.ts): sent again, it creates no second service. */
  onceToken: string
  values: Record<string, string>
  errors: FieldErrors
}

export function newServicePage(v: NewServiceView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${formErrorSummary(v.errors)}
    <h1 class="mr-heading-l">${em.newTitle}</h1>
    <p class="mr-body">${em.newLead}</p>
    <form method="post" action="/admin/services/new" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(v.onceToken)}
      ${textInput({
        name: 'title',
        label: { text: em.fieldTitle, classes: 'mr-label--s' },
        hint: { text: em.fieldTitleHint },
        value: v.values.title ?? '',
        errorMessage: fieldError(v.errors, 'title'),
      })}
      ${textInput({
        name: 'slug',
        label: { text: em.fieldSlug, classes: 'mr-label--s' },
        // Persian like the title (issue 17 item 13), or Latin: the direction follows what is typed.
        hint: { text: cm.newSlugHint },
        value: v.values.slug ?? '',
        dir: 'auto',
        spellcheck: false,
        autocomplete: 'off',
        maxlength: 80,
        errorMessage: fieldError(v.errors, 'slug'),
      })}
      ${button({ text: em.create })}
    </form>
    <p class="mr-body"><a class="mr-link" href="/admin/services">${em.listTitle}</a></p>
  </div></div>`
}
