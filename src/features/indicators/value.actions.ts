import { createHash } from 'node:crypto'
import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn, isCentral } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { findAgencyById } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { checkFormFile, FORM_MEDIA_TYPES } from '../forms/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { INDICATORS_CACHE_TAG, type Indicator } from './indicator.model.ts'
import { findIndicatorByCode } from './indicator.queries.ts'
import { FREQUENCY_LABELS, indicatorsMsg, valuesMsg as msg, UNIT_LABELS } from './messages.fa.ts'
import { isoDayOf, parsePeriod, periodDueDay, periodLabel } from './period.ts'
import { checkValue, type IndicatorValue, type ValueInput } from './value.model.ts'
import {
  approvedVersionOf,
  countValuesOf,
  findSubmission,
  findValue,
  insertEvidenceFile,
  saveSubmission,
  upsertValue,
} from './value.queries.ts'

/**
 * Values of indicators (issue 14 item 4): entered by hand with evidence, posted by the agency's
 * system, or uploaded as CSV; then the agency submits the period and the centre accepts (locks)
 * or returns it. Values of computed indicators are the portal's own (the general-indicator job).
 */

export type ValueSource = 'api' | 'manual' | 'csv'

export interface EvidenceUpload {
  name: string
  bytes: Uint8Array
}

/** The agency a person records values for: the indicator's own, or theirs for a general one. */
function agencyFor(actor: Actor, indicator: Indicator): string {
  const agencyId = indicator.agencyId ?? actor.agencyId
  const staff = actor.role === 'agency_admin' || actor.role === 'agency_editor'
  if (!staff || agencyId === null || actor.agencyId !== agencyId)
    throw new ForbiddenError('indicators.values', msg.forbidden)
  return agencyId
}

/** The period must be open for writing: not under review and not accepted. */
async function assertPeriodOpen(trx: Db, agencyId: string, period: string): Promise<void> {
  const submission = await findSubmission(trx, agencyId, period, true)
  if (submission?.state === 'accepted') throw new ConflictError('indicators.locked', msg.locked)
  if (submission?.state === 'submitted')
    throw new ConflictError('indicators.under-review', msg.underReview)
}

/**
 * Records (or replaces) one value in one transaction: the indicator is approved and not
 * computed, the period has its frequency and has ended and is not locked, the formula has a
 * non-zero denominator where it has one and a value inside the unit's range, and hand-entered
 * values carry evidence (a file or a note).
 */
export async function recordValue(
  deps: Deps,
  actor: Actor | null,
  code: string,
  input: ValueInput,
  source: ValueSource,
  evidence: EvidenceUpload | null = null,
  trxIn?: Db,
): Promise<IndicatorValue> {
  assertSignedIn(actor)
  const work = async (trx: Db) => {
    const indicator = await findIndicatorByCode(trx, code)
    if (!indicator) throw new NotFoundError('indicator.not-found', indicatorsMsg.notFound)
    const agencyId = agencyFor(actor, indicator)
    const version = await approvedVersionOf(trx, indicator.id)
    if (!version) throw new ConflictError('indicators.not-approved', msg.notApproved)
    if (version.source === 'computed') throw new ConflictError('indicators.computed', msg.computed)
    const period = parsePeriod(input.period)
    if (!period) throw new ValidationError(msg.period, { period: msg.period })
    const now = deps.clock.now()
    const check = checkValue(version, period, input, now)
    if (!check.ok) {
      const text =
        check.problem === 'frequency'
          ? msg.frequency(FREQUENCY_LABELS[version.frequency])
          : check.problem === 'not-ended'
            ? msg.notEnded
            : check.problem === 'zero-denominator'
              ? msg.zeroDenominator
              : check.problem === 'denominator-needed'
                ? msg.denominatorNeeded
                : msg.outOfRange(UNIT_LABELS[version.unit])
      throw new ValidationError(text, { [check.field]: text })
    }
    if (source !== 'api' && evidence === null && input.evidenceNote === null)
      throw new ValidationError(msg.evidenceNeeded, { evidence: msg.evidenceNeeded })
    await assertPeriodOpen(trx, agencyId, period.key)
    let evidenceFileId: string | null = null
    if (evidence) {
      const file = await checkFormFile(evidence.bytes)
      if (!file.ok) throw new ValidationError(file.message, { evidence: file.message })
      evidenceFileId = await insertEvidenceFile(trx, {
        sha256: createHash('sha256').update(evidence.bytes).digest('hex'),
        name: evidence.name.slice(0, 255) || 'evidence',
        mediaType: FORM_MEDIA_TYPES[file.kind],
        bytes: evidence.bytes,
        uploadedAt: now,
        uploadedBy: actor.userId,
      })
    }
    const before = await findValue(trx, { indicatorId: indicator.id, agencyId, period: period.key })
    const saved = await upsertValue(trx, {
      indicatorId: indicator.id,
      versionId: version.id,
      agencyId,
      period: period.key,
      numerator: input.numerator,
      denominator: input.denominator,
      value: check.value,
      n: null,
      note: input.note,
      evidenceNote: input.evidenceNote,
      evidenceFileId: evidenceFileId ?? before?.evidenceFileId ?? null,
      source,
      queryFrom: null,
      queryTo: null,
      recordedAt: now,
      recordedBy: actor.userId,
      dueOn: isoDayOf(periodDueDay(period)),
    })
    const brief = (v: IndicatorValue | undefined) =>
      v && { period: v.period, numerator: v.numerator, denominator: v.denominator, value: v.value }
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'indicator-value',
      entityId: saved.id,
      action: before ? 'replace' : 'record',
      agencyId,
      before: brief(before) ?? null,
      after: { code, source, ...brief(saved) },
    })
    return saved
  }
  return trxIn ? work(trxIn) : deps.db.transaction().execute(work)
}

