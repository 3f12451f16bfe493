import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { findAgencyById } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import {
  DECISION_TO,
  type Decision,
  EDITABLE,
  INDICATORS_CACHE_TAG,
  type Indicator,
  type IndicatorDecisionAction,
  type IndicatorDefinition,
  type IndicatorKind,
  type IndicatorVersion,
  OPEN,
} from './indicator.model.ts'
import { assertCanDecide, assertCanProposeFor } from './indicator.policy.ts'
import {
  findIndicatorByCode,
  findIndicatorById,
  findVersionById,
  insertDecision,
  insertIndicator,
  insertVersion,
  lockIndicator,
  moveVersion,
  ownServiceIds,
  specificCodesOf,
  updateDefinition,
  versionsOf,
} from './indicator.queries.ts'
import { ACTION_LABELS, indicatorsMsg as msg } from './messages.fa.ts'

/**
 * The proposal → approval ladder of indicators (directive item 5, issue 14 item 2). Each step
 * runs in one transaction holding the indicator's row lock, checks the expected revision of
 * the version the person saw, records a dated decision, an audit event and the notifications.
 */

/** `S-<agency code>-<nn>`: the next free number among the agency's specific codes. */
function nextSpecificCode(agencyCode: string, taken: readonly string[]): string {
  const prefix = `S-${agencyCode.toUpperCase().replace(/[^A-Z0-9]/g, '')}-`
  let n = 1
  while (taken.includes(`${prefix}${String(n).padStart(2, '0')}`)) n++
  return `${prefix}${String(n).padStart(2, '0')}`
}

/** A definition is checked against the owner: computed is the portal's, scope its own services. */
async function checkDefinition(
  db: Db,
  kind: IndicatorKind,
  agencyId: string | null,
  d: IndicatorDefinition,
): Promise<void> {
  if (d.source === 'computed' && kind !== 'general')
    throw new ValidationError(msg.computedOnlyGeneral, { source: msg.computedOnlyGeneral })
  if (d.scopeServiceIds.length === 0) return
  if (agencyId === null)
    throw new ValidationError(msg.serviceNotOwn, { scopeServiceIds: msg.serviceNotOwn })
  const own = await ownServiceIds(db, agencyId, d.scopeServiceIds)
  if (own.length !== d.scopeServiceIds.length)
    throw new ValidationError(msg.serviceNotOwn, { scopeServiceIds: msg.serviceNotOwn })
}

async function audit(
  db: Db,
  deps: Pick<Deps, 'clock'>,
  actor: Actor | null,
  indicator: Indicator,
  action: string,
  before: IndicatorVersion | null,
  after: IndicatorVersion | null,
) {
  const brief = (v: IndicatorVersion | null) =>
    v && { code: indicator.code, versionNo: v.versionNo, state: v.state, nameFa: v.nameFa }
  await recordAudit(db, deps.clock, {
    actor,
    entityType: 'indicator',
    entityId: indicator.id,
    action,
    agencyId: indicator.agencyId,
    before: brief(before),
    after: brief(after),
  })
}

export interface NewIndicator {
  kind: IndicatorKind
  /** The proposing agency; null for a general indicator. */
  agencyId: string | null
  /** A general indicator's code (`G-…`); specific codes are given by the portal. */
  code?: string
  definition: IndicatorDefinition
}

/** A new indicator with its first version as a draft. */
export async function proposeIndicator(
  deps: Deps,
  actor: Actor | null,
  input: NewIndicator,
): Promise<{ indicator: Indicator; version: IndicatorVersion }> {
  assertCanProposeFor(actor, ownerOf(input))
  return deps.db
    .transaction()
    .execute(async (trx) => addProposal(deps, trx, actor, input, await proposedCode(trx, input)))
}

function ownerOf(input: NewIndicator): { kind: NewIndicator['kind']; agencyId: string | null } {
  return { kind: input.kind, agencyId: input.kind === 'general' ? null : input.agencyId }
}

/**
 * The code a new proposal gets: the one given for a general indicator (checked by
 * {@link addProposal}), the agency's next one for a specific indicator.
 */
export async function proposedCode(trx: Db, input: NewIndicator): Promise<string> {
  const owner = ownerOf(input)
  if (owner.agencyId === null) return input.code ?? ''
  const agency = await findAgencyById(trx, owner.agencyId)
  if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
  return nextSpecificCode(agency.code, await specificCodesOf(trx, agency.id))
}

