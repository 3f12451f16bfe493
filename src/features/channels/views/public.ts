import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { button, type Html, tag } from '../../../web/ui/index.ts'
import { SERVICE_STAGES, type ServiceChannel, type ServiceContent } from '../../services/index.ts'
import { maturityLevel } from '../maturity.model.ts'
import {
  CHANNEL_KIND_LABELS,
  MATURITY_LABELS,
  channelsMsg as m,
  SIGN_IN_LABELS,
  STAGE_LABELS,
  STAGE_MODE_LABELS,
} from '../messages.fa.ts'

/** The e-service people should start from: the one the request stage names, else the first. */
export function mainEService(
  c: Pick<ServiceContent, 'channels' | 'stages'>,
): ServiceChannel | undefined {
  const eServices = c.channels.filter((ch) => ch.kind === 'e_service' && ch.url)
  return eServices.find((ch) => c.stages.request.channelIds.includes(ch.id)) ?? eServices[0]
}

function ltrUrl(url: string): Html {
  return html`<bdi dir="ltr" class="mr-online__url">${url}</bdi>`
}

/**
 * «انجام خدمت به صورت برخط»: shown at the top of the service page when the service has an
 * e-service; a start link to it (opened without giving it our window), whether signing in is
 * needed and with what, and whether a signature is needed.
 */
export function onlineBlock(c: ServiceContent): Html {
  const main = mainEService(c)
  if (!main?.url) return html``
  const others = c.channels.filter((ch) => ch.kind === 'e_service' && ch.url && ch.id !== main.id)
  return html`<section class="mr-online" id="online" aria-labelledby="online-heading">
    <h2 class="mr-heading-m" id="online-heading">${m.onlineHeading}</h2>
    <p class="mr-body">${main.title}: ${ltrUrl(main.url)}</p>
    ${button({ text: m.onlineStart, href: main.url, isStartButton: true, id: 'online-start', attributes: { rel: 'noopener' } })}
    <ul class="mr-list mr-list--bullet">
      <li id="online-sign-in">${main.signIn === 'none' ? m.onlineNoSignIn : html`${m.onlineSignIn} ${SIGN_IN_LABELS[main.signIn]}`}</li>
      <li id="online-signature">${main.signatureRequired ? m.onlineSignature : m.onlineNoSignature}</li>
      ${main.note ? html`<li>${main.note}</li>` : ''}
    </ul>
    ${
      others.length
        ? html`<ul class="mr-list">${others.map(
            (o) =>
              html`<li><a class="mr-link" href="${o.url ?? ''}" rel="noopener">${o.title}</a> ${ltrUrl(o.url ?? '')}</li>`,
          )}</ul>`
        : ''
    }
  </section>`
}

/** The badge with the service's e-service maturity level, linking to the definition. */
export function maturityBadge(c: ServiceContent): Html {
  const level = maturityLevel(c)
  return html`<p class="mr-body-s" id="maturity-badge">${tag({
    text: `${m.maturityBadge(toPersianDigits(level))} — ${MATURITY_LABELS[level]}`,
    colour: level >= 4 ? 'green' : level === 3 ? 'blue' : 'grey',
  })} <a class="mr-link" href="/help/e-service-maturity#level-${level}">${m.maturityHelpLink}</a></p>`
}

function channelLine(ch: ServiceChannel): Html {
  const where = ch.url
    ? html`<a class="mr-link" href="${ch.url}" rel="noopener">${ltrUrl(ch.url)}</a>`
    : ch.phone
      ? html`<a class="mr-link" href="tel:${ch.phone.replace(/[^\d+]/g, '')}"><bdi dir="ltr">${toPersianDigits(ch.phone)}</bdi></a>`
      : ch.code
        ? html`<bdi dir="ltr">${ch.code}</bdi>`
        : ''
  const signIn = ch.kind === 'e_service' || ch.kind === 'mobile_app'
  return html`<li><strong>${ch.title}</strong> (${CHANNEL_KIND_LABELS[ch.kind]})${where ? html`: ${where}` : ''}${
    signIn && ch.signIn !== 'none'
      ? html`<br><span class="mr-secondary-text">${m.onlineSignIn} ${SIGN_IN_LABELS[ch.signIn]}</span>`
      : ''
  }${ch.note ? html`<br><span class="mr-secondary-text">${ch.note}</span>` : ''}</li>`
}

function stageTable(c: ServiceContent): Html {
  if (SERVICE_STAGES.every((s) => c.stages[s].mode === null)) return html``
  const title = new Map(c.channels.map((ch) => [ch.id, ch.title]))
  return html`<table class="mr-table" id="stage-matrix">
    <caption class="mr-table__caption mr-table__caption--s">${m.matrixCaption}</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">${m.colStage}</th>
      <th scope="col" class="mr-table__header">${m.colMode}</th>
      <th scope="col" class="mr-table__header">${m.colVia}</th>
    </tr></thead>
    <tbody class="mr-table__body">${SERVICE_STAGES.map((s) => {
      const d = c.stages[s]
      const via = d.channelIds.map((id) => title.get(id)).filter((x): x is string => !!x)
      return html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${STAGE_LABELS[s]}</th>
        <td class="mr-table__cell">${d.mode ? STAGE_MODE_LABELS[d.mode] : m.modeUnstated}</td>
        <td class="mr-table__cell">${via.length ? via.join('، ') : '—'}</td>
      </tr>`
    })}</tbody></table>`
}

/** The channels section of the service page: every channel, and the stage matrix as a table. */
export function channelsSection(c: ServiceContent): Html {
  if (c.channels.length === 0 && SERVICE_STAGES.every((s) => c.stages[s].mode === null))
    return html``
  return html`<section class="mr-service-section" aria-labelledby="channels">
    <h2 class="mr-heading-m" id="channels">${m.publicChannelsHeading}</h2>
    ${c.channels.length ? html`<ul class="mr-list mr-list--spaced" id="channel-list">${c.channels.map(channelLine)}</ul>` : ''}
    ${stageTable(c)}
  </section>`
}
