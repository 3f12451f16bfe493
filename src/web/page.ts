import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Actor, Role } from '../lib/actor.ts'
import { toPersianDigits } from '../lib/fa/index.ts'
import type { AppEnv } from './env.ts'
import { type PageProps, renderPage } from './layout.ts'
import type { Html } from './ui/html.ts'

const ROLE_LABELS: Record<Role, string> = {
  central_admin: 'مدیر سامانه',
  central_supervisor: 'ناظر مرکزی',
  agency_admin: 'مدیر دستگاه',
  agency_editor: 'کارشناس دستگاه',
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role]
}

/** The inbox link, with the number of unread notifications when there are any. */
function inboxLabel(unread: number | undefined): string {
  return unread ? `اعلان‌ها (${toPersianDigits(unread)} تازه)` : 'اعلان‌ها'
}

function navFor(actor: Actor | null, path: string, unread?: number): NonNullable<PageProps['nav']> {
  const items = [
    { href: '/services', text: 'خدمات' },
    { href: '/agencies', text: 'دستگاه‌ها' },
  ]
  if (actor) {
    items.push({ href: '/admin', text: 'پیشخوان' })
    if (actor.agencyId) items.push({ href: '/admin/services', text: 'خدمات دستگاه' })
    items.push({ href: '/admin/reviews', text: 'بازبینی‌ها' })
    if (actor.role === 'central_admin' || actor.role === 'central_supervisor') {
      items.push({ href: '/admin/audit', text: 'رویدادنامه' })
    }
    items.push({ href: '/inbox', text: inboxLabel(unread) })
  } else {
    items.push({ href: '/sign-in', text: 'ورود دستگاه‌ها' })
  }
  items.push({ href: '/api/docs', text: 'API' })
  // The most specific matching item is the current one (/admin/audit, not also /admin).
  const matches = items.filter((i) => path === i.href || path.startsWith(`${i.href}/`))
  const current = matches.sort((a, b) => b.href.length - a.href.length)[0]
  return items.map((i) => ({ ...i, current: i === current }))
}

export type PageOptions = Omit<PageProps, 'csrfToken' | 'user' | 'nav'>

/** Renders a full page for this request: the signed-in user, CSRF token and navigation come from the context. */
export function page(c: Context<AppEnv>, options: PageOptions, status: ContentfulStatusCode = 200) {
  const actor = c.get('actor')
  const user = actor
    ? {
        displayName: actor.displayName,
        roleLabel: roleLabel(actor.role),
        ...(actor.agencyNameFa ? { agencyName: actor.agencyNameFa } : {}),
      }
    : undefined
  const doc: Html = renderPage({
    ...options,
    csrfToken: c.get('csrfToken') ?? '',
    ...(user ? { user } : {}),
    nav: navFor(actor ?? null, c.req.path, c.get('unreadCount')),
    centralBodyName: c.get('centralBodyName'),
  })
  return c.html(doc, status)
}
