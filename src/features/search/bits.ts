/** Bit i set for the i-th value of `all` that `values` holds (unknown values are ignored). */
export function bitsOf(values: readonly string[], all: readonly string[]): number {
  let bits = 0
  for (const v of values) {
    const i = all.indexOf(v)
    if (i >= 0) bits |= 1 << i
  }
  return bits
}
