import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { readForm } from '../../web/form.ts'
import { isRefusal, lengthOf, refusalStatus, typedNumber } from './evaluation-staff.kit.ts'
import { staffMsg as msg } from './evaluation-staff.messages.fa.ts'
import { claimForm } from './evaluation-staff.once.ts'
import { type Done, renderPeriod, viewerOf } from './evaluation-staff.pages.ts'
import { evalMsg } from './messages.fa.ts'
import { answerObjection, lodgeObjection, type ObjectionAnswer } from './objection.actions.ts'
import { assertCanClose, publishCorrection } from './snapshot.actions.ts'
import { componentKey } from './snapshot.model.ts'
import {
  currentSnapshot,
  objectionById,
  objectionsOfPeriod,
  snapshotById,
} from './snapshot.queries.ts'

const PERIOD = '{[0-9]{4}}'
const UUID = '{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}'
const NOTE_MAX = 2000

/** The answer form's fields, checked before the form's token is claimed. */
function readAnswer(
  values: Record<string, string>,
  id: string,
): { ok: true; answer: ObjectionAnswer } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const decision = values.decision
  if (decision !== 'accept' && decision !== 'reject') errors[`decision-${id}`] = msg.decisionMissing
  const raw = (values.correctedValue ?? '').trim()
  const value = raw === '' ? null : typedNumber(raw)
  const n = typedNumber(values.correctedN)
  if (decision === 'accept') {
    if (raw !== '' && value === null) errors[`correctedValue-${id}`] = msg.badNumber
    if (n === null || !Number.isInteger(n) || n < 0) errors[`correctedN-${id}`] = msg.badCount
  }
  const length = lengthOf(values.answerFa)
  if (length < 10 || length > 4000) errors[`answerFa-${id}`] = evalMsg.answerLength
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const answerFa = values.answerFa ?? ''
  return {
    ok: true,
    answer:
      decision === 'accept'
        ? { decision, answerFa, correctedValue: value, correctedN: n ?? 0 }
        : { decision: 'reject', answerFa },
  }
}

/** An action's field errors, placed on the answer form's own fields. */
function answerErrors(id: string, fieldErrors: Record<string, string>, message: string) {
  const field = (k: string) =>
    k === 'correctedN' || k === 'correctedValue' || k === 'decision' ? k : 'answerFa'
  const keys = Object.keys(fieldErrors)
  if (keys.length === 0) return { [`answerFa-${id}`]: message }
  return Object.fromEntries(keys.map((k) => [`${field(k)}-${id}`, fieldErrors[k] ?? message]))
}

/**
 * `/admin/evaluation/{period}` and its forms (issue 15 item 3): an agency admin objects to a
 * component while the window is open; the centre answers, then publishes the corrected
 * evaluation. Every creating form carries a one-time token (evaluation-staff.once.ts).
 */
