import { html } from 'hono/html'
import { formatNumberFa, toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateFa } from '../../../lib/fa/format-date.ts'
import { type Html, table } from '../../../web/ui/index.ts'
import type { BrokenLink } from '../link-checks.queries.ts'
import { MATURITY_LEVELS, type MaturitySummary } from '../maturity.model.ts'
import { MATURITY_LABELS } from '../messages.fa.ts'

/** Dashboard panels of the channels feature: broken links and e-service maturity. */

function averageText(s: MaturitySummary): string {
  return s.average === null ? '—' : formatNumberFa(s.average)
}

function maturityTable(s: MaturitySummary): Html {
  if (s.services === 0) return html`<p class="mr-body">هنوز خدمت منتشرشده‌ای نیست.</p>`
  return html`<p class="mr-body" id="maturity-average">میانگین سطح بلوغ الکترونیکی خدمات منتشرشده: <strong>${averageText(s)}</strong> از ۵
      (<a class="mr-link" href="/help/e-service-maturity">سطح بلوغ چیست؟</a>)</p>
    ${table({
      caption: 'تعداد خدمات منتشرشده در هر سطح بلوغ',
      captionClasses: 'mr-table__caption--s',
      id: 'maturity-distribution',
      head: [{ text: 'سطح' }, { text: 'تعداد خدمات', format: 'numeric' }],
      rows: MATURITY_LEVELS.map((l) => [
        { text: `${toPersianDigits(l)}. ${MATURITY_LABELS[l]}` },
        { text: formatNumberFa(s.counts[l]), format: 'numeric' },
      ]),
      firstCellIsHeader: true,
    })}`
}

function where(b: BrokenLink): string {
  return b.inPublished && b.inDraft
    ? 'نسخهٔ منتشرشده و پیش‌نویس'
    : b.inPublished
      ? 'نسخهٔ منتشرشده'
      : 'پیش‌نویس'
}

/** The agency dashboard: its broken links and form files, and its services' maturity. */
export function agencyChannelsPanel(v: { broken: BrokenLink[]; maturity: MaturitySummary }): Html {
  return html`<h2 class="mr-heading-m" id="broken-links-heading">پیوندهای خراب</h2>
    ${
      v.broken.length === 0
        ? html`<p class="mr-body" id="no-broken-links">در آخرین بررسی، پیوند یا فرم خرابی در خدمات شما پیدا نشد.</p>`
        : html`<p class="mr-body">این پیوندها و فرم‌ها در آخرین بررسی کار نمی‌کردند. آن‌ها را در راه‌های دسترسی یا فرم‌های خدمت اصلاح کنید.</p>
      ${table({
        caption: 'پیوندهای خراب',
        captionClasses: 'mr-visually-hidden',
        id: 'broken-links',
        head: [{ text: 'خدمت' }, { text: 'پیوند یا فرم' }, { text: 'ایراد' }, { text: 'خراب از' }],
        rows: v.broken.map((b) => [
          {
            html: html`<a class="mr-link" href="/admin/services/${b.serviceId}">${b.serviceTitle}</a><br><span class="mr-secondary-text">${where(b)}</span>`,
          },
          {
            html:
              b.targetKind === 'url'
                ? html`${b.label}<br><bdi dir="ltr" class="mr-online__url">${b.target}</bdi>`
                : html`${b.label} <span class="mr-secondary-text">(فرم)</span>`,
          },
          { text: b.error ?? '—' },
          {
            html: html`<time datetime="${b.firstBrokenAt.toISOString()}">${formatDateFa(b.firstBrokenAt)}</time>`,
          },
        ]),
      })}`
    }
    <h2 class="mr-heading-m">سطح بلوغ خدمات الکترونیکی</h2>
    ${maturityTable(v.maturity)}`
}

export interface AgencyChannelsRow {
  code: string
  nameFa: string
  broken: number
  maturity: MaturitySummary
}

/** The central dashboard: broken links and average maturity per agency (those with services). */
export function centralChannelsPanel(rows: AgencyChannelsRow[]): Html {
  const shown = rows.filter((r) => r.broken > 0 || r.maturity.services > 0)
  return html`<h2 class="mr-heading-m" id="agency-links-heading">پیوندهای خراب و سطح بلوغ دستگاه‌ها</h2>
    ${
      shown.length === 0
        ? html`<p class="mr-body">هنوز هیچ دستگاهی خدمت منتشرشده یا پیوند خرابی ندارد.</p>`
        : table({
            caption: 'پیوندهای خراب و میانگین سطح بلوغ هر دستگاه',
            captionClasses: 'mr-visually-hidden',
            id: 'agency-broken-links',
            head: [
              { text: 'دستگاه' },
              { text: 'پیوندهای خراب', format: 'numeric' },
              { text: 'خدمات منتشرشده', format: 'numeric' },
              { text: 'میانگین سطح بلوغ', format: 'numeric' },
            ],
            rows: shown.map((r) => [
              {
                html: html`<a class="mr-link" href="/admin/services?agency=${r.code}">${r.nameFa}</a>`,
              },
              { text: formatNumberFa(r.broken), format: 'numeric' },
              { text: formatNumberFa(r.maturity.services), format: 'numeric' },
              { text: averageText(r.maturity), format: 'numeric' },
            ]),
          })
    }`
}
