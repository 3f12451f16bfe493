import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.ts'
import { formatDateFa } from '../../lib/fa/index.ts'
import { tehranDateOf } from '../../lib/fa/tehran-time.ts'
import { recordAudit } from '../audit/index.ts'
import { notify } from '../notifications/index.ts'
import { evalMsg } from './messages.fa.ts'
import type { EvaluationMethod } from './method.model.ts'
import { freezeMethod, latestMethod, methodByVersion } from './method.queries.ts'
import { loadScorecardInputs } from './scorecard.inputs.ts'
import { scorecards } from './scorecard.ts'
import {
  canonicalJson,
  componentKey,
  correctedInputs,
  EVALUATION_CACHE_TAG,
  inputsDigest,
  OBJECTION_WINDOW_DAYS,
  type SnapshotSummary,
} from './snapshot.model.ts'
import {
  agencyAdminIds,
  currentSnapshot,
  deleteProvisional,
  insertSnapshot,
  latestSeq,
  markApplied,
  pendingAccepted,
} from './snapshot.queries.ts'

type EvalDeps = Pick<Deps, 'db' | 'clock' | 'publicChange'>

/** What a method scores by; two reads with the same digest give the same scores. */
function rulesDigest(m: EvaluationMethod): string {
  return canonicalJson([m.id, m.components, m.growthWeight, m.minComparableShare])
}

export function assertCanClose(actor: Actor | null): asserts actor is Actor {
  if (!actor || !isCentral(actor)) throw new ForbiddenError('evaluation.close', evalMsg.notCentral)
}

/** The Jalali year (four digits) a period key names; a clear message otherwise. */
export function parseYear(period: string): number {
  if (!/^[0-9]{4}$/.test(period))
    throw new ValidationError(evalMsg.badPeriod, { period: evalMsg.badPeriod })
  return Number(period)
}

/**
 * Computes every agency's scorecard for a year under a method: the inputs measured now, with
 * growth against the previous year's evaluation as published (its latest correction), and
 * their digest. Read-only: the caller stores the result.
 */
export async function computeEvaluation(
  deps: Pick<Deps, 'db' | 'clock'>,
  jy: number,
  method: EvaluationMethod,
) {
  const previous = await currentSnapshot(deps.db, String(jy - 1), { publishedOnly: true })
  const previousTotals = new Map<string, number>()
  for (const card of previous?.scorecards ?? [])
    if (card.base.comparable) previousTotals.set(card.agencyId, card.base.score)
  const inputs = await loadScorecardInputs(deps, jy, previousTotals)
  return { inputs, cards: scorecards(method, inputs), digest: inputsDigest(inputs) }
}

/**
 * The provisional evaluation of the running year (issue 15 item 2), replaced whole every day by
 * the scheduler: computed outside the transaction (it reads the whole year), then swapped in one.
 * Nothing is done once the year is published, or before a method exists.
 */
export async function refreshProvisional(
  deps: EvalDeps,
  jy = tehranDateOf(deps.clock.now()).jy,
): Promise<SnapshotSummary | null> {
  const method = await latestMethod(deps.db)
  if (!method) return null
  if ((await latestSeq(deps.db, String(jy))) > 0) return null
  const { inputs, cards, digest } = await computeEvaluation(deps, jy, method)
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(EVALUATION_CACHE_TAG)
    // The method row serialises every evaluation write (publishing, correcting, refreshing).
    await latestMethod(trx, true)
    if ((await latestSeq(trx, String(jy))) > 0) return null
    await deleteProvisional(trx, String(jy))
    return insertSnapshot(trx, {
      period: String(jy),
      status: 'provisional',
      seq: 0,
      correctsId: null,
      methodId: method.id,
      methodVersion: method.version,
      inputs,
      inputsDigest: digest,
      scorecards: cards,
      computedAt: deps.clock.now(),
      publishedAt: null,
      publishedBy: null,
      objectionsUntil: null,
      noteFa: null,
    })
  })
}

/**
 * Closes a year and publishes its evaluation (issue 15 item 3): every scorecard computed under
 * the method in force, frozen with its inputs and their digest in one transaction (a crash
 * leaves no snapshot or a whole one), the method frozen, agencies told, objections open for
 * OBJECTION_WINDOW_DAYS. A year is closed once; after that only a correction changes it.
 */
