import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import type { Agency } from '../agencies/index.ts'
import { adminActor } from '../opendata/opendata.test-helpers.ts'
import { insertDraft } from '../services/index.ts'
import { publishService, setServiceWithdrawn } from './index.ts'
import { type ChangesPage, changesPageJson, SYNC_SETTLE_MS } from './sync.ts'

let t: TestApp
let agency: Agency
let actor: Actor
let lawId: string
before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  const admin = await makeUser(t.deps, 'agency_admin', agency)
  actor = adminActor(admin.userId, agency)
  lawId = (await makeLaw(t.deps)).id
})
after(() => t.close())

async function sync(since: string, extra = ''): Promise<ChangesPage> {
  const res = await t.app.request(
    `/api/v1/services?updated_since=${encodeURIComponent(since)}${extra}`,
  )
  assert.equal(res.status, 200, await res.clone().text())
  return changesPageJson.parse(await res.json())
}

/** Follows `next` to the end of the window; returns everything seen and the final `until`. */
async function syncAll(since: string, pageSize: number, between?: (page: number) => Promise<void>) {
  let page = await sync(since, `&pageSize=${pageSize}`)
  const pages = [page]
  while (page.next) {
    await between?.(pages.length)
    const url = new URL(page.next)
    const res = await t.app.request(`${url.pathname}${url.search}`)
    assert.equal(res.status, 200)
    page = changesPageJson.parse(await res.json())
    pages.push(page)
  }
  return {
    pages,
    items: pages.flatMap((p) => p.items),
    withdrawn: pages.flatMap((p) => p.withdrawn),
    until: page.until,
  }
}

const later = (ms = 10_000) => t.clock.advance(ms)

describe('GET /api/v1/services?updated_since=', () => {
  let serviceId = ''
  let cursor = ''

  it('reports a published service, with a server time to pass next', async () => {
    const start = new Date(t.clock.now().getTime() - 7 * 86_400_000).toISOString()
    const made = await makePublishedService(t.deps, agency, completeContent('خدمت همگام', lawId))
    serviceId = made.service.id
    const page = await sync(start)
    assert.deepEqual(
      page.items.map((i) => [i.id, i.slug, i.versionNo, i.title, i.agency.code]),
      [[serviceId, made.slug, 1, 'خدمت همگام', agency.code]],
    )
    assert.deepEqual(page.withdrawn, [])
    assert.equal(page.next, null)
    assert.equal(page.until, new Date(t.clock.now().getTime() - SYNC_SETTLE_MS).toISOString())
    cursor = page.until
    const nothing = await sync(cursor)
    assert.deepEqual([nothing.items, nothing.withdrawn], [[], []], 'nothing changed since')
    const future = '2030-01-01T00:00:00.000Z'
    assert.equal((await sync(future)).until, future, 'the window never ends before it starts')
  })

  it('reports a withdrawal in `withdrawn`, then the restoration in `items`', async () => {
    later()
    await setServiceWithdrawn(t.deps, actor, serviceId, 'اطلاعات نادرست')
    const withdrawnAt = t.clock.now().toISOString()
    later()
    const page = await sync(cursor)
    assert.deepEqual(page.items, [])
    assert.deepEqual(
      page.withdrawn.map((w) => [w.id, w.withdrawnAt]),
      [[serviceId, withdrawnAt]],
    )
    cursor = page.until

    later()
    await setServiceWithdrawn(t.deps, actor, serviceId, null)
    later()
    const restored = await sync(cursor)
    assert.deepEqual(
      restored.items.map((i) => i.id),
      [serviceId],
    )
    assert.deepEqual(restored.withdrawn, [])
    cursor = restored.until
  })

  it('reports a new published version', async () => {
    later()
    await insertDraft(t.deps.db, {
      serviceId,
      versionNo: 2,
      content: completeContent('خدمت همگام (ویرایش دوم)', lawId),
      userId: null,
      now: t.clock.now(),
    })
    const published = await publishService(t.deps, actor, serviceId, 'ویرایش دوم')
    assert.ok(published.ok)
    const publishedAt = t.clock.now().toISOString()
    const tooSoon = await sync(cursor)
    assert.deepEqual(tooSoon.items, [], 'still settling: left for the next window')
    assert.ok(tooSoon.until < publishedAt, 'the window ends a moment before now')
    later()
    const page = await sync(cursor)
    assert.deepEqual(
      page.items.map((i) => [i.id, i.versionNo, i.title, i.publicChangedAt]),
      [[serviceId, 2, 'خدمت همگام (ویرایش دوم)', publishedAt]],
    )
    cursor = page.until
  })

  it('pages a window in change order, each service once, even when one changes mid-way', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      later(1_000)
      ids.push(
        (await makePublishedService(t.deps, agency, completeContent(`خدمت ${i}`, lawId))).service
          .id,
      )
    }
    // makePublishedService dates the publication a day back: move them into the window.
    for (const [i, id] of ids.entries())
      await t.deps.db
        .updateTable('services')
        .set({ publicChangedAt: new Date(t.clock.now().getTime() - (5 - i) * 1_000) })
        .where('id', '=', id)
        .execute()
    later()
    const seen = await syncAll(cursor, 2, async (page) => {
      // While the client pages, the last service not yet seen is withdrawn.
      if (page === 1) await setServiceWithdrawn(t.deps, actor, ids[4] ?? '', 'میانهٔ همگام‌سازی')
    })
    assert.equal(seen.pages.length, 3)
    assert.deepEqual(
      seen.items.map((i) => i.id),
      ids.slice(0, 4),
      'in change order, none twice; the one changed mid-way left this window',
    )
    assert.deepEqual(seen.withdrawn, [])
    later()
    const next = await sync(seen.until)
    assert.deepEqual(
      next.withdrawn.map((w) => w.id),
      [ids[4]],
      'and is reported by the next sync',
    )
  })

  it('refuses a malformed instant or cursor with a Persian problem', async () => {
    for (const bad of ['yesterday', '2026-11-22', '2026-13-40T00:00:00Z']) {
      const res = await t.app.request(`/api/v1/services?updated_since=${encodeURIComponent(bad)}`)
      assert.equal(res.status, 422, bad)
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/)
      const problem = (await res.json()) as { errors: Record<string, string> }
      assert.match(problem.errors.updated_since ?? '', /updated_since باید زمانی به قالب ISO 8601/)
    }
    const res = await t.app.request(
      '/api/v1/services?updated_since=2026-11-01T00:00:00Z&cursor=not-a-cursor',
    )
    assert.equal(res.status, 422)
    const problem = (await res.json()) as { errors: Record<string, string> }
    assert.match(problem.errors.cursor ?? '', /cursor نامعتبر است/)
  })

  it('leaves the alphabetical list as it was without updated_since, and documents both', async () => {
    const list = (await (await t.app.request('/api/v1/services')).json()) as Record<string, unknown>
    assert.equal(typeof list.total, 'number')
    assert.equal(list.withdrawn, undefined)
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>
      components: { schemas: Record<string, unknown> }
    }
    const params = (doc.paths['/services']?.get.parameters ?? []).map((p) => p.name)
    assert.ok(params.includes('updated_since'))
    assert.ok(params.includes('cursor'))
    assert.ok(doc.components.schemas.ServiceChanges)
  })
})
