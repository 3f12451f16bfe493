import type { Actor } from '../../lib/actor.ts'
import { assertSignedIn } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { txMsg } from './transaction.messages.fa.ts'

/** An agency's own systems (its staff's read-write tokens) report its own services' transactions. */
export function assertCanReportTransactionsOf(
  actor: Actor | null,
  agencyId: string,
): asserts actor is Actor {
  assertSignedIn(actor)
  const agencyStaff = actor.role === 'agency_admin' || actor.role === 'agency_editor'
  if (!agencyStaff || actor.agencyId !== agencyId)
    throw new ForbiddenError('transactions.report', txMsg.forbidden)
}
