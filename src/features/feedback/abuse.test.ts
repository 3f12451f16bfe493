import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts'
import { fixedClock } from '../../lib/clock.ts'
import { formStartValue, guardPublicForm, type PublicFormSubmission } from './abuse.actions.ts'
import { HONEYPOT_FIELD, STARTED_FIELD, signFormStart } from './abuse.model.ts'

describe('guardPublicForm', () => {
  let db: TestDb
  const clock = fixedClock(new Date('2026-12-06T10:00:00Z'))
  const deps = () => ({ db: db.db, clock })

  before(async () => {
    db = await createTestDb()
  })
  after(() => db.cleanup())
  beforeEach(async () => {
    await db.db.deleteFrom('publicFormHits').execute()
  })

  /** Renders the form now, moves the clock on by `fillMs`, then runs the guard. */
  async function submit(
    over: Partial<PublicFormSubmission> & { fillMs?: number; started?: string } = {},
  ) {
    const started = over.started ?? (await formStartValue(deps()))
    clock.advance(over.fillMs ?? 5_000)
    const s: PublicFormSubmission = {
      form: 'test',
      visitor: { address: '203.0.113.7', browser: null },
      content: `c-${Math.random()}`,
      ...over,
      fields: { [STARTED_FIELD]: started, [HONEYPOT_FIELD]: '', ...over.fields },
    }
    return db.db.transaction().execute((trx) => guardPublicForm(deps(), trx, s))
  }

  const hits = async () =>
    Number(
      (
        await db.db
          .selectFrom('publicFormHits')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('lets an ordinary submission through and records one hit', async () => {
    assert.deepEqual(await submit(), { ok: true })
    assert.equal(await hits(), 1)
  })

  it('refuses a filled honeypot and stores nothing', async () => {
    assert.deepEqual(await submit({ fields: { [HONEYPOT_FIELD]: 'http://spam.example' } }), {
      ok: false,
      reason: 'honeypot',
    })
    assert.equal(await hits(), 0)
  })

  it('refuses a form sent faster than 3 seconds, or with a missing, forged or stale start', async () => {
    assert.deepEqual(await submit({ fillMs: 1_000 }), { ok: false, reason: 'too-fast' })
    assert.deepEqual(await submit({ fillMs: 2_999 }), { ok: false, reason: 'too-fast' })
    assert.deepEqual(await submit({ fillMs: 3_000 }), { ok: true })
    // Signed with another key: an old time a bot wrote itself.
    const forged = signFormStart(Buffer.alloc(32, 7), new Date(clock.now().getTime() - 60_000))
    assert.deepEqual(await submit({ started: forged }), { ok: false, reason: 'too-fast' })
    assert.deepEqual(await submit({ started: '' }), { ok: false, reason: 'too-fast' })
    const old = await formStartValue(deps())
    clock.advance(25 * 3_600_000)
    assert.deepEqual(await submit({ started: old }), { ok: false, reason: 'too-fast' })
    assert.equal(await hits(), 1)
  })

  it('skips the fill time when asked (a one-click form on a cached page)', async () => {
    assert.deepEqual(await submit({ minFillMs: 0, started: '', fillMs: 0 }), { ok: true })
  })

  it('drops the same content from the same address or browser within 5 minutes', async () => {
    const same = {
      content: 'service-1|no',
      visitor: { address: '198.51.100.1', browser: 'b'.repeat(43) },
    }
    assert.deepEqual(await submit(same), { ok: true })
    assert.deepEqual(await submit({ ...same, fillMs: 60_000 }), { ok: false, reason: 'duplicate' })
    // Same browser from another address (a phone moving between networks): still the same.
    assert.deepEqual(
      await submit({ ...same, visitor: { address: '198.51.100.2', browser: 'b'.repeat(43) } }),
      { ok: false, reason: 'duplicate' },
    )
    // Someone else sending the same words is not a duplicate.
    assert.deepEqual(
      await submit({ ...same, visitor: { address: '198.51.100.3', browser: null } }),
      {
        ok: true,
      },
    )
    // Five minutes after the first: allowed again.
    assert.deepEqual(await submit({ ...same, fillMs: 5 * 60_000 }), { ok: true })
  })

  it('limits per address and per browser within the window', async () => {
    const limits = {
      perAddress: { max: 3, windowMs: 3_600_000 },
      perBrowser: { max: 2, windowMs: 3_600_000 },
    }
    const from = (address: string, browser: string | null) => ({
      visitor: { address, browser },
      limits,
    })
    for (let i = 0; i < 3; i++)
      assert.deepEqual(await submit(from('192.0.2.1', null)), { ok: true })
    assert.deepEqual(await submit(from('192.0.2.1', null)), { ok: false, reason: 'rate-limited' })
    assert.deepEqual(await submit(from('192.0.2.2', null)), { ok: true }, 'another address')
    const browser = 'x'.repeat(43)
    assert.deepEqual(await submit(from('192.0.2.3', browser)), { ok: true })
    assert.deepEqual(await submit(from('192.0.2.4', browser)), { ok: true })
    assert.deepEqual(await submit(from('192.0.2.5', browser)), {
      ok: false,
      reason: 'rate-limited',
    })
    // The window slides: an hour later the address may send again.
    clock.advance(3_600_000)
    assert.deepEqual(await submit(from('192.0.2.1', null)), { ok: true })
  })

  it('stores no raw address, browser id or content, and keeps hashes 30 days', async () => {
    const address = '2001:db8::42'
    const browser = 'q'.repeat(43)
    await submit({ visitor: { address, browser }, content: 'what is wrong here' })
    const columns = await sql<{ columnName: string }>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'public_form_hits'`.execute(
      db.db,
    )
    assert.deepEqual(columns.rows.map((r) => r.columnName).sort(), [
      'address_hash',
      'at',
      'browser_hash',
      'content_hash',
      'form',
      'id',
    ])
    const rows = await db.db.selectFrom('publicFormHits').selectAll().execute()
    const text = JSON.stringify(rows)
    for (const secret of [address, browser, 'what is wrong'])
      assert.ok(!text.includes(secret), `${secret} stored`)
    assert.match(rows[0]?.addressHash ?? '', /^[A-Za-z0-9_-]{43}$/)
    // After 30 days the next submission deletes it.
    clock.advance(30 * 86_400_000 + 1)
    await submit()
    assert.equal(await hits(), 1)
  })
})
