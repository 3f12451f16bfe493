/**
 * Demo data for the shared registry of laws, regulations, bylaws and circulars that services
 * cite as their legal basis (قوانین و مقررات بالادستی).
 *
 * Titles are those of real Iranian legislation. Approval dates are the dates of approval by the
 * approving body (Majlis, the Expediency Council where it decided, the cabinet or the issuing
 * organisation) as commonly cited; where a date or number was not known with confidence it is
 * `null` rather than guessed. No stable official URL is recorded, so every `url` is `null`.
 */

import type { LawKind } from '../laws/index.ts'

export interface DemoLaw {
  /** Stable latin key that services cite, e.g. 'civil-service-management'. */
  key: string
  title: string
  kind: LawKind
  /** The official number with Persian digits, e.g. «۱۴۱۱۵۲/۲۰۰», when known. */
  number: string | null
  /** The Jalali day of approval, when known. */
  approvedOn: { jy: number; jm: number; jd: number } | null
  url: string | null
}

type Day = readonly [jy: number, jm: number, jd: number]

function law(
  key: string,
  title: string,
  approvedOn: Day | null,
  kind: LawKind = 'law',
  number: string | null = null,
): DemoLaw {
  return {
    key,
    title,
    kind,
    number,
    approvedOn: approvedOn ? { jy: approvedOn[0], jm: approvedOn[1], jd: approvedOn[2] } : null,
    url: null,
  }
}

