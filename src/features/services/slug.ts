import { toAsciiDigits } from '../../lib/fa/digits.ts'
import { normalizeFaInput } from '../../lib/fa/normalize.ts'

/**
 * Readable service addresses (issue 17 item 13): `/services/صدور-گذرنامه` rather than
 * `/services/s-mmjahga`. The convention Persian sites follow for such paths: the title's words
 * joined by hyphens, Persian letters kept as written (Arabic-keyboard ي/ك folded to ی/ک so one
 * title has one address), the ZWNJ of «درخواست‌ها» written as a hyphen (a raw ZWNJ is
 * invisible and turns into %E2%80%8C when copied), digits in ASCII (what a person types into an
 * address bar on any keyboard), Latin letters in lower case, everything else a separator.
 */

/** The longest address generated from a title, in characters; cut at a word boundary. */
export const SLUG_MAX_GENERATED = 60

/** The longest address anyone may set (the column and the API have always allowed 80). */
export const SLUG_MAX = 80

/** Used when a title has no letter or digit at all. */
export const SLUG_FALLBACK = 'خدمت'

/**
 * The characters of a slug: ASCII lower-case letters and digits, and the Persian alphabet
 * (ء–غ, ف ق ل م ن و ه, پ چ ژ ک گ ی). Arabic-only letters (ي ى ك ة) are folded before this.
 * Written as a character-class body so route patterns can share it.
 */
export const SLUG_CHARS =
  'a-z0-9\\u0621-\\u0628\\u062a-\\u063a\\u0641\\u0642\\u0644-\\u0648\\u067e\\u0686\\u0698\\u06a9\\u06af\\u06cc'

/** A whole slug: runs of slug characters joined by single hyphens. */
export const SLUG_PATTERN = new RegExp(`^[${SLUG_CHARS}]+(?:-[${SLUG_CHARS}]+)*$`, 'u')

/** Letters with a Persian twin that the normaliser leaves alone (it keeps what authors wrote). */
const SLUG_FOLD: ReadonlyMap<string, string> = new Map([
  ['\u0629', 'ه'], // ة teh marbuta
  ['\u06c0', 'ه'], // ۀ heh with yeh: the ezafe mark is not part of the word
  ['\u06c1', 'ه'], // ہ heh goal
  ['\u06d5', 'ه'], // ە ae
  ['\u06aa', 'ک'], // ڪ swash kaf
])
const FOLDABLE = /[\u0629\u06c0\u06c1\u06d5\u06aa]/g

/** Harakat, tanwin, superscript alef and Quranic marks: pronunciation, not spelling. */
const MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed]/g

const NOT_SLUG = new RegExp(`[^${SLUG_CHARS}]+`, 'gu')

/**
 * A title as an address: normalised as stored text (ي/ك → ی/ک, tatweel and invisible controls
 * dropped), diacritics dropped, digits in ASCII, lower case, every run of anything else (spaces,
 * ZWNJ, punctuation, «», ؟) one hyphen, at most `max` characters cut after a whole word when
 * there is one. Empty when the title has no letter or digit.
 */
export function slugify(title: string, max: number = SLUG_MAX_GENERATED): string {
  const s = toAsciiDigits(normalizeFaInput(title))
    .toLowerCase()
    .replace(FOLDABLE, (ch) => SLUG_FOLD.get(ch) ?? ch)
    .replace(MARKS, '')
    .replace(NOT_SLUG, '-')
    .replace(/^-+|-+$/g, '')
  return cut(s, max)
}

/** `s` in at most `max` characters, ending at a hyphen when one falls in the second half. */
function cut(s: string, max: number): string {
  const chars = [...s]
  if (chars.length <= max) return s
  const head = chars.slice(0, max + 1).join('')
  const boundary = head.lastIndexOf('-')
  const kept =
    boundary >= Math.floor(max / 2) ? head.slice(0, boundary) : chars.slice(0, max).join('')
  return kept.replace(/-+$/, '')
}

/** Whether `s` is already a slug in its normal form (what {@link slugify} would make of it). */
export function isValidSlug(s: string): boolean {
  return [...s].length <= SLUG_MAX && SLUG_PATTERN.test(s) && slugify(s, SLUG_MAX) === s
}

/**
 * The first of `base`, `base-2`, `base-3`… that `isTaken` refuses, each within
 * {@link SLUG_MAX_GENERATED} characters (the base is cut to make room for the suffix).
 */
export async function uniqueSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
): Promise<string> {
  const root = base || SLUG_FALLBACK
  if (!(await isTaken(root))) return root
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${cut(root, SLUG_MAX_GENERATED - suffix.length)}${suffix}`
    if (!(await isTaken(candidate))) return candidate
  }
}
