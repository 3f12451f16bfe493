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

/** The labels of every chosen filter, in the order the filters are listed. */
export function chosenFilterLabels(f: SearchPageView['facets']): string[] {
  const chosen = (options: FacetOption[]) => options.filter((o) => o.selected).map((o) => o.text)
  return [
    ...chosen(f.agencies),
    ...chosen(f.audiences),
    ...chosen(f.lifeEvents),
    ...chosen(f.provinces),
    ...(f.online.selected ? [msg.onlineLabel] : []),
  ]
}

function filtersForm(v: SearchPageView): Html {
  const f = v.facets
  return html`<form method="get" action="/search" class="mr-search-filters__form" aria-label="${msg.filtersLandmark}">
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

/**
 * The filters behind a «محدود کردن نتایج» disclosure (a plain `<details>`, so it opens without
 * JavaScript). On a narrow screen it is one line between the results summary and the results;
 * on a wide one site.css hides the summary and shows the contents as a column beside the
 * results. It is open when a filter has an error, so the error summary's links lead somewhere
 * visible.
 */
function filtersDisclosure(v: SearchPageView): Html {
  const chosen = chosenFilterLabels(v.facets).length
  return html`<details class="mr-details mr-search-filters" id="search-filters"${v.errors.length > 0 ? ' open' : ''}>
    <summary class="mr-details__summary mr-search-filters__summary"><span class="mr-details__summary-text">${msg.filtersHeading}</span>${
      chosen > 0
        ? html` <span class="mr-search-filters__count">${msg.filtersChosen(fa(chosen))}</span>`
        : ''
    }</summary>
    <div class="mr-search-filters__body">
      <h2 class="mr-heading-m mr-search-filters__heading">${msg.filtersHeading}</h2>
      ${filtersForm(v)}
    </div>
  </details>`
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

/** What was found, the suggestion and the filters in force: read before the filters. */
function resultsSummary(v: SearchPageView): Html {
  const r = v.results
  if (!r)
    return html`<p class="mr-body">${msg.noQuery}</p>
      <p class="mr-body"><a class="mr-link" href="/services">${msg.browseAll}</a></p>`
  const suggestion = r.suggestion
  const chosen = chosenFilterLabels(v.facets)
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
      chosen.length > 0
        ? html`<p class="mr-body-s" id="search-chosen-filters">${msg.chosenFilters} ${chosen.join('، ')}${
            v.clearHref
              ? html` — <a class="mr-link" href="${v.clearHref}">${msg.clearFilters}</a>`
              : ''
          }</p>`
        : ''
    }`
}

function resultsList(v: SearchPageView): Html {
  const r = v.results
  if (!r) return html``
  return html`${
    r.total === 0
      ? html`<ul class="mr-list mr-list--bullet">${msg.noResultsHelp.map((t) => html`<li>${t}</li>`)}</ul>`
      : html`<ul class="mr-service-list">${r.items.map((i) => resultItem(i, r.highlightTerms))}</ul>`
  }
    ${pageNavigation(r.page, r.pageCount, r.href)}`
}

/**
 * The page in reading order: the query box, the results summary, the filters, the results.
 * site.css lays the same order out as a filter column beside summary and results on wide
 * screens; on narrow ones the results follow the one-line filters disclosure.
 */
export function searchPage(v: SearchPageView): Html {
  return html`${v.errors.length > 0 ? errorSummary({ errorList: v.errors }) : ''}
    <h1 class="mr-heading-l">${msg.pageTitle}</h1>
    ${searchForm(v)}
    <div class="mr-search-layout">
      <div class="mr-search-layout__summary">${resultsSummary(v)}</div>
      <div class="mr-search-layout__filters">${filtersDisclosure(v)}</div>
      <div class="mr-search-layout__results">${resultsList(v)}</div>
    </div>`
}
