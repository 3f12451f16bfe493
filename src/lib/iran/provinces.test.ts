import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findProvince, findProvinceBySlug, isProvinceCode, PROVINCES } from './provinces.ts'

const ARABIC_LETTERS = /[\u064a\u0643\u0649\u0629]/ // ي ك ى ة

function assertUnique(values: readonly string[], label: string): void {
  assert.equal(new Set(values).size, values.length, `${label} must be unique`)
}

describe('PROVINCES', () => {
  it('lists the 31 provinces with codes 01..31 in order', () => {
    assert.equal(PROVINCES.length, 31)
    PROVINCES.forEach((p, i) => {
      assert.equal(p.code, String(i + 1).padStart(2, '0'))
    })
  })

  it('has unique codes, slugs, names and area codes', () => {
    assertUnique(
      PROVINCES.map((p) => p.code),
      'codes',
    )
    assertUnique(
      PROVINCES.map((p) => p.slug),
      'slugs',
    )
    assertUnique(
      PROVINCES.map((p) => p.nameFa),
      'Persian names',
    )
    assertUnique(
      PROVINCES.map((p) => p.nameEn),
      'English names',
    )
    assertUnique(
      PROVINCES.map((p) => p.areaCode),
      'area codes',
    )
  })

  it('formats codes, slugs and area codes', () => {
    for (const p of PROVINCES) {
      assert.match(p.code, /^\d{2}$/)
      assert.match(p.slug, /^[a-z]+(-[a-z]+)*$/)
      assert.match(p.areaCode, /^0\d{2}$/, `${p.slug} area code`)
    }
  })

  it('writes Persian names with Persian letters only', () => {
    for (const p of PROVINCES) {
      for (const s of [p.nameFa, p.capitalFa]) {
        assert.match(s, /^[\u0600-\u06ff\u200c ]+$/, s)
        assert.doesNotMatch(s, ARABIC_LETTERS, s)
        assert.equal(s, s.trim())
      }
    }
  })

  it('spells known names correctly', () => {
    assert.equal(findProvince('09')?.nameFa, 'چهارمحال و بختیاری')
    assert.equal(findProvince('23')?.nameFa, 'کهگیلویه و بویراحمد')
    assert.equal(findProvince('01')?.nameFa, 'آذربایجان شرقی')
    assert.equal(findProvince('26')?.capitalFa, 'خرم\u200cآباد')
    assert.equal(findProvince('08')?.areaCode, '021')
    assert.equal(findProvince('05')?.capitalFa, 'کرج')
  })
})

describe('lookups', () => {
  it('findProvince returns undefined for unknown codes', () => {
    assert.equal(findProvince('00'), undefined)
    assert.equal(findProvince('32'), undefined)
    assert.equal(findProvince('8'), undefined)
  })
  it('findProvinceBySlug', () => {
    assert.equal(findProvinceBySlug('razavi-khorasan')?.capitalFa, 'مشهد')
    assert.equal(findProvinceBySlug('nowhere'), undefined)
  })
  it('isProvinceCode', () => {
    assert.equal(isProvinceCode('31'), true)
    assert.equal(isProvinceCode('31 '), false)
  })
})
