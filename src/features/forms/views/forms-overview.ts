import { html } from 'hono/html'
import type { SummaryListRow } from '../../../web/ui/index.ts'
import type { ServiceContent } from '../../services/index.ts'
import { FORM_LANGUAGE_LABELS, formsMsg as m } from '../messages.fa.ts'
import { formsHref } from './forms-editor.ts'

/** The forms row of the draft overview: each form in a line, edited on its own page. */
export function formsOverviewRow(
  serviceId: string,
  content: ServiceContent,
  canEdit: boolean,
): SummaryListRow {
  const forms = content.forms
  return {
    key: { text: m.sectionLabel },
    value: {
      html:
        forms.length === 0
          ? html`<span class="mr-secondary-text">${m.none}</span>`
          : html`<ul class="mr-list" id="draft-forms-summary">${forms.map(
              (f) =>
                html`<li>${f.title}${f.code ? html` (<bdi dir="ltr">${f.code}</bdi>)` : ''}، ${FORM_LANGUAGE_LABELS[f.language]}</li>`,
            )}</ul>`,
    },
    ...(canEdit
      ? {
          actions: {
            items: [
              {
                href: formsHref(serviceId),
                text: 'ویرایش',
                visuallyHiddenText: m.sectionLabel,
              },
            ],
          },
        }
      : {}),
  }
}
