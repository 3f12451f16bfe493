import { html } from 'hono/html'
import { formatDateFa } from '../../../lib/fa/format-date.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  summaryList,
  textInput,
} from '../../../web/ui/index.ts'
import {
  editorMsg as em,
  formErrorSummary,
  type RetiredSlug,
  slugMsg,
} from '../../services/index.ts'

export interface SlugPageView {
  csrfToken: string
  serviceId: string
  title: string
  slug: string
  /** The address the current title would get, when it differs from the current one. */
  suggested: string | null
  previous: RetiredSlug[]
  values: Record<string, string>
  errors: FieldErrors
}

function address(slug: string): Html {
  return html`<bdi>/services/${slug}</bdi>`
}

/** «نشانی خدمت»: the agency admin changes a service's address; the old ones keep redirecting. */
export function slugPage(v: SlugPageView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${formErrorSummary(v.errors)}
    <span class="mr-caption-l">${v.title || em.untitled}</span>
    <h1 class="mr-heading-l">${slugMsg.heading}</h1>
    <p class="mr-body">${slugMsg.lead}</p>
    ${summaryList({
      rows: [
        {
          key: { text: slugMsg.current },
          value: {
            html: html`<a class="mr-link" href="/services/${v.slug}" id="current-slug">${address(v.slug)}</a>`,
          },
        },
      ],
    })}
    <form method="post" action="/admin/services/${v.serviceId}/slug" novalidate>
      ${csrfField(v.csrfToken)}
      ${textInput({
        name: 'slug',
        label: { text: slugMsg.label, classes: 'mr-label--s' },
        hint: {
          text: v.suggested ? `${slugMsg.hint} ${slugMsg.suggested(v.suggested)}` : slugMsg.hint,
        },
        value: v.values.slug ?? v.slug,
        dir: 'auto',
        spellcheck: false,
        autocomplete: 'off',
        maxlength: 80,
        errorMessage: fieldError(v.errors, 'slug'),
      })}
      ${button({ text: slugMsg.submit })}
    </form>
    <h2 class="mr-heading-m">${slugMsg.previous}</h2>
    ${
      v.previous.length
        ? html`<ul class="mr-list mr-list--bullet" id="previous-slugs">${v.previous.map(
            (p) =>
              html`<li>${address(p.slug)} — ${slugMsg.retiredOn} <time datetime="${p.retiredAt.toISOString()}">${formatDateFa(p.retiredAt)}</time></li>`,
          )}</ul>`
        : html`<p class="mr-body">${slugMsg.noPrevious}</p>`
    }
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${em.backToService}</a></p>
  </div></div>`
}
