import { html } from 'hono/html'
import type { Html } from '../../../web/ui/index.ts'
import { HONEYPOT_FIELD, STARTED_FIELD } from '../abuse.model.ts'

/**
 * The hidden fields of every public form: the honeypot (off-screen, out of the tab order and
 * hidden from assistive technology, so only a bot fills it) and, when given, the signed time
 * the form was rendered (`formStartValue`), for the minimum fill time.
 */
export function guardFields(started: string | null): Html {
  return html`<div class="mr-visually-hidden" aria-hidden="true">
      <label for="${HONEYPOT_FIELD}">این خانه را خالی بگذارید</label>
      <input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off">
    </div>${started === null ? '' : html`<input type="hidden" name="${STARTED_FIELD}" value="${started}">`}`
}
