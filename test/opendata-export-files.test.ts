import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { pino } from 'pino'
import { loadConfig } from '../src/config.ts'
import { setServiceWithdrawn } from '../src/features/catalogue/index.ts'
import { catalogueEnvelopeSchema } from '../src/features/opendata/catalogue.format.ts'
import {
  ExportFiles,
  exportFilesOf,
  stateHashOf,
} from '../src/features/opendata/export-files.store.ts'
import { catalogueState } from '../src/features/opendata/opendata.queries.ts'
import { seedCatalogue } from '../src/features/opendata/opendata.test-helpers.ts'
import type { Actor } from '../src/lib/actor.ts'
import { createDeps, startServer } from '../src/main.ts'
import { completeContent, makeLaw, makePublishedService, makeUser } from './support/fixtures.ts'
import { createTestDb } from './support/test-db.ts'

function serviceIdsIn(jsonText: string): string[] {
  return catalogueEnvelopeSchema
    .parse(JSON.parse(jsonText))
    .services.map((s) => (s as { id: string }).id)
}

/** Download loops in a child process; resolves with how many downloads succeeded and failed. */
function downloadClients(
  url: string,
  n: number,
  ms: number,
  onReady: () => void,
): Promise<{ ok: number; failed: number }> {
  const script = `
    const [url, n, ms] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])]
    const files = ['catalogue.json', 'catalogue.csv', 'catalogue.jsonld']
    const until = Date.now() + ms
    let ok = 0, failed = 0
    process.stderr.write('ready\\n')
    await Promise.all(Array.from({ length: n }, async (_, k) => {
      for (let i = k; Date.now() < until; i++) {
        const res = await fetch(url + '/api/v1/export/' + files[i % 3])
        await res.arrayBuffer()
        if (res.status === 200) ok++; else failed++
      }
    }))
    process.stdout.write(JSON.stringify({ ok, failed }))`
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', script, url, String(n), String(ms)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stderr.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) onReady()
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`download clients exited with ${code}`))
      else resolve(JSON.parse(out) as { ok: number; failed: number })
    })
  })
}

