import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { proposalDeadline, proposalStanding } from './proposal-deadline.ts'

// The directive's date: 1 Mehr 1405. Tehran is UTC+03:30 (no daylight saving).
const directive = { jy: 1405, jm: 7, jd: 1 }
const tehranNoon = (iso: string) => new Date(`${iso}T08:30:00Z`)

describe('the one-month deadline for indicator proposals (directive item 5)', () => {
  it('runs from the directive for agencies that had credentials before it', () => {
    // Credentials in Shahrivar 1405 (before the directive): due 1 Aban 1405.
    assert.deepEqual(proposalDeadline(directive, tehranNoon('2026-09-01')), {
      jy: 1405,
      jm: 8,
      jd: 1,
    })
  })

  it('runs from the credentials for an agency that came later', () => {
    // Credentials on 20 Aban 1405 (2026-11-11): due 20 Azar 1405.
    assert.deepEqual(proposalDeadline(directive, tehranNoon('2026-11-11')), {
      jy: 1405,
      jm: 9,
      jd: 20,
    })
  })

  it('says waiting, overdue, proposed on time or late, and no clock without credentials', () => {
    const issued = tehranNoon('2026-11-11') // due 20 Azar 1405 = 2026-12-11
    const none = { credentialsIssuedAt: issued, firstSubmittedAt: null }
    assert.deepEqual(proposalStanding(directive, none, tehranNoon('2026-12-07')), {
      kind: 'waiting',
      deadline: { jy: 1405, jm: 9, jd: 20 },
      daysLeft: 4,
    })
    assert.equal(proposalStanding(directive, none, tehranNoon('2026-12-11')).kind, 'waiting')
    assert.deepEqual(proposalStanding(directive, none, tehranNoon('2026-12-14')), {
      kind: 'overdue',
      deadline: { jy: 1405, jm: 9, jd: 20 },
      daysLate: 3,
    })
    // Sent at 23:00 Tehran on the last day: on time; 00:30 the next day: late.
    const lastEvening = new Date('2026-12-11T19:30:00Z')
    const nextNight = new Date('2026-12-11T21:00:00Z')
    const sent = (at: Date) =>
      proposalStanding(directive, { credentialsIssuedAt: issued, firstSubmittedAt: at }, nextNight)
    const onTime = sent(lastEvening)
    assert.ok(onTime.kind === 'proposed' && !onTime.late)
    const late = sent(nextNight)
    assert.ok(late.kind === 'proposed' && late.late)
    assert.deepEqual(
      proposalStanding(directive, { credentialsIssuedAt: null, firstSubmittedAt: null }, nextNight),
      { kind: 'no-credentials' },
    )
  })
})
