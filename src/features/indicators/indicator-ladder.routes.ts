import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { ConflictError, ValidationError } from '../../lib/errors.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import { plainValues, readFields } from '../../web/form.ts'
import { FORM_ONCE_MISSING } from '../../web/form-once-claim.ts'
import { formOnceOf, requireActor } from '../accounts/index.ts'
import { ID } from '../services/index.ts'
import { decideVersion, submitVersion, withdrawVersion } from './indicator.actions.ts'
import { CODE, indicatorOfCode, versionOfCode } from './indicator-admin.read.ts'
import { readDecision, revisionOf } from './indicator-forms.pages.ts'
import { startNewVersionOnce } from './indicator-once.actions.ts'
import { renderConflict, renderIndicator } from './indicator-staff.pages.ts'

/**
 * The buttons of the proposal → approval ladder on `/admin/indicators/<code>`: submit, withdraw,
 * start a new version, and the centre's decision. Each posts the revision the person saw, is
 * answered 303 → the indicator's page, or 409 when the proposal changed meanwhile.
 */
export function indicatorLadderRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const VERSION = `/:code${CODE}/versions/:id${ID}`

  /** Runs one step; a stale revision or a state that moved on answers with the 409 page. */
  const step = async (
    c: Context<AppEnv>,
    run: (versionId: string, revision: number) => Promise<unknown>,
    done: string,
  ) => {
    const code = c.req.param('code') ?? ''
    const { version } = await versionOfCode(deps, requireActor(c), code, c.req.param('id') ?? '')
    try {
      await run(version.id, revisionOf(await readFields(c)))
    } catch (e) {
      if (e instanceof ConflictError) return renderConflict(c, deps, code, e)
      throw e
    }
    return c.redirect(`/admin/indicators/${code}?done=${done}`, 303)
  }

  app.post(`${VERSION}/submit`, (c) =>
    step(c, (id, revision) => submitVersion(deps, requireActor(c), id, revision), 'submitted'),
  )

  app.post(`${VERSION}/withdraw`, (c) =>
    step(c, (id, revision) => withdrawVersion(deps, requireActor(c), id, revision), 'withdrawn'),
  )

  app.post(`/:code${CODE}/new-version`, async (c) => {
    const code = c.req.param('code')
    const actor = requireActor(c)
    await indicatorOfCode(deps, actor, code)
    // Issue 17 item 10: sent again, the button leads to the draft it started, not to a 409.
    const once = formOnceOf(
      deps,
      c,
      actor,
      'indicators.new-version',
      plainValues(await readFields(c)),
    )
    // A button on a page we render: without its token the page was kept from before.
    if (!once) throw new ValidationError(FORM_ONCE_MISSING, {})
    try {
      const outcome = await startNewVersionOnce(deps, actor, code, once)
      return c.redirect(outcome.resultPath, 303)
    } catch (e) {
      if (e instanceof ConflictError) return renderConflict(c, deps, code, e)
      throw e
    }
  })

  app.post(`${VERSION}/decide`, async (c) => {
    const code = c.req.param('code')
    const actor = requireActor(c)
    const { version } = await versionOfCode(deps, actor, code, c.req.param('id'))
    const fields = await readFields(c)
    const form = readDecision(fields, tehranDateOf(deps.clock.now()))
    const values = plainValues(fields)
    if (!form.ok) return renderIndicator(c, deps, code, { values, errors: form.errors })
    let decided: string
    try {
      decided = (await decideVersion(deps, actor, version.id, form)).state
    } catch (e) {
      if (e instanceof ConflictError) return renderConflict(c, deps, code, e)
      if (e instanceof ValidationError)
        return renderIndicator(c, deps, code, { values, errors: e.fieldErrors })
      throw e
    }
    return c.redirect(`/admin/indicators/${code}?done=${decided}`, 303)
  })

  return app
}
