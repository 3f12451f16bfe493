import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  EMPTY_STAGE_MATRIX,
  type ServiceChannel,
  type ServiceForm,
  type StageMatrix,
} from '../services/index.ts'
import { matrixProblems, newChannelId } from './channel.rules.ts'
import { maturityLevel, summarizeMaturity } from './maturity.model.ts'

const ch = (id: string, kind: ServiceChannel['kind']): ServiceChannel => ({
  id,
  kind,
  title: id,
  url:
    kind === 'phone' || kind === 'sms_ussd' || kind === 'counter_office'
      ? null
      : 'https://my.gov.ir/x',
  phone: kind === 'phone' ? '021-88888888' : null,
  code: kind === 'sms_ussd' ? '*4000#' : null,
  signIn: 'none',
  signatureRequired: false,
  note: null,
})

const form: ServiceForm = {
  sha256: 'a'.repeat(64),
  title: 'فرم',
  code: null,
  language: 'fa',
  fileName: 'form.pdf',
}

const E = (...channelIds: string[]) => ({ mode: 'electronic' as const, channelIds })
const P = (...channelIds: string[]) => ({ mode: 'in_person' as const, channelIds })
const N = { mode: null, channelIds: [] }

function matrix(m: Partial<StageMatrix>): StageMatrix {
  return { ...EMPTY_STAGE_MATRIX, ...m }
}

const channels = [
  ch('es', 'e_service'),
  ch('web', 'web_page'),
  ch('desk', 'counter_office'),
  ch('tel', 'phone'),
]

describe('maturityLevel', () => {
  it('1: nothing but the description (empty card)', () => {
    assert.equal(maturityLevel({ channels: [], stages: EMPTY_STAGE_MATRIX, forms: [] }), 1)
  })

  it('1: information online, everything else in person, no forms', () => {
    const stages = matrix({
      information: E('web'),
      request: P('desk'),
      processing: P(),
      delivery: P('desk'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 1)
  })

  it('2: downloadable forms, request in person', () => {
    const stages = matrix({ information: E('web'), request: P('desk') })
    assert.equal(maturityLevel({ channels, stages, forms: [form] }), 2)
  })

  it('3: request electronic, processing in person', () => {
    const stages = matrix({
      information: E('web'),
      request: E('es'),
      processing: P(),
      delivery: P('desk'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 3)
  })

  it('4: request and processing electronic, delivery in person', () => {
    const stages = matrix({
      information: E('web'),
      request: E('es'),
      processing: E('es'),
      delivery: P('desk'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [form] }), 4)
  })

  it('5: all four stages electronic', () => {
    const stages = matrix({
      information: E('web'),
      request: E('es'),
      processing: E('es'),
      delivery: E('es'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 5)
  })

  it('4, not 5, when the information stage is not stated', () => {
    const stages = matrix({
      information: N,
      request: E('es'),
      processing: E('es'),
      delivery: E('es'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 4)
  })

  it('electronic processing after an in-person request does not raise the level', () => {
    const stages = matrix({
      information: E('web'),
      request: P('desk'),
      processing: E('es'),
      delivery: E('es'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 1)
    assert.equal(maturityLevel({ channels, stages, forms: [form] }), 2)
  })

  it('3 when request and delivery are electronic but processing is not', () => {
    const stages = matrix({
      information: E('web'),
      request: E('es'),
      processing: P(),
      delivery: E('es'),
    })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 3)
  })

  it('an "electronic" stage naming only a phone line or a counter office is not electronic', () => {
    const stages = matrix({ request: E('tel', 'desk') })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 1)
  })

  it('an "electronic" stage naming a channel that does not exist is not electronic', () => {
    const stages = matrix({ request: E('gone') })
    assert.equal(maturityLevel({ channels, stages, forms: [] }), 1)
  })

  it('SMS/USSD and mobile apps count as electronic channels', () => {
    const c = [ch('sms', 'sms_ussd'), ch('app', 'mobile_app')]
    const stages = matrix({
      information: E('app'),
      request: E('sms'),
      processing: E('sms'),
      delivery: E('app'),
    })
    assert.equal(maturityLevel({ channels: c, stages, forms: [] }), 5)
  })
})

describe('summarizeMaturity', () => {
  it('counts each level and averages', () => {
    const s = summarizeMaturity([1, 3, 3, 5])
    assert.deepEqual(s.counts, { 1: 1, 2: 0, 3: 2, 4: 0, 5: 1 })
    assert.equal(s.services, 4)
    assert.equal(s.average, 3)
  })
  it('has no average without services', () => {
    assert.equal(summarizeMaturity([]).average, null)
  })
})

describe('matrixProblems', () => {
  it('accepts a matrix naming existing channels', () => {
    const stages = matrix({ information: E('web'), request: E('es', 'desk'), delivery: P('desk') })
    assert.deepEqual(matrixProblems(channels, stages), [])
  })
  it('finds unknown channels, electronic stages without an electronic channel, and channels without a mode', () => {
    const stages = matrix({
      information: E('nope'),
      request: E('tel'),
      processing: { mode: null, channelIds: ['es'] },
    })
    assert.deepEqual(matrixProblems(channels, stages), [
      { kind: 'unknown-channel', stage: 'information', channelId: 'nope' },
      { kind: 'no-electronic-channel', stage: 'information' },
      { kind: 'no-electronic-channel', stage: 'request' },
      { kind: 'channels-without-mode', stage: 'processing' },
    ])
  })
})

describe('newChannelId', () => {
  it('gives short ids the schema accepts, never one already taken', () => {
    const taken = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const id = newChannelId(taken)
      assert.match(id, /^ch-[a-z0-9]{6}$/)
      assert.ok(!taken.has(id))
      taken.add(id)
    }
  })
})
