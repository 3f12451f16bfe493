import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { findProvince, PROVINCES } from '../../../lib/iran/provinces.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  pageNavigation,
  select,
  summaryList,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import { AGENCY_LEVELS, type Agency, type AgencyBrief } from '../agency.model.ts'
import { LEVEL_LABELS, msg } from '../messages.fa.ts'

function ltr(value: string): Html {
  return html`<bdi dir="ltr">${value}</bdi>`
}

export interface AgencyIndexView {
  q: string
  level: string
  /** The hierarchy (when no filter is applied). */
  tree: { node: AgencyBrief; children: AgencyBrief[] }[] | null
  results: {
    items: Agency[]
    total: number
    page: number
    pageCount: number
    href: (p: number) => string
  } | null
  canCreate: boolean
}

export function agencyIndexPage(v: AgencyIndexView): Html {
  return html`<h1 class="mr-heading-l">${msg.indexTitle}</h1>
    <p class="mr-body-l">${msg.indexLead}</p>
    ${v.canCreate ? button({ text: msg.newTitle, href: '/admin/agencies/new', variant: 'secondary' }) : ''}
    <form method="get" action="/agencies" class="mr-filter" role="search">
      ${textInput({ name: 'q', type: 'search', label: { text: msg.searchLabel }, value: v.q, classes: 'mr-input--width-20' })}
      ${select({
        name: 'level',
        label: { text: msg.levelFilter },
        items: [
          { value: '', text: msg.allLevels, selected: v.level === '' },
          ...AGENCY_LEVELS.map((l) => ({
            value: l,
            text: LEVEL_LABELS[l],
            selected: v.level === l,
          })),
        ],
      })}
      ${button({ text: 'نمایش', variant: 'secondary' })}
    </form>
    ${v.tree ? agencyTree(v.tree) : ''}
    ${v.results ? agencyResults(v.results) : ''}`
}

function agencyTree(tree: NonNullable<AgencyIndexView['tree']>): Html {
  return html`<ul class="mr-tree">
    ${tree.map(
      ({ node, children }) => html`<li>
        <a class="mr-link mr-tree__top" href="/agencies/${node.code}">${node.nameFa}</a>
        <span class="mr-hint-inline">${LEVEL_LABELS[node.level]}</span>
        ${
          children.length
            ? html`<ul class="mr-tree__children">${children.map(
                (ch) =>
                  html`<li><a class="mr-link" href="/agencies/${ch.code}">${ch.nameFa}</a></li>`,
              )}</ul>`
            : ''
        }
      </li>`,
    )}
  </ul>`
}

function agencyResults(r: NonNullable<AgencyIndexView['results']>): Html {
  if (r.items.length === 0) return html`<p class="mr-body">${msg.noResults}</p>`
  return html`<p class="mr-body">${toPersianDigits(r.total)} دستگاه</p>
    <table class="mr-table">
      <caption class="mr-table__caption mr-visually-hidden">${msg.indexTitle}</caption>
      <thead class="mr-table__head"><tr class="mr-table__row">
        <th scope="col" class="mr-table__header">نام</th>
        <th scope="col" class="mr-table__header">${msg.level}</th>
        <th scope="col" class="mr-table__header">${msg.province}</th>
      </tr></thead>
      <tbody class="mr-table__body">${r.items.map(
        (a) => html`<tr class="mr-table__row">
          <td class="mr-table__cell"><a class="mr-link" href="/agencies/${a.code}">${a.nameFa}</a></td>
          <td class="mr-table__cell">${LEVEL_LABELS[a.level]}</td>
          <td class="mr-table__cell">${a.provinceCode ? (findProvince(a.provinceCode)?.nameFa ?? '') : 'کشوری'}</td>
        </tr>`,
      )}</tbody>
    </table>
    ${pageNavigation(r.page, r.pageCount, r.href)}`
}

export interface AgencyPageView {
  agency: Agency
  ancestry: AgencyBrief[]
  children: Agency[]
  canEdit: boolean
}

/**
 * `/agencies/<code>`. `services` is the section listing what the agency and the agencies
 * under it publish, rendered by the catalogue, which composes this page (agencies sit below
 * the catalogue and cannot read services).
 */