/** The agency sends a period's values to the centre (again, after a return). */
export async function submitPeriod(deps: Deps, actor: Actor | null, period: string): Promise<void> {
  assertSignedIn(actor)
  if (actor.role !== 'agency_admin' || actor.agencyId === null)
    throw new ForbiddenError('indicators.values', msg.forbidden)
  const agencyId = actor.agencyId
  const p = parsePeriod(period)
  if (!p) throw new ValidationError(msg.period, { period: msg.period })
  await deps.db.transaction().execute(async (trx) => {
    await assertPeriodOpen(trx, agencyId, p.key)
    if ((await countValuesOf(trx, agencyId, p.key)) === 0)
      throw new ValidationError(msg.nothingToSubmit, { period: msg.nothingToSubmit })
    const now = deps.clock.now()
    await saveSubmission(trx, {
      agencyId,
      period: p.key,
      state: 'submitted',
      submittedAt: now,
      submittedBy: actor.userId,
      decidedAt: null,
      decidedBy: null,
      comment: null,
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'indicator-period',
      entityId: `${agencyId}:${p.key}`,
      action: 'submit',
      agencyId,
      before: null,
      after: { period: p.key },
    })
    const agency = await findAgencyById(trx, agencyId)
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, { agencyId: null, roles: ['central_supervisor'] }),
        kind: 'indicator.period-submitted',
        subject: msg.notifySubmittedSubject(agency?.nameFa ?? '', periodLabel(p)),
        text: msg.notifySubmittedSubject(agency?.nameFa ?? '', periodLabel(p)),
        link: `/admin/indicators/periods/${agency?.code ?? ''}/${p.key}`,
        dedupeKey: `indicator.period-submitted:${agencyId}:${p.key}:${now.getTime()}`,
      },
      deps.clock,
    )
  })
}

/** The centre accepts a submitted period (its values are locked) or returns it with a reason. */
export async function decidePeriod(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  period: string,
  decision: { accept: boolean; comment: string | null },
): Promise<void> {
  assertSignedIn(actor)
  if (!isCentral(actor)) throw new ForbiddenError('indicators.decide', msg.forbidden)
  if (!decision.accept && !decision.comment)
    throw new ValidationError(msg.returnReason, { comment: msg.returnReason })
  // Accepted values are public: the pages that show them are dropped with the decision.
  await deps.publicChange(async (trx, markChanged) => {
    await markChanged(INDICATORS_CACHE_TAG)
    const submission = await findSubmission(trx, agencyId, period, true)
    if (submission?.state !== 'submitted')
      throw new ConflictError('indicators.not-submitted', msg.notSubmittedPeriod)
    const now = deps.clock.now()
    await saveSubmission(trx, {
      ...submission,
      state: decision.accept ? 'accepted' : 'returned',
      decidedAt: now,
      decidedBy: actor.userId,
      comment: decision.comment,
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'indicator-period',
      entityId: `${agencyId}:${period}`,
      action: decision.accept ? 'accept' : 'return',
      agencyId,
      before: { state: 'submitted' },
      after: { state: decision.accept ? 'accepted' : 'returned', comment: decision.comment },
    })
    const p = parsePeriod(period)
    const label = p ? periodLabel(p) : period
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, { agencyId, roles: ['agency_admin'] }),
        kind: decision.accept ? 'indicator.period-accepted' : 'indicator.period-returned',
        subject: msg.notifyDecidedSubject(label, decision.accept),
        text: decision.comment
          ? `${msg.notifyDecidedSubject(label, decision.accept)}: ${decision.comment}`
          : msg.notifyDecidedSubject(label, decision.accept),
        link: '/admin/indicators',
        dedupeKey: `indicator.period-decided:${agencyId}:${period}:${now.getTime()}`,
      },
      deps.clock,
    )
  })
}
