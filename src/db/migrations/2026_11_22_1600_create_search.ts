import { type Kysely, sql } from 'kysely'

// Catalogue search (DESIGN §6, R2). One row per published, not withdrawn service, kept up to date
// in the transaction that publishes, withdraws or restores it. The key columns hold the words of
// the loose search key (`searchTokens` in lib/fa/normalize.ts, computed in JS at index time and
// at query time), so PostgreSQL only ever sees folded letters and digits separated by spaces:
//   title_key / names_key / body_key — title; popular names and keywords; everything else
//     (summary, agency names up to the ministry, document names); `names_key` and the compact
//     columns separate entries with '|' so a match cannot run across two of them;
//   title_compact / names_compact / all_compact — the same without spaces (ZWNJ, space and no
//     space meet), trigram-indexed for substring matches;
//   document — weighted `simple` tsvector (A title, B names, C body) for word-prefix matches;
//   head_key / head_doc — the words of the title and names only (and their joined pairs), so
//     the services with the query in their title or names are found from an index and only
//     those get the full ranking score.
// audience_bits / life_event_bits repeat the two arrays as bit sets (bit i = the i-th value of
// AUDIENCES / LIFE_EVENTS in the service model), so filters and facet counts over thousands of
// matches are integer tests rather than array scans.
// search_words is the vocabulary (with document frequency) that typo correction and "did you
// mean" look words up in (pg_trgm similarity). search_zero_results counts queries that found
// nothing, per Tehran day: the normalised query only, no person, session or address.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE search_entries (
      service_id uuid PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      version_no integer NOT NULL,
      slug text NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      sort_key text COLLATE "C" NOT NULL,
      title_key text NOT NULL,
      names_key text NOT NULL,
      body_key text NOT NULL,
      title_compact text NOT NULL,
      names_compact text NOT NULL,
      all_compact text NOT NULL,
      head_key text NOT NULL,
      words text[] NOT NULL,
      document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_key), 'A') ||
        setweight(to_tsvector('simple'::regconfig, names_key), 'B') ||
        setweight(to_tsvector('simple'::regconfig, body_key), 'C')
      ) STORED,
      head_doc tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, head_key)) STORED,
      audiences text[] NOT NULL,
      life_events text[] NOT NULL,
      audience_bits integer NOT NULL,
      life_event_bits integer NOT NULL,
      province_code text,
      online boolean NOT NULL,
      published_at timestamptz NOT NULL
    )`.execute(db)
  // Keep the heap narrow: a common word matches thousands of rows, and the scan then visits
  // their heap pages for the facet columns and the short keys the ranking reads. Everything
  // else (tsvectors, which the GIN indexes answer without a recheck; long keys; display text)
  // goes out of line. Measured at 20,000 services: heap 38 MB → 12 MB, a common word ~40 % faster.
  // sort_key stays in line (MAIN): the page is ordered by score, then sort key, and with the
  // default storage the toaster (target 256) moved the key out of line, so reading it meant a
  // TOAST fetch (measured: max(sort_key) over the 45,000 matches of «صدور» at 100,000 services,
  // ~400 ms → ~30 ms).
  await sql`ALTER TABLE search_entries SET (toast_tuple_target = 256)`.execute(db)
  await sql`
    ALTER TABLE search_entries
      ALTER COLUMN document SET STORAGE EXTERNAL,
      ALTER COLUMN head_doc SET STORAGE EXTERNAL,
      ALTER COLUMN head_key SET STORAGE EXTERNAL,
      ALTER COLUMN words SET STORAGE EXTERNAL,
      ALTER COLUMN body_key SET STORAGE EXTERNAL,
      ALTER COLUMN all_compact SET STORAGE EXTERNAL,
      ALTER COLUMN summary SET STORAGE EXTERNAL,
      ALTER COLUMN title SET STORAGE EXTERNAL,
      ALTER COLUMN sort_key SET STORAGE MAIN,
      ALTER COLUMN title_compact SET STORAGE MAIN,
      ALTER COLUMN title_key SET STORAGE MAIN,
      ALTER COLUMN names_key SET STORAGE MAIN,
      ALTER COLUMN names_compact SET STORAGE MAIN`.execute(db)
  await sql`CREATE INDEX search_entries_document_idx ON search_entries USING gin (document)`.execute(
    db,
  )
  await sql`CREATE INDEX search_entries_head_idx ON search_entries USING gin (head_doc)`.execute(db)
  await sql`CREATE INDEX search_entries_all_compact_trgm ON search_entries USING gin (all_compact gin_trgm_ops)`.execute(
    db,
  )
  await sql`CREATE INDEX search_entries_title_trgm ON search_entries USING gin (title_key gin_trgm_ops)`.execute(
    db,
  )
  await sql`CREATE INDEX search_entries_agency_idx ON search_entries (agency_id)`.execute(db)

  await sql`
    CREATE TABLE search_words (
      word text COLLATE "C" PRIMARY KEY,
      df integer NOT NULL CHECK (df > 0)
    )`.execute(db)
  // GiST, not GIN: typo correction asks for the nearest words (`ORDER BY word <-> $1 LIMIT n`),
  // which only GiST answers by walking the index.
  await sql`CREATE INDEX search_words_trgm ON search_words USING gist (word gist_trgm_ops)`.execute(
    db,
  )

  await sql`
    CREATE TABLE search_zero_results (
      day date NOT NULL,
      query text NOT NULL CHECK (length(query) BETWEEN 1 AND 100),
      count integer NOT NULL CHECK (count > 0),
      PRIMARY KEY (day, query)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE search_zero_results`.execute(db)
  await sql`DROP TABLE search_words`.execute(db)
  await sql`DROP TABLE search_entries`.execute(db)
}
