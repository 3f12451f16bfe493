import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  compactSearchKey,
  looseSearchKey,
  normalizeFaInput,
  normalizeSearchKey,
  searchTokens,
} from './normalize.ts'

const ZWNJ = '\u200c'

describe('normalizeFaInput', () => {
  it('maps Arabic yeh, alef maksura and kaf to Persian letters', () => {
    assert.equal(normalizeFaInput('كتاب يك'), 'کتاب یک')
    assert.equal(normalizeFaInput('موسى'), 'موسی')
  })

  it('removes tatweel and bidi control marks', () => {
    assert.equal(normalizeFaInput('ســـلام'), 'سلام')
    const marks = '\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'
    assert.equal(normalizeFaInput(`کد${marks}۱۲۳`), 'کد۱۲۳')
  })

  it('collapses whitespace runs and trims', () => {
    assert.equal(normalizeFaInput('  ثبت \t\n  نام\u00a0\u00a0خودرو  '), 'ثبت نام خودرو')
  })

  it('keeps a ZWNJ between letters', () => {
    assert.equal(normalizeFaInput(`می${ZWNJ}شود`), `می${ZWNJ}شود`)
    assert.equal(normalizeFaInput(`گواهی${ZWNJ}نامه`), `گواهی${ZWNJ}نامه`)
  })

  it('collapses repeated ZWNJ', () => {
    assert.equal(normalizeFaInput(`می${ZWNJ}${ZWNJ}${ZWNJ}شود`), `می${ZWNJ}شود`)
  })

  it('drops ZWNJ next to spaces and at word edges', () => {
    assert.equal(normalizeFaInput(`می${ZWNJ} شود`), 'می شود')
    assert.equal(normalizeFaInput(`می ${ZWNJ}شود`), 'می شود')
    assert.equal(normalizeFaInput(`${ZWNJ}کتاب${ZWNJ}`), 'کتاب')
    assert.equal(normalizeFaInput(`کتاب${ZWNJ}.`), 'کتاب.')
    assert.equal(normalizeFaInput(`الف ${ZWNJ} ب`), 'الف ب')
  })

  it('keeps diacritics, hamza and digits as typed', () => {
    assert.equal(normalizeFaInput('مُحَمَّد مسئول ۱۲ 34'), 'مُحَمَّد مسئول ۱۲ 34')
  })

  it('applies NFC', () => {
    assert.equal(normalizeFaInput('\u0627\u0653ب'), '\u0622ب')
  })

  it('keeps line breaks in multiline mode', () => {
    assert.equal(
      normalizeFaInput('  خط   اول \r\n\r\n\r\n\tخط دوم  ', { multiline: true }),
      'خط اول\n\nخط دوم',
    )
  })
})

describe('normalizeSearchKey', () => {
  it('folds Arabic yeh and kaf variants', () => {
    assert.equal(normalizeSearchKey('كتاب يك'), 'کتاب یک')
    assert.equal(normalizeSearchKey('يارانه'), normalizeSearchKey('یارانه'))
    assert.equal(normalizeSearchKey('مصطفى'), 'مصطفی')
  })

  it('folds teh marbuta and heh-with-yeh to heh', () => {
    assert.equal(normalizeSearchKey('مدرسة'), 'مدرسه')
    assert.equal(normalizeSearchKey('خانۀ من'), 'خانه من')
    assert.equal(normalizeSearchKey('خانهٔ من'), 'خانه من')
  })

  it('folds hamza forms', () => {
    assert.equal(normalizeSearchKey('أحمد إسلام ٱلله'), 'احمد اسلام الله')
    assert.equal(normalizeSearchKey('مسؤول'), 'مسوول')
    assert.equal(normalizeSearchKey('مسئول'), 'مسیول')
    assert.equal(normalizeSearchKey('اجزاء'), 'اجزا')
  })

  it('keeps alef madda', () => {
    assert.equal(normalizeSearchKey('آب'), 'آب')
  })

  it('strips diacritics and superscript alef', () => {
    assert.equal(normalizeSearchKey('مُحَمَّد'), 'محمد')
    assert.equal(normalizeSearchKey('رَحْمٰن'), 'رحمن')
    assert.equal(normalizeSearchKey('کتابً'), 'کتاب')
  })

  it('strips tatweel and bidi marks', () => {
    assert.equal(normalizeSearchKey('ســـلام'), 'سلام')
    assert.equal(normalizeSearchKey('\u200fکد\u200e \u2067ملی\u2069\u202b\u202c'), 'کد ملی')
    assert.equal(normalizeSearchKey('ک\u200dد\u200b\ufeff'), 'کد')
  })

  it('converts digits of all three scripts to ASCII', () => {
    const expected = '1403/01/20'
    assert.equal(normalizeSearchKey('۱۴۰۳/۰۱/۲۰'), expected)
    assert.equal(normalizeSearchKey('١٤٠٣/٠١/٢٠'), expected)
    assert.equal(normalizeSearchKey('1403/01/20'), expected)
    assert.equal(normalizeSearchKey('۱۲٬۵۰۰٫۷۵'), '12500.75')
  })

  it('turns ZWNJ into a space', () => {
    assert.equal(normalizeSearchKey(`می${ZWNJ}شود`), 'می شود')
    assert.equal(normalizeSearchKey(`می${ZWNJ}شود`), normalizeSearchKey('می شود'))
  })

  it('lower-cases Latin, collapses and trims whitespace', () => {
    assert.equal(normalizeSearchKey('  Passport   ONLINE\u00a0گذرنامه '), 'passport online گذرنامه')
  })

  it('folds presentation forms via NFKC', () => {
    assert.equal(normalizeSearchKey('ﺷﻬﺎدت'), 'شهادت')
  })

  it('is idempotent', () => {
    const once = normalizeSearchKey(`  مُحَمَّد ك ي ۱۲ خانۀ می${ZWNJ}شود  `)
    assert.equal(normalizeSearchKey(once), once)
  })
})

