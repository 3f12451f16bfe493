import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { loadConfig } from '../src/config.ts'
import { type Db, openPglite, openPostgres } from '../src/db/create-db.ts'
import { createApiToken } from '../src/features/accounts/index.ts'
import { runBackup, runRestore } from '../src/features/backup/index.ts'
import { loadDemoData } from '../src/features/demo/demo.load.ts'
import { seedCatalogue } from '../src/features/opendata/opendata.test-helpers.ts'
import { systemClock } from '../src/lib/clock.ts'
import { createDeps, openAndMigrate, startServer } from '../src/main.ts'
import { makeToken, makeUser } from './support/fixtures.ts'
import { testDatabaseUrl } from './support/test-db.ts'

/** Every row of every table (as PostgreSQL's JSON text, sorted), by table. */
async function everyRow(db: Db): Promise<Map<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1`.execute(db)
  const out = new Map<string, string[]>()
  for (const { name } of tables) {
    if (name === 'kysely_migration_lock') continue
    const column = name === 'kysely_migration' ? sql`t.name` : sql`row_to_json(t)::text`
    const { rows } = await sql<{ j: string }>`
      SELECT ${column} AS j FROM ${sql.table(name)} t ORDER BY 1`.execute(db)
    out.set(
      name,
      rows.map((r) => r.j),
    )
  }
  return out
}

async function sequences(db: Db): Promise<Record<string, string>> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY 1`.execute(db)
  const out: Record<string, string> = {}
  for (const { name } of rows) {
    const { rows: s } = await sql<{ v: string }>`
      SELECT last_value::text || '/' || is_called::text AS v FROM ${sql.table(name)}`.execute(db)
    out[name] = s[0]?.v ?? ''
  }
  return out
}

