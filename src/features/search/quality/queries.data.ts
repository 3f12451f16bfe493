/**
 * The search quality suite (issue 6, item 2): queries over the demo catalogue
 * (`features/demo/demo-services.data.ts`), each with the services a searcher means by it.
 * `expect` lists every relevant service (by slug); precision@1 asks whether the first result is
 * one of them, recall@5 what share of them (at most five) appear among the first five.
 *
 * Written from the catalogue as a person would type, not from the engine's output. Invisible
 * characters are written as escapes: ZWNJ \u200c, RLM \u200f, LRM \u200e, tatweel ـ is visible.
 */

export const CATEGORIES = [
  'exact-title',
  'partial-title',
  'popular-name',
  'keyword',
  'document',
  'agency',
  'arabic-letters',
  'zwnj',
  'digits',
  'diacritics',
  'tatweel-bidi',
  'hamza-madda',
  'typo',
  'multi-word',
] as const
export type Category = (typeof CATEGORIES)[number]

export interface QualityQuery {
  q: string
  category: Category
  expect: string[]
}

const ZWNJ = '\u200c'

export const QUALITY_QUERIES: QualityQuery[] = [
  // ---------------------------------------------------------------- exact titles
  { category: 'exact-title', q: 'صدور کارت ملی هوشمند', expect: ['national-id-card-issue'] },
  { category: 'exact-title', q: 'تعویض شناسنامه', expect: ['birth-certificate-replacement'] },
  { category: 'exact-title', q: 'صدور گذرنامه عادی', expect: ['passport-issue'] },
  { category: 'exact-title', q: 'ثبت شرکت', expect: ['company-registration'] },
  { category: 'exact-title', q: 'ثبت اختراع', expect: ['patent-registration'] },
  { category: 'exact-title', q: 'ثبت‌نام یارانه', expect: ['subsidy-registration'] },
  { category: 'exact-title', q: 'صدور پروانه کسب', expect: ['guild-business-licence'] },
  { category: 'exact-title', q: 'اهدای پلاسما', expect: ['plasma-donation'] },
  { category: 'exact-title', q: 'صدور کارت بازرگانی', expect: ['commercial-card'] },
  { category: 'exact-title', q: 'خرید ارز مسافرتی', expect: ['travel-currency'] },
  { category: 'exact-title', q: 'ثبت سفارش کالا', expect: ['import-order-registration'] },
  { category: 'exact-title', q: 'تغییر نام خانوادگی', expect: ['surname-change'] },

  // ---------------------------------------------------------------- partial titles
  {
    category: 'partial-title',
    q: 'گذرنامه',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  {
    category: 'partial-title',
    q: 'پروانه ساختمانی',
    expect: ['building-permit', 'building-permit-renewal'],
  },
  { category: 'partial-title', q: 'عدم سوء پیشینه', expect: ['criminal-record-certificate'] },
  { category: 'partial-title', q: 'حصر وراثت', expect: ['inheritance-certificate'] },
  { category: 'partial-title', q: 'انشعاب گاز', expect: ['gas-connection'] },
  { category: 'partial-title', q: 'قبض برق', expect: ['electricity-bill'] },
  {
    category: 'partial-title',
    q: 'کد پستی',
    expect: ['postal-code-inquiry', 'postal-code-assignment'],
  },
  {
    category: 'partial-title',
    q: 'سند تک‌برگ',
    expect: ['single-sheet-deed', 'gilan-paddy-fields-deeds'],
  },
  { category: 'partial-title', q: 'کارت سوخت', expect: ['fuel-card-issue'] },
  { category: 'partial-title', q: 'بیمه بیکاری', expect: ['unemployment-benefit'] },
  { category: 'partial-title', q: 'حج تمتع', expect: ['hajj-registration'] },
  { category: 'partial-title', q: 'پروانه مطب', expect: ['medical-office-licence'] },
  { category: 'partial-title', q: 'نهضت ملی مسکن', expect: ['housing-eligibility'] },
  { category: 'partial-title', q: 'گواهی امضای الکترونیکی', expect: ['e-signature-certificate'] },

  // ---------------------------------------------------------------- popular names
  {
    category: 'popular-name',
    q: 'پاسپورت',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  { category: 'popular-name', q: 'خلافی خودرو', expect: ['traffic-fine-payment'] },
  { category: 'popular-name', q: 'جواز ساخت', expect: ['building-permit'] },
  { category: 'popular-name', q: 'کنکور', expect: ['konkur-registration'] },
  { category: 'popular-name', q: 'سجام', expect: ['sejam-registration'] },
  { category: 'popular-name', q: 'کارت زرد', expect: ['vaccination-certificate'] },
  { category: 'popular-name', q: 'رجیستری گوشی', expect: ['mobile-registry-hamta'] },
  { category: 'popular-name', q: 'کالابرگ', expect: ['e-coupon'] },
  { category: 'popular-name', q: 'مرخصی زایمان', expect: ['maternity-allowance'] },
  { category: 'popular-name', q: 'جواز کسب', expect: ['guild-business-licence'] },
  { category: 'popular-name', q: 'وام ازدواج', expect: ['youth-marriage-facility'] },
  { category: 'popular-name', q: 'اینماد', expect: ['e-namad'] },
  { category: 'popular-name', q: 'تمدید پاسپورت', expect: ['passport-reissue'] },
  { category: 'popular-name', q: 'فرزندخواندگی', expect: ['child-adoption'] },

  // ---------------------------------------------------------------- keywords
  { category: 'keyword', q: 'کد اقتصادی', expect: ['tax-registration'] },
  { category: 'keyword', q: 'سامانه مؤدیان', expect: ['taxpayer-system-registration'] },
  { category: 'keyword', q: 'چک صیادی', expect: ['returned-cheque-inquiry'] },
  { category: 'keyword', q: 'تیزهوشان', expect: ['gifted-school-exam'] },
  { category: 'keyword', q: 'میکروچیپ', expect: ['pet-vaccination-card'] },
  { category: 'keyword', q: 'ساجار', expect: ['contractor-qualification'] },
  { category: 'keyword', q: 'کاداستر معدنی', expect: ['mining-exploration-licence'] },
  { category: 'keyword', q: 'سنهاب', expect: ['third-party-insurance-inquiry'] },
  { category: 'keyword', q: 'بهین‌یاب', expect: ['industrial-establishment-licence'] },

  // ---------------------------------------------------------------- document names
  { category: 'document', q: 'گواهی تعیین سن پزشکی قانونی', expect: ['birth-date-correction'] },
  { category: 'document', q: 'استشهادیه مفقودی سند', expect: ['deed-duplicate'] },
  {
    category: 'document',
    q: 'گواهی مفقودی از کلانتری',
    // Both services ask for this document.
    expect: ['passport-duplicate', 'mashhad-pilgrims-temporary-id'],
  },
  { category: 'document', q: 'اساسنامه و امیدنامه صندوق', expect: ['fund-establishment-licence'] },
  { category: 'document', q: 'پروانه حمل سلاح شکاری', expect: ['hunting-licence'] },
  { category: 'document', q: 'طرح و ابعاد تابلو', expect: ['shop-sign-permit'] },
  { category: 'document', q: 'گواهی کالیبراسیون', expect: ['lab-accreditation'] },
  { category: 'document', q: 'قرارداد مهندس ناظر', expect: ['building-permit'] },

  // ---------------------------------------------------------------- agency names
  {
    category: 'agency',
    q: 'سازمان حج و زیارت',
    expect: ['hajj-registration', 'arbaeen-pilgrim-registration'],
  },
  { category: 'agency', q: 'شیلات', expect: ['fishing-licence', 'aquaculture-licence'] },
  { category: 'agency', q: 'سازمان حسابرسی', expect: ['state-company-audit'] },
  {
    category: 'agency',
    q: 'سازمان هواپیمایی کشوری',
    expect: ['air-passenger-complaint', 'drone-registration'],
  },
  {
    category: 'agency',
    q: 'حفظ نباتات',
    expect: ['phytosanitary-certificate', 'pesticide-shop-licence'],
  },
  {
    category: 'agency',
    q: 'توانیر',
    expect: [
      'electricity-connection',
      'electricity-bill',
      'electricity-outage-report',
      'electricity-name-transfer',
    ],
  },
  {
    category: 'agency',
    q: 'انتقال خون',
    expect: ['blood-donation-appointment', 'plasma-donation'],
  },
  {
    category: 'agency',
    q: 'وزارت ورزش',
    expect: ['sports-club-licence', 'youth-marriage-facility'],
  },

  // ---------------------------------------------------------------- Arabic letters (ي ى ك ة)
  { category: 'arabic-letters', q: 'كارت ملي هوشمند', expect: ['national-id-card-issue'] },
  { category: 'arabic-letters', q: 'يارانه', expect: ['subsidy-registration', 'decile-objection'] },
  { category: 'arabic-letters', q: 'ثبت شركت', expect: ['company-registration'] },
  { category: 'arabic-letters', q: 'كنكور', expect: ['konkur-registration'] },
  { category: 'arabic-letters', q: 'گواهى فوت', expect: ['death-registration'] },
  { category: 'arabic-letters', q: 'قبض گاز و كنتور', expect: ['gas-bill'] },
  { category: 'arabic-letters', q: 'تاييديه تحصيلي ديپلم', expect: ['diploma-verification'] },
  {
    category: 'arabic-letters',
    q: 'بیمه سلامة همگانی',
    expect: ['universal-health-insurance-enrolment'],
  },

  // ---------------------------------------------------------------- ZWNJ / space / nothing
  {
    category: 'zwnj',
    q: `گواهی${ZWNJ}نامه رانندگی`,
    expect: ['driving-licence-issue', 'driving-licence-renewal'],
  },
  {
    category: 'zwnj',
    q: 'گواهی نامه رانندگی',
    expect: ['driving-licence-issue', 'driving-licence-renewal'],
  },
  {
    category: 'zwnj',
    q: 'گواهینامه رانندگی',
    expect: ['driving-licence-issue', 'driving-licence-renewal'],
  },
  { category: 'zwnj', q: 'ثبت نام یارانه', expect: ['subsidy-registration'] },
  { category: 'zwnj', q: 'ثبتنام یارانه', expect: ['subsidy-registration'] },
  { category: 'zwnj', q: 'کسب و کار خانگی', expect: ['khuzestan-home-business-tax-registration'] },
  { category: 'zwnj', q: 'کسبوکارهای خانگی', expect: ['khuzestan-home-business-tax-registration'] },
  {
    category: 'zwnj',
    q: 'صنایع دستی',
    expect: ['handicraft-id', 'isfahan-handicraft-tax-exemption'],
  },
  {
    category: 'zwnj',
    q: 'صنایعدستی',
    expect: ['handicraft-id', 'isfahan-handicraft-tax-exemption'],
  },
  { category: 'zwnj', q: 'پایان کار ساختمان', expect: ['building-completion-certificate'] },
  { category: 'zwnj', q: 'بومگردی', expect: ['ecolodge-licence'] },
  { category: 'zwnj', q: 'مفاصا حساب مالیاتی', expect: ['tax-clearance-certificate'] },

  // ---------------------------------------------------------------- digits
  { category: 'digits', q: 'کمیسیون ماده ۱۰۰', expect: ['article-100-appeal'] },
  { category: 'digits', q: 'کمیسیون ماده 100', expect: ['article-100-appeal'] },
  { category: 'digits', q: 'کمیسیون ماده ١٠٠', expect: ['article-100-appeal'] },
  { category: 'digits', q: '115', expect: ['ems-115'] },
  { category: 'digits', q: '۱۲۳', expect: ['social-emergency-123'] },
  { category: 'digits', q: 'سامانه ١٩٥', expect: ['telecom-complaint-195'] },
  { category: 'digits', q: 'ماده 187', expect: ['property-transfer-tax-certificate'] },
  { category: 'digits', q: 'گاز ۱۹۴', expect: ['gas-emergency-194'] },

  // ---------------------------------------------------------------- diacritics
  { category: 'diacritics', q: 'ثَبتِ اِختِراع', expect: ['patent-registration'] },
  {
    category: 'diacritics',
    q: 'گُذَرنامه',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  { category: 'diacritics', q: 'حَجّ تَمَتُّع', expect: ['hajj-registration'] },
  { category: 'diacritics', q: 'خانهٔ خالی', expect: ['vacant-house-tax'] },
  { category: 'diacritics', q: 'مالیات خانۀ خالی', expect: ['vacant-house-tax'] },

  // ---------------------------------------------------------------- tatweel, bidi marks, odd spaces
  {
    category: 'tatweel-bidi',
    q: 'گـــذرنامه',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  { category: 'tatweel-bidi', q: 'اهـدای خـون', expect: ['blood-donation-appointment'] },
  {
    category: 'tatweel-bidi',
    q: '\u200fکد پستی\u200e',
    expect: ['postal-code-inquiry', 'postal-code-assignment'],
  },
  { category: 'tatweel-bidi', q: 'پروانه\u00a0نشر', expect: ['publisher-licence'] },
  {
    category: 'tatweel-bidi',
    q: 'ﺷﻬﺮک صنعتی',
    expect: ['industrial-park-land', 'industrial-park-building-permit'],
  },

  // ---------------------------------------------------------------- hamza and madda
  { category: 'hamza-madda', q: 'اموزش فنی و حرفه ای', expect: ['vocational-course-registration'] },
  { category: 'hamza-madda', q: 'ازمون استخدامی', expect: ['public-employment-exam'] },
  { category: 'hamza-madda', q: 'تاسیس داروخانه', expect: ['pharmacy-licence'] },
  { category: 'hamza-madda', q: 'مؤسسه آموزش عالی', expect: ['private-university-licence'] },
  { category: 'hamza-madda', q: 'موسسه آموزش عالی', expect: ['private-university-licence'] },
  { category: 'hamza-madda', q: 'هیأت تشخیص', expect: ['labour-dispute-complaint'] },

  // ---------------------------------------------------------------- typos
  // one letter dropped
  {
    category: 'typo',
    q: 'گذنامه',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  { category: 'typo', q: 'شناسنمه نوزاد', expect: ['birth-registration'] },
  { category: 'typo', q: 'داروخنه', expect: ['pharmacy-licence'] },
  { category: 'typo', q: 'بازنشستگ', expect: ['retirement-pension-request'] },
  { category: 'typo', q: 'فرزندخواندگ', expect: ['child-adoption'] },
  // two letters swapped
  {
    category: 'typo',
    q: 'گذرنماه',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  { category: 'typo', q: 'کنکرو', expect: ['konkur-registration'] },
  { category: 'typo', q: 'یاراهن', expect: ['subsidy-registration', 'decile-objection'] },
  { category: 'typo', q: 'اینمدا', expect: ['e-namad'] },
  // one letter substituted
  {
    category: 'typo',
    q: 'گذرنانه',
    expect: ['passport-issue', 'passport-reissue', 'passport-duplicate'],
  },
  { category: 'typo', q: 'کالابرک', expect: ['e-coupon'] },
  { category: 'typo', q: 'فرزندخوانگی', expect: ['child-adoption'] },
  { category: 'typo', q: 'مهدکودگ', expect: ['kindergarten-licence'] },
  { category: 'typo', q: 'پهباد', expect: ['drone-registration'] },
  { category: 'typo', q: 'تمدید گواهینامه رانندکی', expect: ['driving-licence-renewal'] },

  // ---------------------------------------------------------------- multi-word
  { category: 'multi-word', q: 'المثنی شناسنامه', expect: ['birth-certificate-duplicate'] },
  { category: 'multi-word', q: 'شناسنامه گمشده', expect: ['birth-certificate-duplicate'] },
  { category: 'multi-word', q: 'تمدید گواهینامه', expect: ['driving-licence-renewal'] },
  { category: 'multi-word', q: 'مالیات اجاره خانه', expect: ['rental-tax-return'] },
  { category: 'multi-word', q: 'شکایت از بانک', expect: ['bank-complaint'] },
  { category: 'multi-word', q: 'بیمه صیادان هرمزگان', expect: ['hormozgan-fishermen-insurance'] },
  { category: 'multi-word', q: 'سند باغ مازندران', expect: ['mazandaran-orchards-deeds'] },
  { category: 'multi-word', q: 'وام دانشجویی صندوق رفاه', expect: ['student-loan'] },
  { category: 'multi-word', q: 'انتقال سند خودرو', expect: ['vehicle-ownership-transfer'] },
]
