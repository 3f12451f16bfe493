/**
 * Reads a ZIP archive's End-of-Central-Directory record and central directory (APPNOTE 6.3):
 * every entry's name, method, flags, CRC, declared sizes and where its local header is. No
 * decompression here; what the sizes are worth is checked by `zip-inspect.ts`, which inflates.
 * Multi-disk archives and a ZIP64 end record are not read (a form never needs them); an entry
 * whose 32-bit fields are saturated takes its values from its ZIP64 extra field.
 */

export const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const ZIP64_EXTRA = 0x0001
const SATURATED_32 = 0xffffffff

export interface ZipEntry {
  name: string
  /** The name's bytes as stored: compared with the local header's copy. */
  nameBytes: Uint8Array
  /** False when the name is not valid UTF-8 (any name we accept is). */
  nameIsUtf8: boolean
  flags: number
  method: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export interface ZipDirectory {
  entries: ZipEntry[]
  /** Where the central directory starts: every entry's data must end before it. */
  centralOffset: number
}

export function readU16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
}

export function readU32(b: Uint8Array, at: number): number {
  return (readU16(b, at) | (readU16(b, at + 2) << 16)) >>> 0
}

function readU64(b: Uint8Array, at: number): number {
  // Above 2^53 the value is only approximate, which is still far over any cap.
  return readU32(b, at) + readU32(b, at + 4) * 2 ** 32
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const lenientUtf8 = new TextDecoder('utf-8')

function decodeName(bytes: Uint8Array): { name: string; utf8: boolean } {
  try {
    return { name: strictUtf8.decode(bytes), utf8: true }
  } catch {
    return { name: lenientUtf8.decode(bytes), utf8: false }
  }
}

/** The ZIP64 extra field's values, read in the order APPNOTE 4.5.3 gives, for saturated fields. */
function applyZip64(entry: ZipEntry, extra: Uint8Array): void {
  let at = 0
  while (at + 4 <= extra.length) {
    const id = readU16(extra, at)
    const size = readU16(extra, at + 2)
    if (id === ZIP64_EXTRA) {
      let p = at + 4
      const end = p + size
      if (entry.uncompressedSize === SATURATED_32 && p + 8 <= end) {
        entry.uncompressedSize = readU64(extra, p)
        p += 8
      }
      if (entry.compressedSize === SATURATED_32 && p + 8 <= end) {
        entry.compressedSize = readU64(extra, p)
        p += 8
      }
      if (entry.localHeaderOffset === SATURATED_32 && p + 8 <= end)
        entry.localHeaderOffset = readU64(extra, p)
      return
    }
    at += 4 + size
  }
}

/** The central directory, or null when the archive is not well formed (or spans disks). */
export function readZipDirectory(b: Uint8Array): ZipDirectory | null {
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
  const disk = readU16(b, eocd + 4)
  const centralDisk = readU16(b, eocd + 6)
  const countHere = readU16(b, eocd + 8)
  const count = readU16(b, eocd + 10)
  const size = readU32(b, eocd + 12)
  const offset = readU32(b, eocd + 16)
  if (disk !== 0 || centralDisk !== 0 || countHere !== count) return null
  if (offset + size > eocd || count === 0) return null
  const entries: ZipEntry[] = []
  let at = offset
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || readU32(b, at) !== CENTRAL_HEADER) return null
    const nameLength = readU16(b, at + 28)
    const extraLength = readU16(b, at + 30)
    const commentLength = readU16(b, at + 32)
    if (at + 46 + nameLength + extraLength + commentLength > eocd) return null
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength)
    const { name, utf8 } = decodeName(nameBytes)
    const entry: ZipEntry = {
      name,
      nameBytes,
      nameIsUtf8: utf8,
      flags: readU16(b, at + 8),
      method: readU16(b, at + 10),
      crc32: readU32(b, at + 16),
      compressedSize: readU32(b, at + 20),
      uncompressedSize: readU32(b, at + 24),
      localHeaderOffset: readU32(b, at + 42),
    }
    applyZip64(entry, b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength))
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return { entries, centralOffset: offset }
}

/** The central directory's entries, or null when the archive is not well formed. */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  return readZipDirectory(b)?.entries ?? null
}

/** Where an entry's data starts, from its local header; null when that header is not there. */
export function entryDataStart(b: Uint8Array, entry: ZipEntry): number | null {
  const at = entry.localHeaderOffset
  if (at + 30 > b.length || readU32(b, at) !== LOCAL_HEADER) return null
  return at + 30 + readU16(b, at + 26) + readU16(b, at + 28)
}

/** The entry's name as its local header gives it (a different name there is a smuggling trick). */
export function localName(b: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localHeaderOffset
  if (at + 30 > b.length || readU32(b, at) !== LOCAL_HEADER) return null
  const length = readU16(b, at + 26)
  if (at + 30 + length > b.length) return null
  return b.subarray(at + 30, at + 30 + length)
}
