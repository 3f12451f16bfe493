import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { formatDateTimeFa } from '../../../lib/fa/format-date.ts'
import { type Html, insetText, tag } from '../../../web/ui/index.ts'
import { editorMsg as em } from '../../services/index.ts'
import { type OverviewView, publishForm, publishRequestNotice } from './staff-overview.ts'

/**
 * `/admin/services/:id/publish`: the page an admin's «درخواست انتشار» notification opens —
 * who asked and when, whether the draft changed since, the quality checks' verdict and the
 * publish form (the whole card is one link away, on the overview).
 */
export function publishPage(v: OverviewView): Html {
  const d = v.draft
  const overview = `/admin/services/${v.serviceId}`
  return html`<span class="mr-caption-l">${em.publishHeading} — ${v.agencyNameFa}</span>
    <h1 class="mr-heading-l">${v.title || em.untitled}</h1>
    ${
      d
        ? html`<p class="mr-body">${em.draftText(toPersianDigits(d.versionNo), formatDateTimeFa(d.updatedAt))}
            <a class="mr-link" href="${overview}">${em.backToService}</a>،
            <a class="mr-link" href="${overview}/preview">${em.preview}</a></p>
          ${publishRequestNotice(d.publishRequest, 'admin')}
          <h2 class="mr-heading-m">${em.qualityHeading}</h2>
          ${
            d.issues.length === 0
              ? html`<p class="mr-body" id="quality-ready">${tag({ text: em.ready, colour: 'green' })} ${em.readyText}</p>`
              : html`<p class="mr-body">${em.qualityLead}</p>
                <ul class="mr-list mr-list--bullet" id="quality-issues">${d.issues.map((i) => html`<li>${i.message}</li>`)}</ul>`
          }
          ${v.canPublish ? html`<h2 class="mr-heading-m">${em.publishHeading}</h2>${publishForm(v, d)}` : insetText({ text: em.readOnly })}`
        : html`<p class="mr-body">${em.noDraft}</p>`
    }
    <p class="mr-body"><a class="mr-link" href="${overview}">${em.backToService}</a></p>`
}
