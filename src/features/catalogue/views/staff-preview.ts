import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { Html } from '../../../web/ui/index.ts'
import { editorMsg as em } from '../../services/index.ts'
import { type ServicePageView, servicePageBody } from './service-page.ts'

/**
 * The draft exactly as the public page will show it (the same `servicePageBody`),
 * under a banner that says it is a preview.
 */
export function previewPage(v: { serviceId: string; page: ServicePageView }): Html {
  return html`<div class="mr-preview-banner" role="region" aria-labelledby="preview-title">
      <h2 class="mr-heading-s" id="preview-title">${em.previewTitle}</h2>
      <p class="mr-body">${em.previewBanner(toPersianDigits(v.page.versionNo))}</p>
      <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${em.backToService}</a></p>
    </div>
    ${servicePageBody(v.page)}`
}
