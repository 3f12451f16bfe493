import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deflateSync } from 'node:zlib'
import { MAX_UNCOMPRESSED_BYTES } from './form-file.model.ts'
import { checkFormFile } from './form-file.store.ts'
import {
  deflatedDocx,
  deflatedZeros,
  documentXml,
  docxBomb,
  docxLyingAboutSize,
  docxWithExternalEntity,
  docxWithMacro,
  docxWithRemoteTemplate,
  docxWithTraversal,
  GiB,
  MiB,
  odtWithBasic,
  odtWithEventMacro,
  pdfEmbeddedFile,
  pdfEscapedJs,
  pdfJsInObjectStream,
  pdfLaunch,
  pdfOf,
  pdfOpenActionJs,
  pdfPlain,
  xlsxBomb,
} from './hostile-files.test-helpers.ts'
import { formsMsg as m } from './messages.fa.ts'
import {
  deflatedEntry,
  minimalDocx,
  minimalOdt,
  minimalXlsx,
  storedEntry,
  writeZip,
} from './tiny-zip.ts'
import { zipEntries } from './zip-directory.ts'

async function problemOf(bytes: Uint8Array): Promise<string | null> {
  const check = await checkFormFile(bytes)
  return check.ok ? null : check.problem
}

describe('inspecting packages: bombs (issue 11, item 13)', () => {
  it('refuses the 199 KiB DOCX that expands to 200 MiB, without inflating it', async () => {
    const bytes = docxBomb()
    // Deflate cannot beat about 1:1030, so 200 MiB take at least 199 KiB; ours is that and
    // its few small parts.
    assert.ok(bytes.length < 201 * 1024, `the bomb is ${bytes.length} bytes`)
    const declared = zipEntries(bytes)?.reduce((n, e) => n + e.uncompressedSize, 0) ?? 0
    assert.ok(declared > 200 * MiB && declared > MAX_UNCOMPRESSED_BYTES)
    const started = performance.now()
    const check = await checkFormFile(bytes)
    assert.ok(performance.now() - started < 1000, 'refused from the directory, not by inflating')
    assert.equal(!check.ok && check.problem, 'expands-too-much')
    assert.equal(!check.ok && check.message, m.content['expands-too-much'])
    assert.match(!check.ok ? check.message : '', /۱۰۰ مگابایت/)
  })

  it('refuses the XLSX that expands to 1 GiB', async () => {
    const bytes = xlsxBomb()
    assert.ok(bytes.length < 1.1 * MiB, `the bomb is ${bytes.length} bytes`)
    assert.equal(
      zipEntries(bytes)?.find((e) => e.name.endsWith('sheet1.xml'))?.uncompressedSize,
      GiB,
    )
    assert.equal(await problemOf(bytes), 'expands-too-much')
  })

  it('refuses a part compressed more than 100 times even when the total is under the cap', async () => {
    const zeros = deflatedZeros(8 * MiB)
    const dense = deflatedDocx({
      extra: [
        {
          name: 'word/media/a.bin',
          method: 8,
          data: zeros.data,
          crc32: zeros.crc32,
          size: 8 * MiB,
        },
      ],
    })
    assert.equal(await problemOf(dense), 'ratio')
  })

  it('does not trust declared sizes: a part that inflates past its declaration is stopped there', async () => {
    const started = performance.now()
    assert.equal(await problemOf(docxLyingAboutSize()), 'size-mismatch')
    assert.ok(performance.now() - started < 2000)
  })

  it('refuses overlapping entries (the "better zip bomb" layout) and a name that differs locally', async () => {
    const good = deflatedDocx()
    const [first, second] = zipEntries(good) ?? []
    assert.ok(first && second)
    const central = new DataView(good.buffer).getUint32(good.length - 22 + 16, true)
    // The first entry's data now runs over the second entry's local header.
    const overlapping = new Uint8Array(good)
    const view = new DataView(overlapping.buffer)
    view.setUint32(central + 20, second.localHeaderOffset - first.localHeaderOffset, true)
    assert.equal(await problemOf(overlapping), 'malformed')
    // The local header names the first part otherwise than the central directory does.
    const renamed = new Uint8Array(good)
    renamed[first.localHeaderOffset + 30] = 'X'.charCodeAt(0)
    assert.equal(await problemOf(renamed), 'malformed')
    assert.equal(await problemOf(good), null)
  })
})

