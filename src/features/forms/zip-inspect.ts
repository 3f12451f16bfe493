import { crc32 } from 'node:zlib'
import { inflateBounded } from './bounded-inflate.ts'
import {
  type ContentProblem,
  MAX_COMPRESSION_RATIO,
  MAX_FORM_BYTES,
  MAX_PACKAGE_ENTRIES,
  RATIO_GRACE_BYTES,
} from './form-file.model.ts'
import {
  externalNonHyperlinks,
  hasMacroContentType,
  hasOleContentType,
  isEmbeddedObject,
  isIndexPart,
  isMacroPart,
  isNestedPackage,
  isXmlPart,
  unsafeEntryName,
} from './package-parts.ts'
import { PartScanner } from './part-scanner.ts'
import {
  entryDataStart,
  LOCAL_HEADER,
  localName,
  readU32,
  readZipDirectory,
  type ZipDirectory,
  type ZipEntry,
} from './zip-directory.ts'

/** Bytes the inflation of one upload may still produce, shared with the packages inside it. */
export interface InflateBudget {
  remaining: number
}

/** How deep packages inside packages are followed (a chart's workbook inside a document). */
const MAX_NESTING = 2

/**
 * Inspects an OOXML or OpenDocument package before it is offered to citizens; null when it
 * may be stored. In order, cheapest first:
 * 1. names: no `../`, absolute path, drive, backslash, control character or duplicate;
 * 2. the declared sizes: all parts together at most the budget (100 MiB), no part over its
 *    first 100 KiB compressed more than 100 times, no encryption or unusual method;
 * 3. no macro project, macro sheet, ActiveX or OLE object by name;
 * 4. the layout: each part where the directory says, under the same name, none overlapping
 *    another (overlapping parts are how the densest bombs are built);
 * 5. every part inflated, chunk by chunk, stopping at its declared size: its real size and
 *    CRC must match the declaration; no DOCTYPE or entity declaration anywhere, and in
 *    OpenDocument XML no macro binding or external content;
 * 6. the content types (no macro-enabled or OLE type), every `.rels` (no external target
 *    but hyperlinks), and packages inside the package, inspected the same way.
 */
export async function inspectPackage(
  bytes: Uint8Array,
  budget: InflateBudget,
  options: { odf: boolean; depth?: number },
): Promise<ContentProblem | null> {
  const dir = readZipDirectory(bytes)
  if (!dir || dir.entries.length > MAX_PACKAGE_ENTRIES) return 'malformed'
  const { entries } = dir
  const names = new Set<string>()
  for (const e of entries) {
    if (!e.nameIsUtf8 || unsafeEntryName(e.name) || names.has(e.name)) return 'unsafe-name'
    names.add(e.name)
  }
  const declared = declaredProblem(entries, budget)
  if (declared) return declared
  for (const e of entries) {
    if (isMacroPart(e.name)) return 'macro'
    if (isEmbeddedObject(e.name)) return 'embedded-object'
  }
  if (!layoutIsSound(bytes, dir)) return 'malformed'

  const indexParts = new Map<string, string>()
  const nested: Uint8Array[] = []
  for (const e of entries) {
    const outcome = await inflateEntry(bytes, e, budget, options.odf)
    if (typeof outcome === 'string') return outcome
    if (outcome.text !== null) indexParts.set(e.name, outcome.text)
    if (outcome.nested) nested.push(outcome.nested)
  }
  const contentTypes = indexParts.get('[Content_Types].xml')
  if (contentTypes !== undefined) {
    if (hasMacroContentType(contentTypes)) return 'macro'
    if (hasOleContentType(contentTypes)) return 'embedded-object'
  }
  for (const [name, text] of indexParts)
    if (name.endsWith('.rels') && externalNonHyperlinks(text).length > 0) return 'external-link'

  const depth = options.depth ?? 0
  for (const inner of nested) {
    if (depth + 1 >= MAX_NESTING || readU32(inner, 0) !== LOCAL_HEADER) return 'malformed'
    const problem = await inspectPackage(inner, budget, {
      odf: inner.length > 0 && isOdfPackage(inner),
      depth: depth + 1,
    })
    if (problem) return problem
  }
  return null
}

function isOdfPackage(b: Uint8Array): boolean {
  return readZipDirectory(b)?.entries.some((e) => e.name === 'mimetype') ?? false
}

function declaredProblem(entries: ZipEntry[], budget: InflateBudget): ContentProblem | null {
  let total = 0
  for (const e of entries) {
    if (e.flags & 0x1) return 'malformed' // encrypted
    if (e.method !== 0 && e.method !== 8) return 'malformed' // only stored and deflated
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) return 'malformed'
    total += e.uncompressedSize
  }
  if (total > budget.remaining) return 'expands-too-much'
  for (const e of entries)
    if (
      e.uncompressedSize > RATIO_GRACE_BYTES &&
      e.uncompressedSize > e.compressedSize * MAX_COMPRESSION_RATIO
    )
      return 'ratio'
  return null
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** Each entry's local header is where the directory says, with the same name; no overlaps. */
function layoutIsSound(bytes: Uint8Array, dir: ZipDirectory): boolean {
  const sorted = [...dir.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
  for (const [i, e] of sorted.entries()) {
    const start = entryDataStart(bytes, e)
    const name = localName(bytes, e)
    if (start === null || name === null || !sameBytes(name, e.nameBytes)) return false
    const limit = sorted[i + 1]?.localHeaderOffset ?? dir.centralOffset
    if (start + e.compressedSize > limit) return false
  }
  return true
}

interface Inflated {
  /** The whole text of an index part, else null. */
  text: string | null
  /** The bytes of a package inside the package, kept to inspect it in turn. */
  nested: Uint8Array | null
}

async function inflateEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  budget: InflateBudget,
  odf: boolean,
): Promise<Inflated | ContentProblem> {
  const start = entryDataStart(bytes, e) ?? 0
  const data = bytes.subarray(start, start + e.compressedSize)
  const keepText = isIndexPart(e.name)
  const scanner = new PartScanner({ odfXml: odf && isXmlPart(e.name), keepText })
  const keepBytes = isNestedPackage(e.name)
  if (keepBytes && e.uncompressedSize > MAX_FORM_BYTES) return 'malformed'
  const kept = keepBytes ? new Uint8Array(e.uncompressedSize) : null
  let at = 0
  const onChunk = (chunk: Uint8Array) => {
    scanner.feed(chunk)
    kept?.set(chunk, at)
    at += chunk.length
  }
  if (e.method === 0) {
    onChunk(data)
    if (crc32(data) !== e.crc32) return 'size-mismatch'
  } else {
    const out = await inflateBounded(data, {
      format: 'raw',
      limit: Math.min(e.uncompressedSize, budget.remaining),
      onChunk,
    })
    if (!out.ok) return out.problem === 'over-limit' ? 'size-mismatch' : 'malformed'
    if (out.size !== e.uncompressedSize || out.crc32 !== e.crc32) return 'size-mismatch'
  }
  budget.remaining -= e.uncompressedSize
  if (scanner.found) return scanner.found
  if (scanner.overflow) return 'malformed'
  return { text: keepText ? scanner.text() : null, nested: kept }
}
