import { randomBytes } from 'node:crypto'
import {
  type ChannelKind,
  SERVICE_STAGES,
  type ServiceChannel,
  type ServiceStage,
  type StageMatrix,
} from '../services/index.ts'

/**
 * Rules about a service's channels and its stage matrix that no single field
 * can check: which channels count as electronic, which carry a link to check,
 * and whether the matrix refers only to channels the service has.
 */

/** Channels a person uses without going anywhere or speaking to anyone. */
export const ELECTRONIC_KINDS: readonly ChannelKind[] = [
  'e_service',
  'web_page',
  'mobile_app',
  'sms_ussd',
]

/** Channels whose URL the link-health job checks. */
export const LINKED_KINDS: readonly ChannelKind[] = ['e_service', 'web_page', 'mobile_app']

export function isElectronic(kind: ChannelKind): boolean {
  return ELECTRONIC_KINDS.includes(kind)
}

/** The most channels a service may have (as service.schema.ts allows). */
export const CHANNELS_MAX = 30

/** A new short channel id, unique among `taken`: `ch-` and 6 base-36 characters. */
export function newChannelId(taken: Iterable<string>): string {
  const used = new Set(taken)
  for (;;) {
    const bytes = randomBytes(6)
    const id = `ch-${[...bytes].map((b) => (b % 36).toString(36)).join('')}`
    if (!used.has(id)) return id
  }
}

export type MatrixProblem =
  | { kind: 'unknown-channel'; stage: ServiceStage; channelId: string }
  | { kind: 'no-electronic-channel'; stage: ServiceStage }
  | { kind: 'channels-without-mode'; stage: ServiceStage }

/**
 * What is wrong with a stage matrix given the service's channels: a stage may
 * name only channels that exist; an electronic stage must name at least one
 * electronic channel; a stage whose mode is not stated names no channels.
 */
export function matrixProblems(
  channels: readonly ServiceChannel[],
  stages: StageMatrix,
): MatrixProblem[] {
  const byId = new Map(channels.map((ch) => [ch.id, ch]))
  const problems: MatrixProblem[] = []
  for (const stage of SERVICE_STAGES) {
    const d = stages[stage]
    for (const channelId of d.channelIds)
      if (!byId.has(channelId)) problems.push({ kind: 'unknown-channel', stage, channelId })
    if (d.mode === null && d.channelIds.length > 0)
      problems.push({ kind: 'channels-without-mode', stage })
    if (
      d.mode === 'electronic' &&
      !d.channelIds.some((id) => {
        const ch = byId.get(id)
        return ch !== undefined && isElectronic(ch.kind)
      })
    )
      problems.push({ kind: 'no-electronic-channel', stage })
  }
  return problems
}

/** The stages that name a channel. */
export function stagesUsing(stages: StageMatrix, channelId: string): ServiceStage[] {
  return SERVICE_STAGES.filter((s) => stages[s].channelIds.includes(channelId))
}

/** The matrix without a channel (when the channel is removed). */
export function withoutChannel(stages: StageMatrix, channelId: string): StageMatrix {
  const out = { ...stages }
  for (const s of SERVICE_STAGES)
    out[s] = { ...stages[s], channelIds: stages[s].channelIds.filter((id) => id !== channelId) }
  return out
}
