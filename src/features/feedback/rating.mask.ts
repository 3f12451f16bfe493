/** What a masked number reads as in a comment. */
export const MASKED = '[شمارهٔ حذف‌شده]'

// A digit in any script people type: ASCII, Persian (۰–۹) and Arabic-Indic (٠–٩).
const D = '[0-9\u06F0-\u06F9\u0660-\u0669]'
// Between digits people put spaces, dashes, dots or nothing at all.
const SEP = '[\\s\\-.\u200c]?'

// Mobile numbers (09xx xxx xxxx, 9xx…, +98 9xx…, 0098 9xx…) and national codes are all ten or
// more digits: so is any card or account number. A comment about a service never needs one,
// and a person can be found by it, so any run of ten or more digits, however spaced, goes.
const LONG_NUMBER = `\\+?${D}(?:${SEP}${D}){9,}`

const PATTERN = new RegExp(`(?<!${D})${LONG_NUMBER}(?!${D})`, 'gu')

/**
 * The comment with mobile numbers and national codes (any run of ten or more digits, spaced or
 * not, in any digit script) replaced by {@link MASKED}: done before the comment is stored, so
 * nobody — staff, exports, backups — ever sees them.
 */
export function maskPersonalData(text: string): string {
  return text.replace(PATTERN, MASKED)
}
