import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts'
import { fixedClock } from '../../lib/clock.ts'
import { ValidationError } from '../../lib/errors.ts'
import { countFormFiles } from './form-file.queries.ts'
import {
  formFileMeta,
  getFormFile,
  sha256Hex,
  storeFormFile,
  storeFormFiles,
} from './form-file.store.ts'
import { minimalDocx, minimalOdt, minimalXlsx } from './tiny-zip.ts'

let db: TestDb
before(async () => {
  db = await createTestDb()
})
after(() => db.cleanup())

describe('the form-file store', () => {
  it('stores bytes once, returns them identical, and describes them without bytes', async () => {
    const bytes = minimalXlsx()
    const first = await storeFormFile(db.db, bytes)
    assert.deepEqual(first, {
      sha256: sha256Hex(bytes),
      kind: 'xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      sizeBytes: bytes.length,
      created: true,
    })
    const again = await storeFormFile(db.db, new Uint8Array(bytes))
    assert.equal(again.created, false)
    assert.equal(await countFormFiles(db.db), 1)
    const got = await getFormFile(db.db, first.sha256)
    assert.ok(got)
    assert.ok(got.bytes instanceof Uint8Array)
    assert.deepEqual(got.bytes, bytes)
    assert.equal(await getFormFile(db.db, 'not-a-hash'), undefined)
    assert.equal(await getFormFile(db.db, 'a'.repeat(64)), undefined)
    const meta = await formFileMeta(db.db, [first.sha256, 'b'.repeat(64), 'junk'])
    assert.deepEqual([...meta.keys()], [first.sha256])
    assert.equal(meta.get(first.sha256)?.sizeBytes, bytes.length)
  })

  it('throws a ValidationError with a Persian message for bad bytes, storing nothing', async () => {
    const before = await countFormFiles(db.db)
    await assert.rejects(
      storeFormFile(db.db, new TextEncoder().encode('MZ')),
      (e: unknown) => e instanceof ValidationError && /پذیرفته نیست/.test(e.fieldErrors.file ?? ''),
    )
    await assert.rejects(storeFormFiles(db.db, [minimalOdt(), new Uint8Array()]), ValidationError)
    assert.equal(await countFormFiles(db.db), before)
  })

  it('stores a batch once per content and audits a single store when asked', async () => {
    const docx = minimalDocx('batch')
    const odt = minimalOdt()
    const stored = await storeFormFiles(db.db, [docx, odt, docx])
    assert.deepEqual(
      stored.map((s) => [s.kind, s.created]),
      [
        ['docx', true],
        ['odt', true],
        ['docx', false],
      ],
    )
    const clock = fixedClock(new Date('2026-11-22T08:00:00Z'))
    const pdf = new TextEncoder().encode('%PDF-1.4 audited')
    await storeFormFile(db.db, pdf, { actor: null, clock, agencyId: null })
    await storeFormFile(db.db, pdf, { actor: null, clock, agencyId: null })
    const events = await db.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'form-file')
      .execute()
    assert.deepEqual(events, [{ action: 'store', entityId: sha256Hex(pdf) }])
  })
})
