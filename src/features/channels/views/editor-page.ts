import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { FormFields } from '../../../web/form.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  checkboxes,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  select,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import {
  CHANNEL_KINDS,
  type DraftStamp,
  editorMsg as em,
  fieldValue,
  fieldValues,
  formErrorSummary,
  formStart,
  SERVICE_STAGES,
  type ServiceChannel,
  SIGN_IN_METHODS,
} from '../../services/index.ts'
import { channelsName, modeName } from '../channel.input.ts'
import type { MaturityLevel } from '../maturity.model.ts'
import {
  CHANNEL_KIND_LABELS,
  MATURITY_LABELS,
  channelsMsg as m,
  SIGN_IN_LABELS,
  STAGE_LABELS,
  STAGE_MODE_LABELS,
} from '../messages.fa.ts'

export function channelsHref(serviceId: string): string {
  return `/admin/services/${serviceId}/edit/channels`
}

export function channelHref(serviceId: string, channelId: string): string {
  return `${channelsHref(serviceId)}/${channelId}`
}

/** Where a channel is reached, as shown in lists: its URL, phone or code (left to right). */
export function channelWhere(ch: ServiceChannel): Html {
  const where = ch.url ?? ch.phone ?? ch.code
  return where ? html`<bdi dir="ltr">${ch.url ? where : toPersianDigits(where)}</bdi>` : html`—`
}

/** The fields of a channel form (add and edit share them). */
export function channelFields(values: FormFields, errors: FieldErrors): Html {
  const v = (name: string) => fieldValue(values, name)
  return html`${radios({
    name: 'kind',
    fieldset: { legend: { text: m.kind, classes: 'mr-fieldset__legend--s' } },
    items: CHANNEL_KINDS.map((k) => ({ value: k, text: CHANNEL_KIND_LABELS[k] })),
    value: v('kind'),
    errorMessage: fieldError(errors, 'kind'),
  })}
  ${textInput({ name: 'title', label: { text: m.title }, hint: { text: m.titleHint }, value: v('title'), errorMessage: fieldError(errors, 'title') })}
  ${textInput({ name: 'url', type: 'url', dir: 'ltr', label: { text: m.url }, hint: { text: m.urlHint }, value: v('url'), errorMessage: fieldError(errors, 'url') })}
  ${textInput({ name: 'phone', type: 'tel', dir: 'ltr', label: { text: m.phone }, hint: { text: m.phoneHint }, value: v('phone'), errorMessage: fieldError(errors, 'phone') })}
  ${textInput({ name: 'code', dir: 'ltr', label: { text: m.code }, hint: { text: m.codeHint }, value: v('code'), errorMessage: fieldError(errors, 'code') })}
  ${select({
    name: 'signIn',
    label: { text: m.signIn },
    hint: { text: m.signInHint },
    items: SIGN_IN_METHODS.map((s) => ({ value: s, text: SIGN_IN_LABELS[s] })),
    value: v('signIn') || 'none',
    errorMessage: fieldError(errors, 'signIn'),
  })}
  ${checkboxes({
    name: 'signatureRequired',
    fieldset: { legend: { text: m.signature, classes: 'mr-fieldset__legend--s' } },
    items: [{ value: 'yes', text: m.signatureLabel }],
    values: fieldValues(values, 'signatureRequired'),
  })}
  ${textarea({ name: 'note', label: { text: m.note }, rows: 2, value: v('note'), errorMessage: fieldError(errors, 'note') })}`
}

export interface ChannelsPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: DraftStamp
  channels: ServiceChannel[]
  maturity: MaturityLevel
  full: boolean
  add: { values: FormFields; errors: FieldErrors }
  /** The add form's one-time token (web/form-once.ts), fresh each time the page is shown. */
  addOnce: string
  stages: { values: FormFields; errors: FieldErrors }
}

