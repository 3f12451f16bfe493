/** Time comes from here so that tests can fix it; nothing else calls `new Date()` for "now". */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock for tests and scripts that stands still until moved. */
export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(d: Date): void } {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    },
    set: (d) => {
      current = d.getTime()
    },
  }
}
