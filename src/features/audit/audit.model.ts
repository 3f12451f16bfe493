/** A recorded write: who did what to which entity, with the state before and after. */
export interface AuditEvent {
  id: string
  at: Date
  actorUserId: string | null
  actorLabel: string
  agencyId: string | null
  entityType: string
  entityId: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export type NewAuditEvent = Omit<AuditEvent, 'id'>

export interface AuditFilter {
  entityType?: string | undefined
  entityId?: string | undefined
  action?: string | undefined
  actor?: string | undefined
  agencyId?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
}

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

// Secrets never appear in the log, even hashed.
const REDACTED = new Set(['passwordHash', 'tokenHash'])

/** Removes secret fields from a snapshot before it is stored. */
export function redact(snapshot: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!snapshot) return null
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => !REDACTED.has(k)))
}

/** The fields that differ between two snapshots, in a stable order. */
export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort()
  const changes: FieldChange[] = []
  for (const field of keys) {
    const a = before?.[field] ?? null
    const b = after?.[field] ?? null
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a, after: b })
  }
  return changes
}