export const DEMO_LAWS: readonly DemoLaw[] = [
  // --- Administration, transparency and e-government ---
  law('civil-service-management', 'قانون مدیریت خدمات کشوری', [1386, 7, 8]),
  law('admin-integrity', 'قانون ارتقای سلامت نظام اداری و مقابله با فساد', [1390, 8, 7]),
  law('foi', 'قانون انتشار و دسترسی آزاد به اطلاعات', [1388, 5, 31]),
  law('e-commerce', 'قانون تجارت الکترونیکی', [1382, 10, 17]),
  law('seventh-plan', 'قانون برنامه هفتم پیشرفت جمهوری اسلامی ایران', null),
  law(
    'art36-directive',
    'دستورالعمل اجرایی ماده ۳۶ قانون مدیریت خدمات کشوری',
    [1388, 12, 17],
    'bylaw',
    '۱۴۱۱۵۲/۲۰۰',
  ),
  law(
    'national-window',
    'ضوابط فنی پنجره ملی خدمات دولت هوشمند',
    [1401, 3, 3],
    'regulation',
    '۶۵۹۱۰/۱',
  ),
  law(
    'id-copy-removal',
    'بخشنامه منع دریافت تصویر شناسنامه و کارت ملی از مراجعان دستگاه‌های اجرایی',
    null,
    'circular',
  ),

  // --- Identity, civil status, family, travel ---
  law('civil-registration', 'قانون ثبت احوال', [1355, 4, 16]),
  law('family-protection', 'قانون حمایت خانواده', [1391, 12, 1]),
  law('youth-population', 'قانون حمایت از خانواده و جوانی جمعیت', [1400, 7, 24]),
  law('child-protection', 'قانون حمایت از اطفال و نوجوانان', [1399, 2, 23]),
  law('civil-code', 'قانون مدنی', null),
  law('non-contentious', 'قانون امور حسبی', [1319, 4, 2]),
  law('passport', 'قانون گذرنامه', [1351, 12, 10]),
  law('conscription', 'قانون خدمت وظیفه عمومی', [1390, 7, 29]),
  law('foreigners-entry', 'قانون ورود و اقامت اتباع خارجه', [1310, 3, 19]),
  law('councils-elections', 'قانون تشکیلات، وظایف و انتخابات شوراهای اسلامی کشور', [1375, 3, 1]),
  law('penal-code', 'قانون مجازات اسلامی', [1392, 2, 1]),

  // --- Traffic and transport ---
  law('traffic-violations', 'قانون رسیدگی به تخلفات رانندگی', [1389, 12, 8]),
  law('traffic-regulation', 'آیین‌نامه راهنمایی و رانندگی', null, 'regulation'),
  law(
    'third-party-insurance',
    'قانون بیمه اجباری خسارات واردشده به شخص ثالث در اثر حوادث ناشی از وسایل نقلیه',
    [1395, 2, 20],
  ),
  law('maritime', 'قانون دریایی ایران', [1343, 6, 29]),
  law('civil-aviation', 'قانون هواپیمایی کشوری', null),

  // --- Tax, customs, trade, business ---
  law('direct-taxes', 'قانون مالیات‌های مستقیم', [1366, 12, 3]),
  law('vat', 'قانون مالیات بر ارزش افزوده', [1400, 3, 2]),
  law('shop-terminals', 'قانون پایانه‌های فروشگاهی و سامانه مؤدیان', [1398, 7, 21]),
  law('customs', 'قانون امور گمرکی', [1390, 8, 22]),
  law('import-export', 'قانون مقررات صادرات و واردات', [1372, 7, 4]),
  law('commerce', 'قانون تجارت', [1311, 2, 13]),
  law('ip-registration', 'قانون ثبت اختراعات، طرح‌های صنعتی و علائم تجاری', [1386, 8, 7]),
  law('guilds', 'قانون نظام صنفی کشور', [1382, 12, 24]),
  law(
    'guilds-art12-regulation',
    'آیین‌نامه اجرایی ماده ۱۲ قانون نظام صنفی کشور',
    null,
    'regulation',
  ),
  law('consumer-protection', 'قانون حمایت از حقوق مصرف‌کنندگان', [1388, 7, 15]),
  law('business-licensing', 'قانون تسهیل صدور مجوزهای کسب‌وکار', [1400, 12, 24]),
  law('article-44', 'قانون اجرای سیاست‌های کلی اصل چهل و چهارم (۴۴) قانون اساسی', [1387, 3, 25]),
  law('standards', 'قانون تقویت و توسعه نظام استاندارد', [1396, 7, 11]),
  law('mines', 'قانون معادن', [1377, 3, 23]),
  law('foreign-investment', 'قانون تشویق و حمایت سرمایه‌گذاری خارجی', [1381, 12, 19]),
  law('securities-market', 'قانون بازار اوراق بهادار جمهوری اسلامی ایران', [1384, 9, 1]),
  law('central-insurance', 'قانون تأسیس بیمه مرکزی ایران و بیمه‌گری', [1350, 3, 30]),
  law('banking', 'قانون پولی و بانکی کشور', [1351, 4, 18]),

  // --- Labour, welfare, insurance, health ---
  law('labour', 'قانون کار', [1369, 8, 29]),
  law('social-security', 'قانون تأمین اجتماعی', [1354, 4, 3]),
  law('unemployment-insurance', 'قانون بیمه بیکاری', [1369, 6, 26]),
  law('welfare-structure', 'قانون ساختار نظام جامع رفاه و تأمین اجتماعی', [1383, 2, 21]),
  law('universal-health-insurance', 'قانون بیمه همگانی خدمات درمانی کشور', [1373, 8, 3]),
  law('subsidies', 'قانون هدفمند کردن یارانه‌ها', [1388, 10, 15]),
  law('disability-rights', 'قانون حمایت از حقوق معلولان', [1396, 12, 20]),
  law('welfare-organisation', 'لایحه قانونی تشکیل سازمان بهزیستی کشور', null),
  law('veterans', 'قانون جامع خدمات‌رسانی به ایثارگران', [1386, 4, 3]),
  law(
    'medical-affairs',
    'قانون مربوط به مقررات امور پزشکی و دارویی و مواد خوردنی و آشامیدنی',
    [1334, 3, 29],
  ),
  law('pharmacy-regulation', 'آیین‌نامه تأسیس و اداره داروخانه‌ها', null, 'regulation'),

  // --- Property, housing, municipal, environment ---
  law('deeds-registration', 'قانون ثبت اسناد و املاک', [1310, 12, 26]),
  law(
    'informal-deeds',
    'قانون تعیین تکلیف وضعیت ثبتی اراضی و ساختمان‌های فاقد سند رسمی',
    [1390, 9, 20],
  ),
  law('cadastre', 'قانون جامع حدنگار (کاداستر) کشور', [1393, 11, 12]),
  law(
    'cadastre-regulation',
    'آیین‌نامه اجرایی قانون جامع حدنگار (کاداستر) کشور',
    [1395, 1, 22],
    'regulation',
  ),
  law('formal-transactions', 'قانون الزام به ثبت رسمی معاملات اموال غیرمنقول', [1403, 2, 26]),
  law('housing-leap', 'قانون جهش تولید و تأمین مسکن', [1400, 5, 17]),
  law('municipality', 'قانون شهرداری', [1334, 4, 11]),
  law('engineering', 'قانون نظام مهندسی و کنترل ساختمان', [1374, 12, 22]),
  law('environment', 'قانون حفاظت و بهسازی محیط زیست', [1353, 3, 28]),
  law('hunting', 'قانون شکار و صید', [1346, 3, 16]),
  law('water-distribution', 'قانون توزیع عادلانه آب', [1361, 12, 16]),
  law('forests', 'قانون حفاظت و بهره‌برداری از جنگل‌ها و مراتع', [1346, 5, 25]),
  law('veterinary', 'قانون سازمان دامپزشکی کشور', null),

  // --- Education, culture ---
  law(
    'student-admission',
    'قانون سنجش و پذیرش دانشجو در دوره‌های کارشناسی در دانشگاه‌ها و مؤسسات آموزش عالی کشور',
    null,
  ),
  law('school-registration-bylaw', 'شیوه‌نامه ثبت‌نام دانش‌آموزان در مدارس', null, 'bylaw'),
  law(
    'foreign-degrees-regulation',
    'آیین‌نامه ارزشیابی مدارک تحصیلی دانش‌آموختگان خارج از کشور',
    null,
    'regulation',
  ),
  law('press', 'قانون مطبوعات', [1364, 12, 22]),
]
