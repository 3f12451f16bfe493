import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type MaturityLevel, matrixProblems, maturityLevel } from '../channels/index.ts'
import { channelSchema } from '../services/index.ts'
import { demoChannelsFor, viaOf } from './demo-channels.data.ts'
import { DEMO_SERVICES } from './demo-services.data.ts'

const form = { sha256: 'a'.repeat(64), title: 'فرم', code: null, language: 'fa', fileName: 'f.pdf' }

describe('demo channels and stage matrices', () => {
  const all = DEMO_SERVICES.flatMap((d) =>
    d.versions.map((v, i) => ({ d, i, v, ...demoChannelsFor(d, v.content) })),
  )

  it('are valid cards: every channel parses, the matrix names only existing channels', () => {
    for (const x of all) {
      for (const ch of x.channels) {
        const parsed = channelSchema.safeParse(ch)
        assert.ok(parsed.success, `${x.d.slug}: ${ch.id} ${parsed.error?.message ?? ''}`)
      }
      assert.deepEqual(matrixProblems(x.channels, x.stages), [], x.d.slug)
      assert.equal(
        new Set(x.channels.map((c) => c.id)).size,
        x.channels.length,
        `${x.d.slug}: ids unique`,
      )
    }
  })

  it('follow the channel each description states', () => {
    const online = all.filter((x) => viaOf(x.v.content.description) === 'online')
    assert.ok(online.length > 20)
    for (const x of online) assert.ok(x.channels.some((c) => c.kind === 'e_service'))
    const offices = all.filter((x) => x.v.content.description.includes('نزدیک‌ترین اداره یا شعبه'))
    for (const x of offices) assert.equal(viaOf(x.v.content.description), 'office')
    for (const x of all.filter((y) => viaOf(y.v.content.description) === 'office'))
      assert.ok(
        x.v.content.description.includes('نزدیک‌ترین اداره'),
        `${x.d.slug} fell back to office`,
      )
    assert.ok(all.some((x) => x.channels.some((c) => c.kind === 'counter_office')))
    assert.ok(
      all.some((x) =>
        x.channels.some((c) => c.kind === 'sms_ussd' && /^\*\d+#$/.test(c.code ?? '')),
      ),
    )
    for (const x of all)
      for (const c of x.channels)
        if (c.kind === 'e_service') assert.match(c.url ?? '', /^https:\/\/my\.gov\.ir\//)
  })

  it('spread over all five maturity levels (level 2 once forms are attached)', () => {
    const levels = new Set<MaturityLevel>(all.map((x) => maturityLevel({ ...x, forms: [] })))
    assert.deepEqual([...levels].sort(), [1, 3, 4, 5])
    const withForms = new Set(all.map((x) => maturityLevel({ ...x, forms: [form] })))
    assert.ok(withForms.has(2))
  })

  it('keep a service’s channel ids across its versions', () => {
    for (const d of DEMO_SERVICES) {
      const ids = d.versions.map((v) => demoChannelsFor(d, v.content).channels.map((c) => c.id))
      const kinds = new Map<string, string>()
      d.versions.forEach((v) => {
        for (const c of demoChannelsFor(d, v.content).channels) {
          const k = kinds.get(c.id)
          if (k) assert.equal(k, c.kind, `${d.slug}: ${c.id} keeps its kind`)
          kinds.set(c.id, c.kind)
        }
      })
      assert.ok(ids.length >= 1)
    }
  })
})