export function evaluationObjectionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  /** The banner a 303 asks for, shown only when the database agrees it happened. */
  async function doneOf(
    period: string,
    q: Record<string, string>,
    agencyId: string | undefined,
  ): Promise<Done> {
    if (q.done === 'objection' && q.component) {
      const own = await objectionsOfPeriod(deps.db, period, agencyId)
      return own.some((o) => o.component === q.component) ? { text: msg.done.objection } : null
    }
    if (q.done === 'answered' && q.objection && /^[0-9a-f-]{36}$/.test(q.objection)) {
      const o = await objectionById(deps.db, q.objection)
      return o && o.status !== 'open' ? { text: msg.done.answered } : null
    }
    if (q.done === 'corrected') {
      const s = await currentSnapshot(deps.db, period, { publishedOnly: true })
      return s?.status === 'corrected' ? { text: msg.done.corrected(period) } : null
    }
    return null
  }

  app.get(`/:period${PERIOD}`, async (c) => {
    const period = c.req.param('period')
    const viewer = viewerOf(c)
    const agencyId = viewer.kind === 'agency' ? viewer.agencyId : undefined
    const done = await doneOf(period, c.req.query(), agencyId)
    return renderPeriod(c, deps, period, null, 200, done)
  })

  app.post(`/:period${PERIOD}/objections`, async (c) => {
    const period = c.req.param('period')
    const viewer = viewerOf(c)
    if (viewer.kind !== 'agency')
      throw new ForbiddenError('evaluation.objection', evalMsg.notAgencyAdmin)
    const values = await readForm(c)
    const component = values.component ?? ''
    const refuse = (text: string, status: 400 | 409) =>
      renderPeriod(
        c,
        deps,
        period,
        { kind: 'objection', component, values, errors: { [`reason-${component}`]: text } },
        status,
      )
    if (!componentKey.safeParse(component).success) return refuse(evalMsg.badComponent, 400)
    const length = lengthOf(values.reasonFa)
    if (length < 10 || length > 4000) return refuse(evalMsg.reasonLength, 400)
    const resultPath = `/admin/evaluation/${period}?done=objection&component=${component}`
    const claim = await claimForm(deps, c, viewer.actor, 'evaluation.objection', values, resultPath)
    if (claim.kind === 'missing') return refuse(msg.formOnceMissing, 400)
    if (claim.kind === 'again') return c.redirect(claim.resultPath, 303)
    try {
      await lodgeObjection(deps, viewer.actor, period, {
        component,
        reasonFa: values.reasonFa ?? '',
      })
    } catch (e) {
      const status = refusalStatus(e)
      if (status && isRefusal(e)) return refuse(e.message, status)
      throw e
    }
    return c.redirect(resultPath, 303)
  })

  app.post(`/objections/:id${UUID}/answer`, async (c) => {
    const id = c.req.param('id')
    const viewer = viewerOf(c)
    assertCanClose(viewer.actor)
    const objection = await objectionById(deps.db, id)
    const snapshot = objection && (await snapshotById(deps.db, objection.snapshotId))
    if (!snapshot) throw new NotFoundError('evaluation.objection', evalMsg.notFound)
    const period = snapshot.period
    const values = await readForm(c)
    const refuse = (errors: FieldErrors, status: 400 | 409) =>
      renderPeriod(c, deps, period, { kind: 'answer', objectionId: id, values, errors }, status)
    const read = readAnswer(values, id)
    if (!read.ok) return refuse(read.errors, 400)
    const resultPath = `/admin/evaluation/${period}?done=answered&objection=${id}`
    const claim = await claimForm(deps, c, viewer.actor, 'evaluation.answer', values, resultPath)
    if (claim.kind === 'missing') return refuse({ [`answerFa-${id}`]: msg.formOnceMissing }, 400)
    if (claim.kind === 'again') return c.redirect(claim.resultPath, 303)
    try {
      await answerObjection(deps, viewer.actor, id, read.answer)
    } catch (e) {
      const status = refusalStatus(e)
      if (status && isRefusal(e))
        return refuse(
          answerErrors(id, e instanceof ValidationError ? e.fieldErrors : {}, e.message),
          status,
        )
      throw e
    }
    return c.redirect(resultPath, 303)
  })

  app.post(`/:period${PERIOD}/correction`, async (c) => {
    const period = c.req.param('period')
    const viewer = viewerOf(c)
    assertCanClose(viewer.actor)
    const values = await readForm(c)
    const refuse = (text: string, status: 400 | 409) =>
      renderPeriod(
        c,
        deps,
        period,
        { kind: 'correction', values, errors: { noteFa: text } },
        status,
      )
    const note = (values.noteFa ?? '').trim()
    if ([...note].length > NOTE_MAX) return refuse(msg.correctionNoteLength, 400)
    const resultPath = `/admin/evaluation/${period}?done=corrected`
    const claim = await claimForm(
      deps,
      c,
      viewer.actor,
      'evaluation.correction',
      values,
      resultPath,
    )
    if (claim.kind === 'missing') return refuse(msg.formOnceMissing, 400)
    if (claim.kind === 'again') return c.redirect(claim.resultPath, 303)
    try {
      await publishCorrection(deps, viewer.actor, period, note === '' ? null : note)
    } catch (e) {
      const status = refusalStatus(e)
      if (status && isRefusal(e)) return refuse(e.message, status)
      throw e
    }
    return c.redirect(resultPath, 303)
  })

  return app
}
