import { html, raw } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateFa } from '../../../lib/fa/format-date.ts'
import { type Html, insetText, summaryList, tag, warningText } from '../../../web/ui/index.ts'
import { channelsSection, maturityBadge, onlineBlock } from '../../channels/index.ts'
import { formsPublicSection, type PublicFormItem } from '../../forms/index.ts'
import type { CitedLaw } from '../../laws/index.ts'
import { lawCitation } from '../../laws/index.ts'
import { type ServiceOfficesView, serviceOfficesSection } from '../../offices/index.ts'
import { serviceTotal } from '../../processes/index.ts'
import type { HelpfulFigure, ReviewState, ServiceContent } from '../../services/index.ts'
import {
  AUDIENCE_LABELS,
  DOCUMENT_FORM_LABELS,
  feeAmountText,
  frequencyText,
  LEVEL_LABELS,
  LIFE_EVENT_LABELS,
  NATURE_LABELS,
  SERVICE_STAGES,
  TRIGGER_LABELS,
  visitsText,
} from '../../services/index.ts'
import { helpfulWidget } from './helpful-widget.ts'
import { type ProcessSectionView, processSection } from './process-section.ts'
import { type ServiceFeedbackView, serviceFeedbackSection } from './service-feedback.ts'

export interface ServicePageView {
  slug: string
  content: ServiceContent
  agency: { code: string; nameFa: string }
  laws: Map<string, CitedLaw>
  versionNo: number
  /** When this version was published; null in a draft preview. */
  publishedAt: Date | null
  withdrawnReason: string | null
  /** A historic version, not the current one. */
  historicNote: string | null
  /** Serialised schema.org JSON-LD, already escaped for a script element. */
  jsonLd: string | null
  /** The process section, when the version documents its process. */
  process: ProcessSectionView | null
  /** The forms with their files' kind and size (features/forms); none when left out. */
  forms?: PublicFormItem[]
  /** The offices section (features/offices); none when left out or no office is linked. */
  offices?: ServiceOfficesView | null
  /** The review clock (directive item 4), on the current public version only. */
  review?: { lastReviewedAt: Date | null; dueAt: Date; state: ReviewState } | null
  /** «آیا این صفحه مفید بود؟» with the rollup's figure (issue 13), on the current version only. */
  helpful?: HelpfulFigure | null
  /** Promised against actual and satisfaction from the rollups (issue 13), current version only. */
  inPractice?: ServiceFeedbackView | null
}

function reviewLine(r: NonNullable<ServicePageView['review']>): Html {
  const when = (d: Date) => html`<time datetime="${d.toISOString()}">${formatDateFa(d)}</time>`
  return html`<p class="mr-body-s mr-service-meta" id="review-dates">
      آخرین بازبینی: ${r.lastReviewedAt ? when(r.lastReviewedAt) : 'هنوز بازبینی نشده'} — بازبینی بعدی: ${when(r.dueAt)}
    </p>${
      r.state === 'escalated'
        ? html`<p class="mr-body-s mr-service-meta" id="review-overdue"><strong>بازبینی سه‌سالهٔ این خدمت از موعد گذشته است؛ ممکن است بخشی از این اطلاعات کهنه باشد.</strong></p>`
        : ''
    }`
}

/** A whole public service page: the layout's title and breadcrumbs, and the body. */
export interface ServicePageModel {
  title: string
  breadcrumbs: { href: string; text: string }[]
  body: ServicePageView
}

function section(id: string, title: string, body: Html): Html {
  return html`<section class="mr-service-section" aria-labelledby="${id}">
    <h2 class="mr-heading-m" id="${id}">${title}</h2>${body}</section>`
}

/**
 * A link under a section to report wrong information in it (issue 13: features/feedback owns
 * the form). Plain links, so the cached page stays cached; only on the current public version.
 */
function reportLink(slug: string, key: string, name: string): Html {
  return html`<p class="mr-body-s mr-report-link"><a class="mr-link" href="/services/${slug}/report?section=${key}">اطلاعات این بخش نادرست است؟<span class="mr-visually-hidden"> (${name})</span></a></p>`
}

function paragraphs(text: string): Html {
  return html`${text.split(/\n+/).map((p) => html`<p class="mr-body">${p}</p>`)}`
}

