import { html } from 'hono/html'
import { formatDateFa } from '../../../lib/fa/index.ts'
import {
  type Html,
  insetText,
  summaryList,
  type TableCell,
  table,
  tag,
} from '../../../web/ui/index.ts'
import type { ComponentLine, ScorecardView } from '../evaluation.read.ts'
import { pagesMsg as msg, valueText } from '../evaluation-pages.messages.fa.ts'
import type { ComponentKey } from '../method.model.ts'
import type { Observed } from '../scoring.ts'
import { dates, day, snapshotHref, statusTag } from './evaluation-common.ts'

export function scorecardTitle(v: ScorecardView): string {
  return msg.scorecardTitle(v.agency.nameFa, v.header.period)
}

/** Where the data behind each component can be seen, on pages that exist for every agency. */
function evidence(key: ComponentKey, code: string): Html {
  const services = html`<a class="mr-link" href="/services?agency=${code}">${msg.evidence.services}</a>`
  const indicators = html`<a class="mr-link" href="/agencies/${code}#indicators">${msg.evidence.indicators}</a>`
  const compliance = html`<a class="mr-link" href="/compliance">${msg.evidence.compliance}</a>`
  switch (key) {
    case 'indicatorsOnTime':
    case 'specificTargets':
      return indicators
    case 'publication':
    case 'reviews':
    case 'eService':
      return html`${services}<br>${compliance}`
    default:
      return html`${services}<br>${indicators}`
  }
}

function observedText(o: Observed | null, unit: ComponentLine['unit']): Html {
  if (!o) return html`${msg.noObservation}`
  if (o.value === null)
    return html`${msg.noObservation} <span class="mr-hint-inline">(${msg.n(o.n)})</span>`
  return html`${valueText(o.value, unit)}`
}

function dataText(o: Observed | null): Html {
  if (!o) return html`—`
  const fraction =
    o.numerator !== undefined && o.denominator != null
      ? html`<br>${msg.fraction(o.numerator, o.denominator)}`
      : ''
  return html`${msg.n(o.n)}${fraction}`
}

function scoreText(c: ComponentLine): Html {
  if (c.result.comparable)
    return html`${msg.componentScore(c.result.score, c.weight)}${c.points !== null ? html`<br><span class="mr-hint-inline">${msg.points(c.points)}</span>` : ''}`
  const reason =
    c.result.reason === 'too-few'
      ? msg.reasons['too-few'](c.observed?.n ?? 0, c.minN)
      : msg.reasons['no-value']
  return html`${tag({ text: msg.notComparable, colour: 'grey' })}<br><span class="mr-hint-inline">${reason}</span>`
}

function componentRow(c: ComponentLine, code: string): TableCell[] {
  return [
    {
      html: html`${c.nameFa}<br><span class="mr-hint-inline">${msg.direction[c.direction]}</span>`,
    },
    { text: msg.score(c.weight), format: 'numeric' },
    { text: valueText(c.target, c.unit) },
    { html: observedText(c.observed, c.unit) },
    { html: dataText(c.observed) },
    { html: scoreText(c) },
    {
      html: c.lastYear
        ? html`${observedText(c.lastYear, c.unit)}<br><span class="mr-hint-inline">${msg.n(c.lastYear.n)}</span>`
        : html`—`,
    },
    { html: evidence(c.key, code) },
  ]
}

function growthText(v: ScorecardView): string {
  if (v.growthWeight <= 0) return msg.growthOff
  if (v.growth?.comparable) return msg.growthScore(v.growth.score, v.growthWeight, v.growth.ratio)
  return msg.growthNone
}

