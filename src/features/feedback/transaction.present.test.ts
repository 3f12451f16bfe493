import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actualTimeSentence, elapsedText, NOT_ENOUGH_DATA } from './transaction.present.ts'

describe('promised against actual, in words', () => {
  it('says durations as people do', () => {
    assert.equal(elapsedText(0.5), '۳۰ دقیقه')
    assert.equal(elapsedText(5.2), '۵ ساعت')
    assert.equal(elapsedText(53), '۲ روز و ۵ ساعت')
    assert.equal(elapsedText(72), '۳ روز')
  })

  it('gives the median against the promise with n, or says there is not enough data', () => {
    const figures = { n: 42, medianHours: 53, shown: true, windowDays: 90 }
    assert.equal(
      actualTimeSentence(figures, { kind: 'up_to', max: 7, unit: 'working_day' }),
      'در ۹۰ روز گذشته، نیمی از درخواست‌ها در ۲ روز و ۵ ساعت یا کمتر انجام شد؛ وعده: حداکثر ۷ روز کاری (۴۲ درخواست).',
    )
    assert.equal(actualTimeSentence({ ...figures, n: 12, shown: false }, null), NOT_ENOUGH_DATA)
  })
})
