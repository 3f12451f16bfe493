import { type Actor, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { msg } from './messages.fa.ts'

/** The directive date and the central body's name are the central admin's to set. */
export function canEditSettings(actor: Actor | null): boolean {
  return isCentralAdmin(actor)
}

export function assertCanEditSettings(actor: Actor | null): asserts actor is Actor {
  if (!canEditSettings(actor)) throw new ForbiddenError('settings.edit', msg.forbidden)
}
