import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import type { ContentChange, Service, ServiceVersion } from '../services/index.ts'
import { editorMsg as em, ID, lineChanges, saveSection, staffService } from '../services/index.ts'
import { channelLines } from './channel.text.ts'
import { type ChannelsForms, channelsView, channelView } from './channel-editor.read.ts'
import { channelsMsg as m } from './messages.fa.ts'
import { channelPage, channelsHref, channelsPage } from './views/editor-page.ts'

// What the channels section's route modules share (channel-editor.routes.ts for the section
// page, channel-edit.routes.ts for one channel): their paths, who may open them, the two
// pages, and the save through the section-editor kit.

/** The channels section of a service's draft, and one channel of it (ids like `ch-xxxxxx`). */
export const BASE = `/:id${ID}/edit/channels`
export const ONE = `${BASE}/:channel{[a-z0-9-]{1,40}}`

/** The actor and the service in the path, once the actor may edit its drafts. */
export const editable = (deps: Deps, c: Context<AppEnv>) =>
  staffService(deps, c, c.req.param('id'), 'edit')

export const hasAny = (errors: FieldErrors) => Object.keys(errors).length > 0

/** The `?done=` banner after a successful save. */
function doneBanner(c: Context<AppEnv>): { kind: 'success'; text: string } | undefined {
  const done = c.req.query('done') ?? ''
  const text = (m.done as Record<string, string>)[done]
  return text ? { kind: 'success', text } : undefined
}

function breadcrumbs(service: Service, title: string, inChannel: boolean) {
  return [
    { href: '/admin/services', text: em.listTitle },
    { href: `/admin/services/${service.id}`, text: title || em.untitled },
    ...(inChannel ? [{ href: channelsHref(service.id), text: m.sectionLabel }] : []),
  ]
}

/** The section page; 422 when it shows a refused form again. */
export function channelsResponse(
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  forms: ChannelsForms,
) {
  const invalid = hasAny(forms.add?.errors ?? {}) || hasAny(forms.stages?.errors ?? {})
  const banner = invalid ? undefined : doneBanner(c)
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${m.sectionLabel}`,
      breadcrumbs: breadcrumbs(service, draft.content.title, false),
      ...(banner ? { banner } : {}),
      content: channelsPage(channelsView(c.get('csrfToken'), service, draft, forms)),
    },
    invalid ? 422 : 200,
  )
}

/** One channel's page; 422 when it shows a refused form again. */
export function channelResponse(
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  channelId: string,
  form?: { values: FormFields; errors: FieldErrors },
) {
  const { view, channelTitle } = channelView(c.get('csrfToken'), service, draft, channelId, form)
  const invalid = hasAny(form?.errors ?? {})
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${m.editHeading}${channelTitle !== null ? `: ${channelTitle}` : ''}`,
      breadcrumbs: breadcrumbs(service, draft.content.title, true),
      content: channelPage(view),
    },
    invalid ? 422 : 200,
  )
}

/** Saves `change` against the draft the form came from (the section-editor kit). */
export function save(
  deps: Deps,
  c: Context<AppEnv>,
  s: { actor: Actor; service: Service; fields: FormFields; change: ContentChange },
  target: { action: string; backHref: string; done: string },
): Promise<Response> {
  return saveSection(deps, c, {
    ...s,
    target: { ...target, sectionLabel: m.sectionLabel, sectionHref: channelsHref(s.service.id) },
    changes: lineChanges('channels', m.sectionLabel, channelLines),
  })
}
