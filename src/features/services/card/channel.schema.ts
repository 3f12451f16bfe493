import { z } from 'zod'
import { optionalPhone, optionalUrl } from '../../../web/fields.ts'
import { msg } from '../messages.fa.ts'
import { CHANNEL_KINDS, SIGN_IN_METHODS, STAGE_MODES } from './channel.model.ts'
import { nullableText, text } from './fields.schema.ts'

export const channelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, msg.channelIdInvalid),
    kind: z.enum(CHANNEL_KINDS),
    title: text(200).pipe(z.string().min(1, msg.channelTitleRequired)),
    url: optionalUrl('نشانی'),
    phone: optionalPhone('تلفن'),
    code: nullableText(30),
    signIn: z.enum(SIGN_IN_METHODS),
    signatureRequired: z.boolean(),
    note: nullableText(500),
  })
  .superRefine((ch, ctx) => {
    const needsUrl = ch.kind === 'e_service' || ch.kind === 'web_page' || ch.kind === 'mobile_app'
    if (needsUrl && !ch.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: msg.channelUrlRequired })
    if (ch.kind === 'phone' && !ch.phone)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: msg.channelPhoneRequired })
    if (ch.kind === 'sms_ussd' && !ch.code)
      ctx.addIssue({ code: 'custom', path: ['code'], message: msg.channelCodeRequired })
  })

const stageDeliverySchema = z.object({
  mode: z.enum(STAGE_MODES).nullable(),
  channelIds: z.array(z.string().max(40)).max(30),
})

export const stageMatrixSchema = z.object({
  information: stageDeliverySchema,
  request: stageDeliverySchema,
  processing: stageDeliverySchema,
  delivery: stageDeliverySchema,
})
