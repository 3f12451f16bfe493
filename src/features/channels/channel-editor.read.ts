import { NotFoundError } from '../../lib/errors.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import type { DraftStamp, Service, ServiceVersion } from '../services/index.ts'
import { stampOf, stampOfDraft } from '../services/index.ts'
import { channelValues, stageValues } from './channel.input.ts'
import { CHANNELS_MAX } from './channel.rules.ts'
import { maturityLevel } from './maturity.model.ts'
import { channelsMsg as m } from './messages.fa.ts'
import type { ChannelPageView, ChannelsPageView } from './views/editor-page.ts'

// The view models of the channels section's two pages (channel-editor.kit.ts renders them).

type Form = { values: FormFields; errors: FieldErrors }

/** The forms a channels page shows again after a refused post (each defaults to fresh). */
export interface ChannelsForms {
  add?: Form
  stages?: Form
  /** The stamp the refused form came with (so resubmitting it still detects a conflict). */
  stamp?: DraftStamp
}

/** `…/edit/channels`: the draft's channels, its maturity, the add form and the stage matrix. */
export function channelsView(
  csrfToken: string,
  service: Service,
  draft: ServiceVersion,
  forms: ChannelsForms,
): ChannelsPageView {
  const content = draft.content
  return {
    csrfToken,
    serviceId: service.id,
    serviceTitle: content.title,
    stamp: forms.stamp ?? stampOfDraft(draft),
    channels: content.channels,
    maturity: maturityLevel(content),
    full: content.channels.length >= CHANNELS_MAX,
    add: forms.add ?? { values: { signIn: 'none' }, errors: {} },
    addOnce: newFormOnceToken(),
    stages: forms.stages ?? { values: stageValues(content.stages), errors: {} },
  }
}

/**
 * `…/edit/channels/:channel`: one channel's form, filled from the draft or from the refused
 * post. A channel missing from the draft is 404 unless a refused post is shown again.
 */
export function channelView(
  csrfToken: string,
  service: Service,
  draft: ServiceVersion,
  channelId: string,
  form?: Form,
): { view: ChannelPageView; channelTitle: string | null } {
  const ch = draft.content.channels.find((x) => x.id === channelId)
  if (!ch && !form) throw new NotFoundError('channels.not-found', m.channelNotFound)
  return {
    channelTitle: ch ? ch.title : null,
    view: {
      csrfToken,
      serviceId: service.id,
      serviceTitle: draft.content.title,
      stamp: form ? stampOf(form.values) : stampOfDraft(draft),
      channelId,
      values: form?.values ?? (ch ? channelValues(ch) : {}),
      errors: form?.errors ?? {},
    },
  }
}