function objectionsSection(v: ScorecardView): Html {
  if (v.header.status === 'provisional') return html``
  const window = v.header.objectionsUntil
    ? html`<p class="mr-body">${msg.objectionsWindow(formatDateFa(v.header.objectionsUntil))}</p>`
    : ''
  const items = v.objections.map((o) => {
    const name = v.components.find((c) => c.key === o.component)
    const unit = name?.unit ?? 'percent'
    const state =
      o.status === 'open'
        ? tag({ text: msg.objection.waiting, colour: 'yellow' })
        : o.status === 'accepted'
          ? tag({ text: msg.objection.accepted, colour: 'green' })
          : tag({ text: msg.objection.rejected, colour: 'red' })
    const applied = v.appliedSeq.get(o.id)
    return html`<li class="mr-body">
      <strong>${name?.nameFa ?? o.component}</strong> ${state}<br>
      <span class="mr-hint-inline">${msg.objection.lodged('')}${day(o.lodgedAt)}</span><br>
      ${msg.objection.reason}: ${o.reasonFa}
      ${
        o.answerFa
          ? html`<br>${msg.objection.answer}: ${o.answerFa}${o.answeredAt ? html` <span class="mr-hint-inline">(${msg.objection.answeredAt('')}${day(o.answeredAt)})</span>` : ''}`
          : ''
      }
      ${
        o.status === 'accepted'
          ? html`<br>${o.correctedValue !== null ? msg.objection.corrected(valueText(o.correctedValue, unit), o.correctedN ?? 0) : ''}
            ${applied !== undefined ? html`<a class="mr-link" href="/evaluation/${v.header.period}/v/${applied}">${msg.objection.applied}</a>` : msg.objection.pendingApply}`
          : ''
      }
    </li>`
  })
  return html`<h2 class="mr-heading-m" id="objections">${msg.objectionsHeading}</h2>
    ${window}
    ${
      items.length === 0
        ? html`<p class="mr-body">${msg.objectionsNone}</p>`
        : html`<ul class="mr-list mr-list--spaced">${items}</ul>`
    }`
}

/** `/evaluation/{period}/agencies/{code}`: one agency's scorecard, component by component. */
export function scorecardPage(v: ScorecardView): Html {
  const h = v.header
  const code = v.agency.code
  const total = v.base.comparable
    ? html`<strong>${msg.score(v.score ?? v.base.score)}</strong> از ۱۰۰`
    : html`${tag({ text: msg.notComparable, colour: 'grey' })} ${msg.totalNotComparable(v.base.comparableWeight, v.totalWeight, v.neededWeight)}`
  const previous = v.previous
    ? v.previous.score !== null
      ? msg.previousScore(
          v.previous.period,
          msg.score(v.previous.score),
          v.previous.rank !== null ? msg.rankOf(v.previous.rank) : msg.noRank,
        )
      : msg.previousNone
    : msg.previousNone
  return html`<h1 class="mr-heading-l">${scorecardTitle(v)}</h1>
    <p class="mr-body">${statusTag(h.status)} ${msg.scorecardLead(v.groupTitle)}</p>
    ${h.status === 'provisional' ? insetText({ html: html`<strong>${msg.provisionalNote}</strong><br>${msg.provisionalLead}` }) : ''}
    ${
      h.status === 'corrected' && v.earlier.length > 0
        ? insetText({
            html: html`${msg.correctedNote} ${v.earlier.map(
              (e, i) =>
                html`${i === 0 ? '' : '، '}<a class="mr-link" href="${snapshotHref(e, false)}">${msg.seqLabel(e.seq)}</a>`,
            )}`,
          })
        : ''
    }
    <p class="mr-body">${dates(h)}</p>
    ${summaryList({
      rows: [
        { key: { text: msg.total }, value: { html: total } },
        {
          key: { text: msg.rankInGroup },
          value: {
            text: v.rank !== null ? msg.rankText(v.rank, v.rankedInGroup) : msg.noRank,
          },
        },
        {
          key: { text: msg.baseScore },
          value: {
            text: v.base.comparable
              ? msg.baseOf(v.base.score, v.base.comparableWeight, v.totalWeight)
              : msg.totalNotComparable(v.base.comparableWeight, v.totalWeight, v.neededWeight),
          },
        },
        { key: { text: msg.growth }, value: { text: v.base.comparable ? growthText(v) : '—' } },
        { key: { text: msg.yearOverYear }, value: { text: previous } },
      ],
    })}
    <h2 class="mr-heading-m" id="components">${msg.componentsHeading}</h2>
    ${table({
      id: 'scorecard-components',
      caption: msg.componentsCaption,
      captionClasses: 'mr-table__caption--s',
      scrollable: true,
      firstCellIsHeader: true,
      head: [
        { text: msg.cc.component },
        { text: msg.cc.weight, format: 'numeric' },
        { text: msg.cc.target },
        { text: msg.cc.value },
        { text: msg.cc.data },
        { text: msg.cc.score },
        { text: msg.cc.lastYear },
        { text: msg.cc.evidence },
      ],
      rows: v.components.map((c) => componentRow(c, code)),
    })}
    <p class="mr-body"><a class="mr-link" href="/evaluation/method/${h.methodVersion}">${msg.methodLink}</a></p>
    ${objectionsSection(v)}
    <p class="mr-body"><a class="mr-link" href="/agencies/${code}">${msg.evidence.agency}</a>
      · <a class="mr-link" href="/evaluation/${h.period}">${msg.backToPeriod(h.period)}</a></p>`
}
