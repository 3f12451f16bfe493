import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { PROVINCES } from '../../../lib/iran/provinces.ts'
import { button, type Html, select, summaryList, tag } from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'
import type { OfficeCard } from '../office.present.ts'

function ltr(value: string): Html {
  return html`<bdi dir="ltr">${value}</bdi>`
}

/** The facts of one office, as a summary list. */
export function officeFacts(o: OfficeCard): Html {
  const rows = [
    {
      key: { text: msg.address },
      value: { text: `${o.address}، ${o.city}، استان ${o.provinceName}` },
    },
    { key: { text: msg.postalCode }, value: { html: ltr(o.postalCode) } },
    ...(o.phones.length
      ? [
          {
            key: { text: msg.phones },
            value: {
              html: html`${o.phones.map(
                (p, i) =>
                  html`${i ? '، ' : ''}<a class="mr-link" href="${p.href}">${ltr(p.text)}</a>`,
              )}`,
            },
          },
        ]
      : []),
    ...(o.email
      ? [
          {
            key: { text: msg.email },
            value: {
              html: html`<a class="mr-link" href="mailto:${o.email}" dir="ltr">${o.email}</a>`,
            },
          },
        ]
      : []),
    { key: { text: msg.todayHours }, value: { text: o.todayText } },
    ...(o.accessibility.labels.length || o.accessibility.notes
      ? [
          {
            key: { text: msg.accessibility },
            value: {
              html: html`${o.accessibility.labels.length ? html`<ul class="mr-list mr-list--bullet">${o.accessibility.labels.map((l) => html`<li>${l}</li>`)}</ul>` : ''}${o.accessibility.notes ? html`<p class="mr-body">${o.accessibility.notes}</p>` : ''}`,
            },
          },
        ]
      : []),
    {
      key: { text: msg.map },
      value: {
        html: html`<a class="mr-link" href="${o.mapUrl}" rel="noopener noreferrer">${msg.mapLink}</a><br><a class="mr-link" href="${o.geoUri}">${msg.geoLink}</a>`,
      },
    },
  ]
  return summaryList({ rows })
}

export function openTag(o: OfficeCard): Html {
  return html`<p class="mr-body">${tag({ text: o.open ? msg.openNow : msg.closedNow, colour: o.open ? 'green' : 'grey' })} <span class="mr-secondary-text">${o.statusText.replace(/^[^؛]*؛ /, '')}</span></p>`
}

/** One office in a list, with a heading linking to its page. */
function officeItem(o: OfficeCard, level: 'h3' | 'h2'): Html {
  const heading =
    level === 'h3'
      ? html`<h3 class="mr-heading-s"><a class="mr-link" href="/offices/${o.id}">${o.name}</a></h3>`
      : html`<h2 class="mr-heading-m"><a class="mr-link" href="/offices/${o.id}">${o.name}</a></h2>`
  return html`<li class="mr-office" data-office-id="${o.id}">${heading}
    ${openTag(o)}
    ${o.linkNote ? html`<p class="mr-body">${o.linkNote}</p>` : ''}
    ${officeFacts(o)}</li>`
}

export interface OfficeFilterView {
  /** Where the GET form goes (the page itself). */
  action: string
  province: string
  city: string
  /** Provinces and cities among the offices (before filtering). */
  provinces: string[]
  cities: string[]
  /** Hidden fields to keep (none today; the form carries only its own fields). */
}

function filterForm(f: OfficeFilterView, headingId: string): Html {
  const provinces = PROVINCES.filter((p) => f.provinces.includes(p.code))
  return html`<form method="get" action="${f.action}#${headingId}" class="mr-filter" role="search" aria-label="پالایش محل‌های مراجعه">
    ${select({
      name: 'province',
      id: `${headingId}-province`,
      label: { text: msg.province },
      value: f.province,
      items: [
        { value: '', text: msg.allProvinces },
        ...provinces.map((p) => ({ value: p.code, text: p.nameFa })),
      ],
    })}
    ${select({
      name: 'city',
      id: `${headingId}-city`,
      label: { text: msg.city },
      value: f.city,
      items: [{ value: '', text: msg.allCities }, ...f.cities.map((c) => ({ value: c, text: c }))],
    })}
    ${button({ text: msg.filter, variant: 'secondary' })}
  </form>`
}

export interface ServiceOfficesView {
  offices: OfficeCard[]
  /** Before filtering; the filter form is shown only when there is something to choose. */
  total: number
  filter: OfficeFilterView
  /**
   * List this many offices and put the rest inside a closed «نمایش N محل دیگر» disclosure (a
   * plain details element, so it works without JavaScript); every office open when absent.
   */
  collapseAfter?: number
}

