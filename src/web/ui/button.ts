import { html } from 'hono/html'
import { type Attributes, attr, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'

export type ButtonVariant = 'primary' | 'secondary' | 'warning'

export interface ButtonProps extends TextOrHtml {
  variant?: ButtonVariant
  /** Renders a link styled as a button (for navigation, e.g. «شروع کنید»). */
  href?: string
  type?: 'submit' | 'button' | 'reset'
  name?: string
  value?: string
  disabled?: boolean
  /** A start button: larger, with an arrow pointing in the reading direction. */
  isStartButton?: boolean
  id?: string
  classes?: string
  attributes?: Attributes
}

// Points left: forward in a right-to-left page (mirrored by CSS in ltr contexts).
const startIcon = html`<svg class="mr-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M33 0h-14l-19 20 19 20h14l-19-20z"/></svg>`

/** A button (govuk button), or a link that looks like one when `href` is given. */
export function button(props: ButtonProps): Html {
  const classes = cx(
    'mr-button',
    props.variant && props.variant !== 'primary' && `mr-button--${props.variant}`,
    props.isStartButton && 'mr-button--start',
    props.classes,
  )
  const inner = html`${content(props)}${props.isStartButton ? startIcon : ''}`
  if (props.href !== undefined) {
    return html`<a href="${props.href}" role="button" draggable="false" class="${classes}"${attr('id', props.id)}${attrs(props.attributes)}>${inner}</a>`
  }
  return html`<button type="${props.type ?? 'submit'}" class="${classes}"${attr('id', props.id)}${attr('name', props.name)}${attr('value', props.value)}${attr('disabled', props.disabled)}${attr('aria-disabled', props.disabled ? 'true' : undefined)}${attrs(props.attributes)}>${inner}</button>`
}

/** Lays out buttons and links side by side (govuk button-group). */
export function buttonGroup(items: Html[]): Html {
  return html`<div class="mr-button-group">${items}</div>`
}
