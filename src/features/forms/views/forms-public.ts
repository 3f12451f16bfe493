import { html } from 'hono/html'
import type { Html } from '../../../web/ui/index.ts'
import { formsMsg as m } from '../messages.fa.ts'

/** One form as the public service page lists it. */
export interface PublicFormItem {
  title: string
  code: string | null
  language: string
  kind: string
  size: string
  href: string
}

/** The service page's forms section (R5): every form with its download link. */
export function formsPublicSection(items: PublicFormItem[] | undefined): Html {
  if (!items || items.length === 0) return html``
  return html`<section class="mr-service-section" aria-labelledby="forms">
    <h2 class="mr-heading-m" id="forms">${m.publicHeading}</h2>
    <p class="mr-body">${m.publicLead}</p>
    <table class="mr-table" id="forms-table">
      <caption class="mr-table__caption mr-visually-hidden">${m.publicHeading}</caption>
      <thead class="mr-table__head"><tr class="mr-table__row">
        <th scope="col" class="mr-table__header">${m.colTitle}</th>
        <th scope="col" class="mr-table__header">${m.colLanguage}</th>
        <th scope="col" class="mr-table__header">${m.colKind}</th>
        <th scope="col" class="mr-table__header">${m.colSize}</th>
        <th scope="col" class="mr-table__header"><span class="mr-visually-hidden">${m.download}</span></th>
      </tr></thead>
      <tbody class="mr-table__body">${items.map(
        (f) => html`<tr class="mr-table__row">
          <th scope="row" class="mr-table__header">${f.title}${
            f.code ? html`<span class="mr-hint-inline"><bdi dir="ltr">${f.code}</bdi></span>` : ''
          }</th>
          <td class="mr-table__cell">${f.language}</td>
          <td class="mr-table__cell"><bdi dir="ltr">${f.kind}</bdi></td>
          <td class="mr-table__cell">${f.size}</td>
          <td class="mr-table__cell"><a class="mr-link" href="${f.href}" download>${m.download}<span class="mr-visually-hidden"> ${f.title}</span></a></td>
        </tr>`,
      )}</tbody>
    </table>
  </section>`
}
