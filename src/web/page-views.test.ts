import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { startOfTehranDay } from '../lib/fa/tehran-time.ts'
import { PageViewCounter } from './page-views.ts'

const HOUR = 3_600_000

/** A counter on a clock the test moves, counting paths under /p/. */
function counterAt(start: Date, maxKeys?: number) {
  let now = start.getTime()
  const counter = new PageViewCounter({
    counts: (path) => path.startsWith('/p/'),
    sessionCookie: 'mardom_session',
    now: () => now,
    ...(maxKeys === undefined ? {} : { maxKeys }),
  })
  return { counter, set: (d: Date) => (now = d.getTime()) }
}

describe('page view counter', () => {
  it('counts per Tehran day and path, and starts again from nothing after a drain', () => {
    // 1 Azar 1405, 23:59 Tehran, then 00:01 on 2 Azar (2026-11-22 and 2026-11-23).
    const lateOnFirst = new Date(startOfTehranDay(1405, 9, 2).getTime() - 60_000)
    const { counter, set } = counterAt(lateOnFirst)
    counter.count('/p/a')
    counter.count('/p/a')
    counter.count('/p/b')
    set(new Date(startOfTehranDay(1405, 9, 2).getTime() + 60_000))
    counter.count('/p/a')
    assert.deepEqual(
      counter.drain().sort((x, y) => `${x.day}${x.path}`.localeCompare(`${y.day}${y.path}`)),
      [
        { day: '2026-11-22', path: '/p/a', views: 2 },
        { day: '2026-11-22', path: '/p/b', views: 1 },
        { day: '2026-11-23', path: '/p/a', views: 1 },
      ],
    )
    assert.deepEqual(counter.drain(), [])
    counter.count('/p/a')
    assert.deepEqual(counter.drain(), [{ day: '2026-11-23', path: '/p/a', views: 1 }])
  })

  it('puts back counts whose write failed, adding to what came since', () => {
    const { counter } = counterAt(new Date(startOfTehranDay(1405, 9, 1).getTime() + 10 * HOUR))
    counter.count('/p/a')
    const drained = counter.drain()
    counter.count('/p/a')
    counter.restore(drained)
    assert.deepEqual(counter.drain(), [{ day: '2026-11-22', path: '/p/a', views: 2 }])
  })

  it('keeps at most maxKeys paths between drains and counts what it drops', () => {
    const { counter } = counterAt(new Date(startOfTehranDay(1405, 9, 1).getTime() + 10 * HOUR), 2)
    counter.count('/p/a')
    counter.count('/p/b')
    counter.count('/p/c')
    counter.count('/p/a')
    assert.equal(counter.dropped, 1)
    assert.deepEqual(
      counter.drain().map((c) => [c.path, c.views]),
      [
        ['/p/a', 2],
        ['/p/b', 1],
      ],
    )
  })
})