/** The offices after the first `shown`, folded into a disclosure. */
function moreOffices(rest: OfficeCard[]): Html {
  if (rest.length === 0) return html``
  return html`<details class="mr-details mr-offices-more" id="offices-more">
    <summary class="mr-details__summary"><span class="mr-details__summary-text">${msg.showMore(toPersianDigits(rest.length))}</span></summary>
    <div class="mr-details__text"><ul class="mr-list mr-offices">${rest.map((o) => officeItem(o, 'h3'))}</ul></div>
  </details>`
}

/** The offices section of a public service page. */
export function serviceOfficesSection(v: ServiceOfficesView): Html {
  const id = 'offices'
  return html`<section class="mr-service-section" aria-labelledby="${id}">
    <h2 class="mr-heading-m" id="${id}">${msg.sectionTitle} (${toPersianDigits(v.total)})</h2>
    ${v.filter.provinces.length > 1 || v.filter.cities.length > 1 ? filterForm(v.filter, id) : ''}
    ${v.offices.length ? html`<ul class="mr-list mr-offices">${v.offices.slice(0, v.collapseAfter ?? v.offices.length).map((o) => officeItem(o, 'h3'))}</ul>${moreOffices(v.offices.slice(v.collapseAfter ?? v.offices.length))}` : html`<p class="mr-body">${msg.noMatch}</p>`}
  </section>`
}

export interface AgencyOfficesView {
  agency: { code: string; nameFa: string }
  offices: OfficeCard[]
  total: number
  filter: OfficeFilterView
}

export function agencyOfficesPage(v: AgencyOfficesView): Html {
  return html`<span class="mr-caption-l">${v.agency.nameFa}</span>
    <h1 class="mr-heading-l" id="offices">${msg.listTitle}</h1>
    ${v.total === 0 ? html`<p class="mr-body">${msg.noOffices}</p>` : ''}
    ${v.filter.provinces.length > 1 || v.filter.cities.length > 1 ? filterForm(v.filter, 'offices') : ''}
    ${v.offices.length ? html`<ul class="mr-list mr-offices">${v.offices.map((o) => officeItem(o, 'h2'))}</ul>` : v.total ? html`<p class="mr-body">${msg.noMatch}</p>` : ''}`
}

export interface OfficePageView {
  office: OfficeCard
  agency: { code: string; nameFa: string }
  weekly: { day: string; text: string }[]
  exceptions: { day: string; dayFa: string; text: string }[]
  closures: { fromFa: string; toFa: string; from: string; to: string; reason: string }[]
  services: { slug: string; title: string }[]
  canEdit: boolean
}

export function officePage(v: OfficePageView): Html {
  const o = v.office
  return html`<span class="mr-caption-l"><a class="mr-link" href="/agencies/${v.agency.code}">${v.agency.nameFa}</a></span>
    <h1 class="mr-heading-l">${o.name}</h1>
    ${v.canEdit ? html`<p class="mr-body">${button({ text: msg.editTitle, href: `/admin/offices/${o.id}`, variant: 'secondary' })}</p>` : ''}
    ${openTag(o)}
    ${officeFacts(o)}
    <h2 class="mr-heading-m">${msg.hours}</h2>
    <table class="mr-table"><caption class="mr-table__caption mr-visually-hidden">${msg.hours}</caption>
      <tbody class="mr-table__body">${v.weekly.map(
        (w) =>
          html`<tr class="mr-table__row"><th scope="row" class="mr-table__header">${w.day}</th><td class="mr-table__cell">${w.text}</td></tr>`,
      )}</tbody></table>
    <p class="mr-body-s mr-secondary-text">در تعطیلات رسمی بسته است، مگر روز ویژه‌ای خلاف آن اعلام شده باشد.</p>
    ${
      v.exceptions.length
        ? html`<h2 class="mr-heading-m">${msg.exceptionsAhead}</h2><ul class="mr-list mr-list--bullet">${v.exceptions.map(
            (e) => html`<li><time datetime="${e.day}">${e.dayFa}</time>: ${e.text}</li>`,
          )}</ul>`
        : ''
    }
    ${
      v.closures.length
        ? html`<h2 class="mr-heading-m">${msg.closuresAhead}</h2><ul class="mr-list mr-list--bullet">${v.closures.map(
            (c) =>
              html`<li>از <time datetime="${c.from}">${c.fromFa}</time> تا <time datetime="${c.to}">${c.toFa}</time>: ${c.reason}</li>`,
          )}</ul>`
        : ''
    }
    <h2 class="mr-heading-m">${msg.servicesHere}</h2>
    ${
      v.services.length
        ? html`<ul class="mr-list mr-list--bullet">${v.services.map((s) => html`<li><a class="mr-link" href="/services/${s.slug}">${s.title}</a></li>`)}</ul>`
        : html`<p class="mr-body">${msg.noServicesHere}</p>`
    }`
}
