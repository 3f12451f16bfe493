import { type Kysely, sql } from 'kysely'

// Feedback read by time across every service: the monthly open-data file (features/feedback)
// and the general indicators' satisfaction, on-time and accuracy figures (features/indicators)
// ask "everything in this month / quarter". The existing indexes lead with the service, so
// those questions scanned whole tables; these lead with the time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX helpful_votes_created_idx ON helpful_votes (created_at)`.execute(db)
  await sql`CREATE INDEX ratings_created_idx ON ratings (created_at)`.execute(db)
  await sql`
    CREATE INDEX transactions_completed_idx ON transactions (completed_at)
    WHERE completed_at IS NOT NULL`.execute(db)
  await sql`CREATE INDEX accuracy_reports_received_idx ON accuracy_reports (received_at)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'helpful_votes_created_idx',
    'ratings_created_idx',
    'transactions_completed_idx',
    'accuracy_reports_received_idx',
  ])
    await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db)
}
