import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createRequire, syncBuiltinESMExports } from 'node:module'
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
  OFFLINE_RESULT,
  setLinkChecksOffline,
  type UrlCheckOptions,
} from '../features/channels/index.ts'
import { DEFAULT_URL_CHECK, mapLimited } from '../features/channels/link-check.ts'
import { findCheck } from '../features/channels/link-checks.queries.ts'
import { storeFormFile } from '../features/forms/index.ts'
import { channelSchema, type ServiceChannel } from '../features/services/index.ts'
import {
  PUBLIC_WEB,
  type ReachPolicy,
  type ResolvedAddress,
  systemResolver,
} from '../lib/net/guarded-request.ts'
import { isPublicAddress } from '../lib/net/public-address.ts'
import { webUrlProblem } from '../lib/net/public-url.ts'
import { withAdvisoryLock } from './advisory-lock.ts'
import { CHECK_LINKS_LOCK, checkLinksJob } from './check-links.ts'

/*
 * Two loopback servers. `site` plays a public web site: the tests reach it as
 * http://site.gov.ir:<port> through an injected resolver, and the test policy allows exactly
 * that name at 127.0.0.1 (and any port, since test servers have random ones). `internal` plays
 * a host on the portal's own network: nothing may ever reach it, however a link or a redirect
 * spells its address. The default policy (`PUBLIC_WEB`) is checked separately to refuse both.
 */

// Every system DNS lookup made in this file is counted (the checker must make none offline).
const require = createRequire(import.meta.url)
const dnsPromises: typeof import('node:dns/promises') = require('node:dns/promises')
const dnsCallback: typeof import('node:dns') = require('node:dns')
let systemLookups = 0
{
  const realPromise = dnsPromises.lookup
  const realCallback = dnsCallback.lookup
  Object.assign(dnsPromises, {
    lookup: (...args: Parameters<typeof realPromise>) => {
      systemLookups++
      return realPromise(...args)
    },
  })
  Object.assign(dnsCallback, {
    lookup: (...args: Parameters<typeof realCallback>) => {
      systemLookups++
      return Reflect.apply(realCallback, dnsCallback, args)
    },
  })
  syncBuiltinESMExports()
}

let site: Server
let internal: Server
let sitePort = 0
let internalPort = 0
let base = ''
const seen: { method: string; path: string; ua: string }[] = []
const internalSeen: string[] = []
let inFlight = 0
let maxInFlight = 0

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x')
  seen.push({ method: req.method ?? '', path: url.pathname, ua: req.headers['user-agent'] ?? '' })
  const hop = /^\/hop\/(\d+)$/.exec(url.pathname)
  if (hop) {
    const n = Number(hop[1])
    res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/hop/${n - 1}` } : {})
    res.end('ok')
    return
  }
  const drip = /^\/drip\/(\d+)$/.exec(url.pathname)
  if (drip) {
    // Each hop answers in 150 ms, well within the limit; the chain as a whole does not.
    const n = Number(drip[1])
    setTimeout(() => {
      res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/drip/${n - 1}` } : {}).end()
    }, 150).unref()
    return
  }
  if (url.pathname.startsWith('/to/')) {
    // A redirect to wherever the query says (the internal server, in some spelling).
    res.writeHead(302, { location: url.searchParams.get('u') ?? '/' }).end()
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
    case '/huge-head':
      // 64 KiB of headers.
      res.writeHead(200, { 'x-padding': 'a'.repeat(64 * 1024) }).end()
      return
    case '/endless': {
      // HEAD is refused, so GET is used; its body never ends: the checker must not read it.
      if (req.method === 'HEAD') {
        res.writeHead(405).end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once('drain', pump)
      }
      res.on('error', () => {})
      pump()
      return
    }
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

/** A resolver standing in for DNS; counts its calls. */
let resolverCalls: string[] = []
const zone: Record<string, string[]> = {
  'site.gov.ir': ['127.0.0.1'],
  // Names on the portal's network, or that mix a public and a private answer.
  'internal.gov.ir': ['127.0.0.1'],
  'mixed.gov.ir': ['8.8.8.8', '127.0.0.1'],
  'metadata.gov.ir': ['169.254.169.254'],
  'v6loop.gov.ir': ['::1'],
  'mapped.gov.ir': ['::ffff:127.0.0.1'],
}
async function fakeDns(hostname: string): Promise<ResolvedAddress[]> {
  resolverCalls.push(hostname)
  const found = zone[hostname]
  if (!found)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
}

/**
 * The test policy: the default's rules, except that ports are allowed (test servers have
 * random ones) and `site.gov.ir` may be reached at 127.0.0.1. Nothing else on loopback.
 */
const testPolicy: ReachPolicy = {
  resolve: fakeDns,
  urlProblem: (url) => {
    const withoutPort = new URL(url)
    withoutPort.port = ''
    return webUrlProblem(withoutPort)
  },
  addressAllowed: (address, url) =>
    (url.hostname === 'site.gov.ir' && address === '127.0.0.1') || isPublicAddress(address),
}

/** Generous time: only the time-limit tests are about time, so the others cannot be flaky. */
const opts: UrlCheckOptions = {
  ...DEFAULT_URL_CHECK,
  timeoutMs: 10_000,
  userAgent: 'MardomLinkChecker/test',
  policy: testPolicy,
}
const quick: UrlCheckOptions = { ...opts, timeoutMs: 400 }

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return (server.address() as AddressInfo).port
}