function channelsTable(v: ChannelsPageView): Html {
  if (v.channels.length === 0) return html`<p class="mr-body" id="no-channels">${m.noChannels}</p>`
  return html`<table class="mr-table" id="channels-table">
    <caption class="mr-table__caption mr-visually-hidden">${m.caption}</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">${m.colTitle}</th>
      <th scope="col" class="mr-table__header">${m.colKind}</th>
      <th scope="col" class="mr-table__header">${m.colWhere}</th>
      <th scope="col" class="mr-table__header">${m.colActions}</th>
    </tr></thead>
    <tbody class="mr-table__body">${v.channels.map(
      (ch) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${ch.title}</th>
        <td class="mr-table__cell">${CHANNEL_KIND_LABELS[ch.kind]}</td>
        <td class="mr-table__cell">${channelWhere(ch)}</td>
        <td class="mr-table__cell">
          <a class="mr-link" href="${channelHref(v.serviceId, ch.id)}">${m.edit}<span class="mr-visually-hidden"> ${ch.title}</span></a>
          <form method="post" action="${channelHref(v.serviceId, ch.id)}/delete">
            ${formStart(v.csrfToken, v.stamp)}
            ${button({ html: html`${m.remove}<span class="mr-visually-hidden"> ${ch.title}</span>`, variant: 'warning', classes: 'mr-button--small' })}
          </form>
        </td>
      </tr>`,
    )}</tbody></table>`
}

function stagesForm(v: ChannelsPageView): Html {
  const { values, errors } = v.stages
  return html`<h2 class="mr-heading-m" id="stages">${m.stagesHeading}</h2>
    <p class="mr-body">${m.stagesLead}</p>
    <form method="post" action="${channelsHref(v.serviceId)}/stages" novalidate id="stages-form">
      ${formStart(v.csrfToken, v.stamp)}
      ${SERVICE_STAGES.map(
        (s) => html`<fieldset class="mr-fieldset mr-stage">
          <legend class="mr-fieldset__legend mr-fieldset__legend--m">${STAGE_LABELS[s]}</legend>
          ${radios({
            name: modeName(s),
            classes: 'mr-radios--inline',
            fieldset: {
              legend: {
                text: `${m.colMode} (${STAGE_LABELS[s]})`,
                classes: 'mr-fieldset__legend--s',
              },
            },
            items: [
              { value: 'electronic', text: STAGE_MODE_LABELS.electronic },
              { value: 'in_person', text: STAGE_MODE_LABELS.in_person },
              { value: 'unstated', text: m.modeUnstated },
            ],
            value: fieldValue(values, modeName(s)) || 'unstated',
            errorMessage: fieldError(errors, modeName(s)),
          })}
          ${
            v.channels.length
              ? checkboxes({
                  name: channelsName(s),
                  fieldset: {
                    legend: {
                      text: `${m.via} (${STAGE_LABELS[s]})`,
                      classes: 'mr-fieldset__legend--s',
                    },
                  },
                  items: v.channels.map((ch) => ({
                    value: ch.id,
                    text: `${ch.title} (${CHANNEL_KIND_LABELS[ch.kind]})`,
                  })),
                  values: fieldValues(values, channelsName(s)),
                  errorMessage: fieldError(errors, channelsName(s)),
                })
              : html`<p class="mr-hint">${m.noChannelsToPick}</p>`
          }
        </fieldset>`,
      )}
      ${button({ text: m.stagesSave })}
    </form>`
}

/** `/admin/services/:id/edit/channels`: the channels, the add form and the stage matrix. */
export function channelsPage(v: ChannelsPageView): Html {
  const errors = { ...v.add.errors, ...v.stages.errors }
  return html`<span class="mr-caption-l">${v.serviceTitle || em.untitled}</span>
    <h1 class="mr-heading-l">${m.sectionLabel}</h1>
    ${formErrorSummary(errors, {
      kind: 'kind',
      ...Object.fromEntries(
        SERVICE_STAGES.flatMap((s) => [
          [modeName(s), modeName(s)],
          [channelsName(s), channelsName(s)],
        ]),
      ),
    })}
    <p class="mr-body">${m.sectionLead}</p>
    <p class="mr-body" id="maturity-now">${m.overviewMaturity(toPersianDigits(v.maturity))} — ${MATURITY_LABELS[v.maturity]}
      (<a class="mr-link" href="/help/e-service-maturity">${m.maturityHelpLink}</a>)</p>
    <h2 class="mr-heading-m">${m.channelsHeading}</h2>
    ${channelsTable(v)}
    ${
      v.full
        ? html`<p class="mr-body">${m.channelsFull}</p>`
        : html`<h2 class="mr-heading-m" id="add">${m.addHeading}</h2>
      <form method="post" action="${channelsHref(v.serviceId)}" novalidate id="add-channel">
        ${formStart(v.csrfToken, v.stamp)}
        ${formOnceField(v.addOnce)}
        ${channelFields(v.add.values, v.add.errors)}
        ${button({ text: m.add })}
      </form>`
    }
    ${stagesForm(v)}
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${m.backToOverview}</a></p>`
}

export interface ChannelPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: DraftStamp
  channelId: string
  values: FormFields
  errors: FieldErrors
}

/** `/admin/services/:id/edit/channels/:channel`: one channel's edit form. */
export function channelPage(v: ChannelPageView): Html {
  return html`<span class="mr-caption-l">${v.serviceTitle || em.untitled}</span>
    <h1 class="mr-heading-l">${m.editHeading}</h1>
    ${formErrorSummary(v.errors)}
    <form method="post" action="${channelHref(v.serviceId, v.channelId)}" novalidate id="edit-channel">
      ${formStart(v.csrfToken, v.stamp)}
      ${channelFields(v.values, v.errors)}
      ${button({ text: m.save })}
    </form>
    <p class="mr-body"><a class="mr-link" href="${channelsHref(v.serviceId)}">${m.back}</a></p>`
}
