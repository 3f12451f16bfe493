import type { Db } from '../../db/create-db.ts'
import type { Role } from '../../lib/actor.ts'

export interface RecipientCriteria {
  /** The agency whose staff are meant; null for central staff (who belong to no agency). */
  agencyId: string | null
  roles: readonly Role[]
}

/**
 * The active users holding one of `roles` in an agency (or at the centre), in a stable order:
 * e.g. an agency's editors and admin `{ agencyId, roles: ['agency_editor', 'agency_admin'] }`,
 * the central supervisors `{ agencyId: null, roles: ['central_supervisor'] }`.
 */
export async function findRecipients(db: Db, criteria: RecipientCriteria): Promise<string[]> {
  if (criteria.roles.length === 0) return []
  let query = db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', [...criteria.roles])
    .where('disabledAt', 'is', null)
  query =
    criteria.agencyId === null
      ? query.where('agencyId', 'is', null)
      : query.where('agencyId', '=', criteria.agencyId)
  const rows = await query.orderBy('username').execute()
  return rows.map((r) => r.id)
}