describe('compactSearchKey', () => {
  it('gives ZWNJ, space and no-space spellings one key', () => {
    const keys = [`می${ZWNJ}شود`, 'می شود', 'میشود'].map(compactSearchKey)
    assert.deepEqual(keys, ['میشود', 'میشود', 'میشود'])
    const licence = [`گواهی${ZWNJ}نامه`, 'گواهی نامه', 'گواهینامه'].map(compactSearchKey)
    assert.deepEqual(new Set(licence), new Set(['گواهینامه']))
  })

  it('folds like the search key', () => {
    assert.equal(compactSearchKey('كارت ملي'), 'کارتملی')
    assert.equal(compactSearchKey(' ۱۲ ٣٤ '), '1234')
  })
})

describe('looseSearchKey', () => {
  it('folds alef madda as well, so a query typed without the madda meets', () => {
    assert.equal(looseSearchKey('آموزش و پرورش'), looseSearchKey('اموزش و پرورش'))
    assert.equal(looseSearchKey('آب'), 'اب')
  })
})

describe('searchTokens', () => {
  it('splits on spaces, ZWNJ and punctuation and keeps letters and digits', () => {
    assert.deepEqual(searchTokens(`گواهی${ZWNJ}نامهٔ «رانندگی»، پایه ۲`), [
      'گواهی',
      'نامه',
      'رانندگی',
      'پایه',
      '2',
    ])
    assert.deepEqual(searchTokens('  ؟! '), [])
  })

  // Every variant class of DESIGN §6 / research §1.1: each spelling in a row gives the same
  // tokens as the first, at index time and query time alike.
  const VARIANTS: [string, string[]][] = [
    ['Arabic yeh, alef maksura and kaf', ['کارت یکی', 'كارت يكى', 'كارت يكي']],
    ['teh marbuta and heh with hamza', ['مدرسه خانه', 'مدرسة خانۀ', 'مدرسه خانهٔ']],
    ['hamza seats on alef', ['اسناد احمد', 'إسناد أحمد']],
    ['alef madda', ['آزمون', 'ازمون']],
    ['Persian, Arabic-Indic and ASCII digits', ['ماده 12', 'ماده ۱۲', 'ماده ١٢']],
    ['diacritics', ['محمد', 'مُحَمَّد']],
    ['tatweel', ['سلام', 'ســـلام']],
    [
      'bidi marks and zero-width characters',
      ['کد ملی', '\u200fکد\u200e \u2067ملی\u2069', 'کد\u200b ملی\ufeff'],
    ],
    ['NFKC presentation forms and odd spaces', ['شهادت نامه', 'ﺷﻬﺎدت\u00a0نامه']],
    ['Latin case', ['passport', 'PassPort']],
  ]
  for (const [name, spellings] of VARIANTS) {
    it(`gives one set of tokens for ${name}`, () => {
      const [first, ...rest] = spellings.map(searchTokens)
      for (const tokens of rest) assert.deepEqual(tokens, first)
    })
  }

  it('gives ZWNJ, space and no-space spellings one compact key', () => {
    const keys = [`می${ZWNJ}شود`, 'می شود', 'میشود', `مي${ZWNJ}شود`].map(compactSearchKey)
    assert.deepEqual(new Set(keys), new Set(['میشود']))
  })
})
