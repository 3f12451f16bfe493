import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { readFields } from '../../web/form.ts'
import { draftToEdit, findDraft, stampOf } from '../services/index.ts'
import { removeChannel, replaceChannel } from './channel.changes.ts'
import { parseChannelForm, stageValues } from './channel.input.ts'
import { channelResponse, channelsResponse, editable, ONE, save } from './channel-editor.kit.ts'
import { channelsMsg as m } from './messages.fa.ts'
import { channelHref, channelsHref } from './views/editor-page.ts'

/**
 * One channel of the service editor's channels section, under
 * `/admin/services/:id/edit/channels/:channel`: its edit form and its removal. Mounted after
 * `channelEditorRoutes`; every write goes through `saveDraft`, which authorises it again.
 */
export function channelEditRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(ONE, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return channelResponse(c, service, draft, c.req.param('channel'))
  })

  app.post(ONE, async (c) => {
    const { actor, service } = await editable(deps, c)
    const channelId = c.req.param('channel')
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    if (!draft.content.channels.some((x) => x.id === channelId))
      throw new NotFoundError('channels.not-found', m.channelNotFound)
    const parsed = parseChannelForm(channelId, fields)
    if (!parsed.ok)
      return channelResponse(c, service, draft, channelId, {
        values: fields,
        errors: parsed.errors,
      })
    const href = channelHref(service.id, channelId)
    return save(
      deps,
      c,
      { actor, service, fields, change: replaceChannel(channelId, parsed.data) },
      { action: href, backHref: href, done: `${channelsHref(service.id)}?done=saved` },
    )
  })

  app.post(`${ONE}/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const channelId = c.req.param('channel')
    const fields = await readFields(c)
    const href = channelsHref(service.id)
    const draft = await draftToEdit(deps.db, service.id)
    try {
      removeChannel(channelId)(draft.content)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      // The removal would break the stage matrix: the section page says why, there.
      return channelsResponse(c, service, draft, {
        stages: { values: stageValues(draft.content.stages), errors: error.fieldErrors },
        stamp: stampOf(fields),
      })
    }
    return save(
      deps,
      c,
      { actor, service, fields, change: removeChannel(channelId) },
      {
        action: `${channelHref(service.id, channelId)}/delete`,
        backHref: href,
        done: `${href}?done=removed`,
      },
    )
  })

  return app
}
