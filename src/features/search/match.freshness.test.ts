import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pino from 'pino'
import {
  actorOf,
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import { PageCache } from '../../web/page-cache.ts'
import type { Agency } from '../agencies/index.ts'
import { setServiceWithdrawn } from '../catalogue/index.ts'
import {
  matchIndexReady,
  NO_FILTERS,
  searchCachesOf,
  searchCatalogue,
  searchUncached,
} from './search.actions.ts'

// The match index follows the catalogue: a change drops it (SQL answers meanwhile, so the
// change shows at once), the next search starts a rebuild, and the rebuilt index has it.

let t: TestApp
let agency: Agency
let admin: Actor
let lawId: string
const ids = new Map<string, string>()

async function published(key: string, title: string) {
  const content = completeContent(title, lawId, { popularNames: [], keywords: [] })
  const { service } = await makePublishedService(t.deps, agency, content)
  ids.set(key, service.id)
}

const req = { filters: NO_FILTERS, page: 1, pageSize: 20 }
const titles = async (q: string) =>
  (await searchCatalogue(t.deps, { q, ...req, record: false })).items.map((i) => i.title).sort()

before(async () => {
  t = await createTestApp()
  lawId = (await makeLaw(t.deps)).id
  agency = await makeAgency(t.deps, { nameFa: 'سازمان آزمون تازگی', level: 'ministry' })
  admin = actorOf(await makeUser(t.deps, 'agency_admin', agency), 'agency_admin', agency)
  await published('adult', 'صدور گذرنامه')
  await published('student', 'گذرنامه دانشجویی')
})
after(() => t.close())

describe('the match index after a change', () => {
  it('answers from the index once built, and from SQL right after a withdrawal', async () => {
    const caches = searchCachesOf(t.deps)
    const first = await matchIndexReady(t.deps)
    assert.ok(first)
    assert.equal(caches.match?.index, first)
    assert.deepEqual(await titles('گذرنامه'), ['صدور گذرنامه', 'گذرنامه دانشجویی'])

    await setServiceWithdrawn(t.deps, admin, ids.get('student') ?? '', 'منسوخ')
    // The stamp is gone: the index with it, before any search.
    caches.stamp()
    assert.equal(caches.match, null)
    // The search right after is answered (from SQL) without the withdrawn service…
    assert.deepEqual(await titles('گذرنامه'), ['صدور گذرنامه'])
    // …and the rebuilt index does not have it either.
    const rebuilt = await matchIndexReady(t.deps)
    assert.ok(rebuilt && rebuilt !== first)
    assert.equal(rebuilt.size, 1)
    const fromIndex = await searchUncached(t.deps, ['گذرنامه'], req)
    assert.deepEqual(
      fromIndex.items.map((i) => i.title),
      ['صدور گذرنامه'],
    )

    // Restored and a new one published: both show, and the next rebuild has them.
    await setServiceWithdrawn(t.deps, admin, ids.get('student') ?? '', null)
    await published('pilgrim', 'گذرنامه زیارتی')
    assert.deepEqual(await titles('گذرنامه'), [
      'صدور گذرنامه',
      'گذرنامه دانشجویی',
      'گذرنامه زیارتی',
    ])
    const third = await matchIndexReady(t.deps)
    assert.equal(third?.size, 3)
    assert.deepEqual(
      (await searchUncached(t.deps, ['گذرنامه'], req)).items.map((i) => i.title).sort(),
      ['صدور گذرنامه', 'گذرنامه دانشجویی', 'گذرنامه زیارتی'],
    )
  })

  it('spaces builds: after one, the next waits four times its length whatever is published', async () => {
    const caches = searchCachesOf(t.deps)
    await caches.matchBuild?.done
    caches.match = null // so that the next line builds
    const before = performance.now()
    assert.ok(await matchIndexReady(t.deps))
    assert.ok(caches.matchNextBuildAt > before, 'a build sets when the next may start')
    // As if the last build had been long: a change now starts no build, SQL answers it.
    caches.matchNextBuildAt = performance.now() + 60_000
    await setServiceWithdrawn(t.deps, admin, ids.get('student') ?? '', 'منسوخ')
    assert.ok(!(await titles('گذرنامه')).includes('گذرنامه دانشجویی'))
    assert.equal(caches.match, null)
    assert.equal(caches.matchBuild, null, 'no build before its time')
    // Once due, the next search starts one.
    caches.matchNextBuildAt = 0
    await titles('گذرنامه دانشجویی')
    // Started by that search (and at this size perhaps finished while it ran); read through a
    // function, since the assertion above narrowed the field to null.
    const building = () => caches.matchBuild
    await building()?.done
    assert.ok(caches.match, 'the first search after the wait started a build')
    await setServiceWithdrawn(t.deps, admin, ids.get('student') ?? '', null)
  })

  it('falls back to SQL when a result is gone that the index still has (another process)', async () => {
    const built = await matchIndexReady(t.deps)
    assert.equal(built?.size, 3)
    // A delete this process does not hear of: the index still lists the service.
    await sql`DELETE FROM search_entries WHERE service_id = ${ids.get('pilgrim') ?? ''}`.execute(
      t.deps.db,
    )
    const r = await searchUncached(t.deps, ['گذرنامه'], req)
    assert.equal(r.total, 2)
    assert.deepEqual(r.items.map((i) => i.title).sort(), ['صدور گذرنامه', 'گذرنامه دانشجویی'])
  })

  it('logs a failed build, keeps no index from it, and builds again when next due', async () => {
    const lines: string[] = []
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) })
    // Caches of their own (they are kept per page cache), so the build starts here.
    const deps = { ...t.deps, log, pageCache: new PageCache() }
    await sql`ALTER TABLE search_entries RENAME TO search_entries_away`.execute(t.deps.db)
    try {
      assert.equal(await matchIndexReady(deps), null)
      // Its last attempt starts a build it does not wait for: it fails here too.
      await searchCachesOf(deps).matchBuild?.done
    } finally {
      await sql`ALTER TABLE search_entries_away RENAME TO search_entries`.execute(t.deps.db)
    }
    const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 40)
    assert.ok(failed.length >= 1, 'a failed build is logged as a warning')
    assert.match(failed[0].msg, /match index build failed/)
    assert.ok(failed[0].err, 'the error is in the log line')
    assert.equal(searchCachesOf(deps).match, null)
    assert.ok(searchCachesOf(deps).matchNextBuildAt > 0, 'a failed build is spaced as well')
    const index = await matchIndexReady(deps)
    assert.equal(index?.size, 2)
    assert.ok(lines.some((l) => JSON.parse(l).msg === 'search: match index built'))
  })
})
