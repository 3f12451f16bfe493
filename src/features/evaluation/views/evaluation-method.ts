import { html } from 'hono/html'
import { formatDateFa } from '../../../lib/fa/index.ts'
import { type Html, insetText, table, warningText } from '../../../web/ui/index.ts'
import type { MethodView } from '../evaluation.read.ts'
import { pagesMsg as msg, SOURCE_FA, valueText } from '../evaluation-pages.messages.fa.ts'
import { COMPONENTS } from '../method.model.ts'

export function methodTitle(v: MethodView, versioned: boolean): string {
  return versioned ? msg.methodVersionTitle(v.method.version) : msg.methodTitle
}

function stateNote(v: MethodView): Html {
  if (v.draft) return warningText({ text: msg.methodDraft })
  return insetText({ text: msg.methodUnfrozen })
}

/**
 * `/evaluation/method` and `/evaluation/method/{version}`: the method in plain Persian — what
 * is measured and where it comes from, the weights, the formula, growth, the minimum data, the
 * peer groups and the objection window.
 */
export function methodPage(v: MethodView, versioned: boolean): Html {
  const m = v.method
  const componentsWeight = m.components.reduce((s, c) => s + c.weight, 0)
  const frozen = m.frozenAt
  return html`<h1 class="mr-heading-l">${methodTitle(v, versioned)}</h1>
    <p class="mr-body-l">${m.nameFa}${v.draft ? '' : html` — ${msg.methodVersion(m.version)}`}</p>
    ${frozen ? insetText({ text: msg.methodFrozen(formatDateFa(frozen)) }) : stateNote(v)}
    <h2 class="mr-heading-m" id="what">${msg.whatHeading}</h2>
    <p class="mr-body">${msg.whatLead}</p>
    ${table({
      id: 'method-components',
      caption: msg.methodCaption,
      captionClasses: 'mr-table__caption--s',
      scrollable: true,
      firstCellIsHeader: true,
      head: [
        { text: msg.mc.component },
        { text: msg.mc.source },
        { text: msg.mc.weight, format: 'numeric' },
        { text: msg.mc.target },
        { text: msg.mc.direction },
        { text: msg.mc.minN, format: 'numeric' },
      ],
      rows: [
        ...m.components.map((c) => [
          { text: COMPONENTS[c.key].nameFa },
          { text: SOURCE_FA[c.key] },
          { text: msg.score(c.weight), format: 'numeric' as const },
          { text: valueText(c.target, COMPONENTS[c.key].unit) },
          { text: msg.direction[COMPONENTS[c.key].direction] },
          { text: msg.score(c.minN), format: 'numeric' as const },
        ]),
        [
          { text: msg.growthRow },
          { text: msg.growthSource },
          { text: msg.score(m.growthWeight), format: 'numeric' as const },
          { text: '—' },
          { text: msg.direction.higher },
          { text: '—', format: 'numeric' as const },
        ],
      ],
    })}
    <p class="mr-body">${msg.weightsTotal(componentsWeight + m.growthWeight)}</p>
    <h2 class="mr-heading-m" id="formula">${msg.formulaHeading}</h2>
    <p class="mr-body"><code>${msg.formulaCode}</code></p>
    ${msg.formula.map((line) => html`<p class="mr-body">${line}</p>`)}
    <h2 class="mr-heading-m" id="growth">${msg.growthHeading}</h2>
    ${
      m.growthWeight > 0
        ? msg.growthText(m.growthWeight).map((line) => html`<p class="mr-body">${line}</p>`)
        : html`<p class="mr-body">${msg.growthOffText}</p>`
    }
    <h2 class="mr-heading-m" id="data">${msg.dataHeading}</h2>
    ${msg.dataText(m.minComparableShare).map((line) => html`<p class="mr-body">${line}</p>`)}
    <h2 class="mr-heading-m" id="groups">${msg.groupsHeading2}</h2>
    <ul class="mr-list mr-list--bullet">${msg.groupsText.map((line) => html`<li>${line}</li>`)}</ul>
    <h2 class="mr-heading-m" id="objections">${msg.objectionsHeading2}</h2>
    ${msg.objectionsText(v.objectionDays).map((line) => html`<p class="mr-body">${line}</p>`)}
    ${
      v.versions.length > 0
        ? html`<h2 class="mr-heading-m" id="versions">${msg.methodVersions}</h2>
          <ul class="mr-list mr-list--bullet">${v.versions.map(
            (n) =>
              html`<li>${n === m.version && versioned ? msg.methodVersion(n) : html`<a class="mr-link" href="/evaluation/method/${n}">${msg.methodVersion(n)}</a>`}</li>`,
          )}</ul>`
        : ''
    }
    <p class="mr-body"><a class="mr-link" href="/evaluation">${msg.title}</a></p>`
}