export async function publishEvaluation(
  deps: Deps,
  actor: Actor | null,
  period: string,
): Promise<SnapshotSummary> {
  assertCanClose(actor)
  const jy = parseYear(period)
  if (jy >= tehranDateOf(deps.clock.now()).jy)
    throw new ValidationError(evalMsg.periodNotEnded(jy), { period: evalMsg.periodNotEnded(jy) })
  const method = await latestMethod(deps.db)
  if (!method) throw new ValidationError(evalMsg.noMethod, { period: evalMsg.noMethod })
  if ((await latestSeq(deps.db, period)) > 0)
    throw new ConflictError('evaluation.closed', evalMsg.alreadyClosed(jy))
  const { inputs, cards, digest } = await computeEvaluation(deps, jy, method)
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(EVALUATION_CACHE_TAG)
    const locked = await latestMethod(trx, true)
    // The method changed while the scores were computed: they would not be its scores.
    if (!locked || rulesDigest(locked) !== rulesDigest(method))
      throw new ConflictError('evaluation.method-changed', evalMsg.methodChanged)
    if ((await latestSeq(trx, period)) > 0)
      throw new ConflictError('evaluation.closed', evalMsg.alreadyClosed(jy))
    const now = deps.clock.now()
    const until = new Date(now.getTime() + OBJECTION_WINDOW_DAYS * 86_400_000)
    await deleteProvisional(trx, period)
    await freezeMethod(trx, method.id, now)
    const saved = await insertSnapshot(trx, {
      period,
      status: 'published',
      seq: 1,
      correctsId: null,
      methodId: method.id,
      methodVersion: method.version,
      inputs,
      inputsDigest: digest,
      scorecards: cards,
      computedAt: now,
      publishedAt: now,
      publishedBy: actor.userId,
      objectionsUntil: until,
      noteFa: null,
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'evaluation',
      entityId: saved.id,
      action: 'publish',
      agencyId: null,
      before: null,
      after: {
        period,
        methodVersion: method.version,
        inputsDigest: digest,
        agencies: inputs.length,
      },
    })
    await notify(
      trx,
      {
        userIds: await agencyAdminIds(trx),
        kind: 'evaluation.published',
        subject: evalMsg.publishedSubject(period),
        text: evalMsg.publishedText(period, formatDateFa(until)),
        link: `/evaluation/${period}`,
        dedupeKey: `evaluation.published:${saved.id}`,
      },
      deps.clock,
    )
    return saved
  })
}

/**
 * Publishes a corrected evaluation: the period's evaluation in force, with every accepted
 * objection's value in place of the one objected to, recomputed under the same method version.
 * The corrected snapshot is the next in sequence and names the one it corrects, which stays.
 */
export async function publishCorrection(
  deps: Deps,
  actor: Actor | null,
  period: string,
  noteFa: string | null,
): Promise<SnapshotSummary> {
  assertCanClose(actor)
  parseYear(period)
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(EVALUATION_CACHE_TAG)
    await latestMethod(trx, true)
    const current = await currentSnapshot(trx, period, { publishedOnly: true, lock: true })
    if (!current) throw new ConflictError('evaluation.unpublished', evalMsg.notPublished(period))
    const accepted = await pendingAccepted(trx, period)
    if (accepted.length === 0)
      throw new ValidationError(evalMsg.nothingToCorrect, { period: evalMsg.nothingToCorrect })
    const method = await methodByVersion(trx, current.methodVersion)
    if (!method) throw new Error(`method version ${current.methodVersion} is missing`)
    const inputs = correctedInputs(
      current.inputs,
      accepted.map((o) => ({
        agencyId: o.agencyId,
        component: componentKey.parse(o.component),
        value: o.correctedValue,
        n: o.correctedN ?? 0,
      })),
    )
    const now = deps.clock.now()
    const digest = inputsDigest(inputs)
    const saved = await insertSnapshot(trx, {
      period,
      status: 'corrected',
      seq: current.seq + 1,
      correctsId: current.id,
      methodId: method.id,
      methodVersion: method.version,
      inputs,
      inputsDigest: digest,
      scorecards: scorecards(method, inputs),
      computedAt: now,
      publishedAt: now,
      publishedBy: actor.userId,
      objectionsUntil: current.objectionsUntil,
      noteFa,
    })
    await markApplied(
      trx,
      accepted.map((o) => o.id),
      saved.id,
    )
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'evaluation',
      entityId: saved.id,
      action: 'correct',
      agencyId: null,
      before: { snapshot: current.id, inputsDigest: current.inputsDigest },
      after: {
        period,
        seq: saved.seq,
        inputsDigest: digest,
        objections: accepted.map((o) => o.id),
      },
    })
    await notify(
      trx,
      {
        userIds: await agencyAdminIds(trx),
        kind: 'evaluation.corrected',
        subject: evalMsg.correctedSubject(period),
        text: evalMsg.correctedText(period),
        link: `/evaluation/${period}`,
        dedupeKey: `evaluation.corrected:${saved.id}`,
      },
      deps.clock,
    )
    return saved
  })
}
