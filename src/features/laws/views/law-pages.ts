import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatJalaliFa } from '../../../lib/fa/format-date.ts'
import { gregorianToJalali } from '../../../lib/fa/jalali.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  csrfField,
  dateInput,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  pageNavigation,
  select,
  summaryList,
  textInput,
} from '../../../web/ui/index.ts'
import { LAW_KINDS, type Law } from '../law.model.ts'
import type { CitedLaw } from '../law-citations.queries.ts'
import { LAW_KIND_LABELS, msg } from '../messages.fa.ts'

/** '2010-03-08' → «۱۷ اسفند ۱۳۸۸». */
export function approvedOnFa(isoDay: string | null): string {
  if (!isoDay) return ''
  const [gy, gm, gd] = isoDay.split('-').map(Number)
  return formatJalaliFa(gregorianToJalali(gy ?? 0, gm ?? 0, gd ?? 0))
}

/** A one-line citation: «قانون مدیریت خدمات کشوری (قانون، شمارهٔ …، مصوب …)». */
export function lawCitation(law: CitedLaw): string {
  const bits: string[] = [LAW_KIND_LABELS[law.kind]]
  if (law.number) bits.push(`شمارهٔ ${toPersianDigits(law.number)}`)
  if (law.approvedOn) bits.push(`مصوب ${approvedOnFa(law.approvedOn)}`)
  return `${law.title} (${bits.join('، ')})`
}

export interface LawIndexView {
  q: string
  kind: string
  items: Law[]
  total: number
  page: number
  pageCount: number
  href: (p: number) => string
  canAdd: boolean
}

export function lawIndexPage(v: LawIndexView): Html {
  return html`<h1 class="mr-heading-l">${msg.indexTitle}</h1>
    <p class="mr-body-l">${msg.indexLead}</p>
    ${v.canAdd ? button({ text: msg.newTitle, href: '/admin/laws/new', variant: 'secondary' }) : ''}
    <form method="get" action="/laws" class="mr-filter" role="search">
      ${textInput({ name: 'q', type: 'search', label: { text: 'جست‌وجو در عنوان یا شماره' }, value: v.q, classes: 'mr-input--width-20' })}
      ${select({
        name: 'kind',
        label: { text: msg.kind },
        items: [
          { value: '', text: 'همه', selected: v.kind === '' },
          ...LAW_KINDS.map((k) => ({ value: k, text: LAW_KIND_LABELS[k], selected: v.kind === k })),
        ],
      })}
      ${button({ text: 'نمایش', variant: 'secondary' })}
    </form>
    ${
      v.items.length === 0
        ? html`<p class="mr-body">${msg.noResults}</p>`
        : html`<p class="mr-body">${toPersianDigits(v.total)} مورد</p>
          <ul class="mr-list mr-list--spaced">${v.items.map(
            (l) => html`<li><a class="mr-link" href="/laws/${l.id}">${l.title}</a>
              <span class="mr-hint-inline">${LAW_KIND_LABELS[l.kind]}${l.approvedOn ? `، مصوب ${approvedOnFa(l.approvedOn)}` : ''}</span></li>`,
          )}</ul>`
    }
    ${pageNavigation(v.page, v.pageCount, v.href)}`
}

export function lawPage(v: {
  law: Law
  citedBy: { slug: string; title: string }[]
  canEdit: boolean
}): Html {
  const l = v.law
  return html`<span class="mr-caption-l">${LAW_KIND_LABELS[l.kind]}</span>
    <h1 class="mr-heading-l">${l.title}</h1>
    ${v.canEdit ? html`<p class="mr-body">${button({ text: msg.editTitle, href: `/admin/laws/${l.id}/edit`, variant: 'secondary' })}</p>` : ''}
    ${summaryList({
      rows: [
        { key: { text: msg.kind }, value: { text: LAW_KIND_LABELS[l.kind] } },
        ...(l.number
          ? [{ key: { text: msg.number }, value: { text: toPersianDigits(l.number) } }]
          : []),
        ...(l.approvedOn
          ? [{ key: { text: msg.approvedOn }, value: { text: approvedOnFa(l.approvedOn) } }]
          : []),
        ...(l.url
          ? [
              {
                key: { text: msg.url },
                value: {
                  html: html`<a class="mr-link" href="${l.url}" dir="ltr" rel="noopener">${l.url}</a>`,
                },
              },
            ]
          : []),
      ],
    })}
    <h2 class="mr-heading-m">${msg.citedBy} (${toPersianDigits(v.citedBy.length)})</h2>
    ${
      v.citedBy.length
        ? html`<ul class="mr-list">${v.citedBy.map((s) => html`<li><a class="mr-link" href="/services/${s.slug}">${s.title}</a></li>`)}</ul>`
        : html`<p class="mr-body">هنوز خدمتی به این مقرره استناد نکرده است.</p>`
    }`
}

export function lawFormPage(v: {
  csrfToken: string
  /** The new-law form's one-time token (web/form-once.ts); the edit form has none. */
  onceToken?: string
  mode: 'new' | 'edit'
  action: string
  values: Record<string, string>
  errors: FieldErrors
}): Html {
  const val = (k: string) => v.values[k] ?? ''
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors, { approvedOn: 'approvedOn-day' }) }) : ''}
    <h1 class="mr-heading-l">${v.mode === 'new' ? msg.newTitle : msg.editTitle}</h1>
    <form method="post" action="${v.action}" novalidate>
      ${csrfField(v.csrfToken)}
      ${v.onceToken !== undefined ? formOnceField(v.onceToken) : ''}
      ${textInput({ name: 'title', label: { text: msg.title }, value: val('title'), errorMessage: fieldError(v.errors, 'title') })}
      ${select({
        name: 'kind',
        label: { text: msg.kind },
        errorMessage: fieldError(v.errors, 'kind'),
        items: [
          { value: '', text: 'انتخاب کنید', selected: val('kind') === '' },
          ...LAW_KINDS.map((k) => ({
            value: k,
            text: LAW_KIND_LABELS[k],
            selected: val('kind') === k,
          })),
        ],
      })}
      ${textInput({ name: 'number', label: { text: msg.number }, value: val('number'), classes: 'mr-input--width-20', errorMessage: fieldError(v.errors, 'number') })}
      ${dateInput({
        id: 'approvedOn',
        fieldset: { legend: { text: msg.approvedOn } },
        hint: { text: 'به تقویم شمسی، مانند ۱۷ ۱۲ ۱۳۸۸' },
        values: {
          day: val('approvedOn-day'),
          month: val('approvedOn-month'),
          year: val('approvedOn-year'),
        },
        errorMessage: fieldError(v.errors, 'approvedOn'),
      })}
      ${textInput({ name: 'url', type: 'url', label: { text: msg.url }, value: val('url'), dir: 'ltr', errorMessage: fieldError(v.errors, 'url') })}
      ${button({ text: msg.save })}
    </form>
  </div></div>`
}
