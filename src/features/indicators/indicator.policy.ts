import { type Actor, assertSignedIn, isCentral } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import type { Indicator } from './indicator.model.ts'

const FORBIDDEN_PROPOSE =
  'پیشنهاد شاخص‌های اختصاصی با مدیر همان دستگاه است و شاخص‌های عمومی با مدیر مرکزی.'
const FORBIDDEN_DECIDE = 'تصمیم دربارهٔ پیشنهاد شاخص‌ها با ناظر یا مدیر مرکزی است.'
const FORBIDDEN_SEE = 'این شاخص از آنِ دستگاه دیگری است.'

/**
 * Who proposes: the agency admin for its agency's specific indicators (directive item 5 asks
 * the agency itself), the central admin for the general ones.
 */
export function canProposeFor(
  actor: Actor | null,
  indicator: Pick<Indicator, 'kind' | 'agencyId'>,
): boolean {
  if (indicator.kind === 'general') return actor?.role === 'central_admin'
  return actor?.role === 'agency_admin' && actor.agencyId === indicator.agencyId
}

export function assertCanProposeFor(
  actor: Actor | null,
  indicator: Pick<Indicator, 'kind' | 'agencyId'>,
): asserts actor is Actor {
  assertSignedIn(actor)
  if (!canProposeFor(actor, indicator))
    throw new ForbiddenError('indicators.propose', FORBIDDEN_PROPOSE)
}

/** The centre decides: the central supervisor or the central admin. */
export function assertCanDecide(actor: Actor | null): asserts actor is Actor {
  assertSignedIn(actor)
  if (!isCentral(actor)) throw new ForbiddenError('indicators.decide', FORBIDDEN_DECIDE)
}

/** Staff see the general indicators and their own agency's; the centre sees every one. */
export function canSeeAll(
  actor: Actor | null,
  indicator: Pick<Indicator, 'kind' | 'agencyId'>,
): boolean {
  if (!actor) return false
  return isCentral(actor) || indicator.kind === 'general' || actor.agencyId === indicator.agencyId
}

export function assertCanSee(
  actor: Actor | null,
  indicator: Pick<Indicator, 'kind' | 'agencyId'>,
): asserts actor is Actor {
  assertSignedIn(actor)
  if (!canSeeAll(actor, indicator)) throw new ForbiddenError('indicators.see', FORBIDDEN_SEE)
}
