import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { describe, it } from 'node:test'
import pg from 'pg'
import { isDatabaseUnavailable } from './connection-errors.ts'

/** What node-postgres raises for a server error: an Error carrying the SQLSTATE. */
function serverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' })
}

describe('telling "the database is away" from other errors', () => {
  it('recognises a refused connection as node-postgres reports it', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const address = probe.address()
    await new Promise((resolve) => probe.close(resolve))
    const port = typeof address === 'object' && address ? address.port : 0
    const client = new pg.Client({ connectionString: `postgres://x@127.0.0.1:${port}/x` })
    const error = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    )
    assert.ok(error, 'connecting to a closed port fails')
    assert.equal(isDatabaseUnavailable(error), true)
  })

  it('recognises restarts, failovers and pool timeouts', () => {
    for (const e of [
      serverError('57P01', 'terminating connection due to administrator command'),
      serverError('57P02', 'terminating connection because of crash of another server process'),
      serverError('57P03', 'the database system is starting up'),
      serverError('53300', 'sorry, too many clients already'),
      serverError('08006', 'connection failure'),
      serverError('08P01', 'protocol violation'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''),
      new Error('wrapped', { cause: serverError('57P01', 'terminating connection') }),
    ]) {
      assert.equal(isDatabaseUnavailable(e), true, e.message)
    }
  })

  it('leaves every other error alone (they stay 4xx/500)', () => {
    for (const e of [
      serverError('23505', 'duplicate key value violates unique constraint'),
      serverError('22P02', 'invalid input syntax for type uuid'),
      serverError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
      serverError('40001', 'could not serialize access'),
      serverError('57014', 'canceling statement due to statement timeout'),
      new Error('boom'),
      new TypeError('x is undefined'),
    ]) {
      assert.equal(isDatabaseUnavailable(e), false, e.message)
    }
    for (const value of [undefined, null, 'ECONNREFUSED', 57, { code: 42 }]) {
      assert.equal(isDatabaseUnavailable(value), false, String(value))
    }
  })
})
