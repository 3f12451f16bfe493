/**
 * The page shell every HTML page is rendered in. No inline script or style anywhere: the
 * Content Security Policy forbids both, so behaviour comes from external files under /assets.
 */
import { html } from 'hono/html'
import { breadcrumbs } from './ui/breadcrumbs.ts'
import { footer } from './ui/footer.ts'
import { type HeaderUser, header, type NavItem } from './ui/header.ts'
import { empty, type Html } from './ui/html.ts'
import { uiMessages } from './ui/messages.fa.ts'
import { notificationBanner } from './ui/notification-banner.ts'
import { skipLink } from './ui/skip-link.ts'

export interface PageProps {
  /** The page's own title; the document title becomes «<title> — پرتال مردم». */
  title: string
  content: Html
  user?: HeaderUser
  csrfToken: string
  nav?: NavItem[]
  breadcrumbs?: { href?: string; text: string }[]
  banner?: { kind: 'success' | 'info'; title?: string; text: string }
  searchQuery?: string
  /** Extra external scripts, each a URL under /assets/ (loaded with `defer`). */
  scripts?: string[]
  /** The central body's name (the settings); the footer's default when absent. */
  centralBodyName?: string | undefined
}

/** Links in every page's footer. */
const FOOTER_LINKS = [
  { href: '/open-data', text: 'داده‌های باز' },
  { href: '/contact', text: 'تماس با ما' },
  { href: '/privacy', text: 'حریم خصوصی' },
  { href: '/accessibility', text: 'بیانیهٔ دسترس‌پذیری' },
  { href: '/compliance', text: 'پایبندی دستگاه‌ها به بخشنامه' },
]

/**
 * Progressive enhancement for every page: error-summary focus, password toggle, and the
 * header search box's suggestions (search.js).
 */
export const BASE_SCRIPTS: readonly string[] = ['/assets/ui.js', '/assets/search.js']

function scriptTags(extra: string[] | undefined): Html[] {
  const all = [...new Set([...BASE_SCRIPTS, ...(extra ?? [])])]
  return all.map((src) => {
    if (!src.startsWith('/assets/')) throw new Error(`Script outside /assets/: ${src}`)
    return html`<script src="${src}" defer></script>`
  })
}

/** A complete HTML document: skip link, header, breadcrumbs, banner, `<main id="main">`, footer. */
export function renderPage(props: PageProps): Html {
  const banner = props.banner
    ? notificationBanner({
        type: props.banner.kind,
        titleText: props.banner.title,
        text: props.banner.text,
      })
    : empty
  return html`<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${props.title} — ${uiMessages.serviceName}</title>
<link rel="preload" href="/assets/fonts/Vazirmatn[wght].woff2" as="font" type="font/woff2" crossorigin>
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" media="print" href="/assets/print.css">
${scriptTags(props.scripts)}
</head>
<body class="mr-template__body">
${skipLink()}
${header({ csrfToken: props.csrfToken, user: props.user, nav: props.nav, searchQuery: props.searchQuery })}
<div class="mr-width-container">
${props.breadcrumbs && props.breadcrumbs.length > 0 ? breadcrumbs({ items: props.breadcrumbs }) : empty}
<main class="mr-main-wrapper" id="main">
${banner}${props.content}
</main>
</div>
${footer({ links: FOOTER_LINKS, supervisingBody: props.centralBodyName })}
</body>
</html>
`
}
