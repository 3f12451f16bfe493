import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { formatDateFa } from '../../lib/fa/index.ts'
import { findAgencyById } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { evalMsg } from './messages.fa.ts'
import { COMPONENTS } from './method.model.ts'
import { answerBody, objectionBody } from './objection.input.ts'
import { assertCanClose, parseYear } from './snapshot.actions.ts'
import { componentKey, EVALUATION_CACHE_TAG } from './snapshot.model.ts'
import {
  answerObjectionRow,
  currentSnapshot,
  insertObjection,
  type Objection,
  objectionById,
  objectionsOfPeriod,
  snapshotById,
} from './snapshot.queries.ts'

export interface ObjectionInput {
  component: string
  reasonFa: string
}

/**
 * An agency's objection to one component of its published scorecard (issue 15 item 3), lodged
 * by its admin against the evaluation in force, while the window is open; one open objection
 * per component at a time. The centre's supervisors are told.
 */
export async function lodgeObjection(
  deps: Deps,
  actor: Actor | null,
  period: string,
  input: ObjectionInput,
): Promise<Objection> {
  if (actor?.role !== 'agency_admin' || !actor.agencyId)
    throw new ForbiddenError('evaluation.objection', evalMsg.notAgencyAdmin)
  const agencyId = actor.agencyId
  parseYear(period)
  const parsed = objectionBody.safeParse(input)
  if (!parsed.success) {
    const component = parsed.error.issues.some((i) => i.path[0] === 'component')
    const message = component ? evalMsg.badComponent : evalMsg.reasonLength
    throw new ValidationError(message, { [component ? 'component' : 'reason']: message })
  }
  const { component, reasonFa } = parsed.data
  // Scorecard pages list objections and their answers: they are dropped in the same transaction.
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(EVALUATION_CACHE_TAG)
    const snapshot = await currentSnapshot(trx, period, { publishedOnly: true, lock: true })
    if (!snapshot) throw new NotFoundError('evaluation.unpublished', evalMsg.notPublished(period))
    const now = deps.clock.now()
    if (!snapshot.objectionsUntil || now > snapshot.objectionsUntil)
      throw new ValidationError(
        evalMsg.windowClosed(formatDateFa(snapshot.objectionsUntil ?? now)),
        { reason: evalMsg.windowClosed(formatDateFa(snapshot.objectionsUntil ?? now)) },
      )
    const card = snapshot.scorecards.find((c) => c.agencyId === agencyId)
    if (!card)
      throw new ValidationError(evalMsg.notInEvaluation, { component: evalMsg.notInEvaluation })
    if (!card.components.some((c) => c.key === component))
      throw new ValidationError(evalMsg.badComponent, { component: evalMsg.badComponent })
    const open = await objectionsOfPeriod(trx, period, agencyId)
    if (open.some((o) => o.component === component && o.status === 'open'))
      throw new ConflictError('evaluation.objection-open', evalMsg.duplicateObjection)
    const saved = await insertObjection(trx, {
      snapshotId: snapshot.id,
      agencyId,
      component,
      reasonFa,
      lodgedAt: now,
      lodgedBy: actor.userId,
    })
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'evaluation-objection',
      entityId: saved.id,
      action: 'lodge',
      agencyId,
      before: null,
      after: { period, component: saved.component, reason: saved.reasonFa },
    })
    const agency = await findAgencyById(trx, agencyId)
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, { agencyId: null, roles: ['central_supervisor'] }),
        kind: 'evaluation.objection',
        subject: evalMsg.objectionSubject(agency?.nameFa ?? '', period),
        text: evalMsg.objectionText(agency?.nameFa ?? '', COMPONENTS[component].nameFa),
        link: `/admin/evaluation/${period}`,
        dedupeKey: `evaluation.objection:${saved.id}`,
      },
      deps.clock,
    )
    return saved
  })
}

export type ObjectionAnswer =
  | { decision: 'accept'; answerFa: string; correctedValue: number | null; correctedN: number }
  | { decision: 'reject'; answerFa: string }

/**
 * The centre's answer to an objection. Accepting records the value that should have been
 * measured (and its n); it takes effect when a corrected evaluation is published, so several
 * answers make one correction. The agency's admins are told.
 */
export async function answerObjection(
  deps: Deps,
  actor: Actor | null,
  objectionId: string,
  answer: ObjectionAnswer,
): Promise<Objection> {
  assertCanClose(actor)
  const parsed = answerBody.safeParse(answer)
  if (!parsed.success) {
    const n = parsed.error.issues.some((i) => i.path[0] !== 'answerFa')
    const message = n ? evalMsg.correctedNeeded : evalMsg.answerLength
    throw new ValidationError(message, { [n ? 'correctedN' : 'answer']: message })
  }
  const checked = parsed.data
  // Scorecard pages list objections and their answers: they are dropped in the same transaction.
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(EVALUATION_CACHE_TAG)
    const objection = await objectionById(trx, objectionId, true)
    if (!objection) throw new NotFoundError('evaluation.objection', evalMsg.notFound)
    if (objection.status !== 'open')
      throw new ConflictError('evaluation.answered', evalMsg.alreadyAnswered)
    const snapshot = await snapshotById(trx, objection.snapshotId)
    const now = deps.clock.now()
    const saved = await answerObjectionRow(trx, objectionId, {
      status: checked.decision === 'accept' ? 'accepted' : 'rejected',
      answerFa: checked.answerFa,
      correctedValue: checked.decision === 'accept' ? checked.correctedValue : null,
      correctedN: checked.decision === 'accept' ? checked.correctedN : null,
      answeredAt: now,
      answeredBy: actor.userId,
    })
    if (!saved) throw new ConflictError('evaluation.answered', evalMsg.alreadyAnswered)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'evaluation-objection',
      entityId: saved.id,
      action: checked.decision,
      agencyId: saved.agencyId,
      before: { status: 'open' },
      after: {
        status: saved.status,
        answer: saved.answerFa,
        correctedValue: saved.correctedValue,
        correctedN: saved.correctedN,
      },
    })
    const component = componentKey.safeParse(saved.component)
    const period = snapshot?.period ?? ''
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, { agencyId: saved.agencyId, roles: ['agency_admin'] }),
        kind: 'evaluation.objection-answered',
        subject: evalMsg.answeredSubject(period),
        text: evalMsg.answeredText(
          component.success ? COMPONENTS[component.data].nameFa : saved.component,
          saved.status === 'accepted',
        ),
        link: `/evaluation/${period}`,
        dedupeKey: `evaluation.objection-answered:${saved.id}`,
      },
      deps.clock,
    )
    return saved
  })
}
