import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Hono } from 'hono'
import { clientAddress, forwardedClient } from './client-address.ts'

describe('forwardedClient', () => {
  it('takes the entry TRUST_PROXY_HOPS from the right, ignoring what the client wrote before it', () => {
    assert.equal(forwardedClient('6.6.6.6, 203.0.113.5', 1), '203.0.113.5')
    assert.equal(forwardedClient('6.6.6.6,203.0.113.5 , 10.0.0.2', 2), '203.0.113.5')
    assert.equal(forwardedClient('203.0.113.5', 1), '203.0.113.5')
    // A proxy that overwrites the header leaves one entry: it is the trusted one.
    assert.equal(forwardedClient('203.0.113.5', 2), '203.0.113.5')
    assert.equal(forwardedClient('', 1), undefined)
    assert.equal(forwardedClient(undefined, 1), undefined)
    assert.equal(forwardedClient(' , ', 1), undefined)
  })
})

describe('clientAddress', () => {
  const app = new Hono()
  app.get('/trusted', (c) => c.text(clientAddress(c, { trustProxy: true, trustProxyHops: 1 })))
  app.get('/two', (c) => c.text(clientAddress(c, { trustProxy: true, trustProxyHops: 2 })))
  app.get('/direct', (c) => c.text(clientAddress(c, { trustProxy: false, trustProxyHops: 1 })))
  const get = async (path: string, xff: string) =>
    (await app.request(path, { headers: { 'x-forwarded-for': xff } })).text()

  it('reads X-Forwarded-For from the right behind trusted proxies, and not at all without them', async () => {
    assert.equal(await get('/trusted', '1.2.3.4, 198.51.100.7'), '198.51.100.7')
    assert.equal(await get('/two', '1.2.3.4, 198.51.100.7, 10.0.0.1'), '198.51.100.7')
    assert.equal(await get('/direct', '1.2.3.4'), 'unknown')
  })
})
