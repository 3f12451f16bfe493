import { html, raw } from 'hono/html'
import { type Html, warningText } from '../../../../web/ui/index.ts'
import { processEditorMsg as m } from '../messages.fa.ts'
import type { ProcessPicture } from '../process-editor.present.ts'

/**
 * The chart and the totals: the inside of the preview region, and the whole answer of the live
 * preview endpoint (which the script swaps into the region).
 */
export function previewBody(p: ProcessPicture, options: { preview: boolean }): Html {
  return html`${options.preview ? html`<p class="mr-body-s mr-process-preview__note">${m.previewNote}</p>` : ''}
    ${
      // The SVG is built by renderFlowchartSvg, which escapes every text it draws.
      p.svg
        ? html`<div class="mr-process-chart" id="process-chart">${raw(p.svg)}</div>`
        : html`<p class="mr-body" id="process-chart-empty">${m.chartEmpty}</p>`
    }
    ${p.total ? html`<p class="mr-body" id="process-total"><strong>${p.total}</strong></p>` : ''}
    ${
      p.notes.length > 0
        ? html`<ul class="mr-list mr-body-s" id="process-notes">${p.notes.map((n) => html`<li>${n}</li>`)}</ul>`
        : ''
    }
    ${p.mismatch ? warningText({ text: p.mismatch, attributes: { id: 'process-mismatch' } }) : ''}`
}

/** The live-preview answer when the form cannot be read yet (its first error). */
export function previewUnavailable(error: string): Html {
  return html`<p class="mr-body-s" id="process-preview-error">${m.previewUnavailable(error)}</p>`
}

/**
 * The preview region: a heading, then the chart and totals in an `aria-live` region that
 * `/assets/process-editor.js` refreshes while the form is being filled in.
 */
export function previewRegion(p: ProcessPicture, previewUrl: string): Html {
  return html`<section class="mr-process-preview" aria-labelledby="process-chart-heading">
    <h2 class="mr-heading-m" id="process-chart-heading">${m.chartHeading}</h2>
    <div id="process-preview" class="mr-process-preview__body" aria-live="polite" data-preview-url="${previewUrl}">
      ${previewBody(p, { preview: false })}
    </div>
  </section>`
}
