import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { definition } from './indicator.test-helpers.ts'
import {
  definitionFields,
  readDecision,
  readDefinition,
  revisionOf,
  targetsText,
} from './indicator-forms.pages.ts'

const TODAY = { jy: 1405, jm: 9, jd: 1 }

describe('the definition form', () => {
  it('round-trips a saved definition through its fields', () => {
    const d = definition({ targets: [{ year: 1406, baseline: 2.5, target: 85.5 }] })
    const read = readDefinition(definitionFields(d))
    assert.ok(read.ok)
    assert.deepEqual(read.definition, d)
  })

  it('writes targets as a person types them, baseline optional', () => {
    assert.equal(
      targetsText([
        { year: 1405, baseline: 60, target: 80 },
        { year: 1406, baseline: null, target: 85.5 },
      ]),
      '۱۴۰۵: ۶۰، ۸۰\n۱۴۰۶: ۸۵٫۵',
    )
  })

  it('lists errors in the order of the form', () => {
    const read = readDefinition({ ...definitionFields(definition()), targets: 'x', nameFa: '' })
    assert.ok(!read.ok)
    assert.deepEqual(Object.keys(read.errors), ['nameFa', 'targets'])
  })

  it('reads the revision, and nothing else, from the hidden field', () => {
    assert.equal(revisionOf({ revision: '7' }), 7)
    assert.equal(revisionOf({ revision: '7; drop' }), 0)
    assert.equal(revisionOf({}), 0)
  })
})

describe('the decision form', () => {
  it('takes an approval without a comment', () => {
    const r = readDecision({ decision: 'approve', comment: '', revision: '3' }, TODAY)
    assert.deepEqual(r, {
      ok: true,
      decision: 'approve',
      comment: null,
      expectedRevision: 3,
      untilDay: null,
    })
  })

  it('turns «تا تاریخ» in Persian digits into an ISO day', () => {
    const r = readDecision(
      {
        decision: 'request_changes',
        comment: 'مخرج را روشن کنید.',
        'untilDay-day': '۱۵',
        'untilDay-month': '۱۰',
        'untilDay-year': '۱۴۰۵',
        revision: '2',
      },
      TODAY,
    )
    assert.ok(r.ok)
    assert.equal(r.untilDay, '2027-01-05')
  })

  it('refuses a return without a comment, a past or broken date, a date on an approval', () => {
    const bad = (fields: Record<string, string>) => {
      const r = readDecision({ revision: '1', ...fields }, TODAY)
      assert.ok(!r.ok)
      return Object.keys(r.errors)
    }
    assert.deepEqual(bad({ decision: 'request_changes', comment: '' }), ['comment'])
    const day = (d: string, m: string, y: string) => ({
      'untilDay-day': d,
      'untilDay-month': m,
      'untilDay-year': y,
    })
    assert.deepEqual(
      bad({ decision: 'request_changes', comment: 'x', ...day('30', '8', '1405') }),
      ['untilDay'],
    )
    assert.deepEqual(
      bad({ decision: 'request_changes', comment: 'x', ...day('31', '12', '1405') }),
      ['untilDay'],
    )
    assert.deepEqual(bad({ decision: 'approve', ...day('1', '10', '1405') }), ['untilDay'])
    assert.deepEqual(bad({ decision: 'maybe' }), ['decision'])
  })

  it('says a form without its revision was not sent by the page', () => {
    const r = readDecision({ decision: 'approve' }, TODAY)
    assert.ok(!r.ok)
    assert.deepEqual(Object.keys(r.errors), ['_form'])
  })
})
