import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

// «آیا این صفحه مفید بود؟» and the abuse controls of every public form (issue 13 items 1, 5, 6).
//
// public_form_hits holds what the rate limits and the duplicate check need, and nothing a
// person could be found by: the address, the browser's cookie and the content only as HMACs
// under public_form_key (a random key made here, never leaving the database), kept 30 days.
// Rows are written in the same transaction as the submission they let through, and counted
// under a transaction-scoped advisory lock per address, so the limit holds across processes.
//
// feedback_rollups keeps one row per service with running totals, updated in the vote's
// transaction: pages read this row, never the votes. shown_total/shown_at record when the
// cached service page was last dropped for new figures (it is dropped in batches).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE public_form_key (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      key bytea NOT NULL CHECK (length(key) = 32)
    )`.execute(db)
  await sql`INSERT INTO public_form_key (key) VALUES (${randomBytes(32)})`.execute(db)

  await sql`
    CREATE TABLE public_form_hits (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      form text NOT NULL CHECK (form ~ '^[a-z][a-z0-9-]{0,39}$'),
      address_hash text NOT NULL CHECK (address_hash ~ '^[A-Za-z0-9_-]{43}$'),
      browser_hash text CHECK (browser_hash ~ '^[A-Za-z0-9_-]{43}$'),
      content_hash text NOT NULL CHECK (content_hash ~ '^[A-Za-z0-9_-]{43}$'),
      at timestamptz NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX public_form_hits_address_idx ON public_form_hits (form, address_hash, at)`.execute(
    db,
  )
  await sql`CREATE INDEX public_form_hits_browser_idx ON public_form_hits (form, browser_hash, at) WHERE browser_hash IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX public_form_hits_at_idx ON public_form_hits (at)`.execute(db)

  await sql`
    CREATE TABLE helpful_votes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      version_no integer NOT NULL CHECK (version_no >= 1),
      helpful boolean NOT NULL,
      created_at timestamptz NOT NULL,
      missing text CHECK (length(missing) BETWEEN 1 AND 2000),
      section text CHECK (section IN ('description', 'laws', 'documents', 'fees', 'forms',
        'process', 'offices', 'channels')),
      followed_up_at timestamptz,
      -- Only a «خیر» gets the follow-up question; an answer says what or where, or both.
      CHECK (helpful = false OR followed_up_at IS NULL),
      CHECK ((followed_up_at IS NULL) = (missing IS NULL AND section IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX helpful_votes_service_idx ON helpful_votes (service_id, created_at)`.execute(
    db,
  )

  await sql`
    CREATE TABLE feedback_rollups (
      service_id uuid PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
      helpful_yes integer NOT NULL DEFAULT 0 CHECK (helpful_yes >= 0),
      helpful_no integer NOT NULL DEFAULT 0 CHECK (helpful_no >= 0),
      shown_total integer NOT NULL DEFAULT 0 CHECK (shown_total >= 0),
      shown_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS feedback_rollups`.execute(db)
  await sql`DROP TABLE IF EXISTS helpful_votes`.execute(db)
  await sql`DROP TABLE IF EXISTS public_form_hits`.execute(db)
  await sql`DROP TABLE IF EXISTS public_form_key`.execute(db)
}
