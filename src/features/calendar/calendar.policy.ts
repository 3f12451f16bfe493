import { type Actor, assertSignedIn, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The working calendar is national: only the central admin keeps it. */
export function canEditCalendar(actor: Actor | null): boolean {
  return isCentralAdmin(actor)
}

/** Nobody signed in → 401 (or sign-in for a page); anyone else but the central admin → 403. */
export function assertCanEditCalendar(actor: Actor | null): asserts actor is Actor {
  assertSignedIn(actor)
  if (!canEditCalendar(actor)) throw new ForbiddenError('calendar.edit', msg.forbidden)
}
