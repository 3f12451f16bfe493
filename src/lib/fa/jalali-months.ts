import { type JalaliDate, jalaliMonthLength } from './jalali.ts'

/**
 * The same day `months` Jalali months later; a day the target month lacks (31 Shahrivar + 6
 * months) becomes that month's last day.
 */
export function addJalaliMonths(d: JalaliDate, months: number): JalaliDate {
  const index = d.jy * 12 + (d.jm - 1) + months
  const jy = Math.floor(index / 12)
  const jm = (index % 12) + 1
  return { jy, jm, jd: Math.min(d.jd, jalaliMonthLength(jy, jm)) }
}
