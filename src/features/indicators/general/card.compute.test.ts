import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { completeContent } from '../../../../test/support/fixtures.ts'
import { sampleChannels, sampleStages } from '../../channels/channel.test-helpers.ts'
import { PROCESS } from '../../feedback/transaction.test-helpers.ts'
import { EMPTY_PROCESS, type ServiceProcess } from '../../services/index.ts'
import {
  addCard,
  EMPTY_TALLY,
  hasCompleteCardWithStepTimes,
  inPersonVisitsOf,
} from './card.compute.ts'

// The law id is only carried in the card; these rules never look it up.
const LAW = '00000000-0000-4000-8000-000000000001'
const base = PROCESS.steps[1] ?? assert.fail('PROCESS has a second step')
const card = (over = {}) => completeContent('خدمت آزمایشی', LAW, { process: PROCESS, ...over })

/** PROCESS with a decision after s2 («مدارک کامل است؟») that has no duration, as the model allows. */
const WITH_DECISION: ServiceProcess = {
  steps: [
    ...PROCESS.steps,
    { ...base, id: 'd1', kind: 'decision', title: 'مدارک کامل است؟', duration: null },
    { ...base, id: 's4', title: 'اعلام رد', duration: { min: 10, max: 10, unit: 'minute' } },
  ],
  transitions: [
    { from: 's1', to: 's2', label: null, kind: 'normal' },
    { from: 's2', to: 'd1', label: null, kind: 'normal' },
    { from: 'd1', to: 's3', label: 'بله', kind: 'normal' },
    { from: 'd1', to: 's4', label: 'خیر', kind: 'normal' },
  ],
  variants: [],
}

describe('complete card with a time on every step', () => {
  it('holds for a card that passes the publishing checks with every task step timed', () => {
    assert.equal(hasCompleteCardWithStepTimes(card()), true)
  })

  it('does not ask a decision step for a time', () => {
    assert.equal(hasCompleteCardWithStepTimes(card({ process: WITH_DECISION })), true)
  })

  it('fails without a process, with an untimed task step, or with a publishing check failing', () => {
    assert.equal(hasCompleteCardWithStepTimes(card({ process: EMPTY_PROCESS })), false)
    const untimed = {
      ...PROCESS,
      steps: PROCESS.steps.map((s) => (s.id === 's2' ? { ...s, duration: null } : s)),
    }
    assert.equal(hasCompleteCardWithStepTimes(card({ process: untimed })), false)
    assert.equal(hasCompleteCardWithStepTimes(card({ legalBases: [] })), false)
  })
})

describe('in-person visits of a version', () => {
  it('reads the process when there is one, the stated number otherwise', () => {
    // PROCESS: one citizen step in person.
    assert.equal(inPersonVisitsOf({ process: PROCESS, inPersonVisits: 4 }), 1)
    assert.equal(inPersonVisitsOf({ process: EMPTY_PROCESS, inPersonVisits: 4 }), 4)
    assert.equal(inPersonVisitsOf({ process: EMPTY_PROCESS, inPersonVisits: null }), null)
  })

  it('is unknown for a process that does not hold together', () => {
    const broken = { ...PROCESS, transitions: [] }
    assert.equal(inPersonVisitsOf({ process: broken, inPersonVisits: 2 }), null)
  })
})

describe('card tally', () => {
  it('adds levels, electronic stages and documents', () => {
    // sampleStages: information, request, processing electronic (level 4, 3 stages);
    // two documents, one by inquiry.
    const c = card({
      channels: sampleChannels,
      stages: sampleStages,
      documents: [
        {
          name: 'الف',
          form: 'copy',
          count: 2,
          issuer: null,
          obtainableByInquiry: true,
          note: null,
        },
        { name: 'ب', form: 'copy', count: 1, issuer: null, obtainableByInquiry: false, note: null },
      ],
    })
    assert.deepEqual(addCard(addCard(EMPTY_TALLY, c), card()), {
      services: 2,
      complete: 2,
      levelSum: 4 + 1,
      stages: 8,
      electronicStages: 3,
      documents: 3,
      byInquiry: 1,
    })
  })
})
