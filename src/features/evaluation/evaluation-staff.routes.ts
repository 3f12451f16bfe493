import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { tehranDateOf } from '../../lib/fa/tehran-time.ts'
import type { AppEnv } from '../../web/env.ts'
import { readForm } from '../../web/form.ts'
import { isRefusal, refusalStatus } from './evaluation-staff.kit.ts'
import { staffMsg as msg } from './evaluation-staff.messages.fa.ts'
import { claimForm } from './evaluation-staff.once.ts'
import {
  type Done,
  renderConfirmClose,
  renderOverview,
  viewerOf,
} from './evaluation-staff.pages.ts'
import { evalMsg } from './messages.fa.ts'
import {
  assertCanClose,
  parseYear,
  publishEvaluation,
  refreshProvisional,
} from './snapshot.actions.ts'
import { listSnapshots } from './snapshot.queries.ts'

const PERIOD = /^[0-9]{4}$/

/**
 * `/admin/evaluation` (issue 15 item 3): the periods, closing a year (a confirmation page, then
 * a one-time POST) and refreshing the provisional evaluation. The period pages are in
 * `evaluation-staff-objections.routes.ts`, the method editor in `method-admin.routes.ts`.
 */
export function evaluationStaffRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  /** The banner a 303 asks for, shown only when the database agrees it happened. */
  async function doneOf(kind: string | undefined, period: string | undefined): Promise<Done> {
    if (kind === 'refreshed') return { text: msg.done.refreshed }
    if (kind === 'closed' && period && PERIOD.test(period)) {
      const all = await listSnapshots(deps.db)
      if (all.some((s) => s.period === period && s.status !== 'provisional'))
        return { text: msg.done.closed(period) }
    }
    return null
  }

  app.get('/', async (c) =>
    renderOverview(
      c,
      deps,
      undefined,
      200,
      await doneOf(c.req.query('done'), c.req.query('period')),
    ),
  )

  // The confirmation is a page of its own (a GET), so closing works without JavaScript.
  app.get('/close', async (c) => {
    const viewer = viewerOf(c)
    assertCanClose(viewer.actor)
    const period = c.req.query('period') ?? ''
    const refuse = (text: string, status: 400 | 409) =>
      renderOverview(c, deps, { values: { period }, errors: { period: text } }, status)
    if (!PERIOD.test(period)) return refuse(evalMsg.badPeriod, 400)
    const jy = parseYear(period)
    if (jy >= tehranDateOf(deps.clock.now()).jy) return refuse(evalMsg.periodNotEnded(jy), 400)
    const all = await listSnapshots(deps.db)
    if (all.some((s) => s.period === period && s.status !== 'provisional'))
      return refuse(evalMsg.alreadyClosed(jy), 409)
    return renderConfirmClose(c, deps, period)
  })

  app.post('/close', async (c) => {
    const viewer = viewerOf(c)
    assertCanClose(viewer.actor)
    const values = await readForm(c)
    const period = values.period ?? ''
    const refuse = (text: string, status: 400 | 409) =>
      renderOverview(c, deps, { values: { period }, errors: { period: text } }, status)
    if (!PERIOD.test(period)) return refuse(evalMsg.badPeriod, 400)
    const resultPath = `/admin/evaluation?done=closed&period=${period}`
    const claim = await claimForm(deps, c, viewer.actor, 'evaluation.close', values, resultPath)
    if (claim.kind === 'missing') return refuse(msg.formOnceMissing, 400)
    if (claim.kind === 'again') return c.redirect(claim.resultPath, 303)
    try {
      await publishEvaluation(deps, viewer.actor, period)
    } catch (e) {
      const status = refusalStatus(e)
      if (status && isRefusal(e)) return refuse(e.message, status)
      throw e
    }
    return c.redirect(resultPath, 303)
  })

  // Replaces the running year's provisional evaluation now, as the daily job does.
  app.post('/refresh', async (c) => {
    const viewer = viewerOf(c)
    assertCanClose(viewer.actor)
    const saved = await refreshProvisional(deps)
    if (!saved)
      return renderOverview(
        c,
        deps,
        { values: {}, errors: { 'refresh-form': msg.refreshNothing } },
        409,
      )
    return c.redirect('/admin/evaluation?done=refreshed', 303)
  })

  return app
}