describe('export files over HTTP (issue 11 item 5)', () => {
  it('keeps /healthz answering (p95 under 500 ms) while clients download the exports and they are rebuilt, and serves a publish after it happens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mardom-exports-'))
    const db = await createTestDb()
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
    })
    const server = await startServer(config, { ...db, close: db.cleanup })
    try {
      const seed = await seedCatalogue(server.deps)
      const law = await makeLaw(server.deps, 'قانون بار آزمون')
      const agency = seed.organisation
      for (let i = 0; i < 60; i++)
        await makePublishedService(
          server.deps,
          agency,
          completeContent(`خدمت بار ${i}`, law.id, { description: 'متن '.repeat(400) }),
        )
      const victim = seed.published[1]
      assert.ok(victim)
      const admin = await makeUser(server.deps, 'agency_admin', seed.ministry)
      const actor: Actor = {
        userId: admin.userId,
        username: admin.username,
        displayName: 'مدیر دستگاه',
        role: 'agency_admin',
        agencyId: seed.ministry.id,
        agencyNameFa: seed.ministry.nameFa,
        mustChangePassword: false,
        via: 'session',
      }

      // Six clients — in another process, as real clients are — download every format over
      // and over for three seconds, while the catalogue changes twice (so the files are
      // rebuilt under load) and /healthz is probed every 20 ms.
      // The files exist before the clients start (a fresh server builds them at start-up).
      for (const name of ['catalogue.json', 'catalogue.csv', 'catalogue.jsonld'])
        await (await fetch(`${server.url}/api/v1/export/${name}`)).arrayBuffer()
      let ready: () => void = () => {}
      const started = new Promise<void>((r) => {
        ready = r
      })
      const clients = downloadClients(server.url, 6, 3000, () => ready())
      await started
      const until = performance.now() + 2800
      const healthTimes: number[] = []
      const probe = async () => {
        while (performance.now() < until) {
          const t = performance.now()
          const res = await fetch(`${server.url}/healthz`)
          await res.text()
          healthTimes.push(performance.now() - t)
          await new Promise((r) => setTimeout(r, 20))
        }
      }
      const changes = async () => {
        await new Promise((r) => setTimeout(r, 500))
        await setServiceWithdrawn(server.deps, actor, victim.id, 'آزمون بار')
        await new Promise((r) => setTimeout(r, 800))
        await setServiceWithdrawn(server.deps, actor, victim.id, null)
      }
      const [downloads] = await Promise.all([clients, probe(), changes()])
      assert.ok(downloads.ok >= 6, `only ${downloads.ok} downloads`)
      assert.equal(downloads.failed, 0, 'every download answered 200')
      assert.ok(healthTimes.length >= 20, `only ${healthTimes.length} health probes`)
      // The stall this guards against held every probe for seconds (p99 8.9 s before the fix).
      // A busy shared machine can delay any single probe, so the bound is on the 95th
      // percentile, with no probe near the old stall; 500 ms is still a tenth of that stall
      // and held in CI at a load average of 10 on two cores, where 100 ms did not (161 ms).
      const sorted = [...healthTimes].sort((a, b) => a - b)
      const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0
      const worst = sorted.at(-1) ?? 0
      assert.ok(p95 < 500, `/healthz p95 ${Math.round(p95)} ms during the downloads`)
      assert.ok(worst < 1000, `/healthz took ${Math.round(worst)} ms once during the downloads`)

      // A withdrawal is in the next download…
      await setServiceWithdrawn(server.deps, actor, victim.id, 'پس از بار')
      const after = await fetch(`${server.url}/api/v1/export/catalogue.json`)
      assert.ok(!serviceIdsIn(await after.text()).includes(victim.id))
      // …and the files are rebuilt in the background without anyone asking (debounced): the
      // CSV for the state after a restore appears though nobody downloads it.
      await setServiceWithdrawn(server.deps, actor, victim.id, null)
      const { installation, dir } = await exportFilesOf(server.deps).place()
      const csvHash = stateHashOf(
        server.deps,
        installation,
        'csv',
        await catalogueState(server.deps.db),
      )
      const deadline = performance.now() + 5000
      let built: string | undefined
      while (performance.now() < deadline && !built) {
        await new Promise((r) => setTimeout(r, 100))
        built = readdirSync(dir).find((n) => n.startsWith(`catalogue.${csvHash}.`))
      }
      assert.ok(built, 'the CSV for the current state was built without a request')
      assert.ok(readFileSync(join(dir, built), 'utf8').includes(victim.id))
      // Other formats may still be building for the same state; once they settle, every
      // temporary file has been renamed into place.
      const tmp = () => readdirSync(dir).filter((n) => n.endsWith('.tmp')).length
      while (performance.now() < deadline + 5000 && tmp() > 0)
        await new Promise((r) => setTimeout(r, 100))
      assert.equal(tmp(), 0, 'no temporary file left')
    } finally {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('export files shared by two processes', () => {
  it('two stores on one database and one directory each rename whole files: every file parses', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mardom-exports-'))
    const db = await createTestDb()
    try {
      const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }) }
      const log = pino({ level: 'silent' })
      const a = new ExportFiles(createDeps(config, db.db, { log }))
      const bDeps = createDeps(config, db.db, { log })
      const b = new ExportFiles(bDeps)
      const seed = await seedCatalogue(bDeps)
      for (let round = 0; round < 3; round++) {
        await Promise.all([a.refresh(), b.refresh(), a.refresh(), b.refresh()])
        const { dir } = await a.place()
        const names = readdirSync(dir)
        assert.equal(names.filter((n) => n.endsWith('.tmp')).length, 0)
        for (const name of names.filter((n) => n.endsWith('.json') || n.endsWith('.jsonld')))
          JSON.parse(readFileSync(join(dir, name), 'utf8'))
        await bDeps.db
          .updateTable('services')
          .set({ publicChangedAt: new Date(Date.UTC(2030, 0, round + 1)) })
          .where('id', '=', seed.published[0]?.id ?? '')
          .execute()
      }
      assert.equal((await a.place()).dir, (await b.place()).dir, 'one installation, one directory')
    } finally {
      await db.cleanup()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
