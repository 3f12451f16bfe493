import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError } from '../../lib/errors.ts'
import type { FieldErrors } from '../../web/form.ts'
import { recordAudit } from '../audit/index.ts'
import { msg } from './messages.fa.ts'
import {
  emptyContent,
  type Service,
  type ServiceContent,
  type ServiceVersion,
} from './service.model.ts'
import { assertCanEditServicesOf } from './service.policy.ts'
import {
  deleteDraft,
  findDraft,
  findPublished,
  insertDraft,
  insertService,
  isSlugTaken,
  nextVersionNo,
  updateDraft,
} from './service.queries.ts'
import { loadServiceById } from './service.read.ts'
import { slugify, uniqueSlug } from './slug.ts'

/** Only the top-level fields that changed, so the audit log stays readable. */
export function auditDiff(before: ServiceContent, after: ServiceContent) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof ServiceContent)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}

export type CreateServiceResult =
  | { ok: true; service: Service; draft: ServiceVersion }
  | { ok: false; errors: FieldErrors }

export async function createService(
  deps: Deps,
  actor: Actor | null,
  input: { title: string; slug: string | null },
): Promise<CreateServiceResult> {
  return deps.db.transaction().execute((trx) => createServiceIn(deps, trx, actor, input))
}

/**
 * {@link createService} inside the caller's transaction `trx`, with the new service's `id` when
 * the caller chose it (a one-time form names its result page before the work is done).
 */
export async function createServiceIn(
  deps: Deps,
  trx: Deps['db'],
  actor: Actor | null,
  input: { id?: string; title: string; slug: string | null },
): Promise<CreateServiceResult> {
  assertCanEditServicesOf(actor, actor?.agencyId ?? '')
  const agencyId = actor.agencyId ?? ''
  let slug = input.slug
  if (slug && (await isSlugTaken(trx, slug)))
    return { ok: false as const, errors: { slug: msg.slugTaken } }
  // A readable address from the title (issue 17 item 13), made unique with -2, -3…; it never
  // follows later title changes, so a published address stays put (slug.ts).
  slug ??= await uniqueSlug(slugify(input.title), (s) => isSlugTaken(trx, s))
  const now = deps.clock.now()
  const service = await insertService(trx, {
    ...(input.id !== undefined ? { id: input.id } : {}),
    agencyId,
    slug,
    now,
  })
  const draft = await insertDraft(trx, {
    serviceId: service.id,
    versionNo: 1,
    content: emptyContent(input.title),
    userId: actor.userId,
    now,
  })
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'service',
    entityId: service.id,
    action: 'create',
    agencyId,
    before: null,
    after: { slug, title: input.title },
  })
  return { ok: true as const, service, draft }
}

/** The draft to edit: the existing one, or a new one copied from the published version. */
export async function startDraft(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
): Promise<ServiceVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanEditServicesOf(actor, service.agencyId)
    const existing = await findDraft(trx, serviceId)
    if (existing) return existing
    const published = await findPublished(trx, serviceId)
    const content = published?.content ?? emptyContent('')
    const draft = await insertDraft(trx, {
      serviceId,
      versionNo: await nextVersionNo(trx, serviceId),
      content,
      userId: actor.userId,
      now: deps.clock.now(),
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'service',
      entityId: serviceId,
      action: 'start-draft',
      agencyId: service.agencyId,
      before: null,
      after: { versionNo: draft.versionNo },
    })
    return draft
  })
}

export type SaveDraftResult =
  | { ok: true; draft: ServiceVersion }
  | { ok: false; conflict: true; current: ServiceVersion; mine: ServiceContent }

/**
 * Applies `change` to the draft the editor saw (`expectedRevision`). If someone
 * saved in between, nothing is overwritten: both versions come back for the
 * conflict page, so the editor's work is not lost.
 */
export async function saveDraft(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  expectedRevision: number,
  change: (content: ServiceContent) => ServiceContent,
): Promise<SaveDraftResult> {
  return deps.db.transaction().execute(async (trx) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanEditServicesOf(actor, service.agencyId)
    const draft = await findDraft(trx, serviceId)
    if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
    const mine = change(draft.content)
    if (draft.revision !== expectedRevision)
      return { ok: false as const, conflict: true as const, current: draft, mine }
    const saved = await updateDraft(trx, {
      versionId: draft.id,
      expectedRevision,
      content: mine,
      userId: actor.userId,
      now: deps.clock.now(),
    })
    if (!saved) return { ok: false as const, conflict: true as const, current: draft, mine }
    const diff = auditDiff(draft.content, mine)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'service',
      entityId: serviceId,
      action: 'save-draft',
      agencyId: service.agencyId,
      before: diff.before,
      after: diff.after,
    })
    return { ok: true as const, draft: saved }
  })
}

export async function discardDraft(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanEditServicesOf(actor, service.agencyId)
    const draft = await findDraft(trx, serviceId)
    if (!draft) return
    if (!(await findPublished(trx, serviceId)) && draft.versionNo === 1) {
      // A service never published is its draft; discarding it would leave an empty shell.
      throw new ConflictError(
        'service.discard-first',
        'نخستین پیش‌نویس خدمتی که هنوز منتشر نشده است حذف‌شدنی نیست.',
      )
    }
    await deleteDraft(trx, draft.id)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'service',
      entityId: serviceId,
      action: 'discard-draft',
      agencyId: service.agencyId,
      before: { versionNo: draft.versionNo },
      after: null,
    })
  })
}
