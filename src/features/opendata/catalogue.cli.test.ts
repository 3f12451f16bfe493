import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { parseExportFormat, progressReporter, runExport } from './catalogue.cli.ts'
import { catalogueEnvelopeSchema } from './catalogue.format.ts'
import { type SeededCatalogue, seedCatalogue } from './opendata.test-helpers.ts'

let t: TestApp
let seed: SeededCatalogue
const tmp = mkdtempSync(join(tmpdir(), 'mardom-export-'))
before(async () => {
  t = await createTestApp()
  seed = await seedCatalogue(t.deps)
})
after(async () => {
  rmSync(tmp, { recursive: true, force: true })
  await t.close()
})

function sink(isTTY: boolean) {
  const out: string[] = []
  return { isTTY, write: (s: string) => void out.push(s), out }
}

describe('mardom export', () => {
  it('writes JSON with the form files embedded to --out, with plain progress lines off a terminal', async () => {
    const file = join(tmp, 'catalogue.json')
    const err = sink(false)
    const n = await runExport(t.deps, {
      format: 'json',
      out: file,
      embedFiles: true,
      stdout: new PassThrough(),
      stderr: err,
    })
    assert.equal(n, 2)
    assert.equal(existsSync(`${file}.partial`), false)
    const env = catalogueEnvelopeSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    assert.equal(env.services.length, 2)
    assert.deepEqual(Object.keys(env.files ?? {}), [seed.formSha256])
    assert.deepEqual(
      new Uint8Array(Buffer.from(env.files?.[seed.formSha256] ?? '', 'base64')),
      seed.formBytes,
    )
    assert.deepEqual(err.out, ['export json: 2/2 (100%)\n'])
  })

  it('writes CSV to stdout and draws a bar on a terminal', async () => {
    const stdout = new PassThrough()
    const chunks: Buffer[] = []
    stdout.on('data', (c: Buffer) => chunks.push(c))
    const err = sink(true)
    await runExport(t.deps, {
      format: 'csv',
      out: undefined,
      embedFiles: true,
      stdout,
      stderr: err,
    })
    const text = Buffer.concat(chunks).toString('utf8')
    assert.ok(text.startsWith('\uFEFFid,slug,'))
    assert.match(err.out.join(''), /\rexport csv \[#{30}\] 100% 2\/2\n$/)
  })

  it('--no-files leaves the files out; a bad --format is refused', async () => {
    const file = join(tmp, 'nofiles.json')
    await runExport(t.deps, {
      format: 'json',
      out: file,
      embedFiles: false,
      stdout: new PassThrough(),
      stderr: sink(false),
    })
    assert.equal(
      catalogueEnvelopeSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).files,
      undefined,
    )
    assert.equal(parseExportFormat(undefined), 'json')
    assert.equal(parseExportFormat('jsonld'), 'jsonld')
    assert.equal(parseExportFormat('xml'), undefined)
  })

  it('reports progress every tenth of the way off a terminal', () => {
    const err = sink(false)
    const p = progressReporter(err, 'import', 100)
    for (let i = 1; i <= 100; i++) p.update(i)
    p.finish(100)
    assert.equal(err.out.length, 11)
    assert.equal(err.out[0], 'import: 1/100 (0%)\n')
    assert.equal(err.out[10], 'import: 100/100 (100%)\n')
  })
})
