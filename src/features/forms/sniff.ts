import type { FormFileKind } from './form-file.model.ts'
import { LOCAL_HEADER, readU16, readU32, type ZipEntry, zipEntries } from './zip-directory.ts'

export { zipEntries } from './zip-directory.ts'

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

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text'

function ascii(b: Uint8Array, start: number, length: number): string {
  let s = ''
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i] ?? 0)
  return s
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
