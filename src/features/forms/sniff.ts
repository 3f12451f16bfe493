import type { FormFileKind } from './form-file.model.ts'

/**
 * Tells a form file's kind from its bytes alone. PDF by its `%PDF-` header; the three
 * ZIP-based kinds by reading the archive's End-of-Central-Directory record and the names in
 * its central directory (no decompression, no dependency):
 * - DOCX: `[Content_Types].xml` and `word/document.xml`;
 * - XLSX: `[Content_Types].xml` and `xl/workbook.xml`;
 * - ODT: a first entry named `mimetype`, stored uncompressed, whose content is
 *   `application/vnd.oasis.opendocument.text` (the OpenDocument packaging rule).
 * Anything else — a renamed program, a plain zip, a legacy .doc, an image — is null.
 */
export function sniffFormType(bytes: Uint8Array): FormFileKind | null {
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'pdf'
  if (bytes.length >= 4 && readU32(bytes, 0) === LOCAL_HEADER) return sniffZip(bytes)
  return null
}

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text'

function ascii(b: Uint8Array, start: number, length: number): string {
  let s = ''
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i] ?? 0)
  return s
}

function readU16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
}

function readU32(b: Uint8Array, at: number): number {
  return (readU16(b, at) | (readU16(b, at + 2) << 16)) >>> 0
}

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localHeaderOffset: number
}

/** The central directory's entries, or null when the archive is not well formed. */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const lowest = Math.max(0, b.length - 22 - 0xffff)
  let eocd = -1
  for (let i = b.length - 22; i >= lowest; i--) {
    if (readU32(b, i) === END_OF_CENTRAL_DIRECTORY && i + 22 + readU16(b, i + 20) === b.length) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = readU16(b, eocd + 10)
  const size = readU32(b, eocd + 12)
  const offset = readU32(b, eocd + 16)
  if (offset + size > eocd || count === 0) return null
  const entries: ZipEntry[] = []
  let at = offset
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || readU32(b, at) !== CENTRAL_HEADER) return null
    const nameLength = readU16(b, at + 28)
    const extraLength = readU16(b, at + 30)
    const commentLength = readU16(b, at + 32)
    if (at + 46 + nameLength > eocd) return null
    entries.push({
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: readU16(b, at + 10),
      compressedSize: readU32(b, at + 20),
      localHeaderOffset: readU32(b, at + 42),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function sniffZip(b: Uint8Array): FormFileKind | null {
  const entries = zipEntries(b)
  if (!entries) return null
  const names = new Set(entries.map((e) => e.name))
  if (isOdt(b, entries)) return 'odt'
  if (names.has('[Content_Types].xml')) {
    if (names.has('word/document.xml')) return 'docx'
    if (names.has('xl/workbook.xml')) return 'xlsx'
  }
  return null
}

function isOdt(b: Uint8Array, entries: ZipEntry[]): boolean {
  const first = entries.reduce<ZipEntry | undefined>(
    (min, e) => (min === undefined || e.localHeaderOffset < min.localHeaderOffset ? e : min),
    undefined,
  )
  if (first?.name !== 'mimetype' || first.method !== 0) return false
  const at = first.localHeaderOffset
  if (readU32(b, at) !== LOCAL_HEADER) return false
  const dataAt = at + 30 + readU16(b, at + 26) + readU16(b, at + 28)
  return (
    first.compressedSize === ODT_MIMETYPE.length &&
    ascii(b, dataAt, first.compressedSize) === ODT_MIMETYPE
  )
}
