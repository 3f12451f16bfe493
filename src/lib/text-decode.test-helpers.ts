/**
 * Encoders for tests that need the bytes other programs write, built without the decoder
 * under test: UTF-16 from Node's Buffer, and Windows-1256 from a table typed from Microsoft's
 * code page (bestfit1256.txt) for the characters Persian text uses. «ی» (U+06CC) is not in the
 * code page; Persian Excel writes it as 0xED (Arabic yeh), as here.
 */

const CP1256: Record<string, number> = {
  پ: 0x81,
  چ: 0x8d,
  ژ: 0x8e,
  گ: 0x90,
  ک: 0x98,
  '\u200c': 0x9d,
  '،': 0xa1,
  '«': 0xab,
  '؛': 0xba,
  '»': 0xbb,
  '؟': 0xbf,
  ء: 0xc1,
  آ: 0xc2,
  أ: 0xc3,
  ؤ: 0xc4,
  ئ: 0xc6,
  ا: 0xc7,
  ب: 0xc8,
  ت: 0xca,
  ث: 0xcb,
  ج: 0xcc,
  ح: 0xcd,
  خ: 0xce,
  د: 0xcf,
  ذ: 0xd0,
  ر: 0xd1,
  ز: 0xd2,
  س: 0xd3,
  ش: 0xd4,
  ص: 0xd5,
  ض: 0xd6,
  ط: 0xd8,
  ظ: 0xd9,
  ع: 0xda,
  غ: 0xdb,
  ف: 0xdd,
  ق: 0xde,
  ل: 0xe1,
  م: 0xe3,
  ن: 0xe4,
  ه: 0xe5,
  و: 0xe6,
  ی: 0xed,
}

/** `text` as Windows-1256 bytes; throws on a character the table does not have. */
export function encodeWindows1256(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length)
  let i = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    const byte = code < 0x80 ? code : CP1256[ch]
    if (byte === undefined) throw new Error(`not in the test's 1256 table: ${ch}`)
    out[i++] = byte
  }
  return out.slice(0, i)
}

/** `text` as UTF-16 with its BOM (or without, when `bom` is false). */
export function encodeUtf16(text: string, order: 'le' | 'be', bom = true): Uint8Array<ArrayBuffer> {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le')
  if (order === 'be') le.swap16()
  const out = new Uint8Array(le.length)
  out.set(le)
  return out
}

/** `text` as UTF-8, with a BOM when asked. */
export function encodeUtf8(text: string, bom = false): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(text)
  if (!bom) return body
  const out = new Uint8Array(body.length + 3)
  out.set([0xef, 0xbb, 0xbf])
  out.set(body, 3)
  return out
}
