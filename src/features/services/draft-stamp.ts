import type { FormFields } from '../../web/form.ts'
import type { ServiceVersion } from './service.model.ts'
import { type DraftStamp, fieldValue } from './views/editor-common.ts'

/**
 * The draft stamp every editor form carries (hidden `draft` and `revision` fields), shared by
 * the card, process, forms, offices and channels editors: a save names the revision it was
 * based on, and `saveDraft` reports a conflict when the draft has moved on.
 */

export function stampOfDraft(d: ServiceVersion): DraftStamp {
  return { draftId: d.id, revision: String(d.revision) }
}

/** The draft stamp a form came back with. */
export function stampOf(fields: FormFields): DraftStamp {
  return { draftId: fieldValue(fields, 'draft'), revision: fieldValue(fields, 'revision') }
}

/** What the person submitted, without the stamp (carried again on the conflict page). */
export function withoutStamp(fields: FormFields): FormFields {
  const { draft: _draft, revision: _revision, ...rest } = fields
  return rest
}

/**
 * The revision a save expects: the stamp's, or -1 (always a conflict) when the form came from
 * another draft (discarded since, or published and replaced) or the revision is not a number.
 */
export function expectedRevision(stamp: DraftStamp, currentDraftId: string): number {
  if (stamp.draftId !== currentDraftId || !/^\d{1,9}$/.test(stamp.revision)) return -1
  return Number(stamp.revision)
}
