/**
 * Persian text normalisation, in two strengths (DESIGN §6, research §1.2):
 * - {@link normalizeFaInput}: light clean-up of text we store and show again, so it stays
 *   correct Persian (the author's ZWNJ, diacritics and hamza are kept);
 * - {@link normalizeSearchKey} / {@link compactSearchKey}: aggressive folding for index keys.
 *   The same function must run on documents and queries, or they will not meet.
 */

import { toAsciiDigits } from './digits.ts'

const ZWNJ = '\u200c'
const ZWJ = '\u200d'

/** Letters typed on Arabic keyboards that look identical to Persian ones but compare unequal. */
const ARABIC_TO_PERSIAN: ReadonlyMap<string, string> = new Map([
  ['\u064a', 'ی'], // ي Arabic yeh
  ['\u0649', 'ی'], // ى alef maksura
  ['\u0643', 'ک'], // ك Arabic kaf
])
const ARABIC_LETTER = /[\u064a\u0649\u0643]/g

/**
 * Invisible characters that carry no meaning in stored text: tatweel (decorative stretching),
 * bidi controls (LRM, RLM, ALM, LRE–RLO, LRI–PDI, which leak in from copy-paste and can
 * reorder surrounding UI), zero-width space and BOM.
 */
const STORED_JUNK = /[\u0640\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** A ZWNJ only means something between two letters; elsewhere it is a stray keystroke. */
const STRAY_ZWNJ = /(?<![\p{L}\p{M}])\u200c|\u200c(?![\p{L}\p{M}])/gu
const REPEATED_ZWNJ = /\u200c{2,}/g
const WHITESPACE_RUN = /\s+/g
const HORIZONTAL_WHITESPACE_RUN = /[^\S\n]+/g

/** Options for {@link normalizeFaInput}. */
export type NormalizeFaInputOptions = {
  /** Keep line breaks (for textareas): collapses spaces per line and blank-line runs to one. */
  multiline?: boolean
}

/**
 * Cleans user input before it is stored: NFC; Arabic ي/ى/ك → Persian ی/ک; removes tatweel,
 * bidi controls, ZWSP and BOM; keeps meaningful ZWNJ (collapsing repeats and dropping any not
 * between two letters); collapses whitespace and trims. Digits are left as typed; convert them
 * where the field is numeric.
 */
export function normalizeFaInput(s: string, options: NormalizeFaInputOptions = {}): string {
  const cleaned = s
    .normalize('NFC')
    .replace(ARABIC_LETTER, (ch) => ARABIC_TO_PERSIAN.get(ch) ?? ch)
    .replace(STORED_JUNK, '')
    .replace(REPEATED_ZWNJ, ZWNJ)
    .replace(STRAY_ZWNJ, '')
  if (!options.multiline) return cleaned.replace(WHITESPACE_RUN, ' ').trim()
  return cleaned
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(HORIZONTAL_WHITESPACE_RUN, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Letter folds for search keys: everything a searcher might type for the same letter maps to
 * one form. Hamza seats fold to their base letter, so «مسئول» and «مسیول» meet.
 */
const SEARCH_FOLD: ReadonlyMap<string, string> = new Map([
  ['\u064a', 'ی'], // ي Arabic yeh
  ['\u0649', 'ی'], // ى alef maksura
  ['\u06d2', 'ی'], // ے yeh barree
  ['\u06d0', 'ی'], // ې
  ['\u0626', 'ی'], // ئ yeh with hamza
  ['\u0643', 'ک'], // ك Arabic kaf
  ['\u06aa', 'ک'], // ڪ swash kaf
  ['\u0629', 'ه'], // ة teh marbuta
  ['\u06c0', 'ه'], // ۀ heh with yeh (ezafe)
  ['\u06c1', 'ه'], // ہ heh goal
  ['\u06d5', 'ه'], // ە ae
  ['\u06be', 'ه'], // ھ heh doachashmee
  ['\u0623', 'ا'], // أ
  ['\u0625', 'ا'], // إ
  ['\u0671', 'ا'], // ٱ alef wasla
  ['\u0624', 'و'], // ؤ
  ['\u0621', ''], // ء standalone hamza
  ['\u066b', '.'], // ٫ Persian decimal separator
  ['\u066c', ''], // ٬ Persian thousands separator: ۱۲٬۵۰۰ and 12500 must match
  ['\u060c', ','], // ،
  ['\u061b', ';'], // ؛
  ['\u061f', '?'], // ؟
])
const SEARCH_FOLD_CHARS = new RegExp(`[${[...SEARCH_FOLD.keys()].join('')}]`, 'g')

/**
 * Marks and invisibles removed from search keys: Quranic annotation marks, harakat
 * (U+064B–065F, including hamza above/below), superscript alef, Quranic small letters,
 * tatweel, ZWSP, bidi controls and BOM. ZWJ is removed separately: inside a character class
 * it reads like an emoji sequence to linters.
 */
const SEARCH_STRIP =
  /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * Folds text into the search key used at both index and query time (DESIGN §6): NFKC (which
 * also undoes PDF presentation forms), letter and hamza folds, diacritics and invisibles
 * stripped, all digits ASCII, ZWNJ → space, Latin lower-cased, whitespace collapsed.
 */
export function normalizeSearchKey(s: string): string {
  const folded = s
    .normalize('NFKC')
    .replace(SEARCH_FOLD_CHARS, (ch) => SEARCH_FOLD.get(ch) ?? ch)
    .replace(SEARCH_STRIP, '')
    .replaceAll(ZWJ, '')
  return toAsciiDigits(folded)
    .replaceAll(ZWNJ, ' ')
    .toLowerCase()
    .replace(WHITESPACE_RUN, ' ')
    .trim()
}

/**
 * The loose search key (research §1.2): the search key with alef madda folded too, so that
 * «آموزش» and «اموزش» (the madda is often left out when typing) meet. The search index and its
 * queries use this key; sorting uses {@link normalizeSearchKey}, where آ keeps its own place.
 */
export function looseSearchKey(s: string): string {
  return normalizeSearchKey(s).replaceAll('\u0622', 'ا')
}

const NOT_WORD_CHAR = /[^\p{L}\p{N}]+/u

/**
 * The words of the loose search key: runs of letters and digits, everything else (spaces,
 * ZWNJ, punctuation) separating them. Index and query are split by this one function, so
 * `to_tsvector('simple', …)` of the joined words sees exactly these tokens.
 */
export function searchTokens(s: string): string[] {
  return looseSearchKey(s)
    .split(NOT_WORD_CHAR)
    .filter((t) => t !== '')
}

/**
 * The loose search key with every space removed, so that «می‌شود», «می شود» and «میشود» (the
 * same word written with ZWNJ, a space, or nothing) share one key for trigram matching.
 */
export function compactSearchKey(s: string): string {
  return searchTokens(s).join('')
}
