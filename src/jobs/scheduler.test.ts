import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { pino } from 'pino'
import { loadConfig } from '../config.ts'
import { nextDailyRun, parseDailyTime, startScheduler } from './scheduler.ts'

describe('daily schedule in Tehran time', () => {
  it('parses HH:MM and off, and refuses anything else', () => {
    assert.deepEqual(parseDailyTime('03:00'), { hour: 3, minute: 0 })
    assert.equal(parseDailyTime('off'), null)
    assert.throws(() => parseDailyTime('25:00'))
    assert.throws(() => parseDailyTime('3am'))
  })

  it('03:00 Tehran is 23:30 UTC the day before', () => {
    // 08:00 UTC = 11:30 in Tehran: today's 03:00 has passed, so tomorrow's.
    assert.equal(
      nextDailyRun(new Date('2026-11-22T08:00:00Z'), { hour: 3, minute: 0 }).toISOString(),
      '2026-11-22T23:30:00.000Z',
    )
    // 22:00 UTC = 01:30 in Tehran on the 23rd: 03:00 that same Tehran day is still ahead.
    assert.equal(
      nextDailyRun(new Date('2026-11-22T22:00:00Z'), { hour: 3, minute: 0 }).toISOString(),
      '2026-11-22T23:30:00.000Z',
    )
    // Exactly at the time: the next day's.
    assert.equal(
      nextDailyRun(new Date('2026-11-22T23:30:00Z'), { hour: 3, minute: 0 }).toISOString(),
      '2026-11-23T23:30:00.000Z',
    )
  })

  it('the link check runs at 03:00 by default, and is off in tests', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production' }).linkCheckAt, '03:00')
    assert.equal(loadConfig({ NODE_ENV: 'test' }).linkCheckAt, 'off')
    assert.equal(loadConfig({ NODE_ENV: 'test', LINK_CHECK_AT: '04:15' }).linkCheckAt, '04:15')
    assert.throws(() => loadConfig({ LINK_CHECK_AT: 'sometimes' }))
  })

  it('runs a job when its time comes, and stop() waits for it', async () => {
    // Pretend it is 40 ms before 03:00 Tehran time.
    const offset = Date.now() - new Date('2026-11-22T23:29:59.960Z').getTime()
    let runs = 0
    const scheduler = startScheduler(
      [
        {
          name: 'test',
          at: { hour: 3, minute: 0 },
          run: async () => {
            runs++
          },
        },
      ],
      { log: pino({ level: 'silent' }), now: () => new Date(Date.now() - offset) },
    )
    await new Promise((r) => setTimeout(r, 150))
    await scheduler.stop()
    assert.equal(runs, 1)
  })

  it('runs once when the timer fires before the clock reads the time (a job ending early)', async () => {
    // The clock stands still 40 ms before 03:00 Tehran time: when the timer fires and the job
    // ends, it still reads before 03:00, as a real clock may by a millisecond. The next run is
    // the next day's all the same, not the same 03:00 again.
    const standing = new Date('2026-11-22T23:29:59.960Z')
    let runs = 0
    const scheduler = startScheduler(
      [{ name: 'test', at: { hour: 3, minute: 0 }, run: async () => void runs++ }],
      { log: pino({ level: 'silent' }), now: () => standing },
    )
    await new Promise((r) => setTimeout(r, 200))
    await scheduler.stop()
    assert.equal(runs, 1)
  })
})
