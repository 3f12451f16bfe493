import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { FieldErrors } from '../../web/form.ts'
import type { FormOnce } from '../../web/form-once.ts'
import { claimOnce, type OnceResult, onceOrRefused } from '../../web/form-once-claim.ts'
import type { MarkChanged } from '../../web/public-change.ts'
import { recordAudit } from '../audit/index.ts'
import type { AgencyInput } from './agency.input.ts'
import { type Agency, auditSnapshot, isValidParentLevel } from './agency.model.ts'
import { assertCanManageAgencies } from './agency.policy.ts'
import {
  findAgencyById,
  findAgencyByNameFa,
  insertAgency,
  listAgencyAncestry,
  nextAgencyCode,
  updateAgency,
} from './agency.queries.ts'
import { msg } from './messages.fa.ts'

/** Pages that list agencies (the home page). */
export const AGENCIES_CACHE_TAG = 'agencies'

export type AgencyWriteResult = { ok: true; agency: Agency } | { ok: false; errors: FieldErrors }

type Executor = Deps['db']

/** Rules that need the database: the parent exists, sits higher, forms no cycle; the name is free. */
async function checkAgencyRules(
  db: Executor,
  input: AgencyInput,
  selfId: string | null,
): Promise<FieldErrors> {
  const errors: FieldErrors = {}
  if (input.parentId) {
    const parent = await findAgencyById(db, input.parentId)
    if (!parent) errors.parentId = msg.parentMissing
    else if (!isValidParentLevel(input.level, parent.level)) errors.parentId = msg.parentInvalid
    else if (selfId && (await listAgencyAncestry(db, parent.id)).some((a) => a.id === selfId)) {
      errors.parentId = msg.parentCycle
    }
  } else if (!isValidParentLevel(input.level, null)) {
    errors.parentId = msg.parentInvalid
  }
  const sameName = await findAgencyByNameFa(db, input.nameFa)
  if (sameName && sameName.id !== selfId) errors.nameFa = msg.nameTaken
  return errors
}

/** Checks and inserts a new agency in `trx`, with its audit event and the cache mark. */
async function addAgency(
  deps: Deps,
  trx: Executor,
  markChanged: MarkChanged,
  actor: Actor | null,
  input: AgencyInput,
  code?: string,
): Promise<AgencyWriteResult> {
  const errors = await checkAgencyRules(trx, input, null)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const agency = await insertAgency(trx, input, deps.clock.now(), code)
  await recordAudit(trx, deps.clock, {
    actor,
    entityType: 'agency',
    entityId: agency.id,
    action: 'create',
    agencyId: agency.id,
    before: null,
    after: auditSnapshot(agency),
  })
  await markChanged(AGENCIES_CACHE_TAG)
  return { ok: true, agency }
}

export async function createAgency(
  deps: Deps,
  actor: Actor | null,
  input: AgencyInput,
): Promise<AgencyWriteResult> {
  assertCanManageAgencies(actor)
  return deps.publicChange((trx, markChanged) => addAgency(deps, trx, markChanged, actor, input))
}

/** Where a new agency's form leads: its credentials page (`code` is the new agency's). */
export function createdAgencyPath(code: string): string {
  return `/admin/agencies/${code}/credentials?created=1`
}

/**
 * The «افزودن دستگاه» form, once per form token (issue 17 item 10): the code is taken first so
 * the claim can name the result; a resubmission adds no second agency and leads to the first.
 */
export async function createAgencyOnce(
  deps: Deps,
  actor: Actor | null,
  input: AgencyInput,
  once: FormOnce,
): Promise<OnceResult<Agency>> {
  assertCanManageAgencies(actor)
  return onceOrRefused(() =>
    deps.publicChange(async (trx, markChanged) => {
      const code = await nextAgencyCode(trx)
      return claimOnce(trx, once, deps.clock.now(), createdAgencyPath(code), async () => {
        const added = await addAgency(deps, trx, markChanged, actor, input, code)
        return added.ok ? { ok: true, value: added.agency } : added
      })
    }),
  )
}

export async function editAgency(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: AgencyInput,
): Promise<AgencyWriteResult> {
  assertCanManageAgencies(actor)
  return deps.publicChange(async (trx, markChanged): Promise<AgencyWriteResult> => {
    const before = await findAgencyById(trx, id)
    if (!before) throw new NotFoundError('agency.not-found', msg.notFound)
    const errors = await checkAgencyRules(trx, input, id)
    if (Object.keys(errors).length > 0) return { ok: false, errors }
    const agency = await updateAgency(trx, id, input, deps.clock.now())
    // Search rows carry the names of the agency and of those above it, and its province.
    if (
      before.nameFa !== agency.nameFa ||
      before.shortNameFa !== agency.shortNameFa ||
      before.parentId !== agency.parentId ||
      before.provinceCode !== agency.provinceCode
    )
      await deps.searchIndex.reindexAgency(trx, id)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'agency',
      entityId: id,
      action: 'update',
      agencyId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(agency),
    })
    await markChanged(AGENCIES_CACHE_TAG)
    return { ok: true, agency }
  })
}
