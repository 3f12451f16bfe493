/**
 * The LISTEN connection survives losing its backend: terminated the way a restart or failover
 * terminates it (57P01), it reconnects, reports that notifications may have been missed (the
 * page cache is then dropped), and delivers notifications again. Needs a PostgreSQL server;
 * the full restart of a server under load is test/pg-restart.test.ts.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { pino } from 'pino'
import { testDatabaseUrl } from '../../test/support/test-db.ts'
import { listenForCacheTags } from './cache-channel.ts'

const wait = async (what: string, done: () => boolean) => {
  const deadline = Date.now() + 10_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the cache listener', {
  skip: testDatabaseUrl
    ? false
    : 'needs PostgreSQL (TEST_DATABASE_URL): PGlite has no LISTEN across processes',
}, () => {
  const name = `mardom-test-listener-${randomBytes(4).toString('hex')}`
  const url = testDatabaseUrl ?? ''
  const admin = new pg.Client({ connectionString: url })
  const tags: string[] = []
  let missed = 0
  let stop: (() => Promise<void>) | undefined

  before(async () => {
    await admin.connect()
    stop = await listenForCacheTags(url, {
      onTag: (tag) => tags.push(tag),
      onMissed: () => {
        missed++
      },
      log: pino({ level: 'silent' }),
      name,
      backoff: { firstMs: 20, maxMs: 200 },
    })
  })
  after(async () => {
    await stop?.()
    await admin.end()
  })

  const terminate = async () => {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [name],
    )
    return rows[0]?.n ?? 0
  }

  it('reconnects after its backend is terminated, drops the cache once, and hears NOTIFY again', async () => {
    await admin.query("SELECT pg_notify('mardom_cache', 'service:before')")
    await wait('the first notification', () => tags.includes('service:before'))
    assert.equal(missed, 0)

    assert.equal(await terminate(), 1, 'one listening backend')
    await wait('the reconnection', () => missed === 1)
    await admin.query("SELECT pg_notify('mardom_cache', 'service:after')")
    await wait('a notification after reconnecting', () => tags.includes('service:after'))

    // Twice more, quickly: each loss ends in exactly one reconnection.
    assert.equal(await terminate(), 1)
    await wait('the second reconnection', () => missed === 2)
    assert.equal(await terminate(), 1)
    await wait('the third reconnection', () => missed === 3)
    await admin.query("SELECT pg_notify('mardom_cache', 'service:again')")
    await wait('a notification after the third reconnection', () => tags.includes('service:again'))
  })

  it('stops for good: no reconnection after stop()', async () => {
    await stop?.()
    stop = undefined
    await new Promise((resolve) => setTimeout(resolve, 300))
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [name],
    )
    assert.equal(rows[0]?.n, 0)
  })
})
