import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { catalogueEnvelopeSchema } from './catalogue.format.ts'
import { type SeededCatalogue, seedCatalogue } from './opendata.test-helpers.ts'

function serviceIdsIn(jsonText: string): string[] {
  return catalogueEnvelopeSchema
    .parse(JSON.parse(jsonText))
    .services.map((s) => (s as { id: string }).id)
}

describe('export files: ETag, Range, If-Range, 304 and 416', () => {
  let t: TestApp
  let seed: SeededCatalogue
  before(async () => {
    t = await createTestApp()
    seed = await seedCatalogue(t.deps)
  })
  after(() => t.close())
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.request(path, { headers })

  it('serves byte ranges of the same file, and the whole file when If-Range no longer matches', async () => {
    const path = '/api/v1/export/catalogue.json'
    const full = await get(path)
    assert.equal(full.status, 200)
    const etag = full.headers.get('etag') ?? ''
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/)
    const bytes = new Uint8Array(await full.arrayBuffer())
    assert.equal(full.headers.get('content-length'), String(bytes.length))

    const head = await t.app.request(path, { method: 'HEAD' })
    assert.equal(head.headers.get('content-length'), String(bytes.length))
    assert.equal(head.headers.get('etag'), etag)

    const first = await get(path, { range: 'bytes=0-99' })
    assert.equal(first.status, 206)
    assert.equal(first.headers.get('content-range'), `bytes 0-99/${bytes.length}`)
    assert.equal(first.headers.get('content-length'), '100')
    assert.deepEqual(new Uint8Array(await first.arrayBuffer()), bytes.slice(0, 100))

    const rest = await get(path, { range: 'bytes=100-', 'if-range': etag })
    assert.equal(rest.status, 206)
    assert.deepEqual(new Uint8Array(await rest.arrayBuffer()), bytes.slice(100))

    const tail = await get(path, { range: 'bytes=-10' })
    assert.equal(tail.status, 206)
    assert.deepEqual(new Uint8Array(await tail.arrayBuffer()), bytes.slice(-10))

    const beyond = await get(path, { range: `bytes=${bytes.length}-` })
    assert.equal(beyond.status, 416)
    assert.equal(beyond.headers.get('content-range'), `bytes */${bytes.length}`)

    const several = await get(path, { range: 'bytes=0-1,5-6' })
    assert.equal(several.status, 200, 'several ranges: the whole file')
    await several.arrayBuffer()

    const notModified = await get(path, { 'if-none-match': etag })
    assert.equal(notModified.status, 304)

    // The catalogue changes: a new file, a new ETag, and a resumed download of the old one
    // gets the whole new file instead of a mix of both.
    t.clock.advance(60_000)
    await t.deps.db
      .updateTable('services')
      .set({ withdrawnAt: t.clock.now(), withdrawnReason: 'آزمون', publicChangedAt: t.clock.now() })
      .where('id', '=', seed.published[1]?.id ?? '')
      .execute()
    const stale = await get(path, { range: 'bytes=100-', 'if-range': etag })
    assert.equal(stale.status, 200)
    assert.notEqual(stale.headers.get('etag'), etag)
    const ids = serviceIdsIn(await stale.text())
    assert.deepEqual(ids, [seed.published[0]?.id])
  })
})
