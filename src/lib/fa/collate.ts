/**
 * Persian alphabetical order. Plain `sort()` compares code points, which puts the
 * Persian-only letters پ چ ژ گ after ی; the CLDR `fa` collation follows the alphabet.
 */

/** Created once: building a collator is far costlier than comparing with it. */
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
