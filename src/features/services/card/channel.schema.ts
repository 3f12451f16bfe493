import { z } from 'zod'
import { toAsciiDigits } from '../../../lib/fa/digits.ts'
import { normalizeFaInput } from '../../../lib/fa/normalize.ts'
import { WEB_URL_PROBLEM_FA } from '../../../lib/net/messages.fa.ts'
import { webUrlProblem } from '../../../lib/net/public-url.ts'
import { optionalPhone, optionalUrl } from '../../../web/fields.ts'
import { msg } from '../messages.fa.ts'
import { CHANNEL_KINDS, SIGN_IN_METHODS, STAGE_MODES } from './channel.model.ts'
import { nullableText, text } from './fields.schema.ts'

/**
 * A channel's URL: a web address (`optionalUrl`) that can only be a public web page, because the
 * link checker requests it from the server (issue 11 item 2). Refused with a message saying
 * why: schemes other than http(s), credentials, an explicit non-default port, local names
 * (`localhost`, `*.local`, `*.internal`, single labels…) and IP literals outside the public
 * internet in any spelling (`127.1`, `0x7f.1`, `2130706433`, `[::ffff:127.0.0.1]`, `[fe80::1]`…).
 * Judged from the text alone: saving never resolves a name; names that resolve to private
 * addresses are refused by the checker, which resolves before connecting.
 */
function publicWebUrl(label: string) {
  return z
    .string()
    .optional()
    .nullable()
    .superRefine((s, ctx) => {
      if (!s) return
      const problem = webUrlProblem(toAsciiDigits(normalizeFaInput(s)))
      // Anything that is not a URL at all gets optionalUrl's own message, below.
      if (problem && problem !== 'invalid')
        ctx.addIssue({ code: 'custom', message: `${label} ${WEB_URL_PROBLEM_FA[problem]}` })
    })
    .pipe(optionalUrl(label))
}

function channelObject(url: ReturnType<typeof optionalUrl> | ReturnType<typeof publicWebUrl>) {
  return z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,40}$/, msg.channelIdInvalid),
      kind: z.enum(CHANNEL_KINDS),
      title: text(200).pipe(z.string().min(1, msg.channelTitleRequired)),
      url,
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
}

/** A channel as saved: what the form, the API and imports accept (public URLs only). */
export const channelSchema = channelObject(publicWebUrl('نشانی'))

/**
 * A channel as read back from a stored version. Versions saved before URLs were checked at save
 * may hold a URL `channelSchema` now refuses; reading them must not fail (the page would be a
 * 500), and the link checker refuses such a URL anyway when it comes to it.
 */
export const storedChannelSchema = channelObject(optionalUrl('نشانی'))

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
