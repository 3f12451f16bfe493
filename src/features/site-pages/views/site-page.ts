import { html } from 'hono/html'
import type { Html } from '../../../web/ui/index.ts'
import type { Inline, SitePageContent } from '../messages.fa.ts'

function inline(parts: Inline[]): Html {
  return html`${parts.map((p) =>
    typeof p === 'string'
      ? p
      : html`<a class="mr-link" href="${p.href}"${p.href.startsWith('mailto:') ? html` dir="ltr"` : ''}>${p.text}</a>`,
  )}`
}

/** A footer page: the title, a lead paragraph, then sections of paragraphs or a bulleted list. */
export function sitePage(v: SitePageContent): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <h1 class="mr-heading-l">${v.title}</h1>
    <p class="mr-body-l">${v.lead}</p>
    ${v.sections.map(
      (s) => html`<h2 class="mr-heading-m">${s.heading}</h2>
        ${(s.paragraphs ?? []).map((p) => html`<p class="mr-body">${inline(p)}</p>`)}
        ${s.list ? html`<ul class="mr-list mr-list--bullet">${s.list.map((li) => html`<li>${inline(li)}</li>`)}</ul>` : ''}`,
    )}
  </div></div>`
}
