import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../test/support/test-app.ts'
import type { TestDb } from '../../test/support/test-db.ts'
import type { Deps } from '../deps.ts'
import type { Agency } from '../features/agencies/index.ts'
import {
  checkUrl,
  countBrokenLinksByAgency,
  listBrokenLinks,
  type UrlCheckOptions,
} from '../features/channels/index.ts'
import { mapLimited } from '../features/channels/link-check.ts'
import { findCheck } from '../features/channels/link-checks.queries.ts'
import { storeFormFile } from '../features/forms/index.ts'
import type { ServiceChannel } from '../features/services/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'
import { CHECK_LINKS_LOCK, checkLinksJob } from './check-links.ts'

let server: Server
let base = ''
const seen: { method: string; path: string; ua: string }[] = []
let inFlight = 0
let maxInFlight = 0

function handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x')
  seen.push({ method: req.method ?? '', path: url.pathname, ua: req.headers['user-agent'] ?? '' })
  const hop = /^\/hop\/(\d+)$/.exec(url.pathname)
  if (hop) {
    const n = Number(hop[1])
    res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/hop/${n - 1}` } : {})
    res.end('ok')
    return
  }
  switch (url.pathname) {
    case '/ok':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>')
      return
    case '/missing':
      res.writeHead(404).end()
      return
    case '/error':
      res.writeHead(500).end()
      return
    case '/no-head':
      if (req.method === 'HEAD') res.writeHead(405).end()
      else res.writeHead(200).end('get is fine')
      return
    case '/slow':
      // Never answers within the test timeout.
      setTimeout(() => res.writeHead(200).end(), 3_000).unref()
      return
    case '/busy':
      // Counts requests in flight, to check the concurrency bound.
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      setTimeout(() => {
        inFlight--
        res.writeHead(200).end()
      }, 60)
      return
    default:
      res.writeHead(404).end()
  }
}

const opts: UrlCheckOptions = {
  timeoutMs: 300,
  userAgent: 'MardomLinkChecker/test',
  maxRedirects: 5,
}

before(async () => {
  server = createServer(handle)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => {
  server.closeAllConnections()
  server.close()
})

describe('checkUrl against a local server', () => {
  it('200 is working; sends our User-Agent with a HEAD request', async () => {
    seen.length = 0
    assert.deepEqual(await checkUrl(`${base}/ok`, opts), { ok: true, httpStatus: 200, error: null })
    assert.deepEqual(seen, [{ method: 'HEAD', path: '/ok', ua: 'MardomLinkChecker/test' }])
  })
  it('404 and 500 are broken, with the status in the Persian message', async () => {
    const r404 = await checkUrl(`${base}/missing`, opts)
    assert.equal(r404.ok, false)
    assert.equal(r404.httpStatus, 404)
    assert.match(r404.error ?? '', /HTTP ۴۰۴/)
    const r500 = await checkUrl(`${base}/error`, opts)
    assert.equal(r500.ok, false)
    assert.equal(r500.httpStatus, 500)
  })
  it('a server that does not answer in time is broken (timeout)', async () => {
    const started = Date.now()
    const r = await checkUrl(`${base}/slow`, opts)
    assert.equal(r.ok, false)
    assert.equal(r.httpStatus, null)
    assert.match(r.error ?? '', /پاسخی در/)
    assert.ok(Date.now() - started < 2_000)
  })
  it('follows up to 5 redirects, and calls a longer chain broken', async () => {
    seen.length = 0
    assert.equal((await checkUrl(`${base}/hop/5`, opts)).ok, true)
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/hop/5', '/hop/4', '/hop/3', '/hop/2', '/hop/1', '/hop/0'],
    )
    const long = await checkUrl(`${base}/hop/6`, opts)
    assert.equal(long.ok, false)
    assert.equal(long.httpStatus, 302)
    assert.match(long.error ?? '', /تغییر مسیر/)
  })
  it('falls back to GET when HEAD gets 405', async () => {
    seen.length = 0
    assert.deepEqual(await checkUrl(`${base}/no-head`, opts), {
      ok: true,
      httpStatus: 200,
      error: null,
    })
    assert.deepEqual(
      seen.map((s) => s.method),
      ['HEAD', 'GET'],
    )
  })
  it('checks at most `concurrency` links at a time', async () => {
    maxInFlight = 0
    const urls = Array.from({ length: 8 }, (_, i) => `${base}/busy?n=${i}`)
    const results = await mapLimited(urls, 3, (u) => checkUrl(u, opts))
    assert.ok(results.every((r) => r.ok))
    assert.equal(maxInFlight, 3)
  })

  it('a refused connection and a non-web address are broken', async () => {
    assert.equal((await checkUrl('http://127.0.0.1:1/', opts)).ok, false)
    assert.equal((await checkUrl('ftp://example.ir/x', opts)).ok, false)
  })
})

describe('the link-health job', () => {
  let t: TestApp
  let db: TestDb
  let deps: Deps
  let agency: Agency
  let other: Agency
  let formSha = ''

  const channel = (id: string, path: string): ServiceChannel => ({
    id,
    kind: 'e_service',
    title: `سامانهٔ ${id}`,
    url: `${base}${path}`,
    phone: null,
    code: null,
    signIn: 'none',
    signatureRequired: false,
    note: null,
  })
  const job = { concurrency: 3, url: opts }

  before(async () => {
    t = await createTestApp()
    db = t.db
    deps = t.deps
    const full = deps
    agency = await makeAgency(full)
    other = await makeAgency(full)
    const law = await makeLaw(full)
    const pdf = new TextEncoder().encode('%PDF-1.4\n% test form\n%%EOF\n')
    formSha = (await storeFormFile(db.db, pdf)).sha256
    const form = {
      sha256: formSha,
      title: 'فرم درخواست',
      code: null,
      language: 'fa' as const,
      fileName: 'f.pdf',
    }
    const missingForm = { ...form, sha256: 'b'.repeat(64), title: 'فرم گم‌شده' }
    await makePublishedService(
      full,
      agency,
      completeContent('خدمت با پیوندها', law.id, {
        channels: [
          channel('ch-ok', '/ok'),
          channel('ch-404', '/missing'),
          { ...channel('ch-web', '/no-head'), kind: 'web_page' },
          // A phone channel has no link to check.
          { ...channel('ch-tel', '/x'), kind: 'phone', url: null, phone: '021-88881234' },
        ],
        forms: [form, missingForm],
      }),
    )
    await makePublishedService(
      full,
      other,
      completeContent('خدمت دیگر', law.id, { channels: [channel('ch-500', '/error')] }),
    )
  })
  after(() => t.close())

  it('checks channel links and form files, keeps the results, lists broken ones per agency', async () => {
    const summary = await checkLinksJob(deps, db.kind, job)
    assert.deepEqual(summary, { urls: 4, formFiles: 2, broken: 3 })
    const ok = await findCheck(db.db, 'url', `${base}/ok`)
    assert.equal(ok?.status, 'ok')
    assert.equal(ok?.firstBrokenAt, null)
    assert.equal((await findCheck(db.db, 'form_file', formSha))?.status, 'ok')
    const broken = await listBrokenLinks(db.db, agency.id)
    assert.deepEqual(broken.map((b) => [b.label, b.targetKind, b.httpStatus]).sort(), [
      ['سامانهٔ ch-404', 'url', 404],
      ['فرم گم‌شده', 'form_file', null],
    ])
    assert.ok(broken.every((b) => b.inPublished && !b.inDraft))
    const counts = await countBrokenLinksByAgency(db.db)
    assert.equal(counts.get(agency.id), 2)
    assert.equal(counts.get(other.id), 1)
  })

  it('keeps the first time a link was found broken across runs', async () => {
    const first = (await findCheck(db.db, 'url', `${base}/missing`))?.firstBrokenAt
    assert.ok(first)
    t.clock.set(new Date('2026-11-23T08:00:00Z'))
    await checkLinksJob(deps, db.kind, job)
    const row = await findCheck(db.db, 'url', `${base}/missing`)
    assert.equal(row?.firstBrokenAt?.toISOString(), first.toISOString())
    assert.equal(row?.checkedAt.toISOString(), '2026-11-23T08:00:00.000Z')
  })

  it('notices a form file whose bytes no longer match its SHA-256', async () => {
    await sql`UPDATE form_files SET bytes = ${new TextEncoder().encode('%PDF-1.4\n% tast form\n%%EOF\n')} WHERE sha256 = ${formSha}`.execute(
      db.db,
    )
    await checkLinksJob(deps, db.kind, job)
    const row = await findCheck(db.db, 'form_file', formSha)
    assert.equal(row?.status, 'broken')
    assert.match(row?.error ?? '', /SHA-256/)
  })

  it('a second concurrent run does nothing while the first holds the lock', async () => {
    const before = seen.length
    let started!: () => void
    const firstRunning = new Promise<void>((r) => {
      started = r
    })
    let ranSecond = true
    const first = withAdvisoryLock(db.db, db.kind, CHECK_LINKS_LOCK, async () => {
      started()
      await new Promise<void>((r) => setTimeout(r, 200))
    })
    await firstRunning
    ranSecond = (await checkLinksJob(deps, db.kind, job)) !== null
    assert.equal(await first, true)
    assert.equal(ranSecond, false, 'the second run found the lock taken')
    assert.equal(seen.length, before, 'and checked nothing')
    // Once released, a run goes ahead.
    assert.notEqual(await checkLinksJob(deps, db.kind, job), null)
  })

  it('on PostgreSQL, a lock held by another session (another process) also stops the run', async (t) => {
    if (db.kind !== 'postgres') {
      t.skip('PGlite has one session per process; covered by the in-process guard above')
      return
    }
    await db.db.connection().execute(async (conn) => {
      await sql`SELECT pg_advisory_lock(${CHECK_LINKS_LOCK.toString()}::bigint)`.execute(conn)
      try {
        assert.equal(await checkLinksJob(deps, db.kind, job), null)
      } finally {
        await sql`SELECT pg_advisory_unlock(${CHECK_LINKS_LOCK.toString()}::bigint)`.execute(conn)
      }
    })
    assert.notEqual(await checkLinksJob(deps, db.kind, job), null)
  })
})
