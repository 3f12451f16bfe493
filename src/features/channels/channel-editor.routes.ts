import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { plainValues, readFields } from '../../web/form.ts'
import { FORM_ONCE_MISSING, recordIfDone, sentBefore } from '../../web/form-once-claim.ts'
import { formOnceOf } from '../accounts/index.ts'
import { draftToEdit, findDraft, stampOf, withoutStamp } from '../services/index.ts'
import { addChannel, setStages } from './channel.changes.ts'
import { parseChannelForm, parseStageForm } from './channel.input.ts'
import { CHANNELS_MAX, newChannelId } from './channel.rules.ts'
import { BASE, channelsResponse, editable, hasAny, save } from './channel-editor.kit.ts'
import { channelsMsg as m } from './messages.fa.ts'
import { channelsHref } from './views/editor-page.ts'

/**
 * The channels section of the service editor, under `/admin/services/:id/edit/channels`:
 * the list of channels with the add form, and the stage matrix. One channel's page (edit,
 * remove) is in `channel-edit.routes.ts`, mounted after this one (so `…/stages` stays here).
 * Every write goes through `saveDraft`, which authorises it again; each route checks the
 * permission before it reads any input. Channel ids are generated once (`ch-xxxxxx`) and
 * kept across edits and versions.
 */
export function channelEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(BASE, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return channelsResponse(c, service, draft, {})
  })

  app.post(BASE, async (c) => {
    const { actor, service } = await editable(deps, c)
    const fields = await readFields(c)
    // Issue 17 item 10: the same form sent again adds no second channel and leads to the first
    // result (see processes' saveOnce for why the token is recorded after the save).
    const once = await sentBefore(
      deps.db,
      formOnceOf(deps, c, actor, 'channels.add', plainValues(fields)),
      deps.clock.now(),
    )
    if (once.kind === 'again') return c.redirect(once.resultPath, 303)
    const draft = await draftToEdit(deps.db, service.id)
    const id = newChannelId(draft.content.channels.map((ch) => ch.id))
    const parsed = parseChannelForm(id, fields)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (draft.content.channels.length >= CHANNELS_MAX) errors._form = m.channelsFull
    if (once.kind === 'missing') errors._form = FORM_ONCE_MISSING
    if (!parsed.ok || hasAny(errors) || once.kind !== 'new')
      return channelsResponse(c, service, draft, {
        add: { values: withoutStamp(fields), errors },
        stamp: stampOf(fields),
      })
    const href = channelsHref(service.id)
    const done = `${href}?done=added`
    const res = await save(
      deps,
      c,
      { actor, service, fields, change: addChannel(parsed.data) },
      { action: href, backHref: href, done },
    )
    return recordIfDone(deps.db, once.once, deps.clock.now(), res, done)
  })

  app.post(`${BASE}/stages`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const parsed = parseStageForm(draft.content.channels, fields)
    if (!parsed.ok)
      return channelsResponse(c, service, draft, {
        stages: { values: withoutStamp(fields), errors: parsed.errors },
        stamp: stampOf(fields),
      })
    const href = channelsHref(service.id)
    return save(
      deps,
      c,
      { actor, service, fields, change: setStages(parsed.data) },
      { action: `${href}/stages`, backHref: href, done: `${href}?done=stages#stages` },
    )
  })

  return app
}