/** Checks and stores a proposal under `code` in `trx`; a refusal throws a ValidationError. */
export async function addProposal(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  input: NewIndicator,
  code: string,
): Promise<{ indicator: Indicator; version: IndicatorVersion }> {
  const owner = ownerOf(input)
  assertCanProposeFor(actor, owner)
  await checkDefinition(trx, owner.kind, owner.agencyId, input.definition)
  if (owner.agencyId === null) {
    if (!/^G(-[A-Z0-9]+)+$/.test(code) || code.length > 40)
      throw new ValidationError(msg.codeTaken, { code: 'کد شاخص عمومی به شکل G-… است.' })
    if (await findIndicatorByCode(trx, code))
      throw new ValidationError(msg.codeTaken, { code: msg.codeTaken })
  }
  const now = deps.clock.now()
  const indicator = await insertIndicator(trx, { code, ...owner, now })
  const version = await insertVersion(trx, {
    ...input.definition,
    indicatorId: indicator.id,
    versionNo: 1,
    state: 'draft',
    createdBy: actor.userId,
    now,
  })
  await audit(trx, deps, actor, indicator, 'propose', null, version)
  return { indicator, version }
}

/** The dated record of one step of the ladder, by the person who took it. */
function decided(
  trx: Db,
  actor: Actor,
  versionId: string,
  action: IndicatorDecisionAction,
  now: Date,
  more: { comment: string | null; untilDay: string | null } = { comment: null, untilDay: null },
) {
  return insertDecision(trx, {
    versionId,
    action,
    actorId: actor.userId,
    actorName: actor.displayName,
    at: now,
    ...more,
  })
}

/** Loads a version with its indicator under the indicator's lock, or 404. */
async function lockedVersion(trx: Db, versionId: string) {
  const found = await findVersionById(trx, versionId)
  if (!found) throw new NotFoundError('indicator.not-found', msg.notFound)
  await lockIndicator(trx, found.indicatorId)
  const version = await findVersionById(trx, versionId)
  const indicator = await findIndicatorById(trx, found.indicatorId)
  if (!version || !indicator) throw new NotFoundError('indicator.not-found', msg.notFound)
  return { indicator, version }
}

function assertRevision(version: IndicatorVersion, expected: number) {
  if (version.revision !== expected) throw new ConflictError('indicator.stale', msg.stale)
}

/** Saves the definition of a draft or of a version returned for changes. */
export async function saveDefinition(
  deps: Deps,
  actor: Actor | null,
  versionId: string,
  definition: IndicatorDefinition,
  expectedRevision: number,
): Promise<IndicatorVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const { indicator, version } = await lockedVersion(trx, versionId)
    assertCanProposeFor(actor, indicator)
    if (!EDITABLE.includes(version.state))
      throw new ConflictError('indicator.not-editable', msg.notEditable)
    assertRevision(version, expectedRevision)
    await checkDefinition(trx, indicator.kind, indicator.agencyId, definition)
    const saved = await updateDefinition(
      trx,
      versionId,
      definition,
      expectedRevision,
      deps.clock.now(),
    )
    if (!saved) throw new ConflictError('indicator.stale', msg.stale)
    await audit(trx, deps, actor, indicator, 'edit', version, saved)
    return saved
  })
}

/** The agency sends its draft (or its amended proposal) to the centre for a decision. */
export async function submitVersion(
  deps: Deps,
  actor: Actor | null,
  versionId: string,
  expectedRevision: number,
): Promise<IndicatorVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const { indicator, version } = await lockedVersion(trx, versionId)
    assertCanProposeFor(actor, indicator)
    if (!EDITABLE.includes(version.state))
      throw new ConflictError('indicator.not-editable', msg.notEditable)
    assertRevision(version, expectedRevision)
    const now = deps.clock.now()
    const moved = await moveVersion(trx, versionId, EDITABLE, 'submitted', now)
    if (!moved) throw new ConflictError('indicator.stale', msg.stale)
    await decided(trx, actor, versionId, 'submitted', now)
    await audit(trx, deps, actor, indicator, 'submit', version, moved)
    const agencyName = indicator.agencyId
      ? ((await findAgencyById(trx, indicator.agencyId))?.nameFa ?? '')
      : 'ستاد مرکزی'
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, { agencyId: null, roles: ['central_supervisor'] }),
        kind: 'indicator.submitted',
        subject: msg.notifySubmittedSubject(moved.nameFa),
        text: msg.notifySubmittedText(agencyName, moved.nameFa, moved.versionNo),
        link: `/admin/indicators/${indicator.code}`,
        dedupeKey: `indicator.submitted:${versionId}:${moved.revision}`,
      },
      deps.clock,
    )
    return moved
  })
}

export interface DecisionInput {
  decision: Decision
  comment: string | null
  expectedRevision: number
  /** For «بازگشت برای اصلاح»: the day the amended proposal is expected by (ISO). */
  untilDay?: string | null
}

/**
 * The centre's decision on a submitted version. Approving supersedes the version in force (the
 * old one stays in force until this moment); a version is never decided by the person who
 * wrote it (four eyes at the centre for general indicators).
 */
