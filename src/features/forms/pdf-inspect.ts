import { inflateBounded } from './bounded-inflate.ts'
import type { ContentProblem } from './form-file.model.ts'
import type { InflateBudget } from './zip-inspect.ts'

/**
 * PDF names that make a reader run something or carry something (ISO 32000): JavaScript
 * (a JavaScript action is `/S /JavaScript`, under `/OpenAction`, `/AA` or the `/Names` tree,
 * its code under `/JS`), launching a program (`/Launch`), Flash and other rich media, XFA
 * forms (which carry their own scripts); embedded files (`/EmbeddedFile`, `/EmbeddedFiles`,
 * going to an embedded document with `/GoToE`).
 *
 * The long names are looked for everywhere, stream data included: a chance match in binary
 * data is vanishingly rare. `/JS` (three letters) is looked for only in PDF syntax — outside
 * stream data and in inflated text-like streams, where object streams put dictionaries — as
 * an image would otherwise match it by chance about once in 25 MB; every JavaScript action
 * also names `/JavaScript`, which is looked for everywhere.
 */
const LONG_SCRIPT_NAMES = new Set(['JavaScript', 'Launch', 'RichMedia', 'XFA'])
const LONG_EMBEDDED_NAMES = new Set(['EmbeddedFile', 'EmbeddedFiles', 'GoToE'])
/** Filters we cannot undo: an object stream under one of them would hide its dictionaries. */
const UNREAD_FILTERS = new Set([
  'ASCIIHexDecode',
  'AHx',
  'ASCII85Decode',
  'A85',
  'LZWDecode',
  'LZW',
  'RunLengthDecode',
  'RL',
  'Crypt',
])

/**
 * Every name in a stretch of PDF syntax, with `#xx` escapes resolved (`/J#61vaScript` is
 * `/JavaScript` to a reader, so it is to us too).
 */
export function pdfNames(text: string): string[] {
  const names: string[] = []
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is PDF whitespace
  for (const m of text.matchAll(/\/([^\s\u0000()<>[\]{}/%]*)/g)) {
    const raw = m[1] ?? ''
    names.push(
      raw.includes('#')
        ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          )
        : raw,
    )
  }
  return names
}

function longNameProblem(names: Iterable<string>): ContentProblem | null {
  for (const name of names) {
    if (LONG_SCRIPT_NAMES.has(name)) return 'pdf-script'
    if (LONG_EMBEDDED_NAMES.has(name)) return 'pdf-embedded'
  }
  return null
}

interface StreamSpan {
  start: number
  end: number
}

/** Where stream data lies: after each `stream` keyword and its end of line, to `endstream`. */
function streamSpans(text: string): StreamSpan[] {
  const spans: StreamSpan[] = []
  let at = text.indexOf('stream')
  while (at >= 0) {
    const isEnd = text.slice(Math.max(0, at - 3), at) === 'end'
    const eol = text.startsWith('\r\n', at + 6) ? 2 : /[\r\n]/.test(text[at + 6] ?? '') ? 1 : 0
    if (isEnd || eol === 0) {
      at = text.indexOf('stream', at + 6)
      continue
    }
    const start = at + 6 + eol
    const end = text.indexOf('endstream', start)
    spans.push({ start, end: end < 0 ? text.length : end })
    at = end < 0 ? -1 : text.indexOf('stream', end + 9)
  }
  return spans
}

function hasZlibHeader(data: Uint8Array): boolean {
  const cmf = data[0] ?? 0
  const flg = data[1] ?? 0
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0
}

/** Text-like output (a content or object stream), as opposed to image or font data. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 256)
  return head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d)
}

/** The names in one stream's inflated output, read chunk by chunk with a short overlap. */
class StreamNameScanner {
  found: ContentProblem | null = null
  /** Bytes seen, also when the stream turns out corrupt part-way (they were still work). */
  size = 0
  private tail = ''
  private textLike: boolean | null = null

  feed(chunk: Buffer): void {
    this.size += chunk.length
    if (this.found) return
    if (this.textLike === null) this.textLike = looksLikeText(chunk)
    const window = this.tail + chunk.toString('latin1')
    this.tail = window.slice(-256)
    const names = pdfNames(window)
    this.found =
      longNameProblem(names) ?? (this.textLike && names.includes('JS') ? 'pdf-script' : null)
  }
}

/**
 * Inspects a PDF; null when it may be stored. Looks for the names above in the file's bytes,
 * then inflates every Flate stream (object streams, PDF 1.5, pack dictionaries — actions
 * included — into compressed streams, and a reader finds them through the cross-reference
 * stream whatever their `/Type` says, so none is skipped) within the inflation budget,
 * looking at what comes out. When object streams could be under a filter we cannot undo, or
 * the file is encrypted (its object streams unreadable to us), the file is refused as
 * uninspectable rather than let through unseen.
 */
export async function inspectPdf(
  bytes: Uint8Array,
  budget: InflateBudget,
): Promise<ContentProblem | null> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const allNames = pdfNames(text)
  const everywhere = longNameProblem(allNames)
  if (everywhere) return everywhere
  const spans = streamSpans(text)
  let outside = ''
  let from = 0
  for (const span of spans) {
    outside += text.slice(from, span.start)
    from = span.end
  }
  outside += text.slice(from)
  if (pdfNames(outside).includes('JS')) return 'pdf-script'

  const names = new Set(allNames)
  const mayHaveObjectStreams = names.has('ObjStm') || names.has('XRef')
  if (
    mayHaveObjectStreams &&
    (names.has('Encrypt') || [...UNREAD_FILTERS].some((f) => names.has(f)))
  )
    return 'pdf-uninspectable'

  for (const span of spans) {
    const data = bytes.subarray(span.start, span.end)
    if (!hasZlibHeader(data)) continue
    const scanner = new StreamNameScanner()
    const out = await inflateBounded(data, {
      format: 'zlib',
      limit: budget.remaining,
      onChunk: (chunk) => scanner.feed(chunk),
    })
    if (!out.ok && out.problem === 'over-limit') return 'expands-too-much'
    if (scanner.found) return scanner.found
    // A stream that is not really zlib data was read as far as it went; that counts as well.
    budget.remaining -= scanner.size
  }
  return null
}
