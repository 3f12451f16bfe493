/**
 * What the parts of an OOXML or OpenDocument package may not be: entry names that escape the
 * package, macro projects and ActiveX controls, embedded OLE programs, relationships that
 * make the office program fetch something from elsewhere when the citizen opens the file.
 * Pure string checks on names and on the small XML parts (`.rels`, `[Content_Types].xml`).
 */

/** True for a name that could write outside the folder it is extracted to, or hide a part. */
export function unsafeEntryName(name: string): boolean {
  if (name === '') return true
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(name)) return true
  if (name.includes('\\')) return true
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true
  return name.split('/').some((segment) => segment === '..')
}

const MACRO_ENABLED_EXTENSIONS = /\.(docm|dotm|xlsm|xltm|xlam|pptm|potm|ppsm|ppam)$/

/**
 * A VBA project (`vbaProject.bin`, its data and signature), Excel 4 macro sheets, ActiveX
 * controls, a macro-enabled package embedded in the document, or an OpenDocument `Basic/` or
 * `Scripts/` library.
 */
export function isMacroPart(name: string): boolean {
  const lower = name.toLowerCase()
  const base = lower.slice(lower.lastIndexOf('/') + 1)
  if (/^vba(project|projectsignature(agile|v3)?)\.bin$|^vbadata\.xml$/.test(base)) return true
  if (/(^|\/)(macrosheets|intlmacrosheets|activex)\//.test(lower)) return true
  if (lower.startsWith('basic/') || lower.startsWith('scripts/')) return true
  return MACRO_ENABLED_EXTENSIONS.test(lower)
}

/** An embedded OLE object (`embeddings/oleObject1.bin`): a program, or a package holding one. */
export function isEmbeddedObject(name: string): boolean {
  const lower = name.toLowerCase()
  return /(^|\/)embeddings\//.test(lower) && lower.endsWith('.bin')
}

/** A part that is itself a package (an embedded workbook or document), inspected in turn. */
export function isNestedPackage(name: string): boolean {
  return /\.(docx|dotx|xlsx|xltx|pptx|potx|ppsx|odt|ods|odp|odg|zip)$/.test(name.toLowerCase())
}

/** Parts read whole after inflating (they are small): relationships, content types, manifest. */
export function isIndexPart(name: string): boolean {
  return (
    name.endsWith('.rels') || name === '[Content_Types].xml' || name === 'META-INF/manifest.xml'
  )
}

export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|rdf|vml|svg)$/i.test(name)
}

const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as const

/** Resolves XML character and predefined entity references, as a parser would before comparing. */
export function decodeXmlReferences(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole)
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole)
    return NAMED[ref as keyof typeof NAMED]
  })
}

function safeCodePoint(n: number, fallback: string): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback
}

/** Content types that only macro-enabled packages, macro sheets, ActiveX or VBA carry. */
export function hasMacroContentType(contentTypesXml: string): boolean {
  const text = decodeXmlReferences(contentTypesXml).toLowerCase()
  return /macroenabled|vbaproject|vbadata|macrosheet|activex/.test(text)
}

export function hasOleContentType(contentTypesXml: string): boolean {
  return /oleobject/.test(decodeXmlReferences(contentTypesXml).toLowerCase())
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]
    if (name) out.set(name, decodeXmlReferences(m[2] ?? m[3] ?? ''))
  }
  return out
}

/**
 * A template on the author's own disk (`file:///C:/Users/…/Form.dotx`), as Word records for
 * any document made from a custom template: on a citizen's computer it is simply not found.
 * A web address, a UNC path (`\\host\share`, which leaks the Windows credentials) or
 * `file://host/` is not local.
 */
function isLocalDrivePath(target: string): boolean {
  return /^(file:\/{3})?[A-Za-z]:[\\/]/i.test(target)
}

/**
 * The relationships of a `.rels` part that point outside the package (TargetMode="External")
 * for anything but a hyperlink: a remote template (`attachedTemplate`, the classic way to pull
 * a macro document in, unless it is on the author's own disk), a linked OLE object, frame,
 * sub-document, external workbook, image… Such a target is fetched when the citizen opens
 * the file, so it is refused.
 */
export function externalNonHyperlinks(relsXml: string): { type: string; target: string }[] {
  const found: { type: string; target: string }[] = []
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(m[1] ?? '')
    if ((attrs.get('TargetMode') ?? '').trim().toLowerCase() !== 'external') continue
    const type = (attrs.get('Type') ?? '').trim()
    const target = (attrs.get('Target') ?? '').trim()
    if (/\/hyperlink$/.test(type)) continue
    if (/\/attachedTemplate$/.test(type) && isLocalDrivePath(target)) continue
    found.push({ type, target })
  }
  return found
}
