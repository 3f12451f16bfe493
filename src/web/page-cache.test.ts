import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PageCache } from './page-cache.ts'

const page = (text: string, expiresAt = Number.POSITIVE_INFINITY) => ({
  body: new TextEncoder().encode(text),
  etag: `"${text}"`,
  expiresAt,
})

describe('PageCache', () => {
  it('returns what was stored until its tag is invalidated', () => {
    const cache = new PageCache()
    cache.set('/services/a', page('a'), ['service:1'])
    cache.set('/services/a/history', page('h'), ['service:1'])
    cache.set('/services/b', page('b'), ['service:2'])
    assert.equal(cache.get('/services/a')?.etag, '"a"')
    cache.invalidate('service:1')
    assert.equal(cache.get('/services/a'), undefined)
    assert.equal(cache.get('/services/a/history'), undefined)
    assert.equal(cache.get('/services/b')?.etag, '"b"')
  })

  it('forgets an entry once it expires', () => {
    const cache = new PageCache()
    cache.set('/today', page('t', 1000), [])
    assert.equal(cache.get('/today', 999)?.etag, '"t"')
    assert.equal(cache.get('/today', 1000), undefined)
  })

  it('evicts the oldest entry when full', () => {
    const cache = new PageCache(2)
    cache.set('1', page('1'), [])
    cache.set('2', page('2'), [])
    cache.set('3', page('3'), [])
    assert.equal(cache.get('1'), undefined)
    assert.equal(cache.size, 2)
  })
})
