import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { totalsOf } from '../../lib/stats.ts'
import {
  actualTimeSentence,
  NOT_ENOUGH_DATA,
  satisfactionFigure,
  satisfactionSentence,
} from './feedback-figures.ts'

describe('feedback figures in words (catalogue core)', () => {
  it('says the median against the promise with n', () => {
    assert.equal(
      actualTimeSentence(
        { n: 42, medianHours: 53, shown: true, windowDays: 90 },
        { kind: 'up_to', max: 7, unit: 'working_day' },
      ),
      'در ۹۰ روز گذشته، نیمی از درخواست‌ها در ۲ روز و ۵ ساعت یا کمتر انجام شد؛ وعده: حداکثر ۷ روز کاری (۴۲ درخواست).',
    )
  })

  it('gives the satisfaction mean with its 95% interval and n, or not enough data', () => {
    // Four 4s and four 5s: mean 4.5, s = 0.5345, t(7) = 2.3646, half = 0.4469 → [4.05, 4.95].
    const f = satisfactionFigure(totalsOf([4, 4, 4, 4, 5, 5, 5, 5]), 5)
    assert.equal(f.shown, true)
    assert.equal(
      satisfactionSentence(f),
      'میانگین رضایت ۴٫۵ از ۵ (بازهٔ اطمینان ۹۵٪: ۴٫۱ تا ۴٫۹؛ ۸ امتیاز).',
    )
    const few = satisfactionFigure(totalsOf([5, 5]), 30)
    assert.equal(few.shown, false)
    assert.equal(satisfactionSentence(few), `${NOT_ENOUGH_DATA} (۲ امتیاز؛ کمینه ۳۰ امتیاز).`)
  })
})
