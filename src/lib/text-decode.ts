/**
 * Decodes the bytes of an uploaded text file (a CSV) honestly: the text it really holds, or a
 * Persian refusal — never mojibake. Accepted: UTF-8 with or without a BOM, UTF-16 LE or BE with
 * a BOM, and Windows-1256, which Persian Excel writes when it saves «CSV (Comma delimited)».
 *
 * Without a BOM, strict UTF-8 is tried first: Persian letters in Windows-1256 are bytes
 * 0xC0–0xFF, each a UTF-8 lead byte that would need continuation bytes after it, so a 1256 file
 * with any Persian word of two such letters fails strict UTF-8 and falls to 1256. Every byte
 * has a character in 1256, so that decoding always "succeeds"; what it produced is then judged:
 * - control characters (other than tab and line breaks) or U+FFFD: not a text file, or one
 *   already damaged — refused (this also catches UTF-16 without a BOM, full of NULs);
 * - a word that mixes Latin letters with Arabic-script letters: the bytes were a Latin code
 *   page (Windows-1252 «Straße» reads as «Straكe», an Arabic letter inside a Latin word) — refused;
 *   «café» reads the same in both, so it is not mojibake and passes.
 * A file in another Arabic-script or Cyrillic single-byte code page cannot be told from 1256 by
 * its bytes alone; the CSV reader's own checks (known codes, numbers, periods) see the rest.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256'

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; problem: DecodeProblem; message: string }

export type DecodeProblem = 'empty' | 'utf32' | 'bad-bom' | 'control' | 'replacement' | 'mixed'

const SAVE_AS = 'پرونده را در Excel با «CSV UTF-8» یا در ویرایشگر متن با رمزگذاری UTF-8 ذخیره کنید.'

export const DECODE_MESSAGES: Record<DecodeProblem, string> = {
  empty: 'پرونده خالی است.',
  utf32: `رمزگذاری پرونده UTF-32 است که پذیرفته نمی‌شود. ${SAVE_AS}`,
  'bad-bom': `نشانهٔ آغاز پرونده (BOM) رمزگذاری‌ای را اعلام می‌کند که بایت‌های پرونده با آن نمی‌خوانند؛ پرونده آسیب دیده است. ${SAVE_AS}`,
  control: `پرونده نویسه‌های کنترلی دارد و متن ساده نیست (شاید پروندهٔ Excel با پسوند xlsx یا متنی با رمزگذاری UTF-16 بدون BOM باشد). ${SAVE_AS}`,
  replacement: `پرونده نویسهٔ جایگزین «�» دارد؛ متن آن پیش‌تر با رمزگذاری نادرست خوانده و خراب شده است. ${SAVE_AS}`,
  mixed: `رمزگذاری پرونده شناخته نشد: نه UTF-8 است و نه Windows-1256 (رمزگذاری فارسی Excel). ${SAVE_AS}`,
}

/** Tab, LF and CR are text; every other C0 control, DEL and the C1 controls are not. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f))
      return true
  }
  return false
}
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/
const ARABIC_LETTER = /[\u0600-\u06ff]/

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM is handled (and removed) by the caller.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function refused(problem: DecodeProblem): DecodedText {
  return { ok: false, problem, message: DECODE_MESSAGES[problem] }
}

/** What is wrong with a decoded text, if anything (see the module comment). */
function judge(text: string, singleByte: boolean): DecodeProblem | null {
  if (hasControl(text)) return 'control'
  if (text.includes('\ufffd')) return 'replacement'
  if (singleByte) {
    for (const word of text.split(/[^\p{L}\p{M}\u200c\u200d]+/u))
      if (LATIN_LETTER.test(word) && ARABIC_LETTER.test(word)) return 'mixed'
  }
  return null
}

function accept(text: string, encoding: TextEncodingName, bom: boolean): DecodedText {
  const problem = judge(text, encoding === 'windows-1256')
  return problem ? refused(problem) : { ok: true, text, encoding, bom }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return refused('empty')
  const [b0, b1, b2, b3] = bytes
  // UTF-32 LE's BOM begins with UTF-16 LE's; look for it first.
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe))
    return refused('utf32')
  const withBom = (encoding: TextEncodingName, skip: number): DecodedText => {
    const text = strict(encoding, bytes.subarray(skip))
    return text === null ? refused('bad-bom') : accept(text, encoding, true)
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return withBom('utf-8', 3)
  if (b0 === 0xff && b1 === 0xfe) return withBom('utf-16le', 2)
  if (b0 === 0xfe && b1 === 0xff) return withBom('utf-16be', 2)
  const utf8 = strict('utf-8', bytes)
  if (utf8 !== null) return accept(utf8, 'utf-8', false)
  // Every byte has a character in Windows-1256, so this never fails; `judge` decides.
  const cp1256 = new TextDecoder('windows-1256').decode(bytes)
  return accept(cp1256, 'windows-1256', false)
}
