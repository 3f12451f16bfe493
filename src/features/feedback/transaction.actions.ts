import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { addCalendarDays, tehranIsoDay, type WorkingCalendar } from '../../lib/working-calendar.ts'
import { recordAudit } from '../audit/index.ts'
import { loadWorkingCalendar } from '../calendar/index.ts'
import type { ServiceContent } from '../services/index.ts'
import { RATING_LINK_DAYS, ratingUrl, signRatingToken } from './rating.link.ts'
import { keyedHash, serverSecret } from './server-secret.queries.ts'
import type { TransactionBody } from './transaction.input.ts'
import { txMsg } from './transaction.messages.fa.ts'
import { assertCanReportTransactionsOf } from './transaction.policy.ts'
import {
  findFeedService,
  findTransactionWithSteps,
  lockTrackingCode,
  saveTransaction,
  versionContent,
} from './transaction.queries.ts'
import {
  attendanceSteps,
  stepPromisedBy,
  stepsAfter,
  totalPromisedBy,
} from './transaction.timing.ts'

export const TRACKING_SECRET = 'tracking-codes'
export const RATING_SECRET = 'rating-links'

/** Clocks of agencies' systems drift a little; anything further in the future is refused. */
const CLOCK_SKEW_MS = 5 * 60_000
const DAY_MS = 86_400_000

export interface RecordedTransaction {
  id: string
  serviceId: string
  created: boolean
  completed: boolean
  ratingUrl?: string
  ratingExpiresAt?: string
}

interface Step {
  stepId: string
  startedAt: Date
  finishedAt: Date | null
}

/** The link carries its expiry in whole seconds; the row keeps the same instant. */
function wholeSecond(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000)
}

function refuse(field: string, message: string): never {
  throw new ValidationError(txMsg.invalid, { [field]: message })
}

/** Checks the body alone: times in order, steps of the process, each started before it finished. */
function checkedSteps(body: TransactionBody, content: ServiceContent, now: Date): Step[] {
  const known = new Set(content.process.steps.map((s) => s.id))
  const seen = new Set<string>()
  const started = new Date(body.startedAt)
  const completed = body.completedAt ? new Date(body.completedAt) : null
  const late = now.getTime() + CLOCK_SKEW_MS
  if (started.getTime() > late) refuse('startedAt', txMsg.inFuture)
  if (completed && completed.getTime() > late) refuse('completedAt', txMsg.inFuture)
  if (completed && completed < started) refuse('completedAt', txMsg.completedBeforeStart)
  if ((body.outcome === undefined) !== (body.completedAt === undefined))
    refuse(body.outcome ? 'completedAt' : 'outcome', txMsg.outcomeWithoutEnd)
  return (body.steps ?? []).map((s, i) => {
    const at = `steps.${i}`
    if (!known.has(s.stepId)) refuse(`${at}.stepId`, txMsg.unknownStep(s.stepId))
    if (seen.has(s.stepId)) refuse(`${at}.stepId`, txMsg.duplicateStep(s.stepId))
    seen.add(s.stepId)
    if (!s.startedAt)
      refuse(`${at}.startedAt`, s.finishedAt ? txMsg.neverStarted : txMsg.stepStartMissing)
    const start = new Date(s.startedAt)
    const finish = s.finishedAt ? new Date(s.finishedAt) : null
    if (start.getTime() > late || (finish && finish.getTime() > late))
      refuse(`${at}.startedAt`, txMsg.inFuture)
    if (finish && finish < start) refuse(`${at}.finishedAt`, txMsg.stepFinishedBeforeStart)
    return { stepId: s.stepId, startedAt: start, finishedAt: finish }
  })
}

/**
 * Checks the whole transaction as it will be stored (what was stored before, with this post's
 * events over it): no step before the start or after the end, and no step started before a
 * step that precedes it in the process.
 */
function checkOrder(content: ServiceContent, start: Date, end: Date | null, steps: Step[]) {
  const index = new Map(steps.map((s, i) => [s.stepId, i]))
  for (const s of steps) {
    const at = `steps.${index.get(s.stepId)}`
    if (s.startedAt < start) refuse(`${at}.startedAt`, txMsg.stepBeforeTransaction)
    if (end && (s.startedAt > end || (s.finishedAt && s.finishedAt > end)))
      refuse(`${at}.finishedAt`, txMsg.stepAfterCompletion)
  }
  const after = stepsAfter(content.process)
  const byId = new Map(steps.map((s) => [s.stepId, s]))
  const title = (id: string) => content.process.steps.find((p) => p.id === id)?.title ?? id
  for (const earlier of steps)
    for (const laterId of after.get(earlier.stepId) ?? []) {
      const later = byId.get(laterId)
      if (later && later.startedAt < earlier.startedAt)
        refuse(
          `steps.${index.get(laterId)}.startedAt`,
          txMsg.outOfOrder(title(laterId), title(earlier.stepId)),
        )
    }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Starts `work` now; its outcome is read later (or never, when the request is refused first). */
function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  )
}

