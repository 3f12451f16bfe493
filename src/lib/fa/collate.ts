/**
 * Persian alphabetical order. Plain `sort()` compares code points, which puts the
 * Persian-only letters پ چ ژ گ after ی; the CLDR `fa` collation follows the alphabet.
 */

/** Created once: building a collator is far costlier than comparing with it. */
import { normalizeSearchKey } from './normalize.ts'

const collator = new Intl.Collator('fa')

/** Compares two strings in Persian alphabetical order; usable directly as a sort comparator. */
export function compareFa(a: string, b: string): number {
  return collator.compare(a, b)
}

/**
 * Returns a new array sorted in Persian order by `key` (stable; the input is not touched).
 * Keys are computed once per item rather than once per comparison.
 */
export function sortByFa<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, sortKey: key(item) }))
    .sort((a, b) => collator.compare(a.sortKey, b.sortKey))
    .map(({ item }) => item)
}

const ALPHABET = 'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی'

/**
 * A key whose plain code-point order is Persian alphabetical order, for
 * `ORDER BY` in the database (PGlite has no ICU collations; the column is
 * `COLLATE "C"` so PostgreSQL servers agree). Built on the search key, so
 * ی/ي and ک/ك variants sort together.
 */
export function persianSortKey(s: string): string {
  let out = ''
  for (const ch of normalizeSearchKey(s)) {
    const i = ALPHABET.indexOf(ch)
    out += i >= 0 ? String.fromCharCode(0x100 + i) : ch
  }
  return out
}
