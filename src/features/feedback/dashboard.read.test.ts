import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addWorkingDays, type WorkingCalendar } from '../../lib/working-calendar.ts'
import { fiveWorkingDaysBack, meanFigure, shareFigure } from './dashboard.read.ts'

const open: WorkingCalendar = { thursday: 'working', holidays: new Set() }

describe('dashboard figures', () => {
  it('finds the oldest day whose reports are at most 5 working days old', () => {
    // Sunday 2026-11-22 back: Sun, Sat, (Fri), Thu, Wed, Tue are 5; Monday the 16th is the 6th.
    assert.equal(fiveWorkingDaysBack('2026-11-22', open), '2026-11-16')
    // With Thursdays closed and a holiday on Wednesday the 18th, two more days back.
    const closed: WorkingCalendar = { thursday: 'closed', holidays: new Set(['2026-11-18']) }
    assert.equal(fiveWorkingDaysBack('2026-11-22', closed), '2026-11-14')
    // The same count as the due date uses: 5 working days after that day is today, not later.
    for (const cal of [open, closed]) {
      const day = fiveWorkingDaysBack('2026-11-22', cal)
      assert.equal(addWorkingDays(day, 5, cal), '2026-11-22')
    }
  })

  it('gives a share with its Wilson interval and the minimum n', () => {
    // 40 of 50: Wilson 95% interval 0.6696–0.8876 (upper = 1 − lower bound of the 10 noes).
    const f = shareFigure(40, 50, 30)
    assert.equal(f.share, 0.8)
    assert.ok(Math.abs(f.low - 0.66963) < 1e-5)
    assert.ok(Math.abs(f.high - 0.88756) < 1e-5)
    assert.equal(f.shown, true)
    assert.equal(shareFigure(40, 50, 51).shown, false)
    assert.deepEqual(shareFigure(0, 0, 5), {
      positive: 0,
      n: 0,
      share: null,
      low: 0,
      high: 0,
      shown: false,
    })
  })

  it('gives a mean with its t interval, hidden below the minimum n', () => {
    // 4, 4, 5, 5, 2: mean 4, s² = 1.5, t(4) = 2.776 → 4 ± 1.5207.
    const f = meanFigure({ n: 5, sum: 20, sumSquares: 86 }, 5)
    assert.equal(f.mean, 4)
    assert.ok(Math.abs((f.ci95?.[0] ?? 0) - 2.47928) < 1e-5)
    assert.equal(f.shown, true)
    assert.equal(meanFigure({ n: 5, sum: 20, sumSquares: 86 }, 6).shown, false)
    assert.deepEqual(meanFigure({ n: 0, sum: 0, sumSquares: 0 }, 5), {
      n: 0,
      mean: null,
      ci95: null,
      shown: false,
    })
  })
})