before(async () => {
  site = createServer(handle)
  internal = createServer((req, res) => {
    internalSeen.push(`${req.method} ${req.url}`)
    res.writeHead(200).end('secret')
  })
  sitePort = await listen(site)
  internalPort = await listen(internal)
  base = `http://site.gov.ir:${sitePort}`
})
after(() => {
  for (const s of [site, internal]) {
    s.closeAllConnections()
    s.close()
  }
})

describe('checkUrl against a local server', () => {
  it('200 is working; sends our User-Agent with a HEAD request', async () => {
    seen.length = 0
    assert.deepEqual(await checkUrl(`${base}/ok`, opts), {
      ok: true,
      httpStatus: 200,
      error: null,
      refused: false,
    })
    assert.deepEqual(seen, [{ method: 'HEAD', path: '/ok', ua: 'MardomLinkChecker/test' }])
  })
  it('404 and 500 are broken, with the status in the Persian detail', async () => {
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
    const r = await checkUrl(`${base}/slow`, quick)
    assert.equal(r.ok, false)
    assert.equal(r.httpStatus, null)
    assert.match(r.error ?? '', /پاسخی در/)
    assert.ok(Date.now() - started < 2_000)
  })
  it('the time limit is for the whole check: a chain of quick redirects that adds up is cut off', async () => {
    seen.length = 0
    const started = Date.now()
    // Five hops of 150 ms each: every hop is well under 400 ms, the chain is not.
    const r = await checkUrl(`${base}/drip/4`, quick)
    const took = Date.now() - started
    assert.equal(r.ok, false)
    assert.match(r.error ?? '', /پاسخی در/)
    assert.ok(took >= 400 && took < 2_000, `stopped at the limit (${took} ms)`)
    assert.ok(seen.length < 5, 'not every hop was requested')
    assert.equal((await checkUrl(`${base}/drip/4`, opts)).ok, true, 'with time, the chain works')
  })
  it('follows up to 5 redirects, and calls a longer chain broken', async () => {
    seen.length = 0
    assert.equal((await checkUrl(`${base}/hop/5`, opts)).ok, true)
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/hop/5', '/hop/4', '/hop/3', '/hop/2', '/hop/1', '/hop/0'],
    )
    seen.length = 0
    const long = await checkUrl(`${base}/hop/6`, opts)
    assert.equal(long.ok, false)
    assert.equal(long.httpStatus, 302)
    assert.match(long.error ?? '', /تغییر مسیر/)
    assert.equal(seen.length, 6, 'the sixth redirect is not followed')
  })
  it('falls back to GET when HEAD gets 405', async () => {
    seen.length = 0
    assert.deepEqual(await checkUrl(`${base}/no-head`, opts), {
      ok: true,
      httpStatus: 200,
      error: null,
      refused: false,
    })
    assert.deepEqual(
      seen.map((s) => s.method),
      ['HEAD', 'GET'],
    )
  })
  it('reads only the head of an answer: an endless body is not read', async () => {
    const hops: number[] = []
    const started = Date.now()
    const r = await checkUrl(`${base}/endless`, {
      ...opts,
      onHop: (_url, answer) => hops.push(answer.bytesRead),
    })
    assert.equal(r.ok, true)
    assert.ok(Date.now() - started < 2_000)
    assert.equal(hops.length, 2)
    // What had arrived with the head, at most a socket read or two; never the body.
    for (const bytes of hops) assert.ok(bytes < 256 * 1024, `read ${bytes} bytes`)
  })
  it('a head larger than maxHeaderBytes is refused', async () => {
    const r = await checkUrl(`${base}/huge-head`, opts)
    assert.equal(r.ok, false)
    assert.match(r.error ?? '', /HPE_HEADER_OVERFLOW/)
    assert.equal(
      (await checkUrl(`${base}/huge-head`, { ...opts, maxHeaderBytes: 128 * 1024 })).ok,
      true,
    )
  })
  it('checks at most `concurrency` links at a time', async () => {
    maxInFlight = 0
    const urls = Array.from({ length: 8 }, (_, i) => `${base}/busy?n=${i}`)
    const results = await mapLimited(urls, 3, (u) => checkUrl(u, opts))
    assert.ok(results.every((r) => r.ok))
    assert.equal(maxInFlight, 3)
  })
  it('a name that does not resolve and a non-web address are broken', async () => {
    assert.equal((await checkUrl('http://nowhere.gov.ir/', opts)).ok, false)
    assert.equal((await checkUrl('ftp://example.ir/x', opts)).ok, false)
  })
})

