import { crc32, deflateRawSync } from 'node:zlib'

/**
 * One entry as it goes into the archive: `data` is what is written (deflated or not), and
 * `crc32` and `size` describe the content once inflated — given as they are, so tests can
 * build archives whose declarations lie.
 */
export interface RawZipEntry {
  name: string | Uint8Array
  method: 0 | 8
  data: Uint8Array
  crc32: number
  size: number
}

/** Writes a ZIP archive of the entries, in the order given. Not a general archiver. */
export function writeZip(entries: readonly RawZipEntry[]): Uint8Array {
  const enc = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const name = typeof e.name === 'string' ? enc.encode(e.name) : e.name
    const local = new Uint8Array(30 + name.length + e.data.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true) // version needed
    lv.setUint16(6, 0x0800, true) // UTF-8 names
    lv.setUint16(8, e.method, true)
    lv.setUint32(14, e.crc32, true)
    lv.setUint32(18, e.data.length, true)
    lv.setUint32(22, e.size, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)
    local.set(e.data, 30 + name.length)
    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint16(8, 0x0800, true)
    cv.setUint16(10, e.method, true)
    cv.setUint32(16, e.crc32, true)
    cv.setUint32(20, e.data.length, true)
    cv.setUint32(24, e.size, true)
    cv.setUint16(28, name.length, true)
    cv.setUint32(42, offset, true)
    central.set(name, 46)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, centralSize, true)
  ev.setUint32(16, offset, true)
  const out = new Uint8Array(offset + centralSize + 22)
  let at = 0
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data
}

/** A stored (uncompressed) entry. */
export function storedEntry(name: string, data: string | Uint8Array): RawZipEntry {
  const bytes = bytesOf(data)
  return { name, method: 0, data: bytes, crc32: crc32(bytes), size: bytes.length }
}

/** A deflated entry. */
export function deflatedEntry(name: string, data: string | Uint8Array): RawZipEntry {
  const bytes = bytesOf(data)
  return { name, method: 8, data: deflateRawSync(bytes), crc32: crc32(bytes), size: bytes.length }
}

/** Writes a ZIP archive of stored (uncompressed) entries, in the order given. */
export function storedZip(entries: { name: string; data: string | Uint8Array }[]): Uint8Array {
  return writeZip(entries.map((e) => storedEntry(e.name, e.data)))
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/xml"/></Types>`

/** A minimal Word package (enough to be recognised, not to open in Word). */
export function minimalDocx(text = 'Form'): Uint8Array {
  return storedZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES('word/document.xml') },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    },
  ])
}

/** A minimal Excel package. */
export function minimalXlsx(): Uint8Array {
  return storedZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES('xl/workbook.xml') },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    },
  ])
}

/** A minimal OpenDocument text package: `mimetype` first and stored. */
export function minimalOdt(): Uint8Array {
  return storedZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
    {
      name: 'content.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
    },
    {
      name: 'META-INF/manifest.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    },
  ])
}
