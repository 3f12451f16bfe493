import { html } from 'hono/html'
import { type FieldProps, fieldParts } from './field.ts'
import { attr, attrs, cx, type Html } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface PasswordInputProps extends FieldProps {
  /** `current-password` (default) on sign-in, `new-password` when choosing one. */
  autocomplete?: 'current-password' | 'new-password' | 'off'
  /** Button texts; defaults «نمایش» / «پنهان کردن». */
  showPasswordText?: string
  hidePasswordText?: string
  /** Accessible names of the button; defaults «نمایش گذرواژه» / «پنهان کردن گذرواژه». */
  showPasswordAriaLabelText?: string
  hidePasswordAriaLabelText?: string
}

/**
 * A password field. The show/hide toggle is rendered `hidden` and revealed by `/assets/ui.js`
 * (progressive enhancement: without JavaScript it is a plain password input). The value is never
 * echoed back into the page.
 */
export function passwordInput(props: PasswordInputProps): Html {
  const f = fieldParts(props)
  const show = props.showPasswordText ?? m.passwordShow
  const hide = props.hidePasswordText ?? m.passwordHide
  const showLabel = props.showPasswordAriaLabelText ?? m.passwordShowLabel
  const hideLabel = props.hidePasswordAriaLabelText ?? m.passwordHideLabel
  const control = html`<div class="mr-input__wrapper mr-password-input__wrapper"><input class="${cx('mr-input', 'mr-password-input__input', f.hasError && 'mr-input--error', props.classes)}" id="${f.id}" name="${props.name}" type="password" dir="ltr" spellcheck="false" autocapitalize="none" autocomplete="${props.autocomplete ?? 'current-password'}"${attr('aria-describedby', f.describedBy)}${attr('aria-invalid', f.hasError ? 'true' : undefined)}${attr('required', props.required)}${attr('disabled', props.disabled)}${attrs(props.attributes)}><button type="button" class="mr-button mr-button--secondary mr-password-input__toggle" aria-controls="${f.id}" aria-label="${showLabel}" data-show-text="${show}" data-hide-text="${hide}" data-show-label="${showLabel}" data-hide-label="${hideLabel}" hidden>${show}</button></div>`
  return f.group(control, 'mr-password-input')
}
