import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { WorkingCalendar } from '../../lib/working-calendar.ts'
import { PROCESS } from './transaction.test-helpers.ts'
import { promisedBy, stepsAfter, totalPromisedBy } from './transaction.timing.ts'

const cal: WorkingCalendar = { thursday: 'closed', holidays: new Set(['2026-11-24']) }

describe('promised deadlines', () => {
  it('counts hours on the clock and days on the working calendar, to the end of the Tehran day', () => {
    // Sunday 2026-11-22 11:30 Tehran.
    const start = new Date('2026-11-22T08:00:00Z')
    assert.equal(promisedBy(start, 2, 'hour', cal).toISOString(), '2026-11-22T10:00:00.000Z')
    // Two working days after Sunday, Tuesday the 24th a holiday: Monday, Wednesday → ends
    // with Wednesday 25th in Tehran (midnight Tehran = 20:30 UTC the day before).
    assert.equal(promisedBy(start, 2, 'working_day', cal).toISOString(), '2026-11-25T20:30:00.000Z')
    // A week on the card is seven calendar days; the 29th is a Sunday, a working day.
    assert.equal(
      totalPromisedBy({ kind: 'up_to', max: 1, unit: 'week' }, start, cal)?.toISOString(),
      '2026-11-29T20:30:00.000Z',
    )
    assert.equal(totalPromisedBy(null, start, cal), null)
  })

  it('knows which steps come after which, ignoring return edges', () => {
    const after = stepsAfter({
      ...PROCESS,
      transitions: [...PROCESS.transitions, { from: 's3', to: 's1', label: null, kind: 'return' }],
    })
    assert.deepEqual([...(after.get('s1') ?? [])].sort(), ['s2', 's3'])
    assert.deepEqual([...(after.get('s3') ?? [])], [])
  })
})