export function agencyPage(v: AgencyPageView, services: Html): Html {
  const a = v.agency
  const parent = v.ancestry.length > 1 ? v.ancestry[v.ancestry.length - 2] : undefined
  const rows = [
    { key: { text: msg.code }, value: { html: ltr(a.code) } },
    { key: { text: msg.level }, value: { text: LEVEL_LABELS[a.level] } },
    ...(parent
      ? [
          {
            key: { text: msg.parent },
            value: {
              html: html`<a class="mr-link" href="/agencies/${parent.code}">${parent.nameFa}</a>`,
            },
          },
        ]
      : []),
    ...(a.nameEn
      ? [
          {
            key: { text: msg.nameEn },
            value: { html: html`<span lang="en" dir="ltr">${a.nameEn}</span>` },
          },
        ]
      : []),
    ...(a.provinceCode
      ? [
          {
            key: { text: msg.province },
            value: { text: findProvince(a.provinceCode)?.nameFa ?? '' },
          },
        ]
      : []),
    ...(a.website
      ? [
          {
            key: { text: msg.website },
            value: {
              html: html`<a class="mr-link" href="${a.website}" dir="ltr" rel="noopener">${a.website}</a>`,
            },
          },
        ]
      : []),
    ...(a.phone
      ? [
          {
            key: { text: msg.phone },
            value: {
              html: html`<a class="mr-link" href="tel:${a.phone.replace(/[^\d+]/g, '')}">${ltr(toPersianDigits(a.phone))}</a>`,
            },
          },
        ]
      : []),
    ...(a.email
      ? [
          {
            key: { text: msg.email },
            value: {
              html: html`<a class="mr-link" href="mailto:${a.email}" dir="ltr">${a.email}</a>`,
            },
          },
        ]
      : []),
    ...(a.address ? [{ key: { text: msg.address }, value: { text: a.address } }] : []),
  ]
  return html`<span class="mr-caption-l">${LEVEL_LABELS[a.level]}</span>
    <h1 class="mr-heading-l">${a.nameFa}</h1>
    ${v.canEdit ? html`<p class="mr-body">${button({ text: msg.editTitle, href: `/admin/agencies/${a.code}/edit`, variant: 'secondary' })} ${button({ text: msg.credentials, href: `/admin/agencies/${a.code}/credentials`, variant: 'secondary' })}</p>` : ''}
    ${summaryList({ rows })}
    <ul class="mr-list">
      <li><a class="mr-link" href="/agencies/${a.code}/offices">محل‌های مراجعه</a></li>
      <li><a class="mr-link" href="/indicators#agency-${a.code}">شاخص‌های عملکرد تصویب‌شدهٔ این دستگاه</a></li>
    </ul>
    ${
      v.children.length
        ? html`<h2 class="mr-heading-m">${msg.children} (${toPersianDigits(v.children.length)})</h2>
          <ul class="mr-list mr-list--columns">${v.children.map(
            (ch) => html`<li><a class="mr-link" href="/agencies/${ch.code}">${ch.nameFa}</a></li>`,
          )}</ul>`
        : ''
    }
    ${services}`
}

export interface AgencyFormView {
  csrfToken: string
  /** The new-agency form's one-time token (web/form-once.ts); the edit form has none. */
  onceToken?: string
  mode: 'new' | 'edit'
  action: string
  values: Record<string, string>
  errors: FieldErrors
  parents: AgencyBrief[]
}

export function agencyFormPage(v: AgencyFormView): Html {
  const val = (k: string) => v.values[k] ?? ''
  const title = v.mode === 'new' ? msg.newTitle : msg.editTitle
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <h1 class="mr-heading-l">${title}</h1>
    <form method="post" action="${v.action}" novalidate>
      ${csrfField(v.csrfToken)}
      ${v.onceToken !== undefined ? formOnceField(v.onceToken) : ''}
      ${textInput({ name: 'nameFa', label: { text: msg.nameFa }, value: val('nameFa'), errorMessage: fieldError(v.errors, 'nameFa') })}
      ${textInput({ name: 'shortNameFa', label: { text: msg.shortNameFa }, value: val('shortNameFa'), classes: 'mr-input--width-20', errorMessage: fieldError(v.errors, 'shortNameFa') })}
      ${textInput({ name: 'nameEn', label: { text: msg.nameEn }, value: val('nameEn'), dir: 'ltr', attributes: { lang: 'en' }, errorMessage: fieldError(v.errors, 'nameEn') })}
      ${select({
        name: 'level',
        label: { text: msg.level },
        errorMessage: fieldError(v.errors, 'level'),
        items: [
          { value: '', text: 'انتخاب کنید', selected: val('level') === '' },
          ...AGENCY_LEVELS.map((l) => ({
            value: l,
            text: LEVEL_LABELS[l],
            selected: val('level') === l,
          })),
        ],
      })}
      ${select({
        name: 'parentId',
        label: { text: msg.parent },
        hint: { text: 'برای وزارتخانه‌ها و سازمان‌های مستقل خالی بگذارید.' },
        errorMessage: fieldError(v.errors, 'parentId'),
        items: [
          { value: '', text: 'بدون بالادست', selected: val('parentId') === '' },
          ...v.parents.map((p) => ({
            value: p.id,
            text: `${p.nameFa} (${LEVEL_LABELS[p.level]})`,
            selected: val('parentId') === p.id,
          })),
        ],
      })}
      ${select({
        name: 'provinceCode',
        label: { text: msg.province },
        hint: { text: 'فقط برای ادارات کل استانی و ادارات شهرستان.' },
        errorMessage: fieldError(v.errors, 'provinceCode'),
        items: [
          { value: '', text: 'کشوری', selected: val('provinceCode') === '' },
          ...PROVINCES.map((p) => ({
            value: p.code,
            text: p.nameFa,
            selected: val('provinceCode') === p.code,
          })),
        ],
      })}
      ${textInput({ name: 'website', type: 'url', label: { text: msg.website }, value: val('website'), dir: 'ltr', errorMessage: fieldError(v.errors, 'website') })}
      ${textInput({ name: 'phone', type: 'tel', label: { text: msg.phone }, value: val('phone'), dir: 'ltr', classes: 'mr-input--width-20', errorMessage: fieldError(v.errors, 'phone') })}
      ${textInput({ name: 'email', type: 'email', label: { text: msg.email }, value: val('email'), dir: 'ltr', errorMessage: fieldError(v.errors, 'email') })}
      ${textarea({ name: 'address', label: { text: msg.address }, value: val('address'), rows: 3, errorMessage: fieldError(v.errors, 'address') })}
      ${button({ text: msg.save })}
    </form>
  </div></div>`
}
