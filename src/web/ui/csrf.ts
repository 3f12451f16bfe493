import { html } from 'hono/html'
import type { Html } from './html.ts'

/** The hidden anti-forgery field every POST form carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`
}
