import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import {
  button,
  checkboxes,
  errorSummary,
  type Html,
  pageNavigation,
  select,
  tag,
} from '../../../web/ui/index.ts'
import { highlight } from '../highlight.ts'
import { msg } from '../messages.fa.ts'

export interface FacetOption {
  value: string
  text: string
  /** null before anything is asked (no counts are shown then). */
  count: number | null
  selected: boolean
}

export interface SearchResultView {
  href: string
  title: string
  summary: string
  agencyName: string
  audienceLabels: string[]
  online: boolean
}

export interface SearchPageView {
  q: string
  /** Hidden fields that carry the current filters in the query form. */
  filterFields: { name: string; value: string }[]
  errors: { href: string; text: string }[]
  /** null: nothing asked yet (no query, no filter). */
  results: {
    total: number
    items: SearchResultView[]
    highlightTerms: string[]
    suggestion: { text: string; href: string; showing: boolean } | null
    page: number
    pageCount: number
    href: (page: number) => string
  } | null
  facets: {
    agencies: FacetOption[]
    audiences: FacetOption[]
    lifeEvents: FacetOption[]
    provinces: FacetOption[]
    online: { count: number | null; selected: boolean }
  }
  clearHref: string | null
}

const fa = (n: number) => toPersianDigits(n)

function countText(total: number): string {
  return total === 0 ? msg.noResults : `${fa(total)} خدمت پیدا شد.`
}

/** The document title: the query and the number found, so screen readers hear both first. */
export function searchTitle(q: string, total: number | null): string {
  if (q === '') return msg.pageTitle
  return total === null ? `جست‌وجو: ${q}` : `جست‌وجو: ${q} (${fa(total)} نتیجه)`
}

function searchForm(v: SearchPageView): Html {
  return html`<form method="get" action="/search" role="search" aria-label="${msg.searchLandmark}" class="mr-search-hero">
    <label class="mr-label mr-label--m" for="search-q">${msg.queryLabel}</label>
    <div class="mr-hint" id="search-q-hint">${msg.queryHint}</div>
    <div class="mr-search-hero__row mr-suggest">
      <input class="mr-input" id="search-q" name="q" type="search" value="${v.q}" spellcheck="false" autocomplete="off" aria-describedby="search-q-hint" data-suggest-url="/search/suggest">
      ${button({ text: msg.searchButton })}
    </div>
    ${v.filterFields.map((f) => html`<input type="hidden" name="${f.name}" value="${f.value}">`)}
  </form>`
}

function withCount(o: { text: string; count: number | null }): string {
  return o.count === null ? o.text : `${o.text} (${fa(o.count)})`
}

function filtersForm(v: SearchPageView): Html {
  const f = v.facets
  return html`<form method="get" action="/search" class="mr-filter" aria-label="${msg.filtersLandmark}">
    <h2 class="mr-heading-m">${msg.filtersHeading}</h2>
    ${v.q ? html`<input type="hidden" name="q" value="${v.q}">` : ''}
    ${select({
      name: 'agency',
      id: 'filter-agency',
      label: { text: msg.agencyLabel, classes: 'mr-label--s' },
      items: [
        { value: '', text: msg.anyAgency },
        ...f.agencies.map((o) => ({ value: o.value, text: withCount(o), selected: o.selected })),
      ],
    })}
    ${checkboxes({
      name: 'audience',
      idPrefix: 'filter-audience',
      fieldset: { legend: { text: msg.audienceLegend, classes: 'mr-fieldset__legend--s' } },
      classes: 'mr-checkboxes--small',
      items: f.audiences.map((o) => ({ value: o.value, text: withCount(o), checked: o.selected })),
    })}
    ${
      f.lifeEvents.length > 0
        ? checkboxes({
            name: 'lifeEvent',
            idPrefix: 'filter-life-event',
            fieldset: { legend: { text: msg.lifeEventLegend, classes: 'mr-fieldset__legend--s' } },
            classes: 'mr-checkboxes--small',
            items: f.lifeEvents.map((o) => ({
              value: o.value,
              text: withCount(o),
              checked: o.selected,
            })),
          })
        : ''
    }
    ${select({
      name: 'province',
      id: 'filter-province',
      label: { text: msg.provinceLabel, classes: 'mr-label--s' },
      items: [
        { value: '', text: msg.anyProvince },
        ...f.provinces.map((o) => ({ value: o.value, text: withCount(o), selected: o.selected })),
      ],
    })}
    ${checkboxes({
      name: 'online',
      idPrefix: 'filter-online',
      fieldset: { legend: { text: msg.onlineLegend, classes: 'mr-fieldset__legend--s' } },
      classes: 'mr-checkboxes--small',
      items: [
        {
          value: '1',
          text: withCount({ text: msg.onlineLabel, count: f.online.count }),
          checked: f.online.selected,
        },
      ],
    })}
    ${button({ text: msg.applyFilters, variant: 'secondary' })}
    ${v.clearHref ? html`<p class="mr-body"><a class="mr-link" href="${v.clearHref}">${msg.clearFilters}</a></p>` : ''}
  </form>`
}

function resultItem(r: SearchResultView, terms: string[]): Html {
  return html`<li class="mr-service-list__item">
    <h3 class="mr-heading-s"><a class="mr-link" href="${r.href}">${highlight(r.title, terms)}</a></h3>
    ${r.summary ? html`<p class="mr-body-s">${highlight(r.summary, terms)}</p>` : ''}
    <p class="mr-body-s mr-secondary-text">${msg.agencyOf} ${r.agencyName}
      ${r.audienceLabels.map((a) => tag({ text: a, colour: 'grey' }))}
      ${r.online ? tag({ text: msg.online, colour: 'green' }) : ''}</p>
  </li>`
}

function resultsSection(v: SearchPageView): Html {
  const r = v.results
  if (!r)
    return html`<p class="mr-body">${msg.noQuery}</p>
      <p class="mr-body"><a class="mr-link" href="/services">${msg.browseAll}</a></p>`
  const suggestion = r.suggestion
  return html`<h2 class="mr-heading-m">${msg.resultsHeading}</h2>
    <p class="mr-body" role="status" id="search-count">${countText(r.total)}</p>
    ${
      suggestion
        ? suggestion.showing
          ? html`<p class="mr-body">${msg.showingFor(v.q)} <a class="mr-link" href="${suggestion.href}">${suggestion.text}</a></p>`
          : html`<p class="mr-body">${msg.didYouMean} <a class="mr-link" href="${suggestion.href}">${suggestion.text}</a></p>`
        : ''
    }
    ${
      r.total === 0
        ? html`<ul class="mr-list mr-list--bullet">${msg.noResultsHelp.map((t) => html`<li>${t}</li>`)}</ul>`
        : html`<ul class="mr-service-list">${r.items.map((i) => resultItem(i, r.highlightTerms))}</ul>`
    }
    ${pageNavigation(r.page, r.pageCount, r.href)}`
}

export function searchPage(v: SearchPageView): Html {
  return html`${v.errors.length > 0 ? errorSummary({ errorList: v.errors }) : ''}
    <h1 class="mr-heading-l">${msg.pageTitle}</h1>
    ${searchForm(v)}
    <div class="mr-grid-row">
      <div class="mr-grid-column-one-third">${filtersForm(v)}</div>
      <div class="mr-grid-column-two-thirds">${resultsSection(v)}</div>
    </div>`
}
