/**
 * Shared building blocks for the UI components: the `Html` type every view returns,
 * the govuk-style `text`/`html` content pair, class-name joining and safe attribute rendering.
 *
 * Every interpolation in hono's `html` template is escaped; `Html` values nested inside are not
 * escaped again. `raw()` is used here only on attribute *names* that passed a strict pattern.
 */
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

/** What every component and view returns. Await it and call `.toString()` to get a string. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>

/**
 * Content of a component part, govuk style: `text` is escaped, `html` is trusted markup built
 * with `html```; when both are given `html` wins.
 */
export interface TextOrHtml {
  text?: string
  html?: Html
}

/** Extra attributes for a component's main element (`true` renders a bare attribute). */
export type Attributes = Record<string, string | number | boolean | null | undefined>

/** The empty fragment, for conditional parts. */
export const empty: Html = html``

/** The content of a `TextOrHtml` (html wins); a plain string is escaped when interpolated. */
export function content(c: TextOrHtml | undefined): Html | string {
  if (!c) return ''
  return c.html ?? c.text ?? ''
}

/** True when the part has something to show. */
export function hasContent<T extends TextOrHtml>(c: T | undefined): c is T {
  return c !== undefined && (c.html !== undefined || (c.text !== undefined && c.text !== ''))
}

/** Joins class names, skipping empty ones: `cx('mr-input', hasError && 'mr-input--error')`. */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ')
}

/** Joins ids for `aria-describedby`; returns undefined when there are none. */
export function ids(...parts: (string | false | null | undefined)[]): string | undefined {
  const joined = cx(...parts)
  return joined === '' ? undefined : joined
}

const ATTRIBUTE_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:.-]*$/

function assertAttributeName(name: string): void {
  // Inline event handlers and inline styles are forbidden by the Content Security Policy.
  if (!ATTRIBUTE_NAME.test(name) || /^on/i.test(name) || name.toLowerCase() === 'style') {
    throw new Error(`Unsafe HTML attribute name: ${JSON.stringify(name)}`)
  }
}

/**
 * One attribute with a leading space, or nothing when the value is `undefined`, `null` or
 * `false`; `true` renders the bare attribute. The value is escaped.
 */
export function attr(name: string, value: string | number | boolean | null | undefined): Html {
  assertAttributeName(name)
  if (value === undefined || value === null || value === false) return empty
  if (value === true) return raw(` ${name}`)
  return html`${raw(` ${name}`)}="${String(value)}"`
}

/** A bag of attributes (the govuk `attributes` option), each rendered with {@link attr}. */
export function attrs(attributes: Attributes | undefined): Html[] {
  if (!attributes) return []
  return Object.entries(attributes).map(([name, value]) => attr(name, value))
}
