import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { type Html, pageNavigation, tag } from '../../../web/ui/index.ts'
import type { PublishedServiceSummary } from '../../services/index.ts'
import { AUDIENCE_LABELS } from '../../services/index.ts'

export interface ServiceListView {
  heading: string
  lead: string | null
  items: PublishedServiceSummary[]
  total: number
  page: number
  pageCount: number
  href: (page: number) => string
  /** Other ways to narrow the list, e.g. audiences or life events with links. */
  facets: { title: string; links: { href: string; text: string; current: boolean }[] }[]
}

export function serviceListPage(v: ServiceListView): Html {
  return html`<h1 class="mr-heading-l">${v.heading}</h1>
    ${v.lead ? html`<p class="mr-body-l">${v.lead}</p>` : ''}
    <div class="mr-grid-row">
      <div class="mr-grid-column-one-third">
        ${v.facets.map(
          (
            f,
          ) => html`<nav class="mr-facet" aria-label="${f.title}"><h2 class="mr-heading-s">${f.title}</h2>
            <ul class="mr-list">${f.links.map(
              (l) =>
                html`<li><a class="mr-link" href="${l.href}"${l.current ? html` aria-current="true"` : ''}>${l.current ? html`<strong>${l.text}</strong>` : l.text}</a></li>`,
            )}</ul></nav>`,
        )}
      </div>
      <div class="mr-grid-column-two-thirds">
        <p class="mr-body">${toPersianDigits(v.total)} خدمت</p>
        ${
          v.items.length === 0
            ? html`<p class="mr-body">خدمتی با این مشخصات منتشر نشده است.</p>`
            : html`<ul class="mr-service-list">${v.items.map(
                (s) => html`<li class="mr-service-list__item">
                  <h2 class="mr-heading-s"><a class="mr-link" href="/services/${s.slug}">${s.title}</a></h2>
                  <p class="mr-body-s">${s.summary}</p>
                  <p class="mr-body-s mr-secondary-text">${s.agencyNameFa} ${s.audiences.map((a) => tag({ text: AUDIENCE_LABELS[a], colour: 'grey' }))}</p>
                </li>`,
              )}</ul>`
        }
        ${pageNavigation(v.page, v.pageCount, v.href)}
      </div>
    </div>`
}
