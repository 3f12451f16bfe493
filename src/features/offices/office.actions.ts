import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { FieldErrors } from '../../web/form.ts'
import type { FormOnce } from '../../web/form-once.ts'
import { claimOnce, type OnceResult, onceOrRefused } from '../../web/form-once-claim.ts'
import type { MarkChanged } from '../../web/public-change.ts'
import { recordAudit } from '../audit/index.ts'
import { msg } from './messages.fa.ts'
import type { OfficeInput } from './office.input.ts'
import { auditSnapshot, type Office } from './office.model.ts'
import { assertCanManageOfficesOf } from './office.policy.ts'
import {
  deleteOfficeRow,
  findOfficeById,
  insertOffice,
  listVersionsLinkingOffice,
  updateOffice,
} from './office.queries.ts'

/** Pages that show this office: its own page and every service page that links it. */
export function officeCacheTag(officeId: string): string {
  return `office:${officeId}`
}

/** The list of an agency's offices (a new office appears there). */
export function agencyOfficesCacheTag(agencyId: string): string {
  return `agency-offices:${agencyId}`
}

/** The cache tags a change to this office makes stale. */
function officeTags(office: Pick<Office, 'id' | 'agencyId'>): string[] {
  return [officeCacheTag(office.id), agencyOfficesCacheTag(office.agencyId)]
}

export type OfficeWriteResult = { ok: true; office: Office } | { ok: false; errors: FieldErrors }

/** Inserts an office in `trx`, with its audit event and the cache marks. */
async function addOffice(
  deps: Deps,
  trx: Deps['db'],
  markChanged: MarkChanged,
  actor: Actor | null,
  agencyId: string,
  input: OfficeInput,
  id?: string,
): Promise<Office> {
  const office = await insertOffice(trx, agencyId, input, deps.clock.now(), id)
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'office',
    entityId: office.id,
    action: 'create',
    agencyId,
    before: null,
    after: auditSnapshot(office),
  })
  await markChanged(...officeTags(office))
  return office
}

export async function createOffice(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  input: OfficeInput,
  options: { id?: string } = {},
): Promise<Office> {
  assertCanManageOfficesOf(actor, agencyId)
  return deps.publicChange((trx, markChanged) =>
    addOffice(deps, trx, markChanged, actor, agencyId, input, options.id),
  )
}

/**
 * The «افزودن محل مراجعه» form, once per form token (issue 17 item 10): the office's id is
 * chosen first so the claim can name its page; a resubmission adds no second office.
 */
export async function createOfficeOnce(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  input: OfficeInput,
  once: FormOnce,
): Promise<OnceResult<Office>> {
  assertCanManageOfficesOf(actor, agencyId)
  const id = randomUUID()
  return onceOrRefused(() =>
    deps.publicChange((trx, markChanged) =>
      claimOnce(trx, once, deps.clock.now(), `/admin/offices/${id}?done=created`, async () => ({
        ok: true,
        value: await addOffice(deps, trx, markChanged, actor, agencyId, input, id),
      })),
    ),
  )
}

type OfficeChange = (
  office: Office,
) => { ok: true; input: OfficeInput } | { ok: false; errors: FieldErrors }

/** Applies `change` in `trx` to the office read under lock; see {@link changeOffice}. */
async function changeOfficeIn(
  deps: Deps,
  trx: Deps['db'],
  markChanged: MarkChanged,
  actor: Actor | null,
  id: string,
  change: OfficeChange,
  action: string,
): Promise<OfficeWriteResult> {
  const before = await findOfficeById(trx, id, { forUpdate: true })
  if (!before) throw new NotFoundError('office.not-found', msg.notFound)
  assertCanManageOfficesOf(actor, before.agencyId)
  const next = change(before)
  if (!next.ok) return next
  const office = await updateOffice(trx, id, next.input, deps.clock.now())
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'office',
    entityId: id,
    action,
    agencyId: office.agencyId,
    before: auditSnapshot(before),
    after: auditSnapshot(office),
  })
  await markChanged(...officeTags(office))
  return { ok: true, office }
}

/**
 * Applies `change` to the office as it is now (read under lock, so two quick edits of its
 * exceptions do not lose one); the change returns the new input, or field errors.
 */
export async function changeOffice(
  deps: Deps,
  actor: Actor | null,
  id: string,
  change: OfficeChange,
  action = 'update',
): Promise<OfficeWriteResult> {
  return deps.publicChange((trx, markChanged) =>
    changeOfficeIn(deps, trx, markChanged, actor, id, change, action),
  )
}

/**
 * A change that adds something to the office (an exceptional day, a closure), once per form
 * token (issue 17 item 10): the same form sent again adds no second closure and leads to
 * `resultPath`. A refused change rolls its claim back, so the corrected form can be sent.
 */
export async function changeOfficeOnce(
  deps: Deps,
  actor: Actor | null,
  id: string,
  change: OfficeChange,
  action: string,
  once: FormOnce,
  resultPath: string,
): Promise<OnceResult<Office>> {
  return onceOrRefused(() =>
    deps.publicChange((trx, markChanged) =>
      claimOnce(trx, once, deps.clock.now(), resultPath, async () => {
        const done = await changeOfficeIn(deps, trx, markChanged, actor, id, change, action)
        return done.ok ? { ok: true, value: done.office } : done
      }),
    ),
  )
}

export function editOffice(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: OfficeInput,
): Promise<OfficeWriteResult> {
  return changeOffice(deps, actor, id, () => ({ ok: true, input }))
}

/**
 * Deletes an office, unless a draft or the published version of a service links it: a public
 * page must never point at an office that is gone, so the link has to be removed first.
 */
export async function deleteOffice(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  return deps.publicChange(async (trx, markChanged) => {
    const before = await findOfficeById(trx, id, { forUpdate: true })
    if (!before) throw new NotFoundError('office.not-found', msg.notFound)
    assertCanManageOfficesOf(actor, before.agencyId)
    const linking = await listVersionsLinkingOffice(trx, id)
    if (linking.length > 0) {
      const titles = [...new Set(linking.map((l) => `«${l.title}»`))].join('، ')
      return { ok: false as const, errors: { _form: msg.inUse(titles) } }
    }
    await deleteOfficeRow(trx, id)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'office',
      entityId: id,
      action: 'delete',
      agencyId: before.agencyId,
      before: auditSnapshot(before),
      after: null,
    })
    await markChanged(...officeTags(before))
    return { ok: true as const }
  })
}
