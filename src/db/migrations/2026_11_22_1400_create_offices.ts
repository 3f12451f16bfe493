import { type Kysely, sql } from 'kysely'

// Offices (محل‌های مراجعه) of agencies (R7): address, contact, accessibility and opening
// times. Weekly hours, date exceptions and closures are small lists that are always read and
// written with their office, so they live in JSONB columns of the same row (validated by the
// offices feature's Zod schema on the way in and out). Services link offices inside their
// version content (`content.offices`), not through a foreign key, because versions are
// immutable; deleting an office that a current version links is refused by the action.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE offices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      address text NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
      city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
      postal_code text NOT NULL CHECK (postal_code ~ '^[13-9]{5}[0-9]{5}$'),
      lat double precision NOT NULL CHECK (lat BETWEEN 25 AND 39.8),
      lng double precision NOT NULL CHECK (lng BETWEEN 44 AND 63.4),
      phones jsonb NOT NULL DEFAULT '[]',
      email text,
      accessibility jsonb NOT NULL DEFAULT '{"features":[],"notes":null}',
      hours jsonb NOT NULL,
      exceptions jsonb NOT NULL DEFAULT '[]',
      closures jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX offices_agency_idx ON offices (agency_id)`.execute(db)
  await sql`CREATE INDEX offices_place_idx ON offices (province_code, city)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS offices`.execute(db)
}
