import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Db } from '../../db/create-db.ts'
import { loadDemoAgencies } from './demo.load.ts'
import { loadDemoCatalogue } from './demo-catalogue.load.ts'
import { loadDemoCatalogueOneByOne } from './demo-catalogue.test-helpers.ts'
import { DEMO_SERVICES } from './demo-services.data.ts'

/**
 * The bulk demo catalogue loader (issue 16 item 4) must leave exactly the rows that publishing
 * every demo version in turn through the real publish command left: same services, versions,
 * cited-law copies, search index and vocabulary, offices, laws, form files and audit events.
 * Ids are random in both, so every id is replaced by the natural key of what it names.
 */

/** What the one-by-one loader left for the whole demo (compared in full when this was written). */
const EXPECTED_VERSION_LAWS = 485
const EXPECTED_VERSIONS_DIGEST = 'e5e9d84da81b7beb'

/** The tables the catalogue load writes (and the agencies it reads). */
const TABLES = [
  'agencies',
  'laws',
  'offices',
  'form_files',
  'form_file_uploads',
  'services',
  'service_versions',
  'version_laws',
  'search_entries',
  'search_words',
  'audit_events',
] as const

/** Columns (as read, camel-cased) that hold the real time of the run (database defaults), not the demo clock. */
const WALL_CLOCK_COLUMNS = new Set(['form_files.createdAt', 'form_file_uploads.uploadedAt'])

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

async function naturalKeys(db: Db): Promise<Map<string, string>> {
  const labels = new Map<string, string>()
  const rows = await sql<{ id: string; label: string }>`
    SELECT id::text, 'agency:' || name_fa AS label FROM agencies
    UNION ALL SELECT id::text, 'law:' || title || '|' || coalesce(number, '') FROM laws
    UNION ALL SELECT o.id::text, 'office:' || a.name_fa || '|' || o.name
      FROM offices o JOIN agencies a ON a.id = o.agency_id
    UNION ALL SELECT id::text, 'service:' || slug FROM services
    UNION ALL SELECT v.id::text, 'version:' || s.slug || '#' || v.version_no
      FROM service_versions v JOIN services s ON s.id = v.service_id`.execute(db)
  for (const r of rows.rows) labels.set(r.id, r.label)
  return labels
}

/** One digest per table over its rows, ids replaced by natural keys, in a stable order. */
async function fingerprint(db: Db): Promise<{ rows: Record<string, number>; digest: object }> {
  const labels = await naturalKeys(db)
  const rows: Record<string, number> = {}
  const digest: Record<string, string> = {}
  for (const table of TABLES) {
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db)
    const lines = result.rows.map((row) => {
      const kept = Object.fromEntries(
        Object.entries(row).filter(([column]) => !WALL_CLOCK_COLUMNS.has(`${table}.${column}`)),
      )
      return JSON.stringify(kept, (_key, value: unknown) => {
        if (typeof value === 'string' && UUID.test(value))
          return labels.get(value) ?? '<unknown id>'
        if (value instanceof Uint8Array) return createHash('sha256').update(value).digest('hex')
        // Ids inside stored JSON (a card's law, office and process references).
        if (typeof value === 'string' && (value.startsWith('{') || value.startsWith('[')))
          return value.replace(
            /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
            (id) => labels.get(id) ?? '<unknown id>',
          )
        return value
      })
    })
    lines.sort()
    rows[table] = lines.length
    digest[table] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)
  }
  return { rows, digest }
}

/**
 * Publishing one version at a time is slow, so the comparison runs on a part of the demo: every
 * service with several versions (the ones whose publishing supersedes) and every fourth other.
 */
const PART = DEMO_SERVICES.filter((s, i) => s.versions.length > 1 || i % 4 === 0)

let bulk: TestApp
let oneByOne: TestApp

before(async () => {
  ;[bulk, oneByOne] = await Promise.all([createTestApp(), createTestApp()])
  // Each on its own database, the same clock and the same agencies.
  await loadDemoCatalogue(bulk.deps, await loadDemoAgencies(bulk.deps), PART)
  await loadDemoCatalogueOneByOne(oneByOne.deps, await loadDemoAgencies(oneByOne.deps), PART)
})
after(async () => {
  await bulk.close()
  await oneByOne.close()
})

describe('the demo catalogue loaded in bulk', () => {
  it('leaves the same rows as publishing every version in turn', async () => {
    const [a, b] = await Promise.all([fingerprint(bulk.deps.db), fingerprint(oneByOne.deps.db)])
    assert.deepEqual(a.rows, b.rows)
    assert.deepEqual(a.digest, b.digest)
    const versions = PART.reduce((n, s) => n + s.versions.length, 0)
    assert.ok(versions > PART.length)
    assert.equal(a.rows.services, PART.length)
    assert.equal(a.rows.service_versions, versions)
    assert.equal(a.rows.search_entries, PART.length)
    assert.ok((a.rows.version_laws ?? 0) > 0)
    assert.ok((a.rows.search_words ?? 0) > 0)
  })

  it('shows the same history page for a service with several versions', async () => {
    const several = PART.find((s) => s.versions.length >= 3)
    assert.ok(several)
    const [a, b] = await Promise.all(
      [bulk, oneByOne].map(async (t) => {
        const res = await t.app.request(`/services/${several.slug}/history`)
        assert.equal(res.status, 200)
        return (await res.text()).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
      }),
    )
    assert.equal(a, b)
  })
})

describe('the whole demo catalogue loaded in bulk', () => {
  it('has every service, version and index row, and the published cards it always had', async () => {
    const t = await createTestApp()
    try {
      await loadDemoCatalogue(t.deps, await loadDemoAgencies(t.deps))
      const { rows, digest } = await fingerprint(t.deps.db)
      assert.equal(rows.services, 325)
      assert.equal(rows.service_versions, 412)
      assert.equal(rows.search_entries, 325)
      assert.equal(rows.version_laws, EXPECTED_VERSION_LAWS)
      // The vocabulary's size is search's business (its tokens may change); not pinned here.
      assert.ok((rows.search_words ?? 0) > 1000)
      assert.equal(
        (digest as Record<string, string>).service_versions,
        EXPECTED_VERSIONS_DIGEST,
        'the demo cards changed: if on purpose, update the digest',
      )
    } finally {
      await t.close()
    }
  })
})
