import assert from 'node:assert/strict'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, it } from 'node:test'
import { cachedPageResponder } from './fast-path.ts'
import { PageCache } from './page-cache.ts'
import { HSTS } from './security-headers.ts'

/** The headers a cached answer is written with, for a request with these headers. */
function answer(
  options: { production: boolean; trustProxy: boolean },
  headers: Record<string, string> = {},
  kept: { contentType?: string; disposition?: string } = {},
) {
  const cache = new PageCache()
  cache.set(
    '/',
    { body: new TextEncoder().encode('<p>x</p>'), etag: '"e"', expiresAt: Infinity, ...kept },
    [],
  )
  const responder = cachedPageResponder(cache, { sessionCookie: 's', ...options })
  let written: Record<string, string | number> = {}
  const res = {
    writeHead: (_status: number, h: Record<string, string | number>) => {
      written = h
    },
    end: () => {},
  } as unknown as ServerResponse
  const answered = responder({ method: 'GET', url: '/', headers } as IncomingMessage, res)
  assert.equal(answered, true)
  return written
}

describe('cached pages served by the fast path', () => {
  it('carry HSTS in production whatever the proxy headers say (issue 11 item 12)', () => {
    assert.equal(answer({ production: true, trustProxy: false })['Strict-Transport-Security'], HSTS)
  })

  it('carry HSTS behind a trusted TLS proxy, and never on a plain-HTTP dev server', () => {
    const proxied = answer(
      { production: false, trustProxy: true },
      { 'x-forwarded-proto': 'https' },
    )
    assert.equal(proxied['Strict-Transport-Security'], HSTS)
    assert.equal(
      answer({ production: false, trustProxy: false })['Strict-Transport-Security'],
      undefined,
    )
  })

  it('send a kept file as the app sent it: its type and Content-Disposition', () => {
    const h = answer(
      { production: false, trustProxy: false },
      {},
      { contentType: 'text/csv; charset=utf-8', disposition: 'attachment; filename="x.csv"' },
    )
    assert.equal(h['Content-Type'], 'text/csv; charset=utf-8')
    assert.equal(h['Content-Disposition'], 'attachment; filename="x.csv"')
    assert.equal(answer({ production: false, trustProxy: false })['Content-Disposition'], undefined)
  })
})
