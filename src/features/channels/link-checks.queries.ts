import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export type TargetKind = 'url' | 'form_file'

/**
 * What the link-health job checks: the URLs of e-service, web-page and mobile-app channels, and
 * the SHA-256 of form files, in published and draft versions (drafts too, so a broken link is
 * caught before it is published).
 */
export async function listLinkTargets(
  db: Executor,
): Promise<{ urls: string[]; formFiles: string[] }> {
  const urls = await sql<{ target: string }>`
    SELECT DISTINCT ch->>'url' AS target
    FROM service_versions v
    CROSS JOIN LATERAL jsonb_array_elements(COALESCE(v.content->'channels', '[]'::jsonb)) AS ch
    WHERE v.status IN ('published', 'draft')
      AND ch->>'kind' IN ('e_service', 'web_page', 'mobile_app')
      AND coalesce(ch->>'url', '') <> ''
    ORDER BY 1`.execute(db)
  const forms = await sql<{ target: string }>`
    SELECT DISTINCT f->>'sha256' AS target
    FROM service_versions v
    CROSS JOIN LATERAL jsonb_array_elements(COALESCE(v.content->'forms', '[]'::jsonb)) AS f
    WHERE v.status IN ('published', 'draft') AND coalesce(f->>'sha256', '') <> ''
    ORDER BY 1`.execute(db)
  return { urls: urls.rows.map((r) => r.target), formFiles: forms.rows.map((r) => r.target) }
}

export interface CheckOutcome {
  targetKind: TargetKind
  target: string
  ok: boolean
  /** Deliberately not checked (offline installation): neither working nor broken. */
  unchecked?: boolean
  httpStatus: number | null
  error: string | null
}

/** Stores a check's outcome; `first_broken_at` is kept while the target stays broken. */
export async function recordCheck(db: Executor, o: CheckOutcome, now: Date): Promise<void> {
  const status = o.unchecked ? 'unchecked' : o.ok ? 'ok' : 'broken'
  await db
    .insertInto('linkChecks')
    .values({
      targetKind: o.targetKind,
      target: o.target,
      status,
      httpStatus: o.httpStatus,
      error: o.error,
      checkedAt: now,
      firstBrokenAt: status === 'broken' ? now : null,
    })
    .onConflict((oc) =>
      oc.columns(['targetKind', 'target']).doUpdateSet({
        status: (eb) => eb.ref('excluded.status'),
        httpStatus: (eb) => eb.ref('excluded.httpStatus'),
        error: (eb) => eb.ref('excluded.error'),
        checkedAt: (eb) => eb.ref('excluded.checkedAt'),
        firstBrokenAt: sql<Date | null>`CASE WHEN excluded.status <> 'broken' THEN NULL
          ELSE coalesce(link_checks.first_broken_at, excluded.first_broken_at) END`,
      }),
    )
    .execute()
}

