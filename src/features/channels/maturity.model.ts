import type { ServiceContent, ServiceStage } from '../services/index.ts'
import { isElectronic } from './channel.rules.ts'

/**
 * The e-service maturity level of a service (سطح بلوغ خدمت الکترونیکی), 1 to 5,
 * after the usual five stages of online sophistication (information, one-way
 * interaction, two-way interaction, transaction, full electronic delivery),
 * read from the service card alone, so anyone can recompute it:
 *
 * 1. **اطلاع‌رسانی** (informational): the service is described online; nothing more.
 * 2. **تعامل یک‌سویه** (one-way): its forms can be downloaded from the card (at least one form),
 *    but the request is not made electronically.
 * 3. **تعامل دوسویه** (two-way): the *request* stage is electronic.
 * 4. **تراکنش** (transaction): the *request* and *processing* stages are electronic
 *    (following the case, paying and being answered happen online); delivery is not.
 * 5. **الکترونیکی کامل** (fully electronic): all four stages — information, request,
 *    processing and delivery — are electronic; no visit is needed at any point.
 *
 * A stage counts as electronic only when the stage matrix says so *and* names at least one
 * existing electronic channel (e-service, web page, mobile app or SMS/USSD code); a stage
 * not stated counts as not electronic. Levels build on each other from the request onward:
 * an electronic processing stage after an in-person request does not raise the level.
 * Level 3 and above do not depend on forms.
 */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5

export const MATURITY_LEVELS: readonly MaturityLevel[] = [1, 2, 3, 4, 5]

/** What the level is computed from: channels, stage matrix, and how many forms there are. */
export type MaturityInput = Pick<ServiceContent, 'channels' | 'stages'> & {
  forms: readonly unknown[]
}

/** Whether a stage is electronic through at least one existing electronic channel. */
export function stageIsElectronic(c: MaturityInput, stage: ServiceStage): boolean {
  const d = c.stages[stage]
  if (d.mode !== 'electronic') return false
  const kinds = new Map(c.channels.map((ch) => [ch.id, ch.kind]))
  return d.channelIds.some((id) => {
    const kind = kinds.get(id)
    return kind !== undefined && isElectronic(kind)
  })
}

/** The maturity level of a service card (see the definition above). */
export function maturityLevel(c: MaturityInput): MaturityLevel {
  const e = (stage: ServiceStage) => stageIsElectronic(c, stage)
  if (e('request')) {
    if (!e('processing')) return 3
    if (e('delivery') && e('information')) return 5
    return 4
  }
  return c.forms.length > 0 ? 2 : 1
}

/** Distribution and average of levels over a set of services (an agency's published services). */
export interface MaturitySummary {
  services: number
  /** How many services are at each level, 1 to 5. */
  counts: Record<MaturityLevel, number>
  /** The mean level, rounded to two decimals; null when there are no services. */
  average: number | null
}

export function summarizeMaturity(levels: readonly MaturityLevel[]): MaturitySummary {
  const counts: Record<MaturityLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const l of levels) counts[l] += 1
  const sum = levels.reduce((a, b) => a + b, 0)
  return {
    services: levels.length,
    counts,
    average: levels.length ? Math.round((sum / levels.length) * 100) / 100 : null,
  }
}
