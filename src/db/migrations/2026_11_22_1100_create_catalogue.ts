import { type Kysely, sql } from 'kysely'

// The laws registry and the service catalogue: a stable root per service and
// immutable versions (draft → published → superseded) holding the card as JSON.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE laws (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 2 AND 500),
      kind text NOT NULL CHECK (kind IN ('law','regulation','bylaw','circular')),
      number text,
      approved_on date,
      url text,
      added_by_agency_id uuid REFERENCES agencies(id) ON DELETE SET NULL,
      sort_key text COLLATE "C" NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX laws_title_number_idx ON laws (title, coalesce(number, ''))`.execute(
    db,
  )
  await sql`CREATE INDEX laws_sort_idx ON laws (sort_key)`.execute(db)

  await sql`
    CREATE TABLE services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
      created_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawn_reason text,
      CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX services_agency_idx ON services (agency_id)`.execute(db)

  await sql`
    CREATE TABLE service_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      version_no integer NOT NULL CHECK (version_no >= 1),
      status text NOT NULL CHECK (status IN ('draft','published','superseded')),
      content jsonb NOT NULL,
      title text NOT NULL,
      sort_key text COLLATE "C" NOT NULL,
      audiences text[] NOT NULL DEFAULT '{}',
      life_events text[] NOT NULL DEFAULT '{}',
      revision integer NOT NULL DEFAULT 1,
      change_note text,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      published_at timestamptz,
      published_by uuid REFERENCES users(id) ON DELETE SET NULL,
      UNIQUE (service_id, version_no),
      CHECK ((status = 'draft') = (published_at IS NULL)),
      CHECK (status = 'draft' OR change_note IS NOT NULL)
    )`.execute(db)
  // At most one draft and one published version per service.
  await sql`CREATE UNIQUE INDEX service_versions_one_draft ON service_versions (service_id) WHERE status = 'draft'`.execute(
    db,
  )
  await sql`CREATE UNIQUE INDEX service_versions_one_published ON service_versions (service_id) WHERE status = 'published'`.execute(
    db,
  )
  await sql`CREATE INDEX service_versions_published_sort ON service_versions (sort_key) WHERE status = 'published'`.execute(
    db,
  )
  await sql`CREATE INDEX service_versions_audiences ON service_versions USING gin (audiences) WHERE status = 'published'`.execute(
    db,
  )
  await sql`CREATE INDEX service_versions_life_events ON service_versions USING gin (life_events) WHERE status = 'published'`.execute(
    db,
  )

  // A published or superseded version is a public record: its content never changes,
  // and it is never deleted. Only the status may move published → superseded.
  await sql`
    CREATE FUNCTION service_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'service version % is a public record and cannot be deleted', OLD.id;
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status = 'superseded'
         OR (OLD.status = 'published' AND (
              NEW.status <> 'superseded'
              OR NEW.content IS DISTINCT FROM OLD.content
              OR NEW.version_no <> OLD.version_no
              OR NEW.change_note IS DISTINCT FROM OLD.change_note
              OR NEW.published_at IS DISTINCT FROM OLD.published_at)) THEN
        RAISE EXCEPTION 'service version % is published and cannot be changed', OLD.id;
      END IF;
      RETURN NEW;
    END $$`.execute(db)
  await sql`
    CREATE TRIGGER service_versions_guard BEFORE UPDATE OR DELETE ON service_versions
    FOR EACH ROW EXECUTE FUNCTION service_versions_guard()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS service_versions`.execute(db)
  await sql`DROP FUNCTION IF EXISTS service_versions_guard()`.execute(db)
  await sql`DROP TABLE IF EXISTS services`.execute(db)
  await sql`DROP TABLE IF EXISTS laws`.execute(db)
}
