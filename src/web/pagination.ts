import { toAsciiDigits } from '../lib/fa/digits.ts'

/** The highest page a listing's `?page=` reaches unless the listing says otherwise. */
export const MAX_PAGE_NUMBER = 10_000

/**
 * The page a `?page=` value asks for, or null when it names none from 1 to `max`.
 * Read like `Number.parseInt`: surrounding white space is skipped and the leading digits count
 * (`'2abc'` and `'2.5'` are page 2, `'1e3'` page 1); Persian and Arabic-Indic digits count too
 * (`'۲'` is page 2). `'0'`, `'-1'`, `'abc'`, `''` and anything above `max` are null.
 * The links that `pageNavigation` (`ui/pagination.ts`) draws read back through this.
 */
export function readPageNumber(raw: string | undefined, max = MAX_PAGE_NUMBER): number | null {
  if (raw === undefined) return null
  const n = Number.parseInt(toAsciiDigits(raw), 10)
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : null
}

/** The page a listing shows: the one `?page=` asks for, else the first (see `readPageNumber`). */
export function pageNumber(raw: string | undefined, max = MAX_PAGE_NUMBER): number {
  return readPageNumber(raw, max) ?? 1
}