function documentsTable(c: ServiceContent): Html {
  if (c.documents.length === 0) {
    return html`<p class="mr-body">${c.noDocumentsRequired ? 'برای این خدمت مدرکی لازم نیست.' : 'مدارک لازم اعلام نشده است.'}</p>`
  }
  return html`<table class="mr-table">
    <caption class="mr-table__caption mr-visually-hidden">مدارک لازم</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">مدرک</th>
      <th scope="col" class="mr-table__header">اصل یا رونوشت</th>
      <th scope="col" class="mr-table__header mr-table__header--numeric">تعداد</th>
      <th scope="col" class="mr-table__header">صادرکننده</th>
      <th scope="col" class="mr-table__header">نیاز به آوردن</th>
    </tr></thead>
    <tbody class="mr-table__body">${c.documents.map(
      (d) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${d.name}${d.note ? html`<span class="mr-hint-inline">${d.note}</span>` : ''}</th>
        <td class="mr-table__cell">${DOCUMENT_FORM_LABELS[d.form]}</td>
        <td class="mr-table__cell mr-table__cell--numeric">${toPersianDigits(d.count)}</td>
        <td class="mr-table__cell">${d.issuer ?? '—'}</td>
        <td class="mr-table__cell">${d.obtainableByInquiry ? tag({ text: 'لازم نیست؛ استعلام می‌شود', colour: 'green' }) : 'بله'}</td>
      </tr>`,
    )}</tbody></table>`
}

function feesTable(c: ServiceContent): Html {
  if (c.fees.length === 0) return html`<p class="mr-body">هزینه‌ای اعلام نشده است.</p>`
  return html`<table class="mr-table">
    <caption class="mr-table__caption mr-visually-hidden">هزینه‌ها</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">بابت</th>
      <th scope="col" class="mr-table__header mr-table__header--numeric">مبلغ</th>
    </tr></thead>
    <tbody class="mr-table__body">${c.fees.map(
      (
        f,
      ) => html`<tr class="mr-table__row"><th scope="row" class="mr-table__header">${f.description}</th>
        <td class="mr-table__cell mr-table__cell--numeric">${feeAmountText(f)}</td></tr>`,
    )}</tbody></table>`
}

function lawsList(c: ServiceContent, laws: Map<string, CitedLaw>): Html {
  if (c.legalBases.length === 0) return html`<p class="mr-body">مبنای قانونی ثبت نشده است.</p>`
  return html`<ul class="mr-list mr-list--bullet mr-list--spaced">${c.legalBases.map((b) => {
    const law = laws.get(b.lawId)
    return html`<li>${law ? html`<a class="mr-link" href="/laws/${law.id}">${lawCitation(law)}</a>` : 'قانون حذف‌شده'}${
      b.article ? html`، <strong>${toPersianDigits(b.article)}</strong>` : ''
    }${b.note ? html`<br><span class="mr-secondary-text">${b.note}</span>` : ''}</li>`
  })}</ul>`
}

/** One section of the page with its «report wrong information» link, for the contents list. */
interface Part {
  /** The id of the section's heading (or of the section), the contents list's target. */
  id: string
  /** Its name in the contents list (shorter than some headings). */
  label: string
  body: Html
  report: Html | ''
}

function part(id: string, label: string, body: Html, report: Html | '' = ''): Part {
  return { id, label, body, report }
}

/**
 * «در این صفحه»: a link to each section, so a long page (ten thousand pixels with eight
 * offices) can be read from the top (issue 17 item 8). Not printed: paper has no links.
 */
function contentsList(parts: Part[]): Html {
  return html`<nav class="mr-contents-list mr-no-print" id="contents" aria-labelledby="contents-heading">
      <h2 class="mr-heading-s" id="contents-heading">در این صفحه</h2>
      <ul class="mr-list mr-list--bullet">${parts.map(
        (p) => html`<li><a class="mr-link" href="#${p.id}">${p.label}</a></li>`,
      )}</ul>
    </nav>`
}

/** How many offices the service page lists before the rest are folded away. */
export const OFFICES_SHOWN = 3

/**
 * The offices section: the first {@link OFFICES_SHOWN} open and the rest inside a closed
 * «نمایش N محل دیگر» disclosure (works without JavaScript), and for paper a condensed table
 * of every office (name, address, telephone) instead of the cards, whose «باز است» and
 * today's hours would be wrong by the time the sheet is read (issue 17 items 7 and 8).
 */
function officesSection(v: ServiceOfficesView): Html {
  return html`${serviceOfficesSection({ ...v, collapseAfter: OFFICES_SHOWN })}
    ${v.offices.length ? officesPrintTable(v) : ''}`
}

function officesPrintTable(v: ServiceOfficesView): Html {
  // `hidden` keeps it off the screen and out of the accessibility tree; print.css shows it.
  return html`<div class="mr-print-only" hidden><table class="mr-table mr-print-offices">
    <caption class="mr-table__caption mr-visually-hidden">محل‌های مراجعه</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">محل</th>
      <th scope="col" class="mr-table__header">نشانی</th>
      <th scope="col" class="mr-table__header">تلفن</th>
    </tr></thead>
    <tbody class="mr-table__body">${v.offices.map(
      (o) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${o.name}</th>
        <td class="mr-table__cell">${o.address}، ${o.city}، استان ${o.provinceName} — کد پستی <bdi dir="ltr">${o.postalCode}</bdi></td>
        <td class="mr-table__cell">${o.phones.map((p, i) => html`${i ? '، ' : ''}<bdi dir="ltr">${p.text}</bdi>`)}</td>
      </tr>`,
    )}</tbody></table></div>`
}

/** Everything on the public service page; the draft preview renders exactly this. */
export function servicePageBody(v: ServicePageView): Html {
  const c = v.content
  const total = serviceTotal(c)
  const facts = [
    // One total, the process's when it has one (issue 17 item 2): the steps section says the same.
    ...(total ? [{ key: { text: 'زمان کل انجام کار' }, value: { text: total.text } }] : []),
    {
      key: { text: 'هزینه' },
      value: {
        text:
          c.fees.length === 0
            ? '—'
            : c.fees.every((f) => f.amount === 0)
              ? 'رایگان'
              : c.fees.map(feeAmountText).join('، '),
      },
    },
    ...(c.inPersonVisits !== null
      ? [{ key: { text: 'مراجعهٔ حضوری' }, value: { text: visitsText(c.inPersonVisits) } }]
      : []),
    {
      key: { text: 'ارائه‌دهنده' },
      value: {
        // The agency page lists its services and its subordinates' (issue 17 item 4).
        html: html`<a class="mr-link" href="/agencies/${v.agency.code}">${v.agency.nameFa}</a>
          <br><a class="mr-link" href="/agencies/${v.agency.code}#services" id="provider-services">همهٔ خدمات این دستگاه</a>`,
      },
    },
    ...(c.trigger
      ? [{ key: { text: 'آغاز خدمت' }, value: { text: TRIGGER_LABELS[c.trigger] } }]
      : []),
    ...(c.frequency
      ? [{ key: { text: 'تواتر' }, value: { text: frequencyText(c.frequency) } }]
      : []),
    ...(c.nature ? [{ key: { text: 'ماهیت' }, value: { text: NATURE_LABELS[c.nature] } }] : []),
    ...(c.level ? [{ key: { text: 'سطح' }, value: { text: LEVEL_LABELS[c.level] } }] : []),
    ...(c.nationalServiceCode
      ? [
          {
            key: { text: 'شناسهٔ ملی خدمت' },
            value: { html: html`<bdi dir="ltr">${toPersianDigits(c.nationalServiceCode)}</bdi>` },
          },
        ]
      : []),
  ]
  const contact = [
    c.contact.phone
      ? html`<li>تلفن: <a class="mr-link" href="tel:${c.contact.phone.replace(/[^\d+]/g, '')}"><bdi dir="ltr">${toPersianDigits(c.contact.phone)}</bdi></a></li>`
      : '',
    c.contact.email
      ? html`<li>رایانامه: <a class="mr-link" href="mailto:${c.contact.email}" dir="ltr">${c.contact.email}</a></li>`
      : '',
    c.contact.url
      ? html`<li>وب‌گاه: <a class="mr-link mr-print-url-shown" href="${c.contact.url}" dir="ltr" rel="noopener">${c.contact.url}</a></li>`
      : '',
  ]
  const reportable = v.publishedAt !== null && !v.historicNote && !v.withdrawnReason
  const report = (key: string, name: string) => (reportable ? reportLink(v.slug, key, name) : '')
  const hasChannels = c.channels.length > 0 || SERVICE_STAGES.some((s) => c.stages[s].mode !== null)
  // The page's sections in order; the contents list is built from the same list, so each of its
  // links has its target (issue 17 item 8). `id` is the element the section's heading carries.
  const parts: Part[] = [
    part(
      'description',
      'شرح خدمت',
      section('description', 'شرح خدمت', paragraphs(c.description)),
      report('description', 'شرح خدمت'),
    ),
    c.eligibility
      ? part(
          'eligibility',
          'چه کسانی می‌توانند استفاده کنند',
          section(
            'eligibility',
            'چه کسانی می‌توانند از این خدمت استفاده کنند',
            paragraphs(c.eligibility),
          ),
        )
      : null,
    part(
      'documents',
      'مدارک لازم',
      section('documents', 'مدارک لازم', documentsTable(c)),
      report('documents', 'مدارک لازم'),
    ),
    v.forms?.length
      ? part('forms', 'فرم‌ها', formsPublicSection(v.forms), report('forms', 'فرم‌ها'))
      : null,
    part('fees', 'هزینه‌ها', section('fees', 'هزینه‌ها', feesTable(c)), report('fees', 'هزینه‌ها')),
    hasChannels
      ? part('channels', 'راه‌های دسترسی', channelsSection(c), report('channels', 'راه‌های دسترسی'))
      : null,
    v.process
      ? part(
          'process',
          'مراحل و زمان‌ها',
          processSection(v.process),
          report('process', 'مراحل و زمان‌ها'),
        )
      : null,
    v.inPractice
      ? part(
          'in-practice',
          'در عمل',
          html`<div class="mr-no-print">${serviceFeedbackSection(v.inPractice)}</div>`,
        )
      : null,
    v.offices
      ? part(
          'offices',
          'محل‌های مراجعه',
          officesSection(v.offices),
          report('offices', 'محل‌های مراجعه'),
        )
      : null,
    part(
      'laws',
      'قوانین و مقررات',
      section('laws', 'قوانین و مقررات', lawsList(c, v.laws)),
      report('laws', 'قوانین و مقررات'),
    ),
    c.output
      ? part(
          'output',
          'آنچه دریافت می‌کنید',
          section('output', 'آنچه دریافت می‌کنید', paragraphs(c.output)),
        )
      : null,
    c.redress
      ? part(
          'redress',
          'اعتراض و پیگیری',
          section('redress', 'اعتراض و پیگیری', paragraphs(c.redress)),
        )
      : null,
    contact.some((x) => x !== '')
      ? part(
          'contact',
          'تماس',
          section('contact', 'تماس', html`<ul class="mr-list">${contact}</ul>`),
        )
      : null,
  ].filter((p): p is Part => p !== null)
  return html`${v.jsonLd ? html`<script type="application/ld+json">${raw(v.jsonLd)}</script>` : ''}
    ${v.withdrawnReason ? warningText({ text: `این خدمت لغو شده است: ${v.withdrawnReason}` }) : ''}
    ${v.historicNote ? insetText({ text: v.historicNote }) : ''}
    <span class="mr-caption-l">${v.agency.nameFa}</span>
    <h1 class="mr-heading-xl">${c.title}</h1>
    ${c.popularNames.length ? html`<p class="mr-secondary-text">با نام‌های ${c.popularNames.map((n, i) => html`${i ? '، ' : ''}«${n}»`)} هم شناخته می‌شود.</p>` : ''}
    <p class="mr-body-l">${c.summary}</p>
    ${onlineBlock(c)}
    <p class="mr-service-tags">${c.audiences.map((a) => tag({ text: AUDIENCE_LABELS[a], colour: 'blue' }))} ${c.lifeEvents.map((e) => tag({ text: LIFE_EVENT_LABELS[e], colour: 'grey' }))}</p>
    <div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
      ${contentsList(parts)}
      ${summaryList({ rows: facts, classes: 'mr-service-facts' })}
      ${maturityBadge(c)}
      ${parts.map((p) => html`${p.body}${p.report}`)}
      <p class="mr-body-s mr-service-meta">
        ${v.publishedAt ? html`آخرین به‌روزرسانی: <time datetime="${v.publishedAt.toISOString()}">${formatDateFa(v.publishedAt)}</time> — ` : 'پیش‌نویس — '}
        نسخهٔ ${toPersianDigits(v.versionNo)}.
        <a class="mr-link" href="/services/${v.slug}/history">تاریخچهٔ تغییرات این خدمت</a>
      </p>
      ${v.review ? reviewLine(v.review) : ''}
      ${v.helpful ? helpfulWidget(v.slug, v.helpful) : ''}
    </div></div>`
}