describe('mardom backup and restore (issue 11 item 15)', () => {
  it('backs up a running demo through the portal, restores it into a fresh directory, and every table matches row for row', async () => {
    const from = mkdtempSync(join(tmpdir(), 'mardom-bk-a-'))
    const to = mkdtempSync(join(tmpdir(), 'mardom-bk-b-'))
    const file = join(mkdtempSync(join(tmpdir(), 'mardom-bk-f-')), 'backup.mardom.gz')
    const configA = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: from })
    const configB = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: to })
    const server = await startServer(configA, await openAndMigrate(configA))
    let stopped = false
    try {
      const accounts = await loadDemoData(server.deps)
      const someone = accounts[0]
      assert.ok(someone)
      const user = await server.deps.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', someone.username)
        .executeTakeFirstOrThrow()
      await createApiToken(server.deps, null, user.id, 'integration')
      const signIn = await fetch(`${server.url}/healthz`)
      assert.equal(signIn.status, 200)
      const formFiles = await server.deps.db
        .selectFrom('formFiles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      assert.ok(Number(formFiles.n) > 0, 'the demo has form files to carry')

      // Online: the portal holds the data directory; the backup is taken by the portal itself.
      const backup = await runBackup(configA, systemClock, file)
      assert.equal(backup.via, 'running portal')
      assert.ok(backup.summary.rows > 1000, `${backup.summary.rows} rows`)
      assert.equal(statSync(file).mode & 0o777, 0o600, 'the backup holds password hashes')
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'still serving')

      // A restore onto the running portal's directory is refused.
      await assert.rejects(runRestore(configA, systemClock, file, { force: true }), /running/)

      const report = await runRestore(configB, systemClock, file, { force: false })
      assert.equal(report.rows, backup.summary.rows)

      const source = await everyRow(server.deps.db)
      const sourceSequences = await sequences(server.deps.db)
      const restoredHandle = await openPglite({ dataDir: to })
      try {
        const restored = await everyRow(restoredHandle.db)
        assert.deepEqual([...restored.keys()], [...source.keys()], 'the same tables')
        for (const [table, rows] of source) {
          const got = restored.get(table) ?? []
          if (table === 'sessions' || table === 'api_tokens') {
            assert.ok(rows.length > 0 || table === 'sessions', `${table} had rows to leave out`)
            assert.deepEqual(got, [], `${table}: credentials are not restored`)
          } else if (table === 'audit_events') {
            const extra = got.filter((r) => !rows.includes(r))
            assert.equal(extra.length, 1, 'one audit event more: the restore itself')
            assert.match(extra[0] ?? '', /"action":"restore"/)
            assert.deepEqual(
              got.filter((r) => rows.includes(r)),
              rows,
            )
          } else {
            assert.equal(got.length, rows.length, `${table}: row count`)
            assert.deepEqual(got, rows, `${table}: rows`)
          }
        }
        const restoredSequences = await sequences(restoredHandle.db)
        for (const [name, value] of Object.entries(sourceSequences)) {
          if (name.startsWith('audit_events')) continue // moved on by the restore's own event
          assert.equal(restoredSequences[name], value, `sequence ${name}`)
        }
      } finally {
        await restoredHandle.close()
      }

      // A second restore into the now non-empty directory needs --force.
      await assert.rejects(runRestore(configB, systemClock, file, { force: false }), /not empty/)

      // With the portal stopped, the backup opens the directory itself.
      await server.stop()
      stopped = true
      const offline = await runBackup(configA, systemClock, `${file}.2`)
      assert.equal(offline.via, 'database')
      assert.equal(offline.summary.rows, backup.summary.rows)
    } finally {
      if (!stopped) await server.stop()
      for (const dir of [from, to]) rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** Every table equal, but sessions and API tokens left out and one more audit event. */
function assertRestored(source: Map<string, string[]>, restored: Map<string, string[]>): void {
  assert.deepEqual([...restored.keys()], [...source.keys()], 'the same tables')
  for (const [table, rows] of source) {
    const got = restored.get(table) ?? []
    if (table === 'sessions' || table === 'api_tokens') assert.deepEqual(got, [], table)
    else if (table === 'audit_events') {
      assert.equal(got.length, rows.length + 1, 'one audit event more: the restore itself')
      assert.deepEqual(
        got.filter((r) => rows.includes(r)),
        rows,
      )
    } else assert.deepEqual(got, rows, `${table}: rows`)
  }
}

describe('backup and restore on PostgreSQL', {
  skip: !testDatabaseUrl && 'TEST_DATABASE_URL not set',
}, () => {
  it('backs up a PostgreSQL database and restores it into another one and into PGlite', async () => {
    const server = testDatabaseUrl ?? ''
    const names = ['a', 'b'].map((x) => `mardom_bk_${x}_${process.pid}_${Date.now() % 100000}`)
    const urlOf = (name: string) => {
      const u = new URL(server)
      u.pathname = `/${name}`
      return u.toString()
    }
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    const dir = mkdtempSync(join(tmpdir(), 'mardom-bk-pg-'))
    const file = join(dir, 'backup.gz')
    try {
      for (const n of names) await admin.query(`CREATE DATABASE ${n}`)
      const [a = '', b = ''] = names.map(urlOf)
      const configA = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: a })
      const handleA = await openAndMigrate(configA)
      const source = createDeps(configA, handleA.db)
      try {
        const seed = await seedCatalogue(source)
        const user = await makeUser(source, 'agency_admin', seed.organisation)
        await makeToken(source, user.userId)
        const backup = await runBackup(configA, systemClock, file)
        assert.equal(backup.via, 'database')
        const before = await everyRow(handleA.db)

        const configB = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: b })
        await runRestore(configB, systemClock, file, { force: false })
        const handleB = openPostgres(b)
        try {
          assertRestored(before, await everyRow(handleB.db))
        } finally {
          await handleB.close()
        }

        const configC = loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATA_DIR: join(dir, 'pglite'),
        })
        await runRestore(configC, systemClock, file, { force: false })
        const handleC = await openPglite({ dataDir: join(dir, 'pglite') })
        try {
          assertRestored(before, await everyRow(handleC.db))
        } finally {
          await handleC.close()
        }
      } finally {
        await handleA.close()
      }
    } finally {
      for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`)
      await admin.end()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