/** Forgets results of targets no service uses any more. */
export async function pruneChecks(
  db: Executor,
  kind: TargetKind,
  keep: readonly string[],
): Promise<number> {
  let q = db.deleteFrom('linkChecks').where('targetKind', '=', kind)
  if (keep.length) q = q.where('target', 'not in', [...keep])
  const r = await q.executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** Why this installation checks links offline (the reason and since when), or undefined. */
export async function findOfflineMark(db: Executor) {
  return db.selectFrom('linkCheckOffline').select(['reason', 'since']).executeTakeFirst()
}

/** Puts the installation's link checking offline for good; a second mark changes nothing. */
export async function insertOfflineMark(db: Executor, reason: string, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('linkCheckOffline')
    .values({ reason, since: now })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function findCheck(db: Executor, kind: TargetKind, target: string) {
  return db
    .selectFrom('linkChecks')
    .selectAll()
    .where('targetKind', '=', kind)
    .where('target', '=', target)
    .executeTakeFirst()
}

export interface BrokenLink {
  serviceId: string
  serviceTitle: string
  /** Where the broken target appears: the published version, the draft, or both. */
  inPublished: boolean
  inDraft: boolean
  targetKind: TargetKind
  target: string
  /** The channel's or form's title. */
  label: string
  httpStatus: number | null
  error: string | null
  firstBrokenAt: Date
  checkedAt: Date
}

interface BrokenRow {
  serviceId: string
  serviceTitle: string
  versionStatus: string
  targetKind: TargetKind
  target: string
  label: string
  httpStatus: number | null
  error: string | null
  firstBrokenAt: Date
  checkedAt: Date
}

/** The broken links and form files of an agency's services (published and draft versions). */
export async function listBrokenLinks(db: Executor, agencyId: string): Promise<BrokenLink[]> {
  const rows = await sql<BrokenRow>`
    SELECT s.id AS "serviceId", v.title AS "serviceTitle", v.status AS "versionStatus",
      lc.target_kind AS "targetKind", lc.target, t.label, lc.http_status AS "httpStatus",
      lc.error, lc.first_broken_at AS "firstBrokenAt", lc.checked_at AS "checkedAt"
    FROM services s
    JOIN service_versions v ON v.service_id = s.id AND v.status IN ('published', 'draft')
    CROSS JOIN LATERAL (
      SELECT 'url' AS kind, ch->>'url' AS target, ch->>'title' AS label
      FROM jsonb_array_elements(COALESCE(v.content->'channels', '[]'::jsonb)) AS ch
      WHERE ch->>'kind' IN ('e_service', 'web_page', 'mobile_app')
      UNION ALL
      SELECT 'form_file', f->>'sha256', f->>'title'
      FROM jsonb_array_elements(COALESCE(v.content->'forms', '[]'::jsonb)) AS f
    ) AS t
    JOIN link_checks lc ON lc.target_kind = t.kind AND lc.target = t.target AND lc.status = 'broken'
    WHERE s.agency_id = ${agencyId}
    ORDER BY v.sort_key, s.id, lc.target`.execute(db)
  const byKey = new Map<string, BrokenLink>()
  for (const r of rows.rows) {
    const key = `${r.serviceId} ${r.targetKind} ${r.target}`
    const seen = byKey.get(key)
    const published = r.versionStatus === 'published'
    if (seen) {
      if (published) seen.inPublished = true
      else seen.inDraft = true
      continue
    }
    byKey.set(key, {
      serviceId: r.serviceId,
      serviceTitle: r.serviceTitle,
      inPublished: published,
      inDraft: !published,
      targetKind: r.targetKind,
      target: r.target,
      label: r.label,
      httpStatus: r.httpStatus,
      error: r.error,
      firstBrokenAt: r.firstBrokenAt,
      checkedAt: r.checkedAt,
    })
  }
  return [...byKey.values()]
}

/** How many of an agency's links (distinct targets) were deliberately not checked (offline). */
export async function countUncheckedLinks(db: Executor, agencyId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(DISTINCT lc.target)::int AS n
    FROM services s
    JOIN service_versions v ON v.service_id = s.id AND v.status IN ('published', 'draft')
    CROSS JOIN LATERAL jsonb_array_elements(COALESCE(v.content->'channels', '[]'::jsonb)) AS ch
    JOIN link_checks lc ON lc.target_kind = 'url' AND lc.target = ch->>'url'
      AND lc.status = 'unchecked'
    WHERE s.agency_id = ${agencyId}
      AND ch->>'kind' IN ('e_service', 'web_page', 'mobile_app')`.execute(db)
  return r.rows[0]?.n ?? 0
}

/** How many broken links (distinct service and target) each agency has, for the central staff. */
export async function countBrokenLinksByAgency(db: Executor): Promise<Map<string, number>> {
  const rows = await sql<{ agencyId: string; broken: number }>`
    SELECT s.agency_id AS "agencyId", count(DISTINCT (s.id, t.kind, t.target))::int AS broken
    FROM services s
    JOIN service_versions v ON v.service_id = s.id AND v.status IN ('published', 'draft')
    CROSS JOIN LATERAL (
      SELECT 'url' AS kind, ch->>'url' AS target
      FROM jsonb_array_elements(COALESCE(v.content->'channels', '[]'::jsonb)) AS ch
      WHERE ch->>'kind' IN ('e_service', 'web_page', 'mobile_app')
      UNION ALL
      SELECT 'form_file', f->>'sha256'
      FROM jsonb_array_elements(COALESCE(v.content->'forms', '[]'::jsonb)) AS f
    ) AS t
    JOIN link_checks lc ON lc.target_kind = t.kind AND lc.target = t.target AND lc.status = 'broken'
    GROUP BY s.agency_id`.execute(db)
  return new Map(rows.rows.map((r) => [r.agencyId, r.broken]))
}
