import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  isValidSlug,
  SLUG_FALLBACK,
  SLUG_MAX,
  SLUG_MAX_GENERATED,
  slugify,
  uniqueSlug,
} from './slug.ts'

describe('slugify: a readable Persian address from a title (issue 17 item 13)', () => {
  it('joins the words with hyphens and keeps the Persian letters', () => {
    assert.equal(slugify('صدور گذرنامه'), 'صدور-گذرنامه')
    assert.equal(slugify('  صدور   پروانهٔ ساختمانی '), 'صدور-پروانه-ساختمانی')
  })

  it('folds Arabic-keyboard ي and ك (and ى, ة) so one title has one address', () => {
    assert.equal(slugify('كارت ملي'), 'کارت-ملی')
    assert.equal(slugify('كارت ملي'), slugify('کارت ملی'))
    assert.equal(slugify('موسى'), 'موسی')
    assert.equal(slugify('مدرسة'), 'مدرسه')
  })

  it('writes a ZWNJ as a hyphen (an invisible character has no place in an address)', () => {
    assert.equal(slugify('درخواست‌ها'), 'درخواست-ها')
    assert.equal(slugify('می‌شود'), 'می-شود')
    assert.ok(!slugify('ثبت‌نام دانش‌آموز').includes('\u200c'))
  })

  it('turns punctuation of both scripts into one hyphen and drops it at the ends', () => {
    assert.equal(slugify('«گواهی‌نامه» رانندگی (پایه ۳)؟'), 'گواهی-نامه-رانندگی-پایه-3')
    assert.equal(slugify('استعلام، پیگیری؛ و تمدید!'), 'استعلام-پیگیری-و-تمدید')
    assert.equal(slugify('ثبت/تغییر — نشانی'), 'ثبت-تغییر-نشانی')
    assert.equal(slugify('---'), '')
  })

  it('drops diacritics and tatweel, keeps hamza letters and آ as written', () => {
    assert.equal(slugify('مُدیریّت'), 'مدیریت')
    assert.equal(slugify('تـــمدید'), 'تمدید')
    assert.equal(slugify('آموزش مسئول مأمور'), 'آموزش-مسئول-مأمور')
  })

  it('writes every digit script in ASCII', () => {
    assert.equal(slugify('تعطیلات ۱۴۰۵'), 'تعطیلات-1405')
    assert.equal(slugify('تعطیلات ١٤٠٥'), 'تعطیلات-1405')
    assert.equal(slugify('تعطیلات 1405'), 'تعطیلات-1405')
  })

  it('lower-cases Latin letters and keeps them beside Persian ones', () => {
    assert.equal(slugify('ثبت‌نام GPS و API'), 'ثبت-نام-gps-و-api')
  })

  it(`cuts a long title after a whole word, within ${SLUG_MAX_GENERATED} characters`, () => {
    const title =
      'صدور مجوز فعالیت واحدهای تولیدی و خدماتی در شهرک‌ها و نواحی صنعتی استان‌های کشور برای متقاضیان جدید'
    const slug = slugify(title)
    assert.ok([...slug].length <= SLUG_MAX_GENERATED, `${[...slug].length} characters`)
    assert.ok(!slug.endsWith('-'))
    // A whole word: the full slug continues with a hyphen right where this one stops.
    assert.ok(slugify(title, 500).startsWith(`${slug}-`))
    // One word longer than the limit is cut inside it, rather than vanishing.
    assert.equal([...slugify('ا'.repeat(100))].length, SLUG_MAX_GENERATED)
  })

  it('is empty for a title with no letter or digit', () => {
    assert.equal(slugify('؟!«»'), '')
  })

  it('gives slugs that are valid and fixed points', () => {
    for (const t of ['صدور گذرنامه', 'كارت ملي ۱۲', 'درخواست‌ها (جدید)', 'Passport Issue']) {
      const s = slugify(t)
      assert.ok(isValidSlug(s), s)
      assert.equal(slugify(s), s)
    }
  })
})

describe('isValidSlug: what an admin may type as an address', () => {
  it('accepts the demo’s Latin slugs and Persian ones', () => {
    assert.ok(isValidSlug('national-id-card-issue'))
    assert.ok(isValidSlug('صدور-گذرنامه'))
    assert.ok(isValidSlug('تعطیلات-1405'))
  })

  it('refuses what slugify would change or what is not an address', () => {
    for (const s of [
      '',
      'Bad Slug',
      'صدور گذرنامه',
      'کارت-ملي',
      'درخواست\u200cها',
      'تعطیلات-۱۴۰۵',
      '-صدور',
      'صدور--گذرنامه',
      'a/b',
      'a'.repeat(SLUG_MAX + 1),
    ]) {
      assert.equal(isValidSlug(s), false, JSON.stringify(s))
    }
  })
})

describe('uniqueSlug', () => {
  it('adds -2, -3… until the address is free', async () => {
    const taken = new Set(['صدور-گذرنامه', 'صدور-گذرنامه-2'])
    assert.equal(await uniqueSlug('صدور-گذرنامه', async (s) => taken.has(s)), 'صدور-گذرنامه-3')
    assert.equal(await uniqueSlug('تمدید', async (s) => taken.has(s)), 'تمدید')
  })

  it('makes room for the suffix within the length limit', async () => {
    const long = slugify(`${'ب'.repeat(30)} ${'پ'.repeat(29)}`)
    assert.equal([...long].length, SLUG_MAX_GENERATED)
    const s = await uniqueSlug(long, async (x) => x === long)
    assert.ok([...s].length <= SLUG_MAX_GENERATED, s)
    assert.ok(s.endsWith('-2'))
    assert.ok(isValidSlug(s))
  })

  it(`falls back to «${SLUG_FALLBACK}» for an empty base`, async () => {
    assert.equal(await uniqueSlug('', async () => false), SLUG_FALLBACK)
    assert.equal(await uniqueSlug('', async (s) => s === SLUG_FALLBACK), `${SLUG_FALLBACK}-2`)
  })
})
