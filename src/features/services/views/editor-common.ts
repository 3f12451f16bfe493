import { html } from 'hono/html'
import type { FormFields } from '../../../web/form.ts'
import {
  csrfField,
  type ErrorSummaryItem,
  errorSummary,
  type FieldErrors,
  type Html,
  hasErrors,
  tag,
} from '../../../web/ui/index.ts'
import { editorMsg as em } from '../messages.fa.ts'

/** Pieces shared by the staff editor's pages. */

export type ServiceStatus = 'published' | 'draft' | 'withdrawn'

export function statusTags(statuses: readonly ServiceStatus[]): Html {
  const one = (s: ServiceStatus) =>
    s === 'published'
      ? tag({ text: em.statusPublished, colour: 'green' })
      : s === 'draft'
        ? tag({ text: em.statusDraft, colour: 'yellow' })
        : tag({ text: em.statusWithdrawn, colour: 'red' })
  return html`${statuses.map((s, i) => html`${i ? ' ' : ''}${one(s)}`)}`
}

/** The draft a form was rendered from: its version and revision go back with the form. */
export interface DraftStamp {
  draftId: string
  revision: string
}

export function draftStampFields(stamp: DraftStamp): Html {
  return html`<input type="hidden" name="draft" value="${stamp.draftId}"><input type="hidden" name="revision" value="${stamp.revision}">`
}

/** A POST form's opening: CSRF token and the draft stamp. */
export function formStart(csrfToken: string, stamp: DraftStamp): Html {
  return html`${csrfField(csrfToken)}${draftStampFields(stamp)}`
}

/** Every submitted value as hidden inputs (a checkbox group gives one input per value). */
export function hiddenFields(fields: FormFields): Html {
  return html`${Object.entries(fields).map(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (v) => html`<input type="hidden" name="${name}" value="${v}">`,
    ),
  )}`
}

/** The error summary for a form, linking each message to its field (or `links[field]`). */
export function formErrorSummary(errors: FieldErrors, links: Record<string, string> = {}): Html {
  if (!hasErrors(errors)) return html``
  const errorList: ErrorSummaryItem[] = Object.entries(errors).map(([name, text]) =>
    name === '_form' ? { text } : { text, href: links[name] ?? `#${name}` },
  )
  return errorSummary({ errorList })
}

/** One value of a submitted form as a string (the first, for a checkbox group). */
export function fieldValue(fields: FormFields, name: string): string {
  const v = fields[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

/** Every value of a checkbox group. */
export function fieldValues(fields: FormFields, name: string): string[] {
  const v = fields[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}
