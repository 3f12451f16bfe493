import { html } from 'hono/html'
import type { FormFields } from '../../../../web/form.ts'
import {
  button,
  buttonGroup,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  textInput,
  warningText,
} from '../../../../web/ui/index.ts'
import {
  type DraftStamp,
  fieldValue,
  formErrorSummary,
  formStart,
} from '../../../services/index.ts'
import { processEditorMsg as m } from '../messages.fa.ts'

/**
 * The process editor's pages that stand between a click and a change: removing a step (and how
 * the flow goes on without it), removing a transition, and a transition's condition. Each works
 * without JavaScript: the page is a GET, the change is its form's POST with the draft stamp.
 */

interface ConfirmBase {
  csrfToken: string
  stamp: DraftStamp
  serviceTitle: string
  /** Where the form posts. */
  action: string
  /** Where «انصراف» leads. */
  cancelHref: string
}

export interface StepRemovalView extends ConfirmBase {
  /** «۲. بررسی مدارک». */
  stepName: string
  /** The transitions that go with it, as «۲. بررسی ← ۳. صدور «بله»». */
  removed: string[]
  /** The transitions that would keep the flow whole; empty when there is nothing to join. */
  added: string[]
  /** Problems the process would have after the removal with reconnection (new ones only). */
  problems: string[]
}

function lines(items: string[], id: string): Html {
  return html`<ul class="mr-list mr-list--bullet" id="${id}">${items.map((t) => html`<li>${t}</li>`)}</ul>`
}

function problemList(lead: string, problems: string[], id: string): Html {
  if (problems.length === 0) return html``
  return html`${warningText({ text: lead })}
    <ul class="mr-list mr-list--bullet" id="${id}">${problems.map((p) => html`<li>${p}</li>`)}</ul>`
}

function actions(v: ConfirmBase, text: string): Html {
  return buttonGroup([
    button({ text, variant: 'warning' }),
    html`<a class="mr-link" href="${v.cancelHref}">${m.confirmCancel}</a>`,
  ])
}

function caption(v: ConfirmBase, what: string): Html {
  return html`<span class="mr-caption-l">${what} — ${v.serviceTitle || 'خدمت بی‌عنوان'}</span>
    <h1 class="mr-heading-l">${m.confirmTitle}</h1>`
}

/** `…/steps/:step/delete`: what goes with the step, and whether to join the flow around it. */
export function stepRemovalPage(v: StepRemovalView): Html {
  return html`${caption(v, m.removeStepTitle(v.stepName))}
    <p class="mr-body" id="remove-step-lead">${m.removeStepLead(v.stepName)}</p>
    ${
      v.removed.length > 0
        ? html`<p class="mr-body">${m.removeStepTransitions}</p>${lines(v.removed, 'removed-transitions')}`
        : html`<p class="mr-body">${m.removeStepNoTransitions}</p>`
    }
    <form method="post" action="${v.action}" novalidate id="remove-step-form">
      ${formStart(v.csrfToken, v.stamp)}
      <input type="hidden" name="confirm" value="yes">
      ${
        v.added.length > 0
          ? html`${radios({
              name: 'reconnect',
              fieldset: { legend: { text: m.reconnectLegend, classes: 'mr-fieldset__legend--m' } },
              value: 'yes',
              items: [
                {
                  value: 'yes',
                  text: m.reconnectYes,
                  hint: {
                    html: html`${m.reconnectYesHint}${lines(v.added, 'added-transitions')}`,
                  },
                },
                { value: 'no', text: m.reconnectNo, hint: { text: m.reconnectNoHint } },
              ],
            })}
            ${problemList(m.reconnectProblems, v.problems, 'reconnect-problems')}`
          : html`<input type="hidden" name="reconnect" value="no">`
      }
      ${actions(v, m.confirmRemoveStep)}
    </form>`
}

export interface TransitionRemovalView extends ConfirmBase {
  transition: string
  /** Hidden fields naming the transition. */
  to: string
  kind: string
  problems: string[]
}

/** `…/steps/:step/transitions/delete?transitionTo=…&transitionKind=…`. */
export function transitionRemovalPage(v: TransitionRemovalView): Html {
  return html`${caption(v, m.removeTransitionTitle)}
    <p class="mr-body">${m.removeTransitionLead}</p>
    ${lines([v.transition], 'removed-transitions')}
    ${problemList(m.removeTransitionProblems, v.problems, 'remove-problems')}
    <form method="post" action="${v.action}" novalidate id="remove-transition-form">
      ${formStart(v.csrfToken, v.stamp)}
      <input type="hidden" name="confirm" value="yes">
      <input type="hidden" name="transitionTo" value="${v.to}">
      <input type="hidden" name="transitionKind" value="${v.kind}">
      ${actions(v, m.confirmRemoveTransition)}
    </form>`
}

export interface TransitionLabelView extends Omit<ConfirmBase, 'cancelHref'> {
  backHref: string
  fromName: string
  toName: string
  to: string
  kind: string
  values: FormFields
  errors: FieldErrors
}

/** `…/steps/:step/transitions/label?…`: a transition's condition, edited on its own. */
export function transitionLabelPage(v: TransitionLabelView): Html {
  return html`${formErrorSummary(v.errors)}
    <span class="mr-caption-l">${v.serviceTitle || 'خدمت بی‌عنوان'}</span>
    <h1 class="mr-heading-l">${m.labelHeading}</h1>
    <p class="mr-body" id="label-lead">${m.labelLead(v.fromName, v.toName)}</p>
    <form method="post" action="${v.action}" novalidate id="transition-label-form">
      ${formStart(v.csrfToken, v.stamp)}
      <input type="hidden" name="transitionTo" value="${v.to}">
      <input type="hidden" name="transitionKind" value="${v.kind}">
      ${textInput({
        name: 'transitionLabel',
        label: { text: m.transitionLabel, classes: 'mr-label--s' },
        hint: { text: m.labelHint },
        value: fieldValue(v.values, 'transitionLabel'),
        errorMessage: fieldError(v.errors, 'transitionLabel'),
      })}
      ${buttonGroup([
        button({ text: m.saveLabel }),
        html`<a class="mr-link" href="${v.backHref}">${m.confirmCancel}</a>`,
      ])}
    </form>`
}
