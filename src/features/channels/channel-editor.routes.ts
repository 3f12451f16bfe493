import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { type FormFields, readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import type { ContentChange, DraftStamp, Service, ServiceVersion } from '../services/index.ts'
import {
  draftToEdit,
  editorMsg as em,
  findDraft,
  ID,
  lineChanges,
  saveSection,
  staffService,
  stampOf,
  stampOfDraft,
  withoutStamp,
} from '../services/index.ts'
import { addChannel, removeChannel, replaceChannel, setStages } from './channel.changes.ts'
import { channelValues, parseChannelForm, parseStageForm, stageValues } from './channel.input.ts'
import { CHANNELS_MAX, newChannelId } from './channel.rules.ts'
import { channelLines } from './channel.text.ts'
import { maturityLevel } from './maturity.model.ts'
import { channelsMsg as m } from './messages.fa.ts'
import { channelHref, channelPage, channelsHref, channelsPage } from './views/editor-page.ts'

const CHANNEL_ID = '{[a-z0-9-]{1,40}}'

/** A change that also checks the whole card it produces: the last guard before saving. */
function doneBanner(c: Context<AppEnv>): { kind: 'success'; text: string } | undefined {
  const done = c.req.query('done') ?? ''
  const text = (m.done as Record<string, string>)[done]
  return text ? { kind: 'success', text } : undefined
}

const hasAny = (errors: FieldErrors) => Object.keys(errors).length > 0

/**
 * The channels section of the service editor, under `/admin/services/:id/edit/channels`:
 * the channels (add, edit, remove) and the stage matrix. Every write goes through `saveDraft`,
 * which authorises it again; each route checks the permission before it reads any input.
 * Channel ids are generated once (`ch-xxxxxx`) and kept across edits and versions.
 */
export function channelEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const BASE = `/:id${ID}/edit/channels`
  const ONE = `${BASE}/:channel${CHANNEL_ID}`

  const editable = (c: Context<AppEnv>) => staffService(deps, c, c.req.param('id'), 'edit')

  function breadcrumbs(service: Service, title: string, inChannel: boolean) {
    return [
      { href: '/admin/services', text: em.listTitle },
      { href: `/admin/services/${service.id}`, text: title || em.untitled },
      ...(inChannel ? [{ href: channelsHref(service.id), text: m.sectionLabel }] : []),
    ]
  }

  function channelsResponse(
    c: Context<AppEnv>,
    service: Service,
    draft: ServiceVersion,
    forms: {
      add?: { values: FormFields; errors: FieldErrors }
      stages?: { values: FormFields; errors: FieldErrors }
      /** The stamp the refused form came with (so resubmitting it still detects a conflict). */
      stamp?: DraftStamp
    },
  ) {
    const content = draft.content
    const invalid = hasAny(forms.add?.errors ?? {}) || hasAny(forms.stages?.errors ?? {})
    const banner = invalid ? undefined : doneBanner(c)
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${m.sectionLabel}`,
        breadcrumbs: breadcrumbs(service, content.title, false),
        ...(banner ? { banner } : {}),
        content: channelsPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: content.title,
          stamp: forms.stamp ?? stampOfDraft(draft),
          channels: content.channels,
          maturity: maturityLevel(content),
          full: content.channels.length >= CHANNELS_MAX,
          add: forms.add ?? { values: { signIn: 'none' }, errors: {} },
          stages: forms.stages ?? { values: stageValues(content.stages), errors: {} },
        }),
      },
      invalid ? 422 : 200,
    )
  }

  function channelResponse(
    c: Context<AppEnv>,
    service: Service,
    draft: ServiceVersion,
    channelId: string,
    form?: { values: FormFields; errors: FieldErrors },
  ) {
    const ch = draft.content.channels.find((x) => x.id === channelId)
    if (!ch && !form) throw new NotFoundError('channels.not-found', m.channelNotFound)
    const invalid = hasAny(form?.errors ?? {})
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${m.editHeading}${ch ? `: ${ch.title}` : ''}`,
        breadcrumbs: breadcrumbs(service, draft.content.title, true),
        content: channelPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: draft.content.title,
          stamp: form ? stampOf(form.values) : stampOfDraft(draft),
          channelId,
          values: form?.values ?? (ch ? channelValues(ch) : {}),
          errors: form?.errors ?? {},
        }),
      },
      invalid ? 422 : 200,
    )
  }

  /** Saves `change` against the draft the form came from (the section-editor kit). */
  function save(
    c: Context<AppEnv>,
    actor: Actor,
    service: Service,
    fields: FormFields,
    change: ContentChange,
    target: { action: string; backHref: string; done: string },
  ): Promise<Response> {
    return saveSection(deps, c, {
      actor,
      service,
      fields,
      change,
      target: { ...target, sectionLabel: m.sectionLabel, sectionHref: channelsHref(service.id) },
      changes: lineChanges('channels', m.sectionLabel, channelLines),
    })
  }

  app.get(BASE, async (c) => {
    const { service } = await editable(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return channelsResponse(c, service, draft, {})
  })

  app.post(BASE, async (c) => {
    const { actor, service } = await editable(c)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const id = newChannelId(draft.content.channels.map((ch) => ch.id))
    const parsed = parseChannelForm(id, fields)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (draft.content.channels.length >= CHANNELS_MAX) errors._form = m.channelsFull
    if (!parsed.ok || hasAny(errors))
      return channelsResponse(c, service, draft, {
        add: { values: withoutStamp(fields), errors },
        stamp: stampOf(fields),
      })
    const href = channelsHref(service.id)
    return save(c, actor, service, fields, addChannel(parsed.data), {
      action: href,
      backHref: href,
      done: `${href}?done=added`,
    })
  })

  app.post(`${BASE}/stages`, async (c) => {
    const { actor, service } = await editable(c)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const parsed = parseStageForm(draft.content.channels, fields)
    if (!parsed.ok)
      return channelsResponse(c, service, draft, {
        stages: { values: withoutStamp(fields), errors: parsed.errors },
        stamp: stampOf(fields),
      })
    const href = channelsHref(service.id)
    return save(c, actor, service, fields, setStages(parsed.data), {
      action: `${href}/stages`,
      backHref: href,
      done: `${href}?done=stages#stages`,
    })
  })

  app.get(ONE, async (c) => {
    const { service } = await editable(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return channelResponse(c, service, draft, c.req.param('channel'))
  })

  app.post(ONE, async (c) => {
    const { actor, service } = await editable(c)
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
    return save(c, actor, service, fields, replaceChannel(channelId, parsed.data), {
      action: href,
      backHref: href,
      done: `${channelsHref(service.id)}?done=saved`,
    })
  })

  app.post(`${ONE}/delete`, async (c) => {
    const { actor, service } = await editable(c)
    const channelId = c.req.param('channel')
    const fields = await readFields(c)
    const href = channelsHref(service.id)
    const draft = await draftToEdit(deps.db, service.id)
    try {
      removeChannel(channelId)(draft.content)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return channelsResponse(c, service, draft, {
        stages: { values: stageValues(draft.content.stages), errors: error.fieldErrors },
        stamp: stampOf(fields),
      })
    }
    return save(c, actor, service, fields, removeChannel(channelId), {
      action: `${channelHref(service.id, channelId)}/delete`,
      backHref: href,
      done: `${href}?done=removed`,
    })
  })

  return app
}
