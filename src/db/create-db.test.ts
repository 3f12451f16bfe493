import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Kysely } from 'kysely'
import { createTestDb, type TestDb } from '../../test/support/test-db.ts'
import { openPglite } from './create-db.ts'
import { DataDirLockedError } from './data-dir-lock.ts'
import type { Database } from './schema.ts'

describe('database transactions', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb()
  })
  after(() => t.cleanup())

  it('keeps the committed rows of one transaction when a concurrent one fails', async () => {
    const insert = (trx: Kysely<Database>, code: string) =>
      trx
        .insertInto('agencies')
        .values({ code, level: 'ministry', nameFa: `وزارت ${code}`, updatedAt: new Date() })
        .execute()
    const results = await Promise.allSettled([
      t.db.transaction().execute(async (trx) => {
        await insert(trx, 'T1-a')
        await new Promise((r) => setTimeout(r, 20))
        await insert(trx, 'T1-b')
      }),
      t.db.transaction().execute(async (trx) => {
        await insert(trx, 'T2-a')
        await new Promise((r) => setTimeout(r, 5))
        throw new Error('boom')
      }),
    ])
    assert.equal(results[0].status, 'fulfilled')
    assert.equal(results[1].status, 'rejected')
    const codes = (await t.db.selectFrom('agencies').select('code').orderBy('code').execute()).map(
      (r) => r.code,
    )
    assert.deepEqual(codes, ['T1-a', 'T1-b'])
  })
})

describe('embedded data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mardom-lock-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a second process with a clear error instead of sharing the files', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { lockDataDir } from ${JSON.stringify(new URL('./data-dir-lock.ts', import.meta.url).href)}
         lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setTimeout(() => {}, 30000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve())
        holder.on('exit', () => reject(new Error('lock holder exited early')))
      })
      await assert.rejects(openPglite({ dataDir: dir }), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError)
        assert.match(error.message, /already open in another process \(pid \d+\)/)
        return true
      })
    } finally {
      const exited = once(holder, 'exit')
      holder.kill('SIGKILL')
      await exited
    }
  })

  it('takes over a lock left by a process that died', async () => {
    // The holder above was killed with SIGKILL, so its PID file is stale.
    const handle = await openPglite({ dataDir: dir })
    await handle.close()
  })
})
