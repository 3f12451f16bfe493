import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { ExportFiles } from './export-files.store.ts'
import { catalogueState } from './opendata.queries.ts'
import { type SeededCatalogue, seedCatalogue } from './opendata.test-helpers.ts'

/**
 * `serve --workers N`: worker 1 builds, the others serve its files from the shared directory.
 * Two stores on one database and one DATA_DIR stand for two workers.
 */
describe('export files: one builder, the other processes wait for its files', () => {
  let t: TestApp
  let seed: SeededCatalogue
  before(async () => {
    t = await createTestApp()
    seed = await seedCatalogue(t.deps)
  })
  after(() => t.close())

  const built = async (store: ExportFiles) => {
    const { dir } = await store.place()
    return (await readdir(dir).catch(() => [] as string[])).filter((n) =>
      n.startsWith('catalogue.'),
    )
  }
  const request = async (store: ExportFiles) => {
    const readAt = performance.now()
    return store.file('csv', await catalogueState(t.deps.db), readAt)
  }

  it('a process that does not build waits for the builder’s file, builds nothing, ignores changes', async () => {
    assert.equal(t.deps.config.exportFilesBuilder, true, 'one process: it builds')
    const follower = new ExportFiles(t.deps, { builds: false, waitMs: 20_000, debounceMs: 0 })
    const builder = new ExportFiles(t.deps, { debounceMs: 0 })
    try {
      assert.equal(follower.builds, false)
      follower.changed() // a public change: not this one's to rebuild
      let answered = false
      const waiting = request(follower).finally(() => {
        answered = true
      })
      await sleep(400)
      assert.equal(answered, false, 'no file yet: the download waits')
      assert.deepEqual(await built(follower), [], 'and the follower built nothing')
      await builder.refresh()
      const file = await waiting
      assert.ok(file.path.endsWith('.csv'))
      const files = await built(builder)
      assert.equal(files.length, 3, `one file per format, by the builder: ${files.join(', ')}`)
      assert.ok(
        files.some((n) => file.path.endsWith(n)),
        'the builder’s own file is served',
      )
    } finally {
      await follower.stop()
      await builder.stop()
    }
  })

  it('finds the file of a newer state when the catalogue changed during the wait', async () => {
    const follower = new ExportFiles(t.deps, { builds: false, waitMs: 20_000 })
    const builder = new ExportFiles(t.deps)
    try {
      await builder.refresh()
      // A change the builder has not built yet: the follower waits for the new state's file.
      t.clock.advance(60_000)
      const withdraw = (id: string | undefined) =>
        t.deps.db
          .updateTable('services')
          .set({
            withdrawnAt: t.clock.now(),
            withdrawnReason: 'آزمون',
            publicChangedAt: t.clock.now(),
          })
          .where('id', '=', id ?? '')
          .execute()
      await withdraw(seed.published[1]?.id)
      const waiting = request(follower)
      await sleep(200)
      // Changed again before the builder ran: it builds for the newest state only, so the
      // state the request read never gets a file.
      t.clock.advance(60_000)
      await t.deps.db
        .updateTable('services')
        .set({ withdrawnAt: null, withdrawnReason: null, publicChangedAt: t.clock.now() })
        .where('id', '=', seed.published[1]?.id ?? '')
        .execute()
      await builder.refresh()
      const started = performance.now()
      const file = await waiting
      const newest = await request(builder)
      assert.equal(file.path, newest.path, 'the newest file')
      assert.ok(performance.now() - started < 5_000, 'found soon after it was built')
    } finally {
      await follower.stop()
      await builder.stop()
    }
  })

  it('builds the file itself when no builder has made it within the wait', async () => {
    t.clock.advance(60_000)
    await t.deps.db
      .updateTable('services')
      .set({ publicChangedAt: t.clock.now() })
      .where('id', '=', seed.published[0]?.id ?? '')
      .execute()
    const follower = new ExportFiles(t.deps, { builds: false, waitMs: 300 })
    try {
      const started = performance.now()
      const file = await request(follower)
      const waited = performance.now() - started
      assert.ok(waited >= 300, `waited ${waited} ms before building`)
      assert.ok((await built(follower)).some((n) => file.path.endsWith(n)))
    } finally {
      await follower.stop()
    }
  })
})
