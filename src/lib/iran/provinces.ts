/**
 * The 31 provinces (استان‌ها) of Iran with their capitals (مرکز استان) and landline area codes.
 *
 * `code` is this project's own stable identifier ('01'..'31', in Persian alphabetical order of
 * the province name as listed in the research notes); it is not an official statistical code,
 * so never renumber existing entries. Area codes are the 3-digit trunk prefixes used in the
 * national landline format `0XX-XXXXXXXX`.
 */

export interface Province {
  /** Stable 2-digit project code, '01'..'31'. */
  code: ProvinceCode
  /** Latin slug, lowercase and hyphenated (e.g. 'east-azerbaijan'); usable in URLs and hostnames. */
  slug: string
  nameFa: string
  nameEn: string
  capitalFa: string
  capitalEn: string
  /** Landline area code with the trunk 0, e.g. '021'. */
  areaCode: string
}

const PROVINCE_DATA = [
  {
    code: '01',
    slug: 'east-azerbaijan',
    nameFa: 'آذربایجان شرقی',
    nameEn: 'East Azerbaijan',
    capitalFa: 'تبریز',
    capitalEn: 'Tabriz',
    areaCode: '041',
  },
  {
    code: '02',
    slug: 'west-azerbaijan',
    nameFa: 'آذربایجان غربی',
    nameEn: 'West Azerbaijan',
    capitalFa: 'ارومیه',
    capitalEn: 'Urmia',
    areaCode: '044',
  },
  {
    code: '03',
    slug: 'ardabil',
    nameFa: 'اردبیل',
    nameEn: 'Ardabil',
    capitalFa: 'اردبیل',
    capitalEn: 'Ardabil',
    areaCode: '045',
  },
  {
    code: '04',
    slug: 'isfahan',
    nameFa: 'اصفهان',
    nameEn: 'Isfahan',
    capitalFa: 'اصفهان',
    capitalEn: 'Isfahan',
    areaCode: '031',
  },
  {
    code: '05',
    slug: 'alborz',
    nameFa: 'البرز',
    nameEn: 'Alborz',
    capitalFa: 'کرج',
    capitalEn: 'Karaj',
    areaCode: '026',
  },
  {
    code: '06',
    slug: 'ilam',
    nameFa: 'ایلام',
    nameEn: 'Ilam',
    capitalFa: 'ایلام',
    capitalEn: 'Ilam',
    areaCode: '084',
  },
  {
    code: '07',
    slug: 'bushehr',
    nameFa: 'بوشهر',
    nameEn: 'Bushehr',
    capitalFa: 'بوشهر',
    capitalEn: 'Bushehr',
    areaCode: '077',
  },
  {
    code: '08',
    slug: 'tehran',
    nameFa: 'تهران',
    nameEn: 'Tehran',
    capitalFa: 'تهران',
    capitalEn: 'Tehran',
    areaCode: '021',
  },
  {
    code: '09',
    slug: 'chaharmahal-bakhtiari',
    nameFa: 'چهارمحال و بختیاری',
    nameEn: 'Chaharmahal and Bakhtiari',
    capitalFa: 'شهرکرد',
    capitalEn: 'Shahrekord',
    areaCode: '038',
  },
  {
    code: '10',
    slug: 'south-khorasan',
    nameFa: 'خراسان جنوبی',
    nameEn: 'South Khorasan',
    capitalFa: 'بیرجند',
    capitalEn: 'Birjand',
    areaCode: '056',
  },
  {
    code: '11',
    slug: 'razavi-khorasan',
    nameFa: 'خراسان رضوی',
    nameEn: 'Razavi Khorasan',
    capitalFa: 'مشهد',
    capitalEn: 'Mashhad',
    areaCode: '051',
  },
  {
    code: '12',
    slug: 'north-khorasan',
    nameFa: 'خراسان شمالی',
    nameEn: 'North Khorasan',
    capitalFa: 'بجنورد',
    capitalEn: 'Bojnurd',
    areaCode: '058',
  },
  {
    code: '13',
    slug: 'khuzestan',
    nameFa: 'خوزستان',
    nameEn: 'Khuzestan',
    capitalFa: 'اهواز',
    capitalEn: 'Ahvaz',
    areaCode: '061',
  },
  {
    code: '14',
    slug: 'zanjan',
    nameFa: 'زنجان',
    nameEn: 'Zanjan',
    capitalFa: 'زنجان',
    capitalEn: 'Zanjan',
    areaCode: '024',
  },
  {
    code: '15',
    slug: 'semnan',
    nameFa: 'سمنان',
    nameEn: 'Semnan',
    capitalFa: 'سمنان',
    capitalEn: 'Semnan',
    areaCode: '023',
  },
  {
    code: '16',
    slug: 'sistan-baluchestan',
    nameFa: 'سیستان و بلوچستان',
    nameEn: 'Sistan and Baluchestan',
    capitalFa: 'زاهدان',
    capitalEn: 'Zahedan',
    areaCode: '054',
  },
  {
    code: '17',
    slug: 'fars',
    nameFa: 'فارس',
    nameEn: 'Fars',
    capitalFa: 'شیراز',
    capitalEn: 'Shiraz',
    areaCode: '071',
  },
  {
    code: '18',
    slug: 'qazvin',
    nameFa: 'قزوین',
    nameEn: 'Qazvin',
    capitalFa: 'قزوین',
    capitalEn: 'Qazvin',
    areaCode: '028',
  },
  {
    code: '19',
    slug: 'qom',
    nameFa: 'قم',
    nameEn: 'Qom',
    capitalFa: 'قم',
    capitalEn: 'Qom',
    areaCode: '025',
  },
  {
    code: '20',
    slug: 'kurdistan',
    nameFa: 'کردستان',
    nameEn: 'Kurdistan',
    capitalFa: 'سنندج',
    capitalEn: 'Sanandaj',
    areaCode: '087',
  },
  {
    code: '21',
    slug: 'kerman',
    nameFa: 'کرمان',
    nameEn: 'Kerman',
    capitalFa: 'کرمان',
    capitalEn: 'Kerman',
    areaCode: '034',
  },
  {
    code: '22',
    slug: 'kermanshah',
    nameFa: 'کرمانشاه',
    nameEn: 'Kermanshah',
    capitalFa: 'کرمانشاه',
    capitalEn: 'Kermanshah',
    areaCode: '083',
  },
  {
    code: '23',
    slug: 'kohgiluyeh-boyer-ahmad',
    nameFa: 'کهگیلویه و بویراحمد',
    nameEn: 'Kohgiluyeh and Boyer-Ahmad',
    capitalFa: 'یاسوج',
    capitalEn: 'Yasuj',
    areaCode: '074',
  },
  {
    code: '24',
    slug: 'golestan',
    nameFa: 'گلستان',
    nameEn: 'Golestan',
    capitalFa: 'گرگان',
    capitalEn: 'Gorgan',
    areaCode: '017',
  },
  {
    code: '25',
    slug: 'gilan',
    nameFa: 'گیلان',
    nameEn: 'Gilan',
    capitalFa: 'رشت',
    capitalEn: 'Rasht',
    areaCode: '013',
  },
  {
    code: '26',
    slug: 'lorestan',
    nameFa: 'لرستان',
    nameEn: 'Lorestan',
    capitalFa: 'خرم‌آباد',
    capitalEn: 'Khorramabad',
    areaCode: '066',
  },
  {
    code: '27',
    slug: 'mazandaran',
    nameFa: 'مازندران',
    nameEn: 'Mazandaran',
    capitalFa: 'ساری',
    capitalEn: 'Sari',
    areaCode: '011',
  },
  {
    code: '28',
    slug: 'markazi',
    nameFa: 'مرکزی',
    nameEn: 'Markazi',
    capitalFa: 'اراک',
    capitalEn: 'Arak',
    areaCode: '086',
  },
  {
    code: '29',
    slug: 'hormozgan',
    nameFa: 'هرمزگان',
    nameEn: 'Hormozgan',
    capitalFa: 'بندرعباس',
    capitalEn: 'Bandar Abbas',
    areaCode: '076',
  },
  {
    code: '30',
    slug: 'hamadan',
    nameFa: 'همدان',
    nameEn: 'Hamadan',
    capitalFa: 'همدان',
    capitalEn: 'Hamadan',
    areaCode: '081',
  },
  {
    code: '31',
    slug: 'yazd',
    nameFa: 'یزد',
    nameEn: 'Yazd',
    capitalFa: 'یزد',
    capitalEn: 'Yazd',
    areaCode: '035',
  },
] as const

/** One of the 31 stable province codes, '01'..'31'. */
export type ProvinceCode = (typeof PROVINCE_DATA)[number]['code']

/** All 31 provinces, ordered by {@link Province.code}. */
export const PROVINCES: readonly Province[] = PROVINCE_DATA

const BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]))
const BY_SLUG: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.slug, p]))

export function isProvinceCode(value: string): value is ProvinceCode {
  return BY_CODE.has(value)
}

/** The province with this 2-digit code, or `undefined`. */
export function findProvince(code: string): Province | undefined {
  return BY_CODE.get(code)
}

/** The province with this latin slug, or `undefined`. */
export function findProvinceBySlug(slug: string): Province | undefined {
  return BY_SLUG.get(slug)
}
