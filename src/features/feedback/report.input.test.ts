import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseAnswer, parseContact } from './report.input.ts'
import {
  CODE_ALPHABET,
  effectiveState,
  formatTrackingCode,
  isOverdue,
  newTrackingCode,
  parseTrackingCode,
} from './report.model.ts'

describe('the tracking code', () => {
  it('is 10 characters of the Crockford alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newTrackingCode()))
    assert.equal(codes.size, 200)
    for (const c of codes) {
      assert.equal(c.length, 10)
      for (const ch of c) assert.ok(CODE_ALPHABET.includes(ch), ch)
    }
    assert.equal(CODE_ALPHABET.length, 32)
    assert.ok(!/[ILOU]/.test(CODE_ALPHABET))
  })

  it('reads back as typed: groups, lower case, Persian digits, I/L/O for 1/1/0', () => {
    assert.equal(formatTrackingCode('ABC0123XYZ'), 'ABC-012-3XYZ')
    assert.equal(parseTrackingCode('abc-012-3xyz'), 'ABC0123XYZ')
    assert.equal(parseTrackingCode(' ABC ۰۱۲ ۳XYZ '), 'ABC0123XYZ')
    assert.equal(parseTrackingCode('ABCo1l3XYZ'), 'ABC0113XYZ')
    assert.equal(parseTrackingCode('ABCU123XYZ'), null, 'U is not in the alphabet')
    assert.equal(parseTrackingCode('ABC123'), null)
    assert.equal(parseTrackingCode('<script>'), null)
  })
})

describe('the contact', () => {
  it('accepts an Iranian mobile in any common spelling', () => {
    for (const raw of [
      '09121234567',
      '۰۹۱۲۱۲۳۴۵۶۷',
      '0912 123 4567',
      '+989121234567',
      '00989121234567',
      '0912-123-4567',
    ])
      assert.deepEqual(parseContact(raw), { mobile: '09121234567', email: null }, raw)
  })

  it('accepts an e-mail (lower-cased) or nothing; refuses the rest', () => {
    assert.deepEqual(parseContact(' Ali@Example.IR '), { mobile: null, email: 'ali@example.ir' })
    assert.deepEqual(parseContact(''), { mobile: null, email: null })
    for (const raw of [
      '0912123456',
      '02188888888',
      '9121234567',
      'ali@',
      '@example.ir',
      'a b@c.ir',
      `${'a'.repeat(250)}@x.ir`,
    ])
      assert.equal(parseContact(raw), null, raw)
  })
})

describe('the agency answer and the states', () => {
  it('needs a version after the current one, a reason, or the original report', () => {
    assert.equal(parseAnswer({ decision: 'accept', fixVersionNo: '3' }, 3).ok, false)
    assert.deepEqual(parseAnswer({ decision: 'accept', fixVersionNo: '۴' }, 3), {
      ok: true,
      answer: { decision: 'accept', fixVersionNo: 4 },
    })
    assert.equal(parseAnswer({ decision: 'reject', reason: ' ن ' }, 3).ok, false)
    assert.equal(parseAnswer({ decision: 'duplicate', duplicateOf: '' }, 3).ok, false)
    assert.equal(parseAnswer({ decision: 'delete' }, 3).ok, false)
    assert.deepEqual(parseAnswer({ decision: 'spam' }, 3), {
      ok: true,
      answer: { decision: 'spam' },
    })
  })

  it('reads an accepted report as fixed from version N on, and overdue only while unanswered', () => {
    const accepted = { state: 'accepted' as const, fixVersionNo: 4 }
    assert.equal(effectiveState(accepted, 3), 'accepted')
    assert.equal(effectiveState(accepted, 4), 'fixed')
    assert.equal(effectiveState(accepted, 5), 'fixed')
    assert.equal(effectiveState({ state: 'rejected', fixVersionNo: null }, 9), 'rejected')
    assert.equal(isOverdue({ state: 'received', dueOn: '2026-12-10' }, '2026-12-10'), false)
    assert.equal(isOverdue({ state: 'received', dueOn: '2026-12-10' }, '2026-12-11'), true)
    assert.equal(isOverdue({ state: 'accepted', dueOn: '2026-12-10' }, '2026-12-11'), false)
  })
})
