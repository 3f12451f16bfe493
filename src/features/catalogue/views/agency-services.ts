import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { Html } from '../../../web/ui/index.ts'

export interface AgencyServiceGroupView {
  code: string
  nameFa: string
  levelLabel: string
  /** The agency of the page itself (listed first, without a heading of its own). */
  own: boolean
  /** Its published services in all; `items` stop at the page's limit. */
  total: number
  items: { slug: string; title: string; summary: string }[]
  /** The whole list at /services, when `items` stop short of `total`. */
  moreHref: string | null
}

export interface AgencyServicesView {
  agencyCode: string
  /** Published services of the agency and of every agency under it. */
  total: number
  ownTotal: number
  groups: AgencyServiceGroupView[]
}

const n = (x: number) => toPersianDigits(x)

function serviceList(g: AgencyServiceGroupView): Html {
  return html`<ul class="mr-service-list">${g.items.map(
    (s) => html`<li class="mr-service-list__item">
      <h4 class="mr-heading-s"><a class="mr-link" href="/services/${s.slug}">${s.title}</a></h4>
      ${s.summary ? html`<p class="mr-body-s">${s.summary}</p>` : ''}
    </li>`,
  )}</ul>
  ${
    g.moreHref
      ? html`<p class="mr-body"><a class="mr-link" href="${g.moreHref}">همهٔ ${n(g.total)} خدمت ${g.nameFa}</a></p>`
      : ''
  }`
}

/** `/agencies/<code>#services`: what the agency and the agencies under it offer. */
export function agencyServicesSection(v: AgencyServicesView): Html {
  const own = v.groups.find((g) => g.own)
  const under = v.groups.filter((g) => !g.own)
  const underTotal = v.total - v.ownTotal
  return html`<section id="services" aria-labelledby="services-heading">
    <h2 class="mr-heading-m" id="services-heading">خدمات (${n(v.total)})</h2>
    ${
      v.total === 0
        ? html`<p class="mr-body">این دستگاه و دستگاه‌های زیرمجموعهٔ آن هنوز خدمتی منتشر نکرده‌اند.</p>`
        : html`<p class="mr-body" id="services-count">${n(v.total)} خدمت منتشرشده: ${n(v.ownTotal)} خدمت از خود این دستگاه${underTotal > 0 ? ` و ${n(underTotal)} خدمت از ${n(under.length)} دستگاه زیرمجموعه` : ''}.</p>`
    }
    ${
      own
        ? html`<h3 class="mr-heading-s">خدمات خود این دستگاه (${n(own.total)})</h3>${serviceList(own)}`
        : ''
    }
    ${under.map(
      (g) => html`<section class="mr-agency-services__group" aria-labelledby="services-${g.code}">
        <h3 class="mr-heading-s" id="services-${g.code}"><a class="mr-link" href="/agencies/${g.code}">${g.nameFa}</a>
          <span class="mr-secondary-text">— ${g.levelLabel}، ${n(g.total)} خدمت</span></h3>
        ${serviceList(g)}
      </section>`,
    )}
  </section>`
}
