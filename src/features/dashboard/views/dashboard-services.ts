import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { type Html, table, tag } from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'

const m = msg.services

/** One of the agency's services that needs attention: an unpublished draft or missing items. */
export interface ServiceAttentionRow {
  id: string
  title: string
  unpublishedDraft: boolean
  issueCount: number
}

export interface AgencyServicesView {
  total: number
  attention: ServiceAttentionRow[]
}

/** The agency dashboard's list of services to finish (R14) and drafts to publish. */
export function agencyServicesSection(v: AgencyServicesView): Html {
  const body =
    v.total === 0
      ? html`<p class="mr-body">${m.none}</p>`
      : v.attention.length === 0
        ? html`<p class="mr-body">${m.allGood}</p>`
        : html`<p class="mr-body">${m.lead}</p>
          ${table({
            caption: m.heading,
            captionClasses: 'mr-visually-hidden',
            id: 'agency-services-attention',
            head: [{ text: m.title }, { text: m.status }, { text: m.issues }],
            rows: v.attention.map((r) => [
              {
                html: html`<a class="mr-link" href="/admin/services/${r.id}">${r.title || m.untitled}</a>`,
              },
              { html: r.unpublishedDraft ? tag({ text: m.draft, colour: 'yellow' }) : html`—` },
              { text: r.issueCount > 0 ? m.count(toPersianDigits(r.issueCount)) : '—' },
            ]),
          })}`
  return html`<h2 class="mr-heading-m" id="agency-services">${m.heading}</h2>
    ${body}
    <p class="mr-body"><a class="mr-link" href="/admin/services">${m.all}</a></p>`
}
