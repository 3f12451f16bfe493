import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isValidJalaliDate } from '../../lib/fa/jalali.ts'
import { DEMO_AGENCIES } from './demo-agencies.data.ts'
import { DEMO_LAWS } from './demo-laws.data.ts'
import { DEMO_SERVICES, type DemoServiceVersion } from './demo-services.data.ts'

const agencyKeys = new Set(DEMO_AGENCIES.map((a) => a.key))
const agencyLevel = new Map(DEMO_AGENCIES.map((a) => [a.key, a.level]))
const lawKeys = new Set(DEMO_LAWS.map((l) => l.key))

/** Arabic yeh, kaf and alef maksura: Persian text must use ی and ک. */
const ARABIC_LETTERS = /[\u064a\u0643\u0649]/

/** Every string inside a value, recursively. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

function allVersions(): Array<{ key: string; v: DemoServiceVersion }> {
  return DEMO_SERVICES.flatMap((s) => s.versions.map((v) => ({ key: s.key, v })))
}

function dayNumber(d: { jy: number; jm: number; jd: number }): number {
  return d.jy * 10_000 + d.jm * 100 + d.jd
}

describe('DEMO_LAWS', () => {
  it('has 40–70 laws with unique keys and titles and valid dates', () => {
    assert.ok(DEMO_LAWS.length >= 40 && DEMO_LAWS.length <= 70, String(DEMO_LAWS.length))
    assert.equal(lawKeys.size, DEMO_LAWS.length)
    assert.equal(new Set(DEMO_LAWS.map((l) => l.title)).size, DEMO_LAWS.length)
    for (const l of DEMO_LAWS) {
      assert.match(l.key, /^[a-z0-9]+(-[a-z0-9]+)*$/, l.key)
      if (l.approvedOn) {
        const { jy, jm, jd } = l.approvedOn
        assert.ok(isValidJalaliDate(jy, jm, jd), l.key)
      }
      for (const s of strings(l)) assert.doesNotMatch(s, ARABIC_LETTERS, l.key)
    }
  })
})

describe('DEMO_SERVICES', () => {
  it('has at least 320 services', () => {
    assert.ok(DEMO_SERVICES.length >= 320, String(DEMO_SERVICES.length))
  })

  it('has unique keys and unique kebab-case slugs', () => {
    const keys = DEMO_SERVICES.map((s) => s.key)
    const slugs = DEMO_SERVICES.map((s) => s.slug)
    assert.equal(new Set(keys).size, keys.length)
    assert.equal(new Set(slugs).size, slugs.length)
    for (const slug of slugs) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, slug)
  })

  it('belongs to existing agencies, mostly national, some provincial', () => {
    for (const s of DEMO_SERVICES)
      assert.ok(agencyKeys.has(s.agencyKey), `${s.key}: ${s.agencyKey}`)
    const provincial = DEMO_SERVICES.filter(
      (s) => agencyLevel.get(s.agencyKey) === 'provincial_office',
    )
    assert.ok(provincial.length >= 25, String(provincial.length))
    assert.ok(provincial.length < DEMO_SERVICES.length / 5)
  })

  it('cites only laws of DEMO_LAWS', () => {
    for (const { key, v } of allVersions())
      for (const b of v.content.legalBases) assert.ok(lawKeys.has(b.lawKey), `${key}: ${b.lawKey}`)
  })

  it('has unique 8-digit national service codes on most services', () => {
    const codes = DEMO_SERVICES.map((s) => s.versions[0]?.content.nationalServiceCode ?? null)
    const issued = codes.filter((c): c is string => c !== null)
    assert.equal(new Set(issued).size, issued.length)
    for (const c of issued) assert.match(c, /^\d{8}$/)
    assert.ok(issued.length >= DEMO_SERVICES.length * 0.6, String(issued.length))
    assert.ok(issued.length <= DEMO_SERVICES.length * 0.85, String(issued.length))
    for (const s of DEMO_SERVICES) {
      const own = new Set(s.versions.map((v) => v.content.nationalServiceCode))
      assert.equal(own.size, 1, `${s.key}: the code changes between versions`)
    }
  })

  it('fills the required fields of every version', () => {
    for (const { key, v } of allVersions()) {
      const c = v.content
      assert.ok(c.title.trim(), key)
      assert.ok(c.summary.trim(), key)
      assert.ok(c.description.trim(), key)
      assert.ok(c.audiences.length >= 1, key)
      assert.ok(c.lifeEvents.length >= 1, key)
      assert.ok(c.legalBases.length >= 1 && c.legalBases.length <= 4, key)
      assert.ok(c.documents.length > 0 || c.noDocumentsRequired, key)
      assert.equal(c.noDocumentsRequired, c.documents.length === 0, key)
      assert.ok(c.documents.length <= 7, key)
      assert.ok(c.declaredTime, key)
      assert.ok(c.fees.length >= 1, key)
      assert.ok(c.keywords.length >= 3 && c.keywords.length <= 6, key)
      assert.ok(c.inPersonVisits !== null && c.inPersonVisits >= 0 && c.inPersonVisits <= 4, key)
      assert.ok(v.changeNote.trim(), key)
    }
  })

  it('has unique titles', () => {
    const titles = DEMO_SERVICES.map((s) => s.versions.at(-1)?.content.title)
    assert.equal(new Set(titles).size, titles.length)
  })

  it('has at least 40 services with several versions, some with three', () => {
    const multi = DEMO_SERVICES.filter((s) => s.versions.length >= 2)
    assert.ok(multi.length >= 40, String(multi.length))
    assert.ok(DEMO_SERVICES.filter((s) => s.versions.length >= 3).length >= 8)
  })

  it('publishes versions on valid, strictly increasing Jalali days from 1398 to 1405', () => {
    for (const s of DEMO_SERVICES) {
      assert.ok(s.versions.length >= 1, s.key)
      let last = 0
      for (const v of s.versions) {
        const { jy, jm, jd } = v.publishedOn
        assert.ok(isValidJalaliDate(jy, jm, jd), `${s.key}: ${jy}/${jm}/${jd}`)
        assert.ok(jy >= 1398 && jy <= 1405, `${s.key}: ${jy}`)
        const n = dayNumber(v.publishedOn)
        assert.ok(n > last, `${s.key}: versions not in order`)
        last = n
      }
    }
  })

  it('changes something real in every later version', () => {
    for (const s of DEMO_SERVICES) {
      for (let i = 1; i < s.versions.length; i++) {
        const prev = s.versions[i - 1]
        const next = s.versions[i]
        assert.ok(prev && next)
        assert.notDeepEqual(next.content, prev.content, `${s.key}: version ${i + 1} is unchanged`)
        assert.notEqual(next.changeNote, prev.changeNote, s.key)
      }
    }
  })

  it('uses Persian ی and ک, never the Arabic letters', () => {
    for (const s of DEMO_SERVICES)
      for (const str of strings(s.versions)) assert.doesNotMatch(str, ARABIC_LETTERS, s.key)
  })

  it('charges non-negative whole amounts with an explicit currency', () => {
    for (const { key, v } of allVersions()) {
      for (const f of v.content.fees) {
        assert.ok(Number.isInteger(f.amount) && f.amount >= 0, `${key}: ${f.amount}`)
        assert.ok(f.currency === 'IRR' || f.currency === 'IRT', key)
        assert.ok(f.description.trim(), key)
      }
    }
  })

  it('describes documents completely', () => {
    for (const { key, v } of allVersions()) {
      const names = v.content.documents.map((d) => d.name)
      assert.equal(new Set(names).size, names.length, `${key}: duplicate document`)
      for (const d of v.content.documents) {
        assert.ok(d.name.trim(), key)
        assert.ok(Number.isInteger(d.count) && d.count >= 1, key)
      }
    }
  })

  it('uses valid contact details', () => {
    for (const s of DEMO_SERVICES) {
      const c = s.versions[0]?.content.contact
      assert.ok(c, s.key)
      assert.match(c.phone ?? '', /^0\d{2}-\d{8}$/, s.key)
      if (c.url) assert.match(c.url, /^https:\/\//, s.key)
      if (c.email) assert.match(c.email, /^[^@\s]+@[^@\s]+\.[a-z]+$/, s.key)
    }
  })

  it('writes the usual compounds with a zero-width non-joiner', () => {
    const missing =
      /(^|[\s«(])(ن?می) (?=[\u0600-\u06ff])|(^|[\s«(])(ن?می)(شود|کند|گیرد|دهد|رسد|یابد)/
    for (const s of DEMO_SERVICES)
      for (const str of strings(s.versions)) {
        assert.doesNotMatch(str, missing, `${s.key}: ${str}`)
        assert.doesNotMatch(str, /[اآأدذرزژو]\u200c/, `${s.key}: redundant ZWNJ in ${str}`)
      }
  })
})
