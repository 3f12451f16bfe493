import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { type Actor, actorLabel } from '../../lib/actor.ts'
import type { Clock } from '../../lib/clock.ts'
import { redact } from './audit.model.ts'
import { insertAuditEvent } from './audit.queries.ts'

export interface AuditInput {
  actor: Actor | null
  entityType: string
  entityId: string
  action: string
  /** The agency whose data changed, so each agency's history can be filtered. */
  agencyId: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/**
 * Records a write. Call it with the transaction that made the change, so the
 * change and its audit event are committed (or rolled back) together.
 */
export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  clock: Clock,
  input: AuditInput,
): Promise<void> {
  await insertAuditEvent(trx, {
    at: clock.now(),
    actorUserId: input.actor?.userId ?? null,
    actorLabel: actorLabel(input.actor),
    agencyId: input.agencyId,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: redact(input.before),
    after: redact(input.after),
  })
}
