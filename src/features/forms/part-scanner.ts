import { decodeXmlReferences } from './package-parts.ts'

export type PartFinding = 'xml-entity' | 'macro' | 'external-link'

/** Bytes kept from one chunk to the next, so a pattern split across chunks is still seen. */
const TAIL = 4096
/** The most text kept of a part read whole (`.rels`, content types, manifest). */
export const MAX_INDEX_PART_CHARS = 4 * 1024 * 1024

const LT_BANG = Buffer.from('<!', 'latin1')
const LT_NUL_BANG = Buffer.from('<\0!', 'latin1')

// OpenDocument: event bindings that run macros (an empty `event-listeners` list is harmless) (the LibreLogo route of CVE-2019-9848), inline
// scripts, macro URLs; and content pulled from elsewhere on opening (linked sections, objects
// and images whose link leaves the package). Element prefixes are free, so match local names.
const ODF_MACRO = [
  /<([\w.-]+:)?event-listener[\s/>]/,
  /<([\w.-]+:)?script[\s/>]/,
  /vnd\.sun\.star\.script:|macro:\/\//,
]
const ODF_EXTERNAL = [
  /<([\w.-]+:)?section-source[\s/>]/,
  /<([\w.-]+:)?(object|object-ole|image|plugin|applet|floating-frame)\s[^>]*?xlink:href\s*=\s*["']\s*(?:[a-z][a-z0-9+.-]*:|\/|\\\\|\.\.\/)/,
]

/** One part's text as ASCII: UTF-16 parts lose their NULs, so both encodings match alike. */
function asciiOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replaceAll('\0', '')
}

/**
 * Looks through one package part as it is inflated, chunk by chunk, keeping only a short
 * tail: a DOCTYPE or entity declaration anywhere (what XXE and "billion laughs" need; office
 * programs never write one), and in OpenDocument XML also macro bindings and external
 * content. Can keep the whole text of a small index part for the checks made afterwards.
 */
export class PartScanner {
  found: PartFinding | null = null
  /** Set when a part read whole was larger than `MAX_INDEX_PART_CHARS`. */
  overflow = false
  private prev: Buffer = Buffer.alloc(0)
  private readonly kept: string[] = []
  private keptLength = 0

  private readonly options: { odfXml: boolean; keepText: boolean }

  constructor(options: { odfXml: boolean; keepText: boolean }) {
    this.options = options
  }

  feed(chunk: Uint8Array): void {
    if (this.found) return
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const window = this.prev.length ? Buffer.concat([this.prev, bytes]) : bytes
    this.prev = Buffer.from(window.subarray(Math.max(0, window.length - TAIL)))
    if (this.options.keepText) this.keep(bytes)
    // Fast path: most chunks (images, plain XML) hold no `<!` at all, in either encoding.
    if (!this.options.odfXml && window.indexOf(LT_BANG) < 0 && window.indexOf(LT_NUL_BANG) < 0)
      return
    const text = asciiOf(window).toLowerCase()
    if (/<!(doctype|entity)/.test(text)) {
      this.found = 'xml-entity'
      return
    }
    if (!this.options.odfXml) return
    const decoded = decodeXmlReferences(text).toLowerCase()
    if (ODF_MACRO.some((re) => re.test(decoded))) this.found = 'macro'
    else if (ODF_EXTERNAL.some((re) => re.test(decoded))) this.found = 'external-link'
  }

  /** The whole text of a kept part. */
  text(): string {
    return this.kept.join('')
  }

  private keep(bytes: Buffer): void {
    if (this.overflow) return
    const text = asciiOf(bytes)
    this.keptLength += text.length
    if (this.keptLength > MAX_INDEX_PART_CHARS) {
      this.overflow = true
      this.kept.length = 0
      return
    }
    this.kept.push(text)
  }
}
