import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { jalaliToGregorian } from '../../lib/fa/jalali.ts'
import type { FieldErrors } from '../../web/form.ts'
import type { FormOnce } from '../../web/form-once.ts'
import { claimOnce, type OnceResult, onceOrRefused } from '../../web/form-once-claim.ts'
import { recordAudit } from '../audit/index.ts'
import type { LawInput } from './law.input.ts'
import type { Law } from './law.model.ts'
import {
  findLawById,
  findLawByTitleAndNumber,
  insertLaw,
  type LawRecord,
  updateLaw,
} from './law.queries.ts'
import { otherAgenciesCiting } from './law-citations.queries.ts'
import { msg } from './messages.fa.ts'

function isoDay(d: { jy: number; jm: number; jd: number }): string {
  const g = jalaliToGregorian(d.jy, d.jm, d.jd)
  return `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`
}

function toRecord(input: LawInput): LawRecord {
  return {
    title: input.title,
    kind: input.kind,
    number: input.number,
    url: input.url,
    approvedOn: input.approvedOn ? isoDay(input.approvedOn) : null,
  }
}

/** The central admin and agency admins keep the shared registry; services cite what is in it. */
export function assertCanAddLaws(actor: Actor | null): asserts actor is Actor {
  assertSignedIn(actor)
  if (actor.role !== 'central_admin' && actor.role !== 'agency_admin')
    throw new ForbiddenError('laws.add', msg.forbidden)
}

export type LawWriteResult = { ok: true; law: Law } | { ok: false; errors: FieldErrors }

/** Checks and inserts a law in `trx`, with its audit event; `id` when chosen beforehand. */
async function addLaw(
  deps: Deps,
  trx: Deps['db'],
  actor: Actor,
  input: LawInput,
  id?: string,
): Promise<LawWriteResult> {
  const record = toRecord(input)
  if (await findLawByTitleAndNumber(trx, record.title, record.number))
    return { ok: false as const, errors: { title: msg.duplicate } }
  const law = await insertLaw(
    trx,
    record,
    actor.role === 'agency_admin' ? actor.agencyId : null,
    deps.clock.now(),
    id,
  )
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'law',
    entityId: law.id,
    action: 'create',
    agencyId: law.addedByAgencyId,
    before: null,
    after: { ...record },
  })
  return { ok: true as const, law }
}

export async function createLaw(
  deps: Deps,
  actor: Actor | null,
  input: LawInput,
): Promise<LawWriteResult> {
  assertCanAddLaws(actor)
  return deps.db.transaction().execute((trx) => addLaw(deps, trx, actor, input))
}

/**
 * The «افزودن قانون» form, once per form token (issue 17 item 10): the new law's id is chosen
 * first so the claim can name its page; a resubmission adds no second law and leads there.
 */
export async function createLawOnce(
  deps: Deps,
  actor: Actor | null,
  input: LawInput,
  once: FormOnce,
): Promise<OnceResult<Law>> {
  assertCanAddLaws(actor)
  const id = randomUUID()
  return onceOrRefused(() =>
    deps.db.transaction().execute((trx) =>
      claimOnce(trx, once, deps.clock.now(), `/laws/${id}`, async () => {
        const added = await addLaw(deps, trx, actor, input, id)
        return added.ok ? { ok: true, value: added.law } : added
      }),
    ),
  )
}

export async function editLaw(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: LawInput,
): Promise<LawWriteResult> {
  assertCanAddLaws(actor)
  return deps.db.transaction().execute(async (trx) => {
    const before = await findLawById(trx, id)
    if (!before) throw new NotFoundError('law.not-found', msg.notFound)
    const citing = await otherAgenciesCiting(trx, id, before.addedByAgencyId)
    if (!canEditLaw(actor, before, citing))
      throw new ForbiddenError(
        'laws.edit',
        citing.length > 0 && actor.role !== 'central_admin'
          ? msg.forbiddenEditCited
          : msg.forbiddenEdit,
      )
    const record = toRecord(input)
    const same = await findLawByTitleAndNumber(trx, record.title, record.number)
    if (same && same.id !== id) return { ok: false as const, errors: { title: msg.duplicate } }
    const law = await updateLaw(trx, id, record, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'law',
      entityId: id,
      action: 'update',
      agencyId: before.addedByAgencyId,
      before: {
        title: before.title,
        kind: before.kind,
        number: before.number,
        approvedOn: before.approvedOn,
        url: before.url,
      },
      after: { ...record },
    })
    // The agencies whose drafts cite it see the change in their own audit log too (their
    // published versions keep the law as it read when they were published).
    for (const agencyId of citing)
      await recordAudit(trx, deps.clock, {
        actor,
        entityType: 'law',
        entityId: id,
        action: 'update-cited',
        agencyId,
        before: { title: before.title, number: before.number, url: before.url },
        after: { title: record.title, number: record.number, url: record.url },
      })
    return { ok: true as const, law }
  })
}

/**
 * The central admin edits any law; an agency admin edits a law its agency registered, as long
 * as no other agency's service cites it (`otherAgencies`, from `otherAgenciesCiting`): a law
 * others rely on is changed through the central staff.
 */
export function canEditLaw(
  actor: Actor | null,
  law: Law,
  otherAgencies: readonly string[],
): boolean {
  return (
    actor?.role === 'central_admin' ||
    (actor?.role === 'agency_admin' &&
      law.addedByAgencyId !== null &&
      law.addedByAgencyId === actor.agencyId &&
      otherAgencies.length === 0)
  )
}
