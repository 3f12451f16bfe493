import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts'
import { sniffFormType } from '../forms/index.ts'
import { minimalPdf, storeDemoForms } from './demo-forms.data.ts'
import { DEMO_SERVICES } from './demo-services.data.ts'

function text(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}

describe('the generated PDF forms', () => {
  it('are PDF 1.4 with a correct xref table and the Persian title as UTF-16BE', () => {
    const title = 'فرم درخواست گذرنامه'
    const bytes = minimalPdf(title, ['Application form F-1234', 'Price (in rials): \\ 100'])
    assert.equal(sniffFormType(bytes), 'pdf')
    const s = text(bytes)
    assert.ok(s.startsWith('%PDF-1.4\n'))
    assert.ok(s.endsWith('%%EOF\n'))
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(s)?.[1])
    assert.equal(s.slice(startxref, startxref + 5), 'xref\n')
    const table = s.slice(startxref).split('\n')
    assert.equal(table[1], '0 7')
    const entries = table.slice(2, 9)
    assert.equal(entries[0], '0000000000 65535 f ')
    for (let n = 1; n <= 6; n++) {
      const entry = entries[n] ?? ''
      assert.match(entry, /^\d{10} 00000 n $/)
      assert.equal(entry.length + 1, 20, 'each xref entry is 20 bytes')
      const offset = Number(entry.slice(0, 10))
      assert.ok(s.startsWith(`${n} 0 obj\n`, offset), `object ${n} at its offset`)
    }
    // The content stream's /Length is exact.
    const stream = /\/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(s)
    assert.equal(Number(stream?.[1]), stream?.[2]?.length)
    assert.match(s, /\(Price \\\(in rials\\\): \\\\ 100\) Tj/)
    const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(s)?.[1] ?? ''
    let decoded = ''
    for (let i = 0; i < hex.length; i += 4)
      decoded += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16))
    assert.equal(decoded, title)
  })
})

describe('demo forms across the catalogue', () => {
  let db: TestDb
  before(async () => {
    db = await createTestDb()
  })
  after(() => db.cleanup())

  it('attach forms to 80+ services, share files across versions, and revise a few', async () => {
    const formsFor = await storeDemoForms(db.db, DEMO_SERVICES)
    let withForms = 0
    let revised = 0
    let shared = 0
    const used = new Set<string>()
    for (const d of DEMO_SERVICES) {
      const perVersion = d.versions.map((_, i) => formsFor(d, i))
      for (const forms of perVersion)
        for (const f of forms) {
          used.add(f.sha256)
          assert.ok(f.title.length <= 200 && f.fileName.length <= 200)
          assert.match(f.fileName, /\.pdf$/)
        }
      if (perVersion[0]?.length) withForms++
      const first = perVersion[0]?.map((f) => f.sha256).join()
      const last = perVersion
        .at(-1)
        ?.map((f) => f.sha256)
        .join()
      if (perVersion.length > 1 && first && first !== last) revised++
      if (perVersion.length > 1 && first && first === last) shared++
    }
    assert.ok(withForms >= 80, `${withForms} services with forms`)
    assert.ok(revised >= 3, `${revised} services with a replaced form`)
    assert.ok(shared >= 10, `${shared} services sharing a file across versions`)
    const rows = await db.db.selectFrom('formFiles').select(['sha256', 'kind']).execute()
    assert.equal(rows.length, used.size, 'every attached file is stored once, none extra')
    assert.ok(rows.every((r) => r.kind === 'pdf' && used.has(r.sha256)))
  })
})
