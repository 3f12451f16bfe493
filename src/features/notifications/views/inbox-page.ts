import { html } from 'hono/html'
import { formatDateTimeFa } from '../../../lib/fa/index.ts'
import { button, csrfField, type Html, pageNavigation, tag } from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'
import type { InboxItem } from '../notification.model.ts'

export interface InboxView {
  csrfToken: string
  items: InboxItem[]
  total: number
  unread: number
  page: number
  pageCount: number
}

function time(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${formatDateTimeFa(d)}</time>`
}

function textOf(text: string): Html[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => html`<p class="mr-body">${p.trim()}</p>`)
}

function entry(item: InboxItem, v: InboxView): Html {
  const unread = item.readAt === null
  const title = item.link
    ? html`<a class="mr-link" href="${item.link}">${item.subject}</a>`
    : html`${item.subject}`
  const markRead = unread
    ? html`<form method="post" action="/inbox/${String(item.id)}/read">${csrfField(v.csrfToken)}<input type="hidden" name="page" value="${String(v.page)}">${button(
        {
          variant: 'secondary',
          html: html`${msg.markRead}<span class="mr-visually-hidden">${msg.openOf(item.subject)}</span>`,
        },
      )}</form>`
    : ''
  return html`<li class="mr-section-break--visible mr-section-break--m" id="notification-${String(item.id)}">
    <h2 class="mr-heading-s">${unread ? html`${tag({ text: msg.unreadTag })} ` : ''}${title}</h2>
    <p class="mr-body-s">${time(item.createdAt)}</p>
    ${textOf(item.text)}
    ${markRead}
  </li>`
}

/** `/inbox`: the signed-in user's notifications, newest first, each linking to its target. */
export function inboxPage(v: InboxView): Html {
  const markAll =
    v.unread > 0
      ? html`<form method="post" action="/inbox/read-all">${csrfField(v.csrfToken)}${button({
          variant: 'secondary',
          text: msg.markAllRead,
        })}</form>`
      : ''
  return html`<h1 class="mr-heading-l">${msg.inboxTitle}</h1>
    <p class="mr-body">${msg.inboxLead} <a class="mr-link" href="/account/notifications">${msg.settingsLink}</a></p>
    ${
      v.total === 0
        ? html`<p class="mr-body">${msg.inboxEmpty}</p>`
        : html`<p class="mr-body" id="inbox-summary">${msg.inboxTotal(v.total, v.unread)}</p>
    ${markAll}
    <ul class="mr-list" id="inbox" aria-labelledby="inbox-summary">${v.items.map((i) => entry(i, v))}</ul>
    ${pageNavigation(v.page, v.pageCount, (p) => `/inbox?page=${p}`)}`
    }`
}