describe('inspecting packages: macros, entities, names, links', () => {
  it('refuses the DOCX with a macro project, and macro content types on their own', async () => {
    assert.equal(await problemOf(docxWithMacro()), 'macro')
    const typeOnly = deflatedDocx({
      mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml',
    })
    assert.equal(await problemOf(typeOnly), 'macro')
    const macroSheet = deflatedDocx({ extra: [deflatedEntry('xl/macrosheets/sheet1.xml', '<x/>')] })
    assert.equal(await problemOf(macroSheet), 'macro')
    const ole = deflatedDocx({ extra: [deflatedEntry('word/embeddings/oleObject1.bin', 'x')] })
    assert.equal(await problemOf(ole), 'embedded-object')
  })

  it('refuses OpenDocument Basic libraries and macro event bindings', async () => {
    assert.equal(await problemOf(odtWithBasic()), 'macro')
    assert.equal(await problemOf(odtWithEventMacro()), 'macro')
    // LibreOffice writes empty script and listener containers: no macro in them.
    const emptyContainers = writeZip([
      storedEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
      deflatedEntry(
        'content.xml',
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:scripts/><office:body><office:text><office:event-listeners/></office:text></office:body></office:document-content>',
      ),
    ])
    assert.equal(await problemOf(emptyContainers), null)
  })

  it('refuses the DOCX with an external entity, also in UTF-16', async () => {
    assert.equal(await problemOf(docxWithExternalEntity()), 'xml-entity')
    const utf16 = Buffer.from(
      `\ufeff<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>`,
      'utf16le',
    )
    const custom = deflatedDocx({ extra: [deflatedEntry('customXml/item1.xml', utf16)] })
    assert.equal(await problemOf(custom), 'xml-entity')
  })

  it('refuses unsafe entry names: ../, absolute, drive, backslash, NUL, duplicates', async () => {
    for (const name of [
      '../../../tmp/evil.sh',
      'word/../../evil.xml',
      '/etc/cron.d/evil',
      'C:/Windows/evil.dll',
      'word\\..\\..\\evil.xml',
      'word/evil\u0000.xml',
      'word/document.xml',
    ])
      assert.equal(await problemOf(docxWithTraversal(name)), 'unsafe-name', name)
    const badUtf8 = deflatedDocx({
      extra: [{ ...deflatedEntry('x', 'y'), name: new Uint8Array([0x77, 0xff, 0x2f, 0x78]) }],
    })
    assert.equal(zipEntries(badUtf8)?.at(-1)?.nameIsUtf8, false)
    assert.equal(await problemOf(badUtf8), 'unsafe-name')
  })

  it('refuses a remote template, even with an escaped TargetMode, and keeps ordinary hyperlinks', async () => {
    assert.equal(await problemOf(docxWithRemoteTemplate()), 'external-link')
    assert.equal(await problemOf(docxWithRemoteTemplate('&#69;xternal')), 'external-link')
    assert.equal(await problemOf(docxWithRemoteTemplate('Internal')), null)
    for (const unc of ['\\\\attacker.invalid\\share\\t.dotm', 'file://attacker.invalid/t.dotm'])
      assert.equal(await problemOf(docxWithRemoteTemplate('External', unc)), 'external-link', unc)
    // Word records the author's own template on disk; on a citizen's computer it is not found.
    const local = 'file:///C:\\Users\\office\\Templates\\Form.dotx'
    assert.equal(await problemOf(docxWithRemoteTemplate('External', local)), null)
    // deflatedDocx carries an external hyperlink to my.gov.ir by default.
    assert.equal(await problemOf(deflatedDocx()), null)
  })

  it('inspects a workbook embedded in a document the same way', async () => {
    const innerBomb = xlsxBomb()
    const withChart = deflatedDocx({
      extra: [storedEntry('word/embeddings/Microsoft_Excel_Worksheet.xlsx', innerBomb)],
    })
    assert.equal(await problemOf(withChart), 'expands-too-much')
    const fine = deflatedDocx({
      extra: [deflatedEntry('word/embeddings/Microsoft_Excel_Worksheet.xlsx', minimalXlsx())],
    })
    assert.equal(await problemOf(fine), null)
  })

  it('accepts ordinary packages, stored or deflated, with Persian text', async () => {
    for (const bytes of [
      minimalDocx(),
      minimalXlsx(),
      minimalOdt(),
      deflatedDocx({ document: documentXml('فرم درخواست گذرنامه'.repeat(2000)) }),
    ])
      assert.deepEqual(await problemOf(bytes), null)
  })
})

describe('inspecting PDFs', () => {
  it('refuses JavaScript, escaped names, Launch, embedded files and JS in object streams', async () => {
    assert.equal(await problemOf(pdfOpenActionJs()), 'pdf-script')
    assert.equal(await problemOf(pdfEscapedJs()), 'pdf-script')
    assert.equal(await problemOf(pdfLaunch()), 'pdf-script')
    assert.equal(await problemOf(pdfEmbeddedFile()), 'pdf-embedded')
    assert.equal(await problemOf(pdfJsInObjectStream()), 'pdf-script')
    const check = await checkFormFile(pdfOpenActionJs())
    assert.match(!check.ok ? check.message : '', /جاوااسکریپت/)
  })

  it('accepts a PDF whose OpenAction only shows the first page, and a compressed page', async () => {
    assert.equal(await problemOf(pdfPlain()), null)
    const content = Buffer.from('BT /F1 12 Tf 56 770 Td (Form) Tj ET', 'latin1')
    const packed = deflateSync(content).toString('latin1')
    const compressed = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
      `<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed}\nendstream`,
    ])
    assert.equal(await problemOf(compressed), null)
  })

  it('refuses an encrypted PDF with object streams (they cannot be read) and a Flate bomb', async () => {
    const encrypted = pdfOf(
      ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /XRef /W [1 2 1] >>'],
      '/Root 1 0 R /Encrypt << /Filter /Standard >>',
    )
    assert.equal(await problemOf(encrypted), 'pdf-uninspectable')
    // 104 MiB of zeros in one zlib stream of about 104 KiB: inflating stops at the cap.
    const raw = deflatedZeros(13 * 8 * MiB).data
    const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), raw, Buffer.alloc(4)])
    zlib.writeUInt32BE((((13 * 8 * MiB) % 65521) << 16) | 1, zlib.length - 4)
    const bomb = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Length ${zlib.length} /Filter /FlateDecode >>\nstream\n${zlib.toString('latin1')}\nendstream`,
    ])
    const started = performance.now()
    assert.equal(await problemOf(bomb), 'expands-too-much')
    assert.ok(performance.now() - started < 5000)
  })
})
