import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'

const HOUR_MS = 3_600_000

/** Digests go out at 07:00 Tehran time: before the working day starts. */
export const DIGEST_HOUR = 7

/** Saturday, the first day of the Iranian week, in `Date#getUTCDay` numbering. */
const SATURDAY = 6

/**
 * When a digest that collects an item written at `after` is sent: the next 07:00 in Tehran
 * (daily), or the next Saturday 07:00 (weekly). Always strictly later than `after`.
 */
export function nextDigestAt(after: Date, frequency: 'daily' | 'weekly'): Date {
  let day = tehranDateOf(after)
  for (let i = 0; i < 9; i++) {
    const start = startOfTehranDay(day.jy, day.jm, day.jd)
    const slot = new Date(start.getTime() + DIGEST_HOUR * HOUR_MS)
    // Noon in Tehran is the same calendar day in UTC, so its UTC weekday is Tehran's.
    const weekday = new Date(start.getTime() + 12 * HOUR_MS).getUTCDay()
    if (slot > after && (frequency === 'daily' || weekday === SATURDAY)) return slot
    day = tehranDateOf(new Date(start.getTime() + 36 * HOUR_MS))
  }
  throw new Error(`No digest time found after ${after.toISOString()}`)
}
