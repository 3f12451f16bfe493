/**
 * Persian-language and Iranian-calendar helpers: digits, text normalisation, the input
 * sanitiser, Jalali dates, Tehran day boundaries, date display and collation. Import from here,
 * not from the files.
 */

export { compareFa, persianSortKey, sortByFa } from './collate.ts'
export { formatNumberFa, toAsciiDigits, toPersianDigits } from './digits.ts'
export {
  formatDateFa,
  formatDateNumericFa,
  formatDateTimeFa,
  formatJalaliFa,
  weekdayFa,
} from './format-date.ts'
export type { GregorianDate, JalaliDate, JalaliDateInputResult } from './jalali.ts'
export {
  gregorianToJalali,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliToGregorian,
  parseJalaliDateInput,
} from './jalali.ts'
export type { NormalizeFaInputOptions } from './normalize.ts'
export {
  compactSearchKey,
  looseSearchKey,
  normalizeFaInput,
  normalizeSearchKey,
  searchTokens,
} from './normalize.ts'
export type {
  SanitizedJson,
  SanitizedText,
  UnsafeJsonReason,
  UnsafeTextReason,
} from './sanitize.ts'
export {
  sanitizeJson,
  sanitizeText,
  stripBidiControls,
  UNSAFE_TEXT_MESSAGE,
  unsafeTextReason,
} from './sanitize.ts'
export { startOfTehranDay, tehranDateOf } from './tehran-time.ts'
