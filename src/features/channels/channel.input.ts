import { z } from 'zod'
import { ValidationError } from '../../lib/errors.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import type { ServiceContent } from '../services/index.ts'
import {
  CHANNEL_KINDS,
  type ChannelKind,
  channelSchema,
  formErrorsOf,
  type Parsed,
  SERVICE_STAGES,
  type ServiceChannel,
  SIGN_IN_METHODS,
  type StageDelivery,
  type StageMatrix,
} from '../services/index.ts'
import { type MatrixProblem, matrixProblems } from './channel.rules.ts'
import { channelsMsg as m, STAGE_LABELS } from './messages.fa.ts'

/**
 * The channels editor's HTML forms: a channel form (checked by the card's own
 * `channelSchema`, so the form can never save what the API would refuse) and
 * the stage-matrix form (one mode radio group and one channel checkbox group per stage).
 */

const submitted = z.union([z.string(), z.array(z.string())]).optional()
const one = submitted.transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')))
const many = submitted.transform((v) => [
  ...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '')),
])

/** Kinds whose channel may ask people to sign in or sign. */
export const SIGN_IN_KINDS: readonly ChannelKind[] = ['e_service', 'mobile_app']

const channelForm = z.object({
  kind: one.pipe(z.enum(CHANNEL_KINDS, { error: m.kindRequired })),
  title: one,
  url: one,
  phone: one,
  code: one,
  signIn: one
    .transform((s) => s || 'none')
    .pipe(z.enum(SIGN_IN_METHODS, { error: m.signInInvalid })),
  signatureRequired: one.transform((s) => s === 'yes'),
  note: one,
})

/** A channel form → a channel with `id`, or the form's errors keyed by field name. */
export function parseChannelForm(id: string, fields: FormFields): Parsed<ServiceChannel> {
  const raw = channelForm.safeParse(fields)
  if (!raw.success) return { ok: false, errors: formErrorsOf(raw.error) }
  const f = raw.data
  const signs = SIGN_IN_KINDS.includes(f.kind)
  const parsed = channelSchema.safeParse({
    id,
    kind: f.kind,
    title: f.title,
    // Only what the kind uses is kept, so a kind changed in the form leaves nothing stale behind.
    url:
      f.kind === 'e_service' ||
      f.kind === 'web_page' ||
      f.kind === 'mobile_app' ||
      f.kind === 'counter_office'
        ? f.url
        : '',
    phone: f.kind === 'phone' || f.kind === 'counter_office' ? f.phone : '',
    code: f.kind === 'sms_ussd' ? f.code : '',
    signIn: signs ? f.signIn : 'none',
    signatureRequired: signs ? f.signatureRequired : false,
    note: f.note,
  })
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: formErrorsOf(parsed.error) }
}

/** A channel's values for its edit form. */
export function channelValues(ch: ServiceChannel): FormFields {
  return {
    kind: ch.kind,
    title: ch.title,
    url: ch.url ?? '',
    phone: ch.phone ?? '',
    code: ch.code ?? '',
    signIn: ch.signIn,
    ...(ch.signatureRequired ? { signatureRequired: 'yes' } : {}),
    note: ch.note ?? '',
  }
}

const modeField = one.pipe(
  z.enum(['electronic', 'in_person', 'unstated', ''], { error: m.modeInvalid }),
)

/** The field names of a stage's mode and channels. */
export const modeName = (stage: string) => `${stage}Mode`
export const channelsName = (stage: string) => `${stage}Channels`

const idsField = many.pipe(z.array(z.string().max(40)).max(30))

const stageForm = z.object({
  informationMode: modeField,
  informationChannels: idsField,
  requestMode: modeField,
  requestChannels: idsField,
  processingMode: modeField,
  processingChannels: idsField,
  deliveryMode: modeField,
  deliveryChannels: idsField,
})

function delivery(mode: string, channelIds: string[]): StageDelivery {
  return { mode: mode === 'electronic' || mode === 'in_person' ? mode : null, channelIds }
}

/** Persian messages for matrix problems, keyed by the form field to fix. */
export function problemErrors(problems: readonly MatrixProblem[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const p of problems) {
    const label = STAGE_LABELS[p.stage]
    const key = p.kind === 'channels-without-mode' ? modeName(p.stage) : channelsName(p.stage)
    errors[key] ??=
      p.kind === 'unknown-channel'
        ? m.problemUnknown(label, p.channelId)
        : p.kind === 'no-electronic-channel'
          ? m.problemNoElectronic(label)
          : m.problemWithoutMode(label)
  }
  return errors
}

/** The stage-matrix form → a matrix that names only `channels`, or the form's errors. */
export function parseStageForm(
  channels: readonly ServiceChannel[],
  fields: FormFields,
): Parsed<StageMatrix> {
  const raw = stageForm.safeParse(fields)
  if (!raw.success) return { ok: false, errors: formErrorsOf(raw.error) }
  const d = raw.data
  const stages: StageMatrix = {
    information: delivery(d.informationMode, d.informationChannels),
    request: delivery(d.requestMode, d.requestChannels),
    processing: delivery(d.processingMode, d.processingChannels),
    delivery: delivery(d.deliveryMode, d.deliveryChannels),
  }
  const problems = matrixProblems(channels, stages)
  return problems.length
    ? { ok: false, errors: problemErrors(problems) }
    : { ok: true, data: stages }
}

/** A matrix's values for its form. */
export function stageValues(stages: StageMatrix): FormFields {
  return Object.fromEntries(
    SERVICE_STAGES.flatMap((s) => [
      [modeName(s), stages[s].mode ?? 'unstated'],
      [channelsName(s), stages[s].channelIds],
    ]),
  )
}

/** Refuses (422) a matrix that names a missing channel, or channel ids used twice. */
export function assertChannelsConsistent(c: Pick<ServiceContent, 'channels' | 'stages'>): void {
  const errors: Record<string, string> = {}
  const seen = new Set<string>()
  c.channels.forEach((ch, i) => {
    if (seen.has(ch.id)) errors[`channels.${i}.id`] = 'شناسهٔ این راه دسترسی تکراری است.'
    seen.add(ch.id)
  })
  for (const [field, text] of Object.entries(problemErrors(matrixProblems(c.channels, c.stages))))
    errors[`stages.${field.replace(/(Mode|Channels)$/, '')}`] = text
  if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0] ?? '', errors)
}
