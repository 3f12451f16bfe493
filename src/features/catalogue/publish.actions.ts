import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError } from '../../lib/errors.ts'
import type { FieldErrors } from '../../web/form.ts'
import type { MarkChanged } from '../../web/public-change.ts'
import { recordAudit } from '../audit/index.ts'
import { formAttachProblem, formFileMeta } from '../forms/index.ts'
import { recordCitedLaws } from '../laws/index.ts'
import { unlinkableOfficeIds } from '../offices/index.ts'
import {
  assertCanPublishServicesOf,
  auditDiff,
  type DraftStamp,
  emptyContent,
  expectedRevision,
  findDraft,
  findPublished,
  loadServiceById,
  lockService,
  publicServiceTags,
  publishDraftVersion,
  type Service,
  type ServiceVersion,
  servicesMsg,
  setWithdrawn,
} from '../services/index.ts'
import { qualityIssues } from './service.quality.ts'

/**
 * The one way a version becomes public. The editor's and the API's publish, the catalogue
 * import and the demo loader all come here, so every published version has passed the same
 * checks, superseded its predecessor, reached the search index, the audit log and every
 * process's page cache, in one transaction.
 */

export type PublishResult =
  | { ok: true; version: ServiceVersion }
  | { ok: false; errors: FieldErrors }

/** How the audit log records the publication. */
export type PublishAudit =
  /** An agency admin publishing from the editor or the API: the changed fields are recorded. */
  | { action: 'publish' }
  /** A catalogue file imported from another installation. */
  | { action: 'import'; source: string | null }
  /** Demo data: its loader records one event for the whole load. */
  | { action: 'none' }

export interface PublishDraftInput {
  service: Service
  draft: ServiceVersion
  changeNote: string
  actor: Actor | null
  /** When the version is published: now, or a past day for demo data. */
  at: Date
  audit: PublishAudit
}

/**
 * Publishes `draft` inside the caller's transaction (`deps.db` is that transaction) after the
 * publishing checks; returns the reasons instead when a check fails, having written nothing.
 * Authorisation is the caller's.
 */
export async function publishDraftIn(
  deps: Deps,
  markChanged: MarkChanged,
  input: PublishDraftInput,
): Promise<PublishResult> {
  const { service, draft, changeNote, actor, at } = input
  // One publish of a service at a time: the loser of a race finds its draft gone or changed and
  // gets the same conflict answer as a stale save, instead of a success that wrote nothing.
  await lockService(deps.db, service.id)
  const current = await findDraft(deps.db, service.id)
  if (current?.id !== draft.id || current.revision !== draft.revision)
    throw new ConflictError('service.draft-conflict', servicesMsg.publishConflict)
  const errors = await publishingProblems(deps.db, service, draft, changeNote)
  if (errors) return { ok: false, errors }
  const previous = await findPublished(deps.db, service.id)
  await publishDraftVersion(deps.db, {
    serviceId: service.id,
    draftId: draft.id,
    changeNote,
    userId: actor?.userId ?? null,
    now: at,
  })
  await recordCitedLaws(deps.db, { ...draft, status: 'published' })
  await deps.searchIndex.indexService(deps.db, service.id)
  if (input.audit.action === 'publish') {
    const diff = auditDiff(previous?.content ?? emptyContent(''), draft.content)
    await recordAudit(deps.db, deps.clock, {
      actor,
      entityType: 'service',
      entityId: service.id,
      action: 'publish',
      agencyId: service.agencyId,
      before: previous ? { versionNo: previous.versionNo, ...diff.before } : null,
      after: { versionNo: draft.versionNo, changeNote, ...diff.after },
    })
  } else if (input.audit.action === 'import') {
    await recordAudit(deps.db, deps.clock, {
      actor,
      entityType: 'service',
      entityId: service.id,
      action: 'import',
      agencyId: service.agencyId,
      before: previous ? { versionNo: previous.versionNo } : null,
      after: {
        versionNo: draft.versionNo,
        slug: service.slug,
        title: draft.content.title,
        source: input.audit.source,
      },
    })
  }
  await markChanged(...publicServiceTags(service.id))
  return {
    ok: true,
    version: {
      ...draft,
      status: 'published',
      changeNote,
      publishedAt: at,
      publishedBy: actor?.userId ?? null,
    },
  }
}

/** Why the draft cannot be published, or null when it can. */
async function publishingProblems(
  db: Deps['db'],
  service: Service,
  draft: ServiceVersion,
  changeNote: string,
): Promise<FieldErrors | null> {
  const issues = qualityIssues(draft.content)
  if (issues.length > 0)
    return Object.fromEntries(issues.map((i, n) => [`quality-${n}`, i.message]))
  if (changeNote.trim() === '') return { changeNote: servicesMsg.changeNoteRequired }
  // References a public page must be able to follow: offices that exist in the service's
  // own branch of agencies, and form files that are in the store.
  const badOffices = await unlinkableOfficeIds(
    db,
    service.agencyId,
    draft.content.offices.map((o) => o.officeId),
  )
  if (badOffices.length > 0) return { offices: servicesMsg.publishOfficeUnknown }
  const hashes = draft.content.forms.map((f) => f.sha256)
  const stored = await formFileMeta(db, hashes)
  if (hashes.some((h) => !stored.has(h))) return { forms: servicesMsg.publishFormMissing }
  // A file known only by its hash from another agency's draft is not this agency's to publish.
  const notYours = await formAttachProblem(db, service.agencyId, hashes)
  if (notYours) return { forms: notYours }
  return null
}

/**
 * The agency admin publishes the draft with a change note; the previous version is
 * superseded in the same transaction (R8 keeps both).
 */
export async function publishService(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  changeNote: string,
  /** The draft the person looked at (the publish form's stamp); a moved-on draft is a conflict. */
  expected?: DraftStamp,
): Promise<PublishResult> {
  return deps.publicChange(async (trx, markChanged) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanPublishServicesOf(actor, service.agencyId)
    await lockService(trx, serviceId)
    const draft = await findDraft(trx, serviceId)
    if (expected && (!draft || expectedRevision(expected, draft.id) !== draft.revision))
      throw new ConflictError('service.draft-conflict', servicesMsg.publishConflict)
    if (!draft) throw new ConflictError('service.no-draft', servicesMsg.noDraft)
    return publishDraftIn({ ...deps, db: trx }, markChanged, {
      service,
      draft,
      changeNote,
      actor,
      at: deps.clock.now(),
      audit: { action: 'publish' },
    })
  })
}

/** Withdraws a service from the public catalogue (reason required), or restores it (reason null). */
export async function setServiceWithdrawn(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  reason: string | null,
): Promise<void> {
  await deps.publicChange(async (trx, markChanged) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanPublishServicesOf(actor, service.agencyId)
    await lockService(trx, serviceId)
    await setWithdrawn(trx, serviceId, reason, deps.clock.now())
    await deps.searchIndex.indexService(trx, serviceId)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'service',
      entityId: serviceId,
      action: reason === null ? 'restore' : 'withdraw',
      agencyId: service.agencyId,
      before: { withdrawnReason: service.withdrawnReason },
      after: { withdrawnReason: reason },
    })
    await markChanged(...publicServiceTags(serviceId))
  })
}
