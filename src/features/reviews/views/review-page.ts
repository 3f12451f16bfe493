import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  insetText,
  radios,
  table,
  textarea,
  warningText,
} from '../../../web/ui/index.ts'
import { formErrorSummary, type ReviewClock } from '../../services/index.ts'
import { ANSWER_LABELS, reviewsMsg, SECTION_LABELS } from '../messages.fa.ts'
import {
  REVIEW_ANSWERS,
  REVIEW_SECTIONS,
  type Review,
  type ReviewSection,
} from '../review.model.ts'
import { day, stateTag } from './review-common.ts'

/** What the portal already knows about one section, shown beside the question. */
export interface SectionFacts {
  /** Fields changed since the last review, e.g. «مدارک لازم: ۱ افزوده، ۱ حذف‌شده». */
  changes: string[]
  /** Problems found by the portal: broken links, times that disagree with the total, reports. */
  problems: string[]
}

export interface PastReview {
  openedAt: Date
  completedAt: Date | null
  outcome: 'unchanged' | 'revised' | null
  versionNo: number | null
  audit: string | null
}

export interface ReviewPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  slug: string
  clock: ReviewClock
  open: Review | null
  facts: Record<ReviewSection, SectionFacts>
  past: PastReview[]
  canEdit: boolean
  canSignOff: boolean
  hasDraft: boolean
  /** Submitted values after a refused save (keyed like the form's fields). */
  values: Record<string, string>
  errors: FieldErrors
}

function factsList(f: SectionFacts): Html {
  if (f.changes.length === 0 && f.problems.length === 0)
    return html`<p class="mr-body-s">از آخرین بازبینی تغییری ثبت نشده و مشکلی دیده نشده است.</p>`
  return html`${
    f.changes.length
      ? html`<p class="mr-body-s">تغییرات از آخرین بازبینی:</p><ul class="mr-list mr-list--bullet mr-body-s">${f.changes.map((c) => html`<li>${c}</li>`)}</ul>`
      : ''
  }${
    f.problems.length
      ? warningText({
          html: html`<ul class="mr-list">${f.problems.map((p) => html`<li>${p}</li>`)}</ul>`,
        })
      : ''
  }`
}

function sectionFieldset(v: ReviewPageView, review: Review, s: ReviewSection): Html {
  const answer = v.values[`${s}-answer`] ?? review.answers[s].answer ?? ''
  const note = v.values[`${s}-note`] ?? review.answers[s].note ?? ''
  return html`<div class="mr-section-break--visible mr-section-break--m" id="section-${s}">
    <h2 class="mr-heading-m">${SECTION_LABELS[s]}</h2>
    ${factsList(v.facts[s])}
    ${radios({
      name: `${s}-answer`,
      idPrefix: `${s}-answer`,
      fieldset: {
        legend: { text: `${SECTION_LABELS[s]}: نتیجهٔ بازبینی`, classes: 'mr-fieldset__legend--s' },
      },
      classes: 'mr-radios--inline',
      items: REVIEW_ANSWERS.map((a) => ({
        value: a,
        text: ANSWER_LABELS[a],
        checked: answer === a,
      })),
      errorMessage: fieldError(v.errors, `${s}-answer`),
    })}
    ${textarea({
      name: `${s}-note`,
      id: `${s}-note`,
      label: { text: 'یادداشت (اختیاری)', classes: 'mr-label--s' },
      rows: 2,
      value: note,
      errorMessage: fieldError(v.errors, `${s}-note`),
    })}
  </div>`
}

