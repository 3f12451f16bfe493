import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FormFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { expectedRevision, stampOf, stampOfDraft, withoutStamp } from './draft-stamp.ts'
import { checkContent } from './editor.input.ts'
import type { ContentChange } from './editor.model.ts'
import { editorMsg as em, msg } from './messages.fa.ts'
import { saveDraft } from './service.actions.ts'
import type { Service, ServiceContent, ServiceVersion } from './service.model.ts'
import { findDraft } from './service.queries.ts'
import { type FieldChange, linesChange } from './service.text.ts'
import { conflictPage } from './views/editor-conflict.ts'

/**
 * The section-editor kit: every section of the draft editor (card, process, forms, offices,
 * channels) saves through {@link saveSection} against the revision its form was rendered from,
 * and a save that lost the race gets the same 409 page in every section ({@link conflictResponse}):
 * both versions side by side, and a form that applies this person's change to the newer draft.
 */

/** Where a section's form posts, where it goes back to, and what it is called. */
export interface SectionTarget {
  sectionLabel: string
  /** Where the form was posted; the conflict page's resubmit form posts there again. */
  action: string
  /** The editor the person came from (it loads the saved version). */
  backHref: string
  /** Where a successful save goes. */
  done: string
  /** The section's own page, shown as a breadcrumb on the conflict page when it has one. */
  sectionHref?: string
}

/** The fields in which the saved draft and this person's change differ. */
export type ConflictChanges = (
  current: ServiceContent,
  mine: ServiceContent,
) => FieldChange[] | Promise<FieldChange[]>

/** Compares one field as lines of text, for sections that own one field of the card. */
export function lineChanges(
  field: keyof ServiceContent,
  label: string,
  lines: (content: ServiceContent) => string[],
): ConflictChanges {
  return (current, mine) => {
    const change = linesChange(field, label, lines(current), lines(mine))
    return change ? [change] : []
  }
}

/** A change that refuses to leave the card invalid (422 with the card's field errors). */
export function checkedChange(change: ContentChange): ContentChange {
  return (content) => {
    const result = checkContent(change(content))
    if (!result.ok) throw new ValidationError(em.contentInvalid, result.errors)
    return result.data
  }
}

/** The draft being edited; a form posted after it was published or discarded is a conflict. */
export async function draftToEdit(db: Deps['db'], serviceId: string): Promise<ServiceVersion> {
  const draft = await findDraft(db, serviceId)
  if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
  return draft
}

export interface SectionSave {
  actor: Actor
  service: Service
  /** The posted form, draft stamp included. */
  fields: FormFields
  /** Applied to the draft as it is when saved; checked with the card's schema. */
  change: ContentChange
  target: SectionTarget
  changes: ConflictChanges
}

/** Saves a section's change: 303 to `target.done`, or the conflict page. */
export async function saveSection(
  deps: Deps,
  c: Context<AppEnv>,
  s: SectionSave,
): Promise<Response> {
  const current = await draftToEdit(deps.db, s.service.id)
  const expected = expectedRevision(stampOf(s.fields), current.id)
  const result = await saveDraft(deps, s.actor, s.service.id, expected, checkedChange(s.change))
  if (result.ok) return c.redirect(s.target.done, 303)
  return conflictResponse(c, {
    current: result.current,
    fields: s.fields,
    target: s.target,
    changes: await s.changes(result.current.content, result.mine),
  })
}

/** 409: someone saved the draft after this person's form was loaded. Nothing typed is lost. */
export function conflictResponse(
  c: Context<AppEnv>,
  v: {
    current: ServiceVersion
    /** The posted form (draft stamp included); carried again in the resubmit form. */
    fields: FormFields
    target: SectionTarget
    changes: FieldChange[]
  },
): Response | Promise<Response> {
  const title = v.current.content.title
  return page(
    c,
    {
      title: em.conflictTitle,
      breadcrumbs: [
        { href: '/admin/services', text: em.listTitle },
        { href: `/admin/services/${v.current.serviceId}`, text: title || em.untitled },
        ...(v.target.sectionHref
          ? [{ href: v.target.sectionHref, text: v.target.sectionLabel }]
          : []),
      ],
      content: conflictPage({
        csrfToken: c.get('csrfToken'),
        serviceTitle: title,
        sectionLabel: v.target.sectionLabel,
        action: v.target.action,
        backHref: v.target.backHref,
        savedAt: v.current.updatedAt,
        current: stampOfDraft(v.current),
        fields: withoutStamp(v.fields),
        changes: v.changes,
      }),
    },
    409,
  )
}
