import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { type Html, notificationBanner } from '../../../web/ui/index.ts'
import type { CalendarHorizon } from '../horizon.actions.ts'
import { msg } from '../messages.fa.ts'

/**
 * The central admin's dashboard panel: shown from three months before the lunar holidays in
 * the table run out (nothing otherwise), with a link to the year to enter.
 */
export function calendarHorizonPanel(h: CalendarHorizon, text: string, nextYear: number): Html {
  if (!h.due) return html``
  return notificationBanner({
    titleText: msg.horizonTitle,
    titleId: 'calendar-horizon-title',
    attributes: { id: 'calendar-horizon' },
    html: html`<p class="mr-notification-banner__heading">${text}</p>
      <p class="mr-body"><a class="mr-notification-banner__link" href="/admin/calendar?year=${nextYear}">${msg.horizonLink(toPersianDigits(nextYear))}</a></p>`,
  })
}
