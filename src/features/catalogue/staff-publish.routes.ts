import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { plainValues, readFields } from '../../web/form.ts'
import {
  type DraftStamp,
  discardDraft,
  findDraft,
  ID,
  parseFields,
  publishForm,
  requestPublication,
  staffService,
  stampOf,
  startDraft,
  withdrawForm,
  withoutStamp,
} from '../services/index.ts'
import { publishService, setServiceWithdrawn } from './publish.actions.ts'
import { overviewResponse, qualityErrors } from './staff-overview.read.ts'

/** Forms rendered before the publish form carried a stamp publish whatever the draft is now. */
function stampOrNone(stamp: DraftStamp): DraftStamp | undefined {
  return stamp.draftId === '' ? undefined : stamp
}

/**
 * The buttons on a service's overview: start or discard the draft, publish it, withdraw the
 * service and restore it. Each redirects back to the overview with `?done=`, or shows the
 * overview again with the errors. Mounted by app.ts after `serviceOverviewRoutes`.
 */
export function servicePublishRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post(`/:id${ID}/draft`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    await startDraft(deps, actor, service.id)
    return c.redirect(`/admin/services/${service.id}?done=started`, 303)
  })

  app.post(`/:id${ID}/discard`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    await discardDraft(deps, actor, service.id)
    return c.redirect(`/admin/services/${service.id}?done=discarded`, 303)
  })

  // «ارسال برای انتشار»: an editor asks the agency admin to publish the draft.
  app.post(`/:id${ID}/publish-request`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    const outcome = await requestPublication(deps, actor, service.id, stampOf(await readFields(c)))
    const done = {
      sent: 'publish-requested',
      resent: 'publish-rerequested',
      already: 'publish-already-requested',
    }[outcome]
    return c.redirect(`/admin/services/${service.id}?done=${done}#publish`, 303)
  })

  app.post(`/:id${ID}/publish`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    const fields = await readFields(c)
    const values = plainValues(withoutStamp(fields))
    const parsed = parseFields(publishForm, values)
    if (!parsed.ok) {
      const draft = await findDraft(deps.db, service.id)
      const errors = { ...qualityErrors(draft), ...parsed.errors }
      return overviewResponse(c, deps, actor, service, values, errors)
    }
    const result = await publishService(
      deps,
      actor,
      service.id,
      parsed.data.changeNote,
      stampOrNone(stampOf(fields)),
    )
    if (!result.ok) return overviewResponse(c, deps, actor, service, values, result.errors)
    return c.redirect(`/admin/services/${service.id}?done=published`, 303)
  })

  app.post(`/:id${ID}/withdraw`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    const values = plainValues(await readFields(c))
    const parsed = parseFields(withdrawForm, values)
    if (!parsed.ok) return overviewResponse(c, deps, actor, service, values, parsed.errors)
    await setServiceWithdrawn(deps, actor, service.id, parsed.data.reason)
    return c.redirect(`/admin/services/${service.id}?done=withdrawn`, 303)
  })

  app.post(`/:id${ID}/restore`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    await setServiceWithdrawn(deps, actor, service.id, null)
    return c.redirect(`/admin/services/${service.id}?done=restored`, 303)
  })

  return app
}
