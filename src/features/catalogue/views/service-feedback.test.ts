import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { totalsOf } from '../../../lib/stats.ts'
import { satisfactionFigure } from '../../services/index.ts'
import { serviceFeedbackSection } from './service-feedback.ts'

describe('the service page section «در عمل»', () => {
  it('says the median against the promise and the satisfaction, each with n', async () => {
    const $ = cheerio.load(
      String(
        await serviceFeedbackSection({
          actualTime: { n: 42, medianHours: 53, shown: true, windowDays: 90 },
          promised: { kind: 'up_to', max: 7, unit: 'working_day' },
          satisfaction: satisfactionFigure(totalsOf([4, 4, 4, 4, 5, 5, 5, 5]), 5),
        }),
      ),
    )
    assert.equal($('#in-practice-heading').text(), 'در عمل')
    assert.match(
      $('#actual-time').text(),
      /نیمی از درخواست‌ها در ۲ روز و ۵ ساعت یا کمتر انجام شد؛ وعده: حداکثر ۷ روز کاری \(۴۲ درخواست\)/,
    )
    assert.match(
      $('#satisfaction').text(),
      /میانگین رضایت ۴٫۵ از ۵ \(بازهٔ اطمینان ۹۵٪: ۴٫۱ تا ۴٫۹؛ ۸ امتیاز\)/,
    )
  })

  it('says «هنوز دادهٔ کافی نیست» below the minimum n', async () => {
    const $ = cheerio.load(
      String(
        await serviceFeedbackSection({
          actualTime: { n: 3, medianHours: 10, shown: false, windowDays: 90 },
          promised: null,
          satisfaction: satisfactionFigure(totalsOf([5, 5]), 30),
        }),
      ),
    )
    assert.match($('#actual-time').text(), /هنوز دادهٔ کافی نیست/)
    assert.doesNotMatch($('#actual-time').text(), /۱۰ ساعت/)
    assert.match($('#satisfaction').text(), /هنوز دادهٔ کافی نیست \(۲ امتیاز؛ کمینه ۳۰ امتیاز\)/)
  })
})
