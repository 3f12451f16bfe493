import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  diffProcesses,
  processProblems,
  processTiming,
  timingMismatch,
} from '../processes/index.ts'
import { processSchema, type ServiceProcess } from '../services/index.ts'
import { demoProcessFor } from './demo-processes.data.ts'
import { DEMO_SERVICES, type DemoServiceVersion } from './demo-services.data.ts'

/** A stable fake id per law key, shaped like the registry's UUIDs. */
function lawIdOf(lawKey: string): string {
  let h = 0
  for (const ch of lawKey) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0
  return `00000000-0000-4000-8000-${h.toString(16).padStart(12, '0')}`
}

interface Built {
  key: string
  index: number
  v: DemoServiceVersion
  p: ServiceProcess
}

const built: Built[] = DEMO_SERVICES.flatMap((s) =>
  s.versions.map((v, index) => ({
    key: s.key,
    index,
    v,
    p: demoProcessFor(s, index, v.content, lawIdOf),
  })),
)

const label = (b: Built) => `${b.key} v${b.index + 1}`

/** Arabic yeh, kaf and alef maksura: Persian text must use ی and ک. */
const ARABIC_LETTERS = /[\u064a\u0643\u0649]/
const PERSIAN_LETTER = /[\u0600-\u06ff]/

describe('demo processes', () => {
  it('builds a valid process of 3–25 steps for every version of every demo service', () => {
    assert.equal(
      built.length,
      DEMO_SERVICES.reduce((n, s) => n + s.versions.length, 0),
    )
    const failures: string[] = []
    for (const b of built) {
      const problems = processProblems(b.p)
      if (problems.length > 0) failures.push(`${label(b)}: ${problems.join(' | ')}`)
      if (b.p.steps.length < 3 || b.p.steps.length > 25)
        failures.push(`${label(b)}: ${b.p.steps.length} steps`)
      const parsed = processSchema.safeParse(b.p)
      if (!parsed.success) failures.push(`${label(b)}: ${parsed.error.message}`)
    }
    assert.deepEqual(failures, [])
  })

  it('fits every process within its card’s declared time', () => {
    const failures: string[] = []
    for (const b of built) {
      const timing = processTiming(b.p)
      if (!timing) failures.push(`${label(b)}: no timing`)
      else if (timingMismatch(timing, b.v.content.declaredTime)) failures.push(label(b))
    }
    assert.deepEqual(failures, [])
  })

  it('has as many in-person visits on its longest path as the card declares', () => {
    const failures: string[] = []
    for (const b of built) {
      const declared = b.v.content.inPersonVisits
      const visits = processTiming(b.p)?.inPersonVisits
      if (declared !== null && visits !== declared)
        failures.push(`${label(b)}: ${visits} ≠ ${declared}`)
    }
    assert.deepEqual(failures, [])
  })

  it('has decisions, return-for-correction edges and variant cases in many processes', () => {
    const decisions = built.filter((b) => b.p.steps.some((s) => s.kind === 'decision')).length
    const returns = built.filter((b) => b.p.transitions.some((t) => t.kind === 'return')).length
    const variants = built.filter((b) => b.p.variants.length > 0).length
    assert.ok(decisions >= 60, `decisions: ${decisions}`)
    assert.ok(returns >= 30, `returns: ${returns}`)
    assert.ok(variants >= 15, `variants: ${variants}`)
    for (const b of built)
      for (const s of b.p.steps)
        if (s.variantId)
          assert.ok(
            b.p.variants.some((v) => v.id === s.variantId),
            label(b),
          )
  })

  it('writes every title, unit and label in Persian without Arabic ي or ك', () => {
    const failures: string[] = []
    for (const b of built) {
      const texts = [
        ...b.p.steps.flatMap((s) => [s.title, s.unit ?? '', s.description ?? '']),
        ...b.p.transitions.map((t) => t.label ?? ''),
        ...b.p.variants.map((v) => v.label),
      ]
      for (const s of b.p.steps)
        if (!PERSIAN_LETTER.test(s.title)) failures.push(`${label(b)}: «${s.title}»`)
      for (const t of texts) if (ARABIC_LETTERS.test(t)) failures.push(`${label(b)}: «${t}»`)
      const titles = b.p.steps.map((s) => s.title)
      if (new Set(titles).size !== titles.length) failures.push(`${label(b)}: duplicate titles`)
    }
    assert.deepEqual(failures, [])
  })

  it('uses the card’s own documents and fees, and cites its first legal basis', () => {
    const failures: string[] = []
    for (const b of built) {
      const docs = new Set(b.v.content.documents.map((d) => d.name))
      const fees = new Set(b.v.content.fees.map((f) => f.description))
      for (const s of b.p.steps) {
        for (const d of s.documents) if (!docs.has(d)) failures.push(`${label(b)}: document «${d}»`)
        for (const f of s.fees) if (!fees.has(f)) failures.push(`${label(b)}: fee «${f}»`)
      }
      const first = b.v.content.legalBases[0]
      const cited = b.p.steps.filter((s) => s.legalBasis)
      if (first && cited.length !== 1) failures.push(`${label(b)}: ${cited.length} citations`)
      for (const s of cited)
        if (first && s.legalBasis?.lawId !== lawIdOf(first.lawKey))
          failures.push(`${label(b)}: cites another law`)
    }
    assert.deepEqual(failures, [])
    const withDocuments = built.filter((b) => b.p.steps.some((s) => s.documents.length > 0))
    const withFees = built.filter((b) => b.p.steps.some((s) => s.fees.length > 0))
    assert.ok(withDocuments.length >= 250, `with documents: ${withDocuments.length}`)
    assert.ok(withFees.length >= 150, `with fees: ${withFees.length}`)
  })

  it('changes the process of at least 20 multi-version services between versions', () => {
    const changed = DEMO_SERVICES.filter((s) => {
      const ps = built.filter((b) => b.key === s.key).map((b) => b.p)
      return ps.slice(1).some((p, i) => {
        const before = ps[i]
        return before !== undefined && diffProcesses(before, p).changes.length > 0
      })
    })
    assert.ok(changed.length >= 20, `changed: ${changed.length}`)
  })

  it('is deterministic', () => {
    const s = DEMO_SERVICES[0]
    const v = s?.versions[0]
    assert.ok(s && v)
    assert.deepEqual(
      demoProcessFor(s, 0, v.content, lawIdOf),
      demoProcessFor(s, 0, v.content, lawIdOf),
    )
  })
})
