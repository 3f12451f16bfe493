import { type Kysely, sql } from 'kysely'
import { jalaliToGregorian } from '../../lib/fa/jalali.ts'

// The lunar holidays of 1406 (2027-03-21 – 2028-03-19), all TENTATIVE (issue 17 item 3). The
// official calendar for 1406 (شورای فرهنگ عمومی, University of Tehran calendar centre) is not
// published yet; these are estimates for the central admin to confirm or move once it is,
// and again after moon sighting.
//
// How they were computed: the Umm al-Qura date of each Hijri holiday (ICU's
// `islamic-umalqura` calendar) plus one day, the offset Iran's announced dates most often show
// (research «persian-and-iran» §3.3: vacanza/holidays #2229; in 1404 Eid al-Fitr, Tasua and
// 21 Ramadan were each a day after Umm al-Qura). It continues the 1405 seed, whose Eid al-Fitr
// 1448 (19 Esfand 1405) is the same estimate. In 1405 the printed calendar matched Umm
// al-Qura itself for Dhu al-Hijja and Muharram, so any of these days may come a day earlier.
// Hijri dates of 1448–1449 → Jalali 1406:
//   25 Shawwal 1448 → 14 Farvardin · 10 and 18 Dhu al-Hijja → 27 Ordibehesht, 4 Khordad ·
//   9–10 Muharram 1449 → 25–26 Khordad · 20, 28 Safar and its last day (29) → 3, 11, 12 Mordad ·
//   8 and 17 Rabi' I → 20, 29 Mordad · 3 Jumada II → 12 Aban · 13 and 27 Rajab → 21 Azar, 5 Dey ·
//   15 Sha'ban → 23 Dey · 21 Ramadan → 29 Bahman · 1–2 Shawwal → 8–9 Esfand.
// None falls on a solar holiday; the solar holidays are not stored: the working calendar
// generates them for every year (lib/working-calendar.ts). 25 Shawwal 1449 falls on about
// 3 Farvardin 1407, inside Nowruz, and belongs to 1407's table.
//
// The portal setting `lunar_holidays_through` records 1406 as the last year whose lunar
// holidays are entered: past 29 Esfand 1406 the pages say the lunar holidays are not known.

type Seed = [jm: number, jd: number, title: string]

const SEED_1406: Seed[] = [
  [1, 14, 'شهادت امام جعفر صادق (ع)'],
  [2, 27, 'عید سعید قربان'],
  [3, 4, 'عید سعید غدیر خم'],
  [3, 25, 'تاسوعای حسینی'],
  [3, 26, 'عاشورای حسینی'],
  [5, 3, 'اربعین حسینی'],
  [5, 11, 'رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)'],
  [5, 12, 'شهادت امام رضا (ع)'],
  [5, 20, 'شهادت امام حسن عسکری (ع)'],
  [5, 29, 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)'],
  [8, 12, 'شهادت حضرت فاطمه زهرا (س)'],
  [9, 21, 'ولادت امام علی (ع)'],
  [10, 5, 'مبعث حضرت رسول اکرم (ص)'],
  [10, 23, 'ولادت حضرت قائم (عج)'],
  [11, 29, 'شهادت حضرت علی (ع)'],
  [12, 8, 'عید سعید فطر'],
  [12, 9, 'تعطیل به مناسبت عید سعید فطر'],
]

function isoDay(jy: number, jm: number, jd: number): string {
  const { gy, gm, gd } = jalaliToGregorian(jy, jm, jd)
  return `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = SEED_1406.map(
    ([jm, jd, title]) => sql`(${isoDay(1406, jm, jd)}::date, ${title}, 'lunar', true)`,
  )
  // A day the central admin already entered keeps its row.
  await sql`INSERT INTO holidays (day, title, kind, tentative) VALUES ${sql.join(rows)}
    ON CONFLICT (day) DO NOTHING`.execute(db)
  await sql`INSERT INTO settings (key, value, updated_at)
    VALUES ('lunar_holidays_through', '1406'::jsonb, now())
    ON CONFLICT (key) DO NOTHING`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const days = SEED_1406.map(([jm, jd]) => sql`${isoDay(1406, jm, jd)}::date`)
  await sql`DELETE FROM holidays WHERE tentative AND kind = 'lunar' AND day IN (${sql.join(days)})`.execute(
    db,
  )
  await sql`DELETE FROM settings WHERE key = 'lunar_holidays_through'`.execute(db)
}
