import assert from 'node:assert/strict'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { sql } from 'kysely'
import { type DbHandle, openPglite } from './create-db.ts'
import { migrations } from './migrations/index.ts'
import { migratedTemplatePath, openMigratedPglite } from './pglite-template.ts'

async function formKeyOf(handle: DbHandle): Promise<string> {
  const r = await sql<{ key: Buffer }>`SELECT key FROM public_form_key`.execute(handle.db)
  return Buffer.from(r.rows[0]?.key ?? []).toString('hex')
}

async function migrationNames(handle: DbHandle): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    handle.db,
  )
  return r.rows.map((row) => row.name)
}

describe('new embedded data directories from the migrated template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mardom-template-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('makes a new directory from the saved copy, fully migrated, with secrets of its own', async () => {
    const first = await openMigratedPglite(join(dir, 'a'))
    const firstKey = await formKeyOf(first)
    await first.close()
    // The first new directory saved the copy when there was none (another test may have).
    const template = migratedTemplatePath()
    assert.ok(existsSync(join(template, 'PG_VERSION')), 'the migrated copy is saved')
    assert.ok(!existsSync(join(template, 'mardom.lock')), 'without the installation’s lock')

    const second = await openMigratedPglite(join(dir, 'b'))
    try {
      assert.deepEqual(await migrationNames(second), Object.keys(migrations).sort())
      const secondKey = await formKeyOf(second)
      assert.match(secondKey, /^[0-9a-f]{64}$/)
      assert.notEqual(secondKey, firstKey, 'two installations share no public-form key')
      // Opened on a copy of the copy: opening a cluster writes to it.
      cpSync(template, join(dir, 'copy'), { recursive: true })
      const copy = await openPglite({ dataDir: join(dir, 'copy') })
      try {
        const copyKey = await formKeyOf(copy)
        assert.notEqual(secondKey, copyKey, 'no installation keeps the key the copy holds')
        assert.notEqual(firstKey, copyKey, 'not even the one that saved the copy')
      } finally {
        await copy.close()
      }
    } finally {
      await second.close()
    }
  })

  it('reopens an existing directory as it is, keeping its secrets', async () => {
    const path = join(dir, 'c')
    const handle = await openMigratedPglite(path)
    await sql`INSERT INTO agencies (code, level, name_fa, updated_at)
              VALUES ('KEEP', 'ministry', 'وزارت', now())`.execute(handle.db)
    const key = await formKeyOf(handle)
    await handle.close()
    const again = await openMigratedPglite(path)
    try {
      assert.equal(await formKeyOf(again), key)
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM agencies`.execute(again.db)
      assert.equal(r.rows[0]?.n, 1)
    } finally {
      await again.close()
    }
  })
})
