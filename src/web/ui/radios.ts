import { html } from 'hono/html'
import { errorMessage } from './error-message.ts'
import type { ErrorMessageOption, FormGroupOption, HintOption } from './field.ts'
import { fieldset, type LegendProps } from './fieldset.ts'
import { hint } from './hint.ts'
import {
  type Attributes,
  attr,
  attrs,
  content,
  cx,
  empty,
  type Html,
  hasContent,
  ids,
  type TextOrHtml,
} from './html.ts'

export interface ChoiceItem extends TextOrHtml {
  value: string
  /** Defaults to `<idPrefix>` for the first item and `<idPrefix>-<n>` for the n-th. */
  id?: string
  hint?: HintOption
  checked?: boolean
  disabled?: boolean
  attributes?: Attributes
  label?: { classes?: string; attributes?: Attributes }
}

/** A divider such as «یا» between items. */
export interface ChoiceDivider {
  divider: string
}

export interface ChoicesProps {
  name: string
  /** Defaults to `name`; the first item's id, which the error summary links to. */
  idPrefix?: string
  items: (ChoiceItem | ChoiceDivider)[]
  fieldset?: { legend?: LegendProps; classes?: string; attributes?: Attributes }
  hint?: HintOption
  errorMessage?: ErrorMessageOption | false
  formGroup?: FormGroupOption
  describedBy?: string
  classes?: string
  attributes?: Attributes
}

export interface RadiosProps extends ChoicesProps {
  /** The checked value; overrides each item's `checked`. */
  value?: string
}

function isDivider(item: ChoiceItem | ChoiceDivider): item is ChoiceDivider {
  return 'divider' in item
}

/** Shared by radios and checkboxes: the fieldset, hint, error and one item per choice. */
export function renderChoices(
  kind: 'radios' | 'checkboxes',
  props: ChoicesProps,
  isChecked: (item: ChoiceItem) => boolean,
): Html {
  const idPrefix = props.idPrefix ?? props.name
  const hintId = hasContent(props.hint) ? `${idPrefix}-hint` : undefined
  const error =
    props.errorMessage && hasContent(props.errorMessage) ? props.errorMessage : undefined
  const errorId = error ? `${idPrefix}-error` : undefined
  const type = kind === 'radios' ? 'radio' : 'checkbox'
  const block = `mr-${kind}`
  let n = 0
  const items = props.items.map((item) => {
    if (isDivider(item)) return html`<div class="${block}__divider">${item.divider}</div>`
    n += 1
    const id = item.id ?? (n === 1 ? idPrefix : `${idPrefix}-${n}`)
    const itemHintId = hasContent(item.hint) ? `${id}-item-hint` : undefined
    return html`<div class="${block}__item"><input class="${block}__input" id="${id}" name="${props.name}" type="${type}" value="${item.value}"${attr('checked', isChecked(item))}${attr('disabled', item.disabled)}${attr('aria-describedby', itemHintId)}${attrs(item.attributes)}><label class="${cx('mr-label', `${block}__label`, item.label?.classes)}" for="${id}"${attrs(item.label?.attributes)}>${content(item)}</label>${
      item.hint && itemHintId
        ? hint({ ...item.hint, id: itemHintId, classes: cx(`${block}__hint`, item.hint.classes) })
        : empty
    }</div>`
  })
  const inner = html`${props.hint && hintId ? hint({ ...props.hint, id: hintId }) : empty}${
    error && errorId ? errorMessage({ ...error, id: errorId }) : empty
  }<div class="${cx(block, props.classes)}"${attrs(props.attributes)}>${items}</div>`
  const describedBy = ids(props.describedBy, hintId, errorId)
  const body = props.fieldset ? fieldset({ ...props.fieldset, describedBy, html: inner }) : inner
  return html`<div class="${cx('mr-form-group', error && 'mr-form-group--error', props.formGroup?.classes)}"${attrs(props.formGroup?.attributes)}>${body}</div>`
}

/** One choice from a few options (govuk radios). Add class `mr-radios--inline` for two short ones. */
export function radios(props: RadiosProps): Html {
  return renderChoices('radios', props, (item) =>
    props.value !== undefined ? item.value === props.value : item.checked === true,
  )
}
