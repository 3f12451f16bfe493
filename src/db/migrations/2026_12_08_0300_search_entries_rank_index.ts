import { type Kysely, sql } from 'kysely'

// The search index's rows in rank order for ties (sort key, then id), as the in-memory match
// index reads them (search.queries.ts: listMatchIndexSource): a slice at a time, each slice
// starting after the last row of the one before, so no slice sorts the whole table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX search_entries_rank_idx ON search_entries (sort_key, service_id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS search_entries_rank_idx`.execute(db)
}
