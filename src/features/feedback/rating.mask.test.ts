import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MASKED, maskPersonalData } from './rating.mask.ts'

describe('maskPersonalData', () => {
  it('masks mobile numbers in every spelling and digit script', () => {
    for (const mobile of [
      '09123456789',
      '۰۹۱۲۳۴۵۶۷۸۹',
      '٠٩١٢٣٤٥٦٧٨٩',
      '0912 345 6789',
      '0912-345-6789',
      '+989123456789',
      '00989123456789',
      '9123456789',
    ])
      assert.equal(maskPersonalData(`شماره ${mobile} است`), `شماره ${MASKED} است`, mobile)
  })

  it('masks national codes and other long numbers', () => {
    assert.equal(maskPersonalData('کد ملی ۰۰۱۲۳۴۵۶۷۸'), `کد ملی ${MASKED}`)
    assert.equal(maskPersonalData('card 6037-9911-2233-4455'), `card ${MASKED}`)
  })

  it('leaves short numbers, amounts, dates and times alone', () => {
    for (const text of [
      'سه بار مراجعه کردم و ۱۲۰ هزار تومان دادم',
      'روز ۱۴۰۵/۰۲/۱۵ ساعت 10:30',
      'price 1,200,000 rial',
      'پرونده 12345',
    ])
      assert.equal(maskPersonalData(text), text)
  })
})