export async function decideVersion(
  deps: Deps,
  actor: Actor | null,
  versionId: string,
  input: DecisionInput,
): Promise<IndicatorVersion> {
  assertCanDecide(actor)
  // Public pages show approved versions: every decision drops them, in the same transaction.
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(INDICATORS_CACHE_TAG)
    const { indicator, version } = await lockedVersion(trx, versionId)
    if (version.state !== 'submitted')
      throw new ConflictError('indicator.not-submitted', msg.notSubmitted)
    assertRevision(version, input.expectedRevision)
    if (version.createdBy === actor.userId)
      throw new ForbiddenError('indicators.own-decision', msg.ownDecision)
    if (input.decision !== 'approve' && !input.comment)
      throw new ValidationError(msg.commentNeeded, { comment: msg.commentNeeded })
    const now = deps.clock.now()
    const to = DECISION_TO[input.decision]
    if (input.decision === 'approve') {
      const inForce = (await versionsOf(trx, indicator.id)).find((v) => v.state === 'approved')
      if (inForce) {
        await moveVersion(trx, inForce.id, ['approved'], 'superseded', now)
        await decided(trx, actor, inForce.id, 'superseded', now)
      }
    }
    const moved = await moveVersion(trx, versionId, ['submitted'], to.state, now)
    if (!moved) throw new ConflictError('indicator.stale', msg.stale)
    await decided(trx, actor, versionId, to.action, now, {
      comment: input.comment,
      untilDay: input.decision === 'request_changes' ? (input.untilDay ?? null) : null,
    })
    await audit(trx, deps, actor, indicator, to.action, version, moved)
    const label = ACTION_LABELS[to.action]
    await notify(
      trx,
      {
        userIds: await findRecipients(
          trx,
          indicator.agencyId === null
            ? { agencyId: null, roles: ['central_admin'] }
            : { agencyId: indicator.agencyId, roles: ['agency_admin'] },
        ),
        kind: `indicator.${to.action}`,
        subject: msg.notifyDecidedSubject(moved.nameFa, label),
        text: msg.notifyDecidedText(moved.nameFa, moved.versionNo, label, input.comment),
        link: `/admin/indicators/${indicator.code}`,
        dedupeKey: `indicator.decided:${versionId}:${moved.revision}`,
      },
      deps.clock,
    )
    return moved
  })
}

/** The agency takes back a proposal that is not yet decided (it never existed for values). */
export async function withdrawVersion(
  deps: Deps,
  actor: Actor | null,
  versionId: string,
  expectedRevision: number,
): Promise<IndicatorVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const { indicator, version } = await lockedVersion(trx, versionId)
    assertCanProposeFor(actor, indicator)
    if (!OPEN.includes(version.state))
      throw new ConflictError('indicator.not-editable', msg.notEditable)
    assertRevision(version, expectedRevision)
    const now = deps.clock.now()
    const moved = await moveVersion(trx, versionId, OPEN, 'withdrawn', now)
    if (!moved) throw new ConflictError('indicator.stale', msg.stale)
    await decided(trx, actor, versionId, 'withdrawn', now)
    await audit(trx, deps, actor, indicator, 'withdraw', version, moved)
    return moved
  })
}

/**
 * A change to an approved indicator: the next version starts as a draft copied from the one in
 * force, which stays in force until the new one is approved.
 */
export async function startNewVersion(
  deps: Deps,
  actor: Actor | null,
  code: string,
): Promise<IndicatorVersion> {
  return deps.db.transaction().execute((trx) => addNewVersion(deps, trx, actor, code))
}

/** {@link startNewVersion} in `trx`: a refusal throws (409 when a proposal is open). */
export async function addNewVersion(
  deps: Deps,
  trx: Db,
  actor: Actor | null,
  code: string,
): Promise<IndicatorVersion> {
  const found = await findIndicatorByCode(trx, code)
  if (!found) throw new NotFoundError('indicator.not-found', msg.notFound)
  assertCanProposeFor(actor, found)
  await lockIndicator(trx, found.id)
  const versions = await versionsOf(trx, found.id)
  if (versions.some((v) => OPEN.includes(v.state)))
    throw new ConflictError('indicator.open-exists', msg.openExists)
  const inForce = versions.find((v) => v.state === 'approved')
  if (!inForce) throw new ConflictError('indicator.not-approved', msg.notApproved)
  const next = await insertVersion(trx, {
    ...inForce,
    indicatorId: found.id,
    versionNo: (versions[0]?.versionNo ?? 0) + 1,
    state: 'draft',
    createdBy: actor.userId,
    now: deps.clock.now(),
  })
  await audit(trx, deps, actor, found, 'new-version', inForce, next)
  return next
}
