import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateTimeFa } from '../../../lib/fa/format-date.ts'
import { button, buttonGroup, csrfField, type Html } from '../../../web/ui/index.ts'
import { editorMsg as em } from '../../services/index.ts'

/** Persian texts of the page that asks before a draft is discarded. */
export const discardMsg = {
  title: 'آیا مطمئن هستید؟',
  caption: (service: string) => `کنار گذاشتن پیش‌نویس — ${service}`,
  lead: (versionNo: string, savedAt: string) =>
    `پیش‌نویس نسخهٔ ${versionNo} (آخرین ذخیره: ${savedAt}) حذف می‌شود و همهٔ تغییرات ذخیره‌شده در آن از دست می‌رود.`,
  published: (versionNo: string) => `نسخهٔ منتشرشده (نسخهٔ ${versionNo}) دست نمی‌خورد.`,
  lost: 'تغییرات این بخش‌ها از دست می‌رود:',
  nothingLost: 'این پیش‌نویس با نسخهٔ منتشرشده تفاوتی ندارد.',
  confirm: 'بله، پیش‌نویس حذف شود',
  cancel: 'انصراف',
  firstDraft: 'نخستین پیش‌نویس خدمتی که هنوز منتشر نشده است حذف‌شدنی نیست.',
} as const

export interface DiscardConfirmView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  draftVersionNo: number
  savedAt: Date
  publishedVersionNo: number | null
  /** The labels of the card's fields that differ from the published version. */
  lost: string[]
}

/**
 * `GET /admin/services/:id/discard`: what discarding the draft loses, and the form that does it
 * (`POST …/discard`, CSRF as everywhere). Works without JavaScript.
 */
export function discardConfirmPage(v: DiscardConfirmView): Html {
  const overview = `/admin/services/${v.serviceId}`
  return html`<span class="mr-caption-l">${discardMsg.caption(v.serviceTitle || em.untitled)}</span>
    <h1 class="mr-heading-l">${discardMsg.title}</h1>
    <p class="mr-body" id="discard-lead">${discardMsg.lead(toPersianDigits(v.draftVersionNo), formatDateTimeFa(v.savedAt))}
      ${v.publishedVersionNo === null ? '' : discardMsg.published(toPersianDigits(v.publishedVersionNo))}</p>
    ${
      v.lost.length > 0
        ? html`<p class="mr-body">${discardMsg.lost}</p>
          <ul class="mr-list mr-list--bullet" id="discard-lost">${v.lost.map((l) => html`<li>${l}</li>`)}</ul>`
        : html`<p class="mr-body" id="discard-lost-none">${discardMsg.nothingLost}</p>`
    }
    <form method="post" action="${overview}/discard" id="discard-form">
      ${csrfField(v.csrfToken)}
      ${buttonGroup([
        button({ text: discardMsg.confirm, variant: 'warning' }),
        html`<a class="mr-link" href="${overview}">${discardMsg.cancel}</a>`,
      ])}
    </form>`
}
