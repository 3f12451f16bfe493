import { SERVICE_STAGES, type ServiceChannel, type ServiceContent } from '../services/index.ts'
import {
  CHANNEL_KIND_LABELS,
  SIGN_IN_LABELS,
  STAGE_LABELS,
  STAGE_MODE_LABELS,
} from './messages.fa.ts'

export function channelText(ch: ServiceChannel): string {
  const where = ch.url ?? ch.phone ?? ch.code ?? ''
  const bits = [CHANNEL_KIND_LABELS[ch.kind]]
  if (ch.kind === 'e_service') bits.push(SIGN_IN_LABELS[ch.signIn])
  if (ch.signatureRequired) bits.push('نیاز به امضای الکترونیکی')
  return `${ch.title}${where ? ` — ${where}` : ''} (${bits.join('، ')})`
}

/** The stage matrix as lines: each stated stage, its mode and its channels. */
export function stageLines(c: ServiceContent): string[] {
  const title = new Map(c.channels.map((ch) => [ch.id, ch.title]))
  return SERVICE_STAGES.flatMap((stage) => {
    const d = c.stages[stage]
    if (!d.mode) return []
    const via = d.channelIds.map((id) => title.get(id)).filter((t): t is string => !!t)
    return [
      `${STAGE_LABELS[stage]}: ${STAGE_MODE_LABELS[d.mode]}${via.length ? ` (${via.join('، ')})` : ''}`,
    ]
  })
}

/** The channels and the stage matrix as lines (overview, conflict page). */
export function channelLines(c: ServiceContent): string[] {
  return [...c.channels.map(channelText), ...stageLines(c)]
}
