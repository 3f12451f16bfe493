import assert from 'node:assert/strict'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { checkLinksJob } from '../../jobs/index.ts'
import { OFFLINE_RESULT } from '../channels/index.ts'
import { loadDemoData } from './demo.load.ts'

/*
 * Issue 11 item 2: a demo installation never looks up or requests its invented hosts. Every
 * system DNS lookup in this file is counted: loading the demo and running the link-health job
 * with the default (online) configuration and the default policy must make none.
 */
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

let t: TestApp
before(async () => {
  t = await createTestApp()
  await loadDemoData(t.deps)
})
after(() => t.close())

describe('the demo’s link checks', () => {
  it('are recorded «بررسی نشد (حالت آفلاین)» when the demo loads, and no link is broken', async () => {
    const rows = await t.deps.db
      .selectFrom('linkChecks')
      .select(['status', 'error'])
      .where('targetKind', '=', 'url')
      .execute()
    assert.ok(rows.length > 100, `${rows.length} demo links`)
    assert.ok(rows.every((r) => r.status === 'unchecked' && r.error === OFFLINE_RESULT))
  })

  it('the link-health job, configured online, stays offline: no lookup, nothing broken', async () => {
    assert.equal(t.deps.config.linkCheckMode, 'online')
    const summary = await checkLinksJob(t.deps, t.db.kind)
    assert.ok(summary)
    assert.equal(summary.mode, 'offline')
    assert.equal(summary.unchecked, summary.urls)
    assert.equal(summary.broken, 0)
    assert.equal(systemLookups, 0)
  })
})
