import { type Kysely, sql } from 'kysely'

// Link checks that were deliberately not made (issue 11 item 2). A link the checker did not
// request, because this installation checks links offline, is `unchecked` (neither working nor
// broken, with the stated reason in `error`). `link_check_offline` holds at most one row: its
// presence puts this installation's link checking offline for good, whatever the process's
// configuration, so a demo's invented hosts are never looked up or requested (the demo loader
// writes it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE link_checks DROP CONSTRAINT link_checks_status_check`.execute(db)
  await sql`ALTER TABLE link_checks ADD CONSTRAINT link_checks_status_check
    CHECK (status IN ('ok', 'broken', 'unchecked'))`.execute(db)
  await sql`
    CREATE TABLE link_check_offline (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
      since timestamptz NOT NULL
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS link_check_offline`.execute(db)
  await sql`DELETE FROM link_checks WHERE status = 'unchecked'`.execute(db)
  await sql`ALTER TABLE link_checks DROP CONSTRAINT link_checks_status_check`.execute(db)
  await sql`ALTER TABLE link_checks ADD CONSTRAINT link_checks_status_check
    CHECK (status IN ('ok', 'broken'))`.execute(db)
}
