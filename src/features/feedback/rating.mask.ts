/** What a masked number reads as in a comment. */
export const MASKED = '[شمارهٔ حذف‌شده]'

// A digit in any script people type: ASCII, Persian (۰–۹) and Arabic-Indic (٠–٩).
const D = '[0-9\u06F0-\u06F9\u0660-\u0669]'
// Between digits people put spaces, dashes, dots or nothing at all.
const SEP = '[\\s\\-.\u200c]?'

// An Iranian mobile: 09xx xxx xxxx, or 9xx… after +98 / 0098 / 98.
const MOBILE = `(?:(?:\\+|00)?${D}${SEP}${D}${SEP}|${D}${SEP})?${D}(?:${SEP}${D}){9}`
// Any run of ten or more digits (a national code, a card or account number, a phone), however
// it is spaced: a comment about a service never needs one, and a person can be found by it.
const LONG_NUMBER = `${D}(?:${SEP}${D}){9,}`

const PATTERN = new RegExp(`(?<!${D})(?:${MOBILE}|${LONG_NUMBER})(?!${D})`, 'gu')

/**
 * The comment with mobile numbers and national codes (any run of ten or more digits, spaced or
 * not, in any digit script) replaced by {@link MASKED}: done before the comment is stored, so
 * nobody — staff, exports, backups — ever sees them.
 */
export function maskPersonalData(text: string): string {
  return text.replace(PATTERN, MASKED)
}
