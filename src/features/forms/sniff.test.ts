import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_FORM_BYTES } from './form-file.model.ts'
import { checkFormFile } from './form-file.store.ts'
import { sniffFormType, zipEntries } from './sniff.ts'
import { minimalDocx, minimalOdt, minimalXlsx, storedZip } from './tiny-zip.ts'

const enc = new TextEncoder()
const pdf = enc.encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

describe('sniffFormType: the kind comes from the bytes', () => {
  it('recognises PDF, DOCX, XLSX and ODT', () => {
    assert.equal(sniffFormType(pdf), 'pdf')
    assert.equal(sniffFormType(minimalDocx()), 'docx')
    assert.equal(sniffFormType(minimalXlsx()), 'xlsx')
    assert.equal(sniffFormType(minimalOdt()), 'odt')
  })

  it('reads the central directory of an archive with a trailing comment', () => {
    const zip = minimalDocx()
    const withComment = new Uint8Array(zip.length + 5)
    withComment.set(zip)
    withComment.set(enc.encode('hello'), zip.length)
    new DataView(withComment.buffer).setUint16(zip.length - 2, 5, true)
    assert.equal(sniffFormType(withComment), 'docx')
    assert.deepEqual(
      zipEntries(withComment)?.map((e) => e.name),
      ['[Content_Types].xml', 'word/document.xml'],
    )
  })

  it('refuses a renamed program, a plain zip, a legacy .doc, an image and text', () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04])
    const plainZip = storedZip([{ name: 'readme.txt', data: 'hello' }])
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
    for (const bytes of [exe, plainZip, doc, png, enc.encode('just text'), new Uint8Array()])
      assert.equal(sniffFormType(bytes), null)
  })

  it('refuses look-alikes: Word parts without [Content_Types].xml, ODT mimetype not first or wrong', () => {
    const noTypes = storedZip([{ name: 'word/document.xml', data: '<w/>' }])
    const mimetypeLater = storedZip([
      { name: 'content.xml', data: '<x/>' },
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
    ])
    const spreadsheetOds = storedZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
    ])
    const truncated = minimalDocx().subarray(0, 60)
    for (const bytes of [noTypes, mimetypeLater, spreadsheetOds, truncated])
      assert.equal(sniffFormType(bytes), null)
  })
})

describe('checkFormFile', () => {
  it('refuses empty and over 10 MB files with Persian messages, and names the accepted kinds', async () => {
    const empty = await checkFormFile(new Uint8Array())
    assert.equal(empty.ok, false)
    assert.equal(!empty.ok && empty.problem, 'empty')
    const big = new Uint8Array(MAX_FORM_BYTES + 1)
    big.set(pdf)
    const tooBig = await checkFormFile(big)
    assert.equal(!tooBig.ok && tooBig.problem, 'too-large')
    assert.match(!tooBig.ok ? tooBig.message : '', /۱۰ مگابایت/)
    const exactly = new Uint8Array(MAX_FORM_BYTES)
    exactly.set(pdf)
    assert.deepEqual(await checkFormFile(exactly), { ok: true, kind: 'pdf' })
    const wrong = await checkFormFile(enc.encode('MZ not a form'))
    assert.equal(!wrong.ok && wrong.problem, 'wrong-type')
    assert.match(!wrong.ok ? wrong.message : '', /PDF.*DOCX.*XLSX.*ODT/)
  })
})
