import { type Kysely, sql } from 'kysely'
import { jalaliToGregorian } from '../../lib/fa/jalali.ts'

// The working calendar's holidays (DESIGN §4, §6): one row per Tehran calendar day that is
// not a working day besides Fridays. Seeded with the official holidays of 1404 and 1405
// (research «persian-and-iran» §3.2). Lunar holidays follow Iran's official Hijri dates as
// printed in the national calendar (شورای فرهنگ عمومی, University of Tehran calendar centre)
// or announced; a lunar day whose date could not be confirmed is seeded with the best
// estimate and `tentative`, for the central admin to confirm or move after moon sighting.
// Where a lunar holiday falls on a solar one, the day keeps the solar kind and both titles.
// The Thursday status is a portal setting (`thursday_status`), not a row here.

type Kind = 'solar' | 'lunar' | 'adhoc'
type Seed = [jy: number, jm: number, jd: number, title: string, kind: Kind, tentative?: true]

const NOWRUZ = 'عید نوروز'

const SEED: Seed[] = [
  // 1404 (2025-03-21 – 2026-03-20): 26 days.
  [1404, 1, 1, NOWRUZ, 'solar'],
  [1404, 1, 2, `${NOWRUZ}؛ شهادت حضرت علی (ع)`, 'solar'],
  [1404, 1, 3, NOWRUZ, 'solar'],
  [1404, 1, 4, NOWRUZ, 'solar'],
  [1404, 1, 11, 'عید سعید فطر', 'lunar'],
  [1404, 1, 12, 'روز جمهوری اسلامی؛ تعطیل به مناسبت عید سعید فطر', 'solar'],
  [1404, 1, 13, 'روز طبیعت', 'solar'],
  [1404, 2, 4, 'شهادت امام جعفر صادق (ع)', 'lunar'],
  [1404, 3, 14, 'رحلت امام خمینی (ره)', 'solar'],
  [1404, 3, 15, 'قیام ۱۵ خرداد', 'solar'],
  [1404, 3, 16, 'عید سعید قربان', 'lunar'],
  [1404, 3, 24, 'عید سعید غدیر خم', 'lunar'],
  [1404, 4, 14, 'تاسوعای حسینی', 'lunar'],
  [1404, 4, 15, 'عاشورای حسینی', 'lunar'],
  [1404, 5, 23, 'اربعین حسینی', 'lunar'],
  [1404, 5, 31, 'رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)', 'lunar'],
  [1404, 6, 2, 'شهادت امام رضا (ع)', 'lunar'],
  [1404, 6, 10, 'شهادت امام حسن عسکری (ع)', 'lunar'],
  [1404, 6, 19, 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)', 'lunar'],
  [1404, 9, 3, 'شهادت حضرت فاطمه زهرا (س)', 'lunar', true],
  [1404, 10, 13, 'ولادت امام علی (ع)', 'lunar'],
  [1404, 10, 27, 'مبعث حضرت رسول اکرم (ص)', 'lunar'],
  [1404, 11, 15, 'ولادت حضرت قائم (عج)', 'lunar'],
  [1404, 11, 22, 'پیروزی انقلاب اسلامی', 'solar'],
  [1404, 12, 20, 'شهادت حضرت علی (ع)', 'lunar'],
  [1404, 12, 29, 'ملی شدن صنعت نفت', 'solar'],

  // 1405 (2026-03-21 – 2027-03-20). The printed calendar fixes Eid al-Fitr on 1–2 Farvardin,
  // Qurban on 6 Khordad, Ghadir on 14 Khordad and Tasua/Ashura on 3–4 Tir; the later lunar
  // days are estimates that agree with its published month and weekday counts.
  [1405, 1, 1, `${NOWRUZ}؛ عید سعید فطر`, 'solar'],
  [1405, 1, 2, `${NOWRUZ}؛ تعطیل به مناسبت عید سعید فطر`, 'solar'],
  [1405, 1, 3, NOWRUZ, 'solar'],
  [1405, 1, 4, NOWRUZ, 'solar'],
  [1405, 1, 12, 'روز جمهوری اسلامی', 'solar'],
  [1405, 1, 13, 'روز طبیعت', 'solar'],
  [1405, 1, 25, 'شهادت امام جعفر صادق (ع)', 'lunar', true],
  [1405, 3, 6, 'عید سعید قربان', 'lunar'],
  [1405, 3, 14, 'رحلت امام خمینی (ره)؛ عید سعید غدیر خم', 'solar'],
  [1405, 3, 15, 'قیام ۱۵ خرداد', 'solar'],
  [1405, 4, 3, 'تاسوعای حسینی', 'lunar'],
  [1405, 4, 4, 'عاشورای حسینی', 'lunar'],
  [1405, 5, 13, 'اربعین حسینی', 'lunar', true],
  [1405, 5, 21, 'رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)', 'lunar', true],
  [1405, 5, 22, 'شهادت امام رضا (ع)', 'lunar', true],
  [1405, 5, 30, 'شهادت امام حسن عسکری (ع)', 'lunar', true],
  [1405, 6, 8, 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)', 'lunar', true],
  [1405, 8, 22, 'شهادت حضرت فاطمه زهرا (س)', 'lunar', true],
  [1405, 10, 2, 'ولادت امام علی (ع)', 'lunar', true],
  [1405, 10, 16, 'مبعث حضرت رسول اکرم (ص)', 'lunar', true],
  [1405, 11, 3, 'ولادت حضرت قائم (عج)', 'lunar', true],
  [1405, 11, 22, 'پیروزی انقلاب اسلامی', 'solar'],
  [1405, 12, 9, 'شهادت حضرت علی (ع)', 'lunar', true],
  [1405, 12, 19, 'عید سعید فطر', 'lunar', true],
  [1405, 12, 20, 'تعطیل به مناسبت عید سعید فطر', 'lunar', true],
  [1405, 12, 29, 'ملی شدن صنعت نفت', 'solar'],
]

function isoDay(jy: number, jm: number, jd: number): string {
  const { gy, gm, gd } = jalaliToGregorian(jy, jm, jd)
  return `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE holidays (
      day date PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
      kind text NOT NULL CHECK (kind IN ('solar','lunar','adhoc')),
      tentative boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  const rows = SEED.map(
    ([jy, jm, jd, title, kind, tentative]) =>
      sql`(${isoDay(jy, jm, jd)}::date, ${title}, ${kind}, ${tentative === true})`,
  )
  await sql`INSERT INTO holidays (day, title, kind, tentative) VALUES ${sql.join(rows)}`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS holidays`.execute(db)
}
