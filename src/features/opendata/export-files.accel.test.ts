import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { loadConfig } from '../../config.ts'
import { seedCatalogue } from './opendata.test-helpers.ts'

/** Headers an export answers with, whoever sends the bytes (nginx or the app). */
const SAME_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'last-modified',
  'x-total-count',
  'cache-control',
]

describe('export files behind nginx: X-Accel-Redirect (EXPORT_ACCEL_PREFIX)', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedCatalogue(t.deps)
  })
  after(() => t.close())
  const get = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    t.app.request(path, init)
  const setPrefix = (prefix: string | undefined) => {
    t.deps.config.exportAccelPrefix = prefix
  }

  it('answers the same headers with an empty body and the file’s internal path; unset, the bytes', async () => {
    const path = '/api/v1/export/catalogue.csv'
    setPrefix(undefined)
    const plain = await get(path, { headers: { range: 'bytes=0-9' } })
    assert.equal(plain.status, 206, 'unset: the app answers the range itself')
    assert.equal(plain.headers.get('x-accel-redirect'), null)
    await plain.arrayBuffer()
    const whole = await get(path)
    assert.equal(whole.status, 200)
    assert.equal(whole.headers.get('x-accel-redirect'), null, 'unset: no redirect')
    const bytes = new Uint8Array(await whole.arrayBuffer())
    assert.ok(bytes.length > 100)

    setPrefix('/_mardom/exports/')
    try {
      // A Range is nginx's to answer: the app gives the whole file's headers and no range.
      const accel = await get(path, { headers: { range: 'bytes=0-9' } })
      assert.equal(accel.status, 200)
      const target = accel.headers.get('x-accel-redirect') ?? ''
      assert.match(
        target,
        /^\/_mardom\/exports\/[^/]+\/catalogue\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.csv$/,
      )
      assert.equal((await accel.arrayBuffer()).byteLength, 0, 'an empty body')
      assert.equal(accel.headers.get('content-range'), null)
      for (const name of SAME_HEADERS)
        assert.equal(accel.headers.get(name), whole.headers.get(name), `${name} as without nginx`)
      // What nginx will send: the file under DATA_DIR/exports/ at the path after the prefix.
      const onDisk = await readFile(
        join(t.deps.config.dataDir, 'exports', target.slice('/_mardom/exports/'.length)),
      )
      assert.deepEqual(new Uint8Array(onDisk), bytes)

      const head = await get(path, { method: 'HEAD' })
      assert.equal(head.status, 200)
      assert.equal(head.headers.get('x-accel-redirect'), target)

      // Conditional requests stay the app's: 304 with no redirect.
      const etag = accel.headers.get('etag') ?? ''
      const notModified = await get(path, { headers: { 'if-none-match': etag } })
      assert.equal(notModified.status, 304)
      assert.equal(notModified.headers.get('x-accel-redirect'), null)
      assert.equal(notModified.headers.get('etag'), etag)
      const since = await get(path, {
        headers: { 'if-modified-since': accel.headers.get('last-modified') ?? '' },
      })
      assert.equal(since.status, 304)
      assert.equal(since.headers.get('x-accel-redirect'), null)
      const changed = await get(path, { headers: { 'if-none-match': '"another"' } })
      assert.equal(changed.status, 200)
      assert.equal(changed.headers.get('x-accel-redirect'), target)
    } finally {
      setPrefix(undefined)
    }
  })

  it('takes an absolute path ending in a slash, or empty for unset', () => {
    assert.equal(
      loadConfig({ NODE_ENV: 'test', EXPORT_ACCEL_PREFIX: '/_mardom/exports/' }).exportAccelPrefix,
      '/_mardom/exports/',
    )
    assert.equal(loadConfig({ NODE_ENV: 'test' }).exportAccelPrefix, undefined)
    assert.equal(
      loadConfig({ NODE_ENV: 'test', EXPORT_ACCEL_PREFIX: '' }).exportAccelPrefix,
      undefined,
    )
    assert.throws(() => loadConfig({ NODE_ENV: 'test', EXPORT_ACCEL_PREFIX: '/no-slash' }))
    assert.throws(() => loadConfig({ NODE_ENV: 'test', EXPORT_ACCEL_PREFIX: 'relative/' }))
  })
})
