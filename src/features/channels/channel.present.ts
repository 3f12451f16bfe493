import { html } from 'hono/html'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { SummaryListRow } from '../../web/ui/index.ts'
import type { ServiceContent } from '../services/index.ts'
import { editorMsg as em } from '../services/index.ts'
import { channelLines } from './channel.text.ts'
import { maturityLevel } from './maturity.model.ts'
import { MATURITY_LABELS, channelsMsg as m } from './messages.fa.ts'
import { channelsHref } from './views/editor-page.ts'

/** The channels row of the draft overview: channels, stage matrix and maturity level. */
export function channelsOverviewRow(
  serviceId: string,
  content: ServiceContent,
  canEdit: boolean,
): SummaryListRow {
  const lines = channelLines(content)
  const level = maturityLevel(content)
  return {
    key: { text: m.sectionLabel },
    value: {
      html: html`<ul class="mr-list" id="draft-channels">${lines.map((l) => html`<li>${l}</li>`)}${
        lines.length === 0 ? html`<li class="mr-secondary-text">${em.notEntered}</li>` : ''
      }<li>${m.overviewMaturity(toPersianDigits(level))} (${MATURITY_LABELS[level]})</li></ul>`,
    },
    ...(canEdit
      ? {
          actions: {
            items: [
              { href: channelsHref(serviceId), text: em.edit, visuallyHiddenText: m.sectionLabel },
            ],
          },
        }
      : {}),
  }
}
