// Progressive enhancement for every page of پرتال مردم, loaded with `defer` from /assets/ui.js.
// Pages work without it. No inline script exists anywhere: the CSP forbids it.

const STATUS_SHOWN = 'گذرواژهٔ شما نمایش داده می‌شود.'
const STATUS_HIDDEN = 'گذرواژهٔ شما پنهان است.'

/** Focus the error summary so screen readers announce it, and make its links focus the field. */
function initErrorSummary(summary) {
  summary.focus()
  summary.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null
    if (!link) return
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)))
    if (!target) return
    event.preventDefault()
    // Scroll the question (legend or label) into view, not just the input.
    const legend = target.closest('fieldset')?.querySelector('legend')
    const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null
    ;(legend ?? label ?? target).scrollIntoView()
    target.focus({ preventScroll: true })
  })
}

/** Focus a success banner (role="alert") once, as govuk does. */
function initSuccessBanner(banner) {
  banner.setAttribute('tabindex', '-1')
  banner.addEventListener('blur', () => banner.removeAttribute('tabindex'), { once: true })
  banner.focus()
}

/** Reveal the show/hide button of a password input and wire it up. */
function initPasswordToggle(button) {
  const input = document.getElementById(button.getAttribute('aria-controls') ?? '')
  if (!(input instanceof HTMLInputElement)) return
  const status = document.createElement('div')
  status.className = 'mr-visually-hidden'
  status.setAttribute('aria-live', 'polite')
  button.parentElement?.after(status)
  const set = (visible) => {
    input.type = visible ? 'text' : 'password'
    button.textContent = visible ? button.dataset.hideText : button.dataset.showText
    button.setAttribute(
      'aria-label',
      (visible ? button.dataset.hideLabel : button.dataset.showLabel) ?? '',
    )
    status.textContent = visible ? STATUS_SHOWN : STATUS_HIDDEN
  }
  button.hidden = false
  button.addEventListener('click', () => set(input.type === 'password'))
  // Never let the browser submit or remember the password as plain text.
  input.form?.addEventListener('submit', () => {
    input.type = 'password'
  })
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && input.type !== 'password') set(false)
  })
}

const summary = document.querySelector('[data-module="mr-error-summary"]')
if (summary instanceof HTMLElement) {
  initErrorSummary(summary)
} else {
  const banner = document.querySelector('[data-module="mr-notification-banner"][role="alert"]')
  if (banner instanceof HTMLElement) initSuccessBanner(banner)
}
for (const button of document.querySelectorAll('.mr-password-input__toggle')) {
  if (button instanceof HTMLButtonElement) initPasswordToggle(button)
}
