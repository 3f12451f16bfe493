import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatNumberFa, toAsciiDigits, toPersianDigits } from './digits.ts'

describe('toPersianDigits', () => {
  it('converts ASCII digits', () => {
    assert.equal(toPersianDigits('0123456789'), '۰۱۲۳۴۵۶۷۸۹')
  })
  it('converts Arabic-Indic digits', () => {
    assert.equal(toPersianDigits('٠١٢٣٤٥٦٧٨٩'), '۰۱۲۳۴۵۶۷۸۹')
  })
  it('accepts numbers and leaves other characters alone', () => {
    assert.equal(toPersianDigits(1404), '۱۴۰۴')
    assert.equal(toPersianDigits('کد 12-ab'), 'کد ۱۲-ab')
    assert.equal(toPersianDigits('۱۲'), '۱۲')
  })
})

describe('toAsciiDigits', () => {
  it('converts Persian and Arabic-Indic digits', () => {
    assert.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789')
    assert.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789')
  })
  it('handles mixed scripts and keeps non-digits', () => {
    assert.equal(toAsciiDigits('۱4٠۳/۰۱/٢۰ تهران'), '1403/01/20 تهران')
  })
  it('round-trips with toPersianDigits', () => {
    assert.equal(toAsciiDigits(toPersianDigits('09121234567')), '09121234567')
  })
})

describe('formatNumberFa', () => {
  it('groups with Persian digits and separators', () => {
    assert.equal(formatNumberFa(1234567), '۱٬۲۳۴٬۵۶۷')
    assert.equal(formatNumberFa(1234567.89), '۱٬۲۳۴٬۵۶۷٫۸۹')
    assert.equal(formatNumberFa(0), '۰')
  })
})
