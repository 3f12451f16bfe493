import type { Db } from '../../src/db/create-db.ts'

/**
 * Everything a refused write must leave as it was: agencies, users, API tokens, settings and
 * the audit log. Compare two snapshots with `assert.deepEqual`. Sessions are left out: reading
 * a page may touch the reader's own session.
 */
export async function dbSnapshot(db: Db) {
  const [agencies, users, apiTokens, settings, auditEvents] = await Promise.all([
    db.selectFrom('agencies').selectAll().orderBy('id').execute(),
    db.selectFrom('users').selectAll().orderBy('id').execute(),
    db.selectFrom('apiTokens').selectAll().orderBy('id').execute(),
    db.selectFrom('settings').selectAll().orderBy('key').execute(),
    db.selectFrom('auditEvents').selectAll().orderBy('id').execute(),
  ])
  return { agencies, users, apiTokens, settings, auditEvents }
}

/** The newest audit event, or undefined when the log is empty. */
export async function lastAuditEvent(db: Db) {
  return db.selectFrom('auditEvents').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
}

/** The audit events of one entity, oldest first. */
export async function auditEventsOf(db: Db, entityId: string) {
  return db
    .selectFrom('auditEvents')
    .selectAll()
    .where('entityId', '=', entityId)
    .orderBy('at')
    .execute()
}

/** The services and their versions, and a snapshot of every other table: to check that a
 * refused write changed nothing anywhere. */
export async function serviceRows(db: Db) {
  const [services, versions] = await Promise.all([
    db.selectFrom('services').selectAll().orderBy('id').execute(),
    db.selectFrom('serviceVersions').selectAll().orderBy('id').execute(),
  ])
  return { services, versions, rest: await dbSnapshot(db) }
}
