import { html, raw } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateFa } from '../../../lib/fa/format-date.ts'
import type { Html } from '../../../web/ui/index.ts'
import type { FieldChange } from '../../services/index.ts'

export interface ProcessRevision {
  summary: string
  steps: { kind: 'added' | 'removed' | 'changed'; title: string; details: string[] }[]
  /** Trusted SVGs from the flowchart renderer. */
  beforeSvg: string | null
  afterSvg: string | null
}

export interface HistoryEntry {
  versionNo: number
  publishedAt: Date
  changeNote: string
  current: boolean
  changes: FieldChange[]
  first: boolean
  /** The process before and after this revision, when it changed. */
  process: ProcessRevision | null
}

const STEP_CHANGE_LABELS = { added: 'افزوده', removed: 'حذف‌شده', changed: 'تغییر' } as const

function processRevision(n: number, p: ProcessRevision): Html {
  return html`<div class="mr-process-revision">
    <h3 class="mr-heading-s">مراحل کار: پیشین و بازنگری‌شده</h3>
    <p class="mr-body"><strong>${p.summary}</strong></p>
    ${
      p.steps.length
        ? html`<table class="mr-table">
        <caption class="mr-table__caption mr-visually-hidden">تغییر مراحل در نسخهٔ ${toPersianDigits(n)}</caption>
        <thead class="mr-table__head"><tr class="mr-table__row"><th scope="col" class="mr-table__header">مرحله</th><th scope="col" class="mr-table__header">تغییر</th></tr></thead>
        <tbody class="mr-table__body">${p.steps.map(
          (
            s,
          ) => html`<tr class="mr-table__row"><th scope="row" class="mr-table__header">${s.title}</th>
            <td class="mr-table__cell ${s.kind === 'removed' ? 'mr-diff__before' : s.kind === 'added' ? 'mr-diff__after' : ''}">${STEP_CHANGE_LABELS[s.kind]}${s.details.length ? `: ${s.details.join('، ')}` : ''}</td></tr>`,
        )}</tbody></table>`
        : ''
    }
    <div class="mr-grid-row mr-process-compare">
      <figure class="mr-grid-column-one-half mr-flowchart"><figcaption class="mr-body-s">فرایند پیشین</figcaption>${p.beforeSvg ? raw(p.beforeSvg) : html`<p class="mr-body">فرایند پیشین ثبت نشده بود.</p>`}</figure>
      <figure class="mr-grid-column-one-half mr-flowchart"><figcaption class="mr-body-s">فرایند بازنگری‌شده</figcaption>${p.afterSvg ? raw(p.afterSvg) : html`<p class="mr-body">فرایندی ثبت نشده است.</p>`}</figure>
    </div>
  </div>`
}

function lines(items: string[]): Html {
  if (items.length === 0) return html`<span class="mr-secondary-text">—</span>`
  if (items.length === 1) return html`${items[0]}`
  return html`<ul class="mr-list mr-list--bullet">${items.map((i) => html`<li>${i}</li>`)}</ul>`
}

function changeTable(entry: HistoryEntry): Html {
  if (entry.first) return html`<p class="mr-body">نخستین نسخهٔ منتشرشده.</p>`
  if (entry.changes.length === 0) {
    return entry.process
      ? html`<p class="mr-body">جز مراحل کار، بخش دیگری از شناسنامه تغییری نکرد.</p>`
      : html`<p class="mr-body">محتوای شناسنامه تغییری نکرد.</p>`
  }
  return html`<table class="mr-table mr-diff">
    <caption class="mr-table__caption mr-table__caption--s">تغییرات نسخهٔ ${toPersianDigits(entry.versionNo)} نسبت به نسخهٔ پیشین</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">بخش</th>
      <th scope="col" class="mr-table__header">پیشین</th>
      <th scope="col" class="mr-table__header">بازنگری‌شده</th>
    </tr></thead>
    <tbody class="mr-table__body">${entry.changes.map(
      (c) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${c.label}</th>
        <td class="mr-table__cell mr-diff__before">${c.before.length > 1 && c.removed.length ? lines(c.removed.map((r) => `حذف: ${r}`)) : lines(c.before)}</td>
        <td class="mr-table__cell mr-diff__after">${c.after.length > 1 && c.added.length ? lines(c.added.map((a) => `افزوده: ${a}`)) : lines(c.after)}</td>
      </tr>`,
    )}</tbody></table>`
}

/** R8: every published version, its date and change note, and what changed field by field. */
/** A completed three-year review (directive item 4), listed beside the versions. */
export interface HistoryReview {
  completedAt: Date
  outcome: 'unchanged' | 'revised'
  versionNo: number | null
  /** Rejected by the central audit: shown, marked as not counting. */
  rejected: boolean
}

function reviewsList(reviews: HistoryReview[]): Html {
  if (reviews.length === 0) return html``
  return html`<h2 class="mr-heading-m" id="reviews">بازبینی‌های سه‌ساله</h2>
    <ul class="mr-list mr-list--bullet" id="review-history">${reviews.map(
      (r) =>
        html`<li><time datetime="${r.completedAt.toISOString()}">${formatDateFa(r.completedAt)}</time>: ${
          r.outcome === 'revised'
            ? html`اصلاح و منتشر شد${r.versionNo ? html` (<a class="mr-link" href="#v${r.versionNo}">نسخهٔ ${toPersianDigits(r.versionNo)}</a>)` : ''}`
            : 'بدون تغییر تأیید شد'
        }${r.rejected ? ' — ستاد مرکزی این بازبینی را نپذیرفت' : ''}</li>`,
    )}</ul>`
}

export function historyPage(v: {
  title: string
  slug: string
  entries: HistoryEntry[]
  reviews: HistoryReview[]
}): Html {
  return html`<span class="mr-caption-l">تاریخچهٔ تغییرات</span>
    <h1 class="mr-heading-l">${v.title}</h1>
    <p class="mr-body">هر بار که این خدمت بازنگری شده، نسخهٔ پیشین و نسخهٔ بازنگری‌شده و تاریخ بازنگری در این صفحه نگه داشته می‌شود.
      <a class="mr-link" href="/services/${v.slug}">بازگشت به صفحهٔ خدمت</a></p>
    <ol class="mr-history" reversed>
      ${v.entries.map(
        (e) => html`<li class="mr-history__entry">
          <h2 class="mr-heading-m" id="v${e.versionNo}">نسخهٔ ${toPersianDigits(e.versionNo)}${e.current ? ' (نسخهٔ کنونی)' : ''}</h2>
          <p class="mr-body">تاریخ انتشار: <time datetime="${e.publishedAt.toISOString()}">${formatDateFa(e.publishedAt)}</time>
            — <a class="mr-link" href="/services/${v.slug}/v/${e.versionNo}">مشاهدهٔ این نسخه</a></p>
          <p class="mr-body"><strong>شرح تغییرات:</strong> ${e.changeNote}</p>
          ${changeTable(e)}
          ${e.process ? processRevision(e.versionNo, e.process) : ''}
        </li>`,
      )}
    </ol>
    ${reviewsList(v.reviews)}`
}