describe('the checker never reaches the internal network', () => {
  const internalUrls = () => [
    `http://127.0.0.1:${internalPort}/secret`,
    `http://127.1:${internalPort}/secret`,
    `http://0x7f.1:${internalPort}/secret`,
    `http://0x7f000001:${internalPort}/secret`,
    `http://2130706433:${internalPort}/secret`,
    `http://0177.0.0.1:${internalPort}/secret`,
    `http://[::1]:${internalPort}/secret`,
    `http://[::ffff:127.0.0.1]:${internalPort}/secret`,
    `http://[::ffff:7f00:1]:${internalPort}/secret`,
    `http://[fe80::1]:${internalPort}/secret`,
    `http://localhost:${internalPort}/secret`,
    `http://internal.gov.ir:${internalPort}/secret`,
    `http://mixed.gov.ir:${internalPort}/secret`,
    `http://mapped.gov.ir:${internalPort}/secret`,
    `http://v6loop.gov.ir:${internalPort}/secret`,
    `http://metadata.gov.ir/latest/meta-data/`,
  ]

  it('(a) a link to it, in any spelling, is refused without a request', async () => {
    for (const url of internalUrls()) {
      const r = await checkUrl(url, opts)
      assert.equal(r.ok, false, url)
      assert.equal(r.refused, true, url)
      assert.match(r.error ?? '', /^بررسی نشد/, url)
    }
    assert.deepEqual(internalSeen, [])
  })

  it('(b) a redirect to it from a public site is refused at that hop', async () => {
    for (const target of internalUrls()) {
      seen.length = 0
      const r = await checkUrl(`${base}/to/x?u=${encodeURIComponent(target)}`, opts)
      assert.equal(r.ok, false, target)
      assert.equal(r.refused, true, target)
      assert.equal(r.httpStatus, 302, target)
      assert.deepEqual(
        seen.map((s) => s.path),
        ['/to/x'],
      )
    }
    assert.deepEqual(internalSeen, [])
  })

  it('connects to the address it checked (pinned): one lookup per hop, no system DNS', async () => {
    resolverCalls = []
    const lookupsBefore = systemLookups
    const addresses: string[] = []
    const r = await checkUrl(`${base}/hop/2`, {
      ...opts,
      onHop: (_url, answer) => addresses.push(answer.address),
    })
    assert.equal(r.ok, true)
    assert.deepEqual(resolverCalls, ['site.gov.ir', 'site.gov.ir', 'site.gov.ir'])
    assert.deepEqual(addresses, ['127.0.0.1', '127.0.0.1', '127.0.0.1'])
    assert.equal(systemLookups, lookupsBefore, 'the socket never looked the name up again')
  })

  it('the default policy refuses the test servers themselves: loopback is never public', async () => {
    seen.length = 0
    const byLiteral = await checkUrl(`http://127.0.0.1:${sitePort}/ok`, DEFAULT_URL_CHECK)
    assert.equal(byLiteral.refused, true)
    // Even on a default port, and even when the name is given by our resolver.
    const byName = await checkUrl('http://site.gov.ir/ok', {
      ...DEFAULT_URL_CHECK,
      policy: { ...PUBLIC_WEB, resolve: fakeDns },
    })
    assert.equal(byName.refused, true)
    assert.match(byName.error ?? '', /127\.0\.0\.1/)
    assert.equal(PUBLIC_WEB.addressAllowed('127.0.0.1', new URL('http://site.gov.ir/')), false)
    assert.equal(PUBLIC_WEB.urlProblem(new URL(`http://site.gov.ir:${sitePort}/`)), 'port')
    assert.deepEqual(seen, [])
  })

  it('the system resolver is the real one (this file counts its lookups)', async () => {
    const before = systemLookups
    assert.deepEqual(
      (await systemResolver('localhost')).some((a) => a.address === '127.0.0.1'),
      true,
    )
    assert.equal(systemLookups, before + 1)
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
    assert.deepEqual(summary, { mode: 'online', urls: 4, formFiles: 2, broken: 3, unchecked: 0 })
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

  it('a link stored before URLs were checked at save, to an internal host, is never requested', async () => {
    const law = await makeLaw(deps)
    const legacy = [
      `http://127.0.0.1:${internalPort}/admin`,
      `http://internal.gov.ir:${internalPort}/admin`,
      `${base}/to/x?u=${encodeURIComponent(`http://0x7f.1:${internalPort}/admin`)}`,
    ]
    await makePublishedService(
      deps,
      other,
      completeContent('خدمت با پیوند درونی', law.id, {
        channels: legacy.map((url, i) => ({ ...channel(`ch-in-${i}`, '/'), url })),
      }),
    )
    await checkLinksJob(deps, db.kind, job)
    assert.deepEqual(internalSeen, [])
    for (const url of legacy) {
      const row = await findCheck(db.db, 'url', url)
      assert.equal(row?.status, 'broken', url)
      assert.match(row?.error ?? '', /^بررسی نشد/, url)
    }
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

  it('offline (LINK_CHECK_MODE=offline): no request, no lookup, the stated result; forms still checked', async () => {
    const offline = { ...deps, config: { ...deps.config, linkCheckMode: 'offline' as const } }
    const requests = seen.length
    resolverCalls = []
    const lookups = systemLookups
    const summary = await checkLinksJob(offline, db.kind, job)
    assert.equal(summary?.mode, 'offline')
    assert.equal(summary?.unchecked, summary?.urls)
    assert.equal(seen.length, requests)
    assert.deepEqual(resolverCalls, [])
    assert.equal(systemLookups, lookups)
    const row = await findCheck(db.db, 'url', `${base}/ok`)
    assert.equal(row?.status, 'unchecked')
    assert.equal(row?.error, OFFLINE_RESULT)
    assert.equal(row?.firstBrokenAt, null)
    assert.equal((await findCheck(db.db, 'form_file', formSha))?.status, 'broken')
    assert.deepEqual(
      (await listBrokenLinks(db.db, agency.id)).map((b) => b.targetKind),
      ['form_file', 'form_file'],
      'an unchecked link is not a broken one',
    )
  })
})

describe('a demo installation: link checking offline for good', () => {
  let t: TestApp

  before(async () => {
    t = await createTestApp()
    const agency = await makeAgency(t.deps)
    const law = await makeLaw(t.deps)
    await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت نمایشی', law.id, {
        channels: [
          {
            id: 'ch-demo',
            kind: 'e_service',
            title: 'درگاه نمایشی',
            url: 'https://my.gov.ir/invented-demo-service',
            phone: null,
            code: null,
            signIn: 'none',
            signatureRequired: false,
            note: null,
          },
        ],
      }),
    )
  })
  after(() => t.close())

  it('marked offline, the job looks nothing up even with online configuration', async () => {
    const lookups = systemLookups
    await setLinkChecksOffline(t.deps, 'demo')
    const marked = await findCheck(t.db.db, 'url', 'https://my.gov.ir/invented-demo-service')
    assert.equal(marked?.status, 'unchecked')
    assert.equal(marked?.error, OFFLINE_RESULT)
    assert.equal(t.deps.config.linkCheckMode, 'online')
    // The default policy and the system resolver: any lookup would be counted.
    const summary = await checkLinksJob(t.deps, t.db.kind)
    assert.deepEqual(summary, { mode: 'offline', urls: 1, formFiles: 0, broken: 0, unchecked: 1 })
    assert.equal(systemLookups, lookups)
    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType'])
      .where('entityType', '=', 'link_checks')
      .execute()
    assert.deepEqual(audit, [{ action: 'offline', entityType: 'link_checks' }])
    await setLinkChecksOffline(t.deps, 'demo')
    assert.equal(
      (
        await t.db.db
          .selectFrom('auditEvents')
          .select('id')
          .where('entityType', '=', 'link_checks')
          .execute()
      ).length,
      1,
      'marking twice changes nothing',
    )
  })

  it('saving a channel URL looks nothing up: the check at save is on the text alone', () => {
    const lookups = systemLookups
    const ch = {
      id: 'ch-x',
      kind: 'e_service',
      title: 'درگاه',
      phone: null,
      code: null,
      signIn: 'none',
      signatureRequired: false,
      note: null,
    }
    assert.equal(
      channelSchema.safeParse({ ...ch, url: 'https://unknown-name.gov.ir/' }).success,
      true,
    )
    assert.equal(channelSchema.safeParse({ ...ch, url: 'http://localhost/' }).success, false)
    assert.equal(channelSchema.safeParse({ ...ch, url: 'http://0x7f.1/' }).success, false)
    assert.equal(systemLookups, lookups)
  })
})