function openReview(v: ReviewPageView, review: Review): Html {
  const revision = html`<input type="hidden" name="revision" value="${String(review.revision)}">`
  const answersForm = v.canEdit
    ? html`<form method="post" action="/admin/reviews/${review.id}/answers" novalidate>
        ${csrfField(v.csrfToken)}${revision}
        ${REVIEW_SECTIONS.map((s) => sectionFieldset(v, review, s))}
        ${button({ text: 'ذخیرهٔ پاسخ‌ها' })}
      </form>`
    : ''
  const signOff = v.canSignOff
    ? html`<h2 class="mr-heading-m">پایان بازبینی</h2>
      <p class="mr-body">اگر همهٔ بخش‌ها «بدون تغییر» است، بازبینی را تأیید کنید. اگر بخشی «تغییر لازم است» دارد، پیش‌نویس را <a class="mr-link" href="/admin/services/${v.serviceId}">ویرایش کنید</a> و نسخهٔ اصلاح‌شده را از همین‌جا منتشر کنید.</p>
      <form method="post" action="/admin/reviews/${review.id}/sign-off" novalidate>
        ${csrfField(v.csrfToken)}${revision}
        ${button({ text: 'بدون تغییر تأیید شد', variant: 'secondary', attributes: { id: 'sign-off-unchanged' } })}
      </form>
      ${
        v.hasDraft
          ? html`<form method="post" action="/admin/reviews/${review.id}/publish" novalidate>
            ${csrfField(v.csrfToken)}${revision}
            ${textarea({
              name: 'changeNote',
              id: 'changeNote',
              label: { text: 'توضیح تغییرات نسخهٔ جدید', classes: 'mr-label--s' },
              rows: 3,
              value: v.values.changeNote ?? '',
              errorMessage: fieldError(v.errors, 'changeNote'),
            })}
            ${button({ text: 'انتشار نسخهٔ اصلاح‌شده و پایان بازبینی', attributes: { id: 'publish-revision' } })}
          </form>`
          : insetText({
              text: 'پیش‌نویسی برای این خدمت نیست؛ برای پایان با اصلاح، نخست پیش‌نویس بسازید.',
            })
      }`
    : v.canEdit
      ? insetText({ text: 'تأیید پایانی بازبینی با مدیر دستگاه است.' })
      : ''
  return html`${answersForm}${signOff}`
}

function pastTable(past: PastReview[]): Html {
  if (past.length === 0)
    return html`<p class="mr-body" id="no-past-reviews">این خدمت هنوز بازبینیِ تکمیل‌شده‌ای ندارد.</p>`
  return table({
    caption: 'بازبینی‌های پیشین',
    id: 'past-reviews',
    head: [{ text: 'تاریخ' }, { text: 'نتیجه' }, { text: 'نسخه' }, { text: 'بررسی ستاد' }],
    rows: past.map((p) => [
      { html: day(p.completedAt) },
      { text: p.outcome === 'revised' ? 'اصلاح و منتشر شد' : 'بدون تغییر تأیید شد' },
      { text: p.versionNo ? toPersianDigits(p.versionNo) : '—' },
      { text: p.audit ?? '—' },
    ]),
  })
}

/** One service's review: its clock, the open review section by section, and past reviews. */
export function reviewPage(v: ReviewPageView): Html {
  const start =
    !v.open && v.canEdit
      ? html`<form method="post" action="/admin/reviews/services/${v.serviceId}/open" novalidate>
          ${csrfField(v.csrfToken)}${button({ text: 'شروع بازبینی', attributes: { id: 'open-review' } })}
        </form>`
      : ''
  // Radios are linked by their first input's id; the publish form's errors by its fields.
  const links = Object.fromEntries(REVIEW_SECTIONS.map((s) => [`${s}-answer`, `#${s}-answer`]))
  return html`${formErrorSummary(v.errors, { ...links, review: '#review-clock' })}
    <h1 class="mr-heading-l">${reviewsMsg.reviewTitle(v.serviceTitle)}</h1>
    <dl class="mr-summary-list" id="review-clock">
      <div class="mr-summary-list__row"><dt class="mr-summary-list__key">وضعیت</dt><dd class="mr-summary-list__value">${stateTag(v.clock.state)}</dd></div>
      <div class="mr-summary-list__row"><dt class="mr-summary-list__key">موعد بازبینی</dt><dd class="mr-summary-list__value">${day(v.clock.dueAt)}</dd></div>
      <div class="mr-summary-list__row"><dt class="mr-summary-list__key">آخرین بازبینی</dt><dd class="mr-summary-list__value">${day(v.clock.lastReviewedAt)}</dd></div>
    </dl>
    <p class="mr-body"><a class="mr-link" href="/services/${v.slug}">صفحهٔ عمومی خدمت</a></p>
    ${start}
    ${v.open ? openReview(v, v.open) : ''}
    ${pastTable(v.past)}`
}
