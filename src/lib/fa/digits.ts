/**
 * Digit-script conversion. Persian text arrives with three digit scripts
 * (ASCII, Persian ۰–۹ U+06F0–06F9, Arabic-Indic ٠–٩ U+0660–0669, the latter from Arabic
 * keyboards and copy-paste). We store and compute with ASCII and localise only at render time.
 */

const PERSIAN_ZERO = 0x06f0
const ARABIC_INDIC_ZERO = 0x0660
const ASCII_ZERO = 0x30

const NON_PERSIAN_DIGIT = /[0-9\u0660-\u0669]/g
const NON_ASCII_DIGIT = /[\u06f0-\u06f9\u0660-\u0669]/g

/** Digit value (0–9) of an ASCII, Persian or Arabic-Indic digit character. */
function digitValue(ch: string): number {
  const code = ch.charCodeAt(0)
  if (code >= PERSIAN_ZERO) return code - PERSIAN_ZERO
  if (code >= ARABIC_INDIC_ZERO) return code - ARABIC_INDIC_ZERO
  return code - ASCII_ZERO
}

/**
 * Renders every ASCII and Arabic-Indic digit as a Persian digit, for display.
 * Numbers are stringified with `String(n)` (no grouping); use {@link formatNumberFa}
 * for amounts and counts that need thousands separators.
 */
export function toPersianDigits(s: string | number): string {
  return String(s).replace(NON_PERSIAN_DIGIT, (ch) =>
    String.fromCharCode(PERSIAN_ZERO + digitValue(ch)),
  )
}

/** Converts Persian and Arabic-Indic digits to ASCII so input can be parsed and validated. */
export function toAsciiDigits(s: string): string {
  return s.replace(NON_ASCII_DIGIT, (ch) => String.fromCharCode(ASCII_ZERO + digitValue(ch)))
}

/** Created once: constructing an `Intl.NumberFormat` is far costlier than calling it. */
const numberFormatFa = new Intl.NumberFormat('fa-IR')

/**
 * Formats a number the Iranian way: Persian digits, `٬` grouping and `٫` decimal point
 * (e.g. `۱٬۲۳۴٬۵۶۷٫۸۹`). ICU prefixes negative numbers with an LRM so the minus sign
 * stays on the left in RTL text; that mark is kept on purpose.
 */
export function formatNumberFa(n: number): string {
  return numberFormatFa.format(n)
}