async function settled<T>(s: Promise<Settled<T>>): Promise<T> {
  const r = await s
  if (!r.ok) throw r.error
  return r.value
}

/**
 * POST /transactions: records (or, for a tracking code already posted, updates) one
 * transaction of the actor's agency, with the deadlines the published process promised, and
 * returns its rating link once it is complete. Nothing is stored unless all of it is valid.
 *
 * The working calendar from the start's day on is read while the service is looked up (it
 * depends on the body alone), and only for a start the checks below can accept; inside the
 * database transaction a post costs the lock, one read, the audit row and one write.
 */
export async function recordTransaction(
  deps: Deps,
  actor: Actor | null,
  body: TransactionBody,
): Promise<RecordedTransaction> {
  const now = deps.clock.now()
  const startedAt = new Date(body.startedAt)
  const from = tehranIsoDay(startedAt)
  // A start in the future is refused by checkedSteps before the calendar is needed.
  const calendar: Promise<Settled<WorkingCalendar>> | null =
    startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS
      ? null
      : settle(loadWorkingCalendar(deps, from, addCalendarDays(from, 800)))
  const [service, trackingSecret, ratingSecret] = await Promise.all([
    findFeedService(deps.db, body.serviceId),
    serverSecret(deps.db, TRACKING_SECRET),
    serverSecret(deps.db, RATING_SECRET),
  ])
  if (!service) throw new NotFoundError('service.not-found', txMsg.serviceNotFound)
  assertCanReportTransactionsOf(actor, service.agencyId)
  const hash = keyedHash(trackingSecret, body.trackingCode)

  const result = await deps.db.transaction().execute(async (trx) => {
    await lockTrackingCode(trx, service.agencyId, hash)
    const found = await findTransactionWithSteps(trx, service.agencyId, hash)
    const existing = found?.transaction
    if (existing && existing.serviceId !== service.id)
      throw new ConflictError('transaction.other-service', txMsg.otherService)
    // A transaction is measured against the version that was published when it started.
    if (!existing && (!service.publishedVersionId || service.withdrawnAt))
      throw new ConflictError('service.not-published', txMsg.serviceNotPublished)
    const versionId = existing?.versionId ?? service.publishedVersionId ?? ''
    const content = await versionContent(deps.db, trx, versionId)
    if (!content) throw new NotFoundError('service.not-found', txMsg.serviceNotFound)

    const posted = checkedSteps(body, content, now)
    const merged = new Map<string, Step>((found?.steps ?? []).map((s) => [s.stepId, s]))
    // An event already reported stays reported: a later post without the finish keeps it.
    for (const s of posted)
      merged.set(s.stepId, {
        ...s,
        finishedAt: s.finishedAt ?? merged.get(s.stepId)?.finishedAt ?? null,
      })
    const completedAt = body.completedAt
      ? new Date(body.completedAt)
      : (existing?.completedAt ?? null)
    checkOrder(content, startedAt, completedAt, [...merged.values()])

    const cal = await settled(
      calendar ?? settle(loadWorkingCalendar({ db: trx }, from, addCalendarDays(from, 800))),
    )
    const attended = attendanceSteps(content.process)
    const ratingExpiresAt =
      existing?.ratingExpiresAt ??
      (completedAt ? wholeSecond(now.getTime() + RATING_LINK_DAYS * DAY_MS) : null)
    const id = existing?.id ?? randomUUID()
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'transaction',
      entityId: id,
      action: existing ? 'update' : 'create',
      agencyId: service.agencyId,
      before: null,
      after: {
        serviceId: service.id,
        channel: body.channel,
        completed: completedAt !== null,
        steps: posted.length,
      },
    })
    // Last: the write marks the service's time rollup, a row every post for it shares.
    await saveTransaction(
      trx,
      id,
      !existing,
      {
        agencyId: service.agencyId,
        serviceId: service.id,
        versionId,
        trackingHash: hash,
        channel: body.channel,
        startedAt,
        completedAt,
        outcome: body.outcome ?? existing?.outcome ?? null,
        promisedBy: totalPromisedBy(content.declaredTime, startedAt, cal),
        inPersonVisits: [...merged.keys()].filter((stepId) => attended.has(stepId)).length,
        ratingExpiresAt,
        now,
      },
      posted.map((s) => {
        const m = merged.get(s.stepId) ?? s
        return { ...m, promisedBy: stepPromisedBy(content.process, s.stepId, m.startedAt, cal) }
      }),
    )
    return { id, created: !existing, completedAt, ratingExpiresAt }
  })

  const out: RecordedTransaction = {
    id: result.id,
    serviceId: service.id,
    created: result.created,
    completed: result.completedAt !== null,
  }
  if (result.completedAt && result.ratingExpiresAt) {
    const token = signRatingToken(ratingSecret, result.id, result.ratingExpiresAt)
    out.ratingUrl = ratingUrl(deps.config.publicUrl, token)
    out.ratingExpiresAt = result.ratingExpiresAt.toISOString()
  }
  return out
}
