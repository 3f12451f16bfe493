import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findProvince, PROVINCES } from '../../lib/iran/provinces.ts'
import type { AgencyLevel } from '../agencies/index.ts'
import { DEMO_AGENCIES, DEMO_AGENCY_LEVELS, type DemoAgency } from './demo-agencies.data.ts'

const byKey = new Map(DEMO_AGENCIES.map((a) => [a.key, a]))

function ofLevel(level: AgencyLevel): DemoAgency[] {
  return DEMO_AGENCIES.filter((a) => a.level === level)
}

function rank(level: AgencyLevel): number {
  return DEMO_AGENCY_LEVELS.indexOf(level)
}

function persianStrings(a: DemoAgency): string[] {
  return [a.nameFa, a.shortNameFa, a.address].filter((s): s is string => s !== undefined)
}

/** Letters that never take a joining form on their left, so a ZWNJ after them is redundant. */
const NON_JOINING_BEFORE_ZWNJ = /[اآأدذرزژو]\u200c/

describe('DEMO_AGENCIES structure', () => {
  it('has unique, latin keys', () => {
    const keys = DEMO_AGENCIES.map((a) => a.key)
    assert.equal(new Set(keys).size, keys.length)
    for (const k of keys) assert.match(k, /^[a-z0-9]+(-[a-z0-9]+)*$/, k)
  })

  it('has unique Persian and English names', () => {
    const fa = DEMO_AGENCIES.map((a) => a.nameFa)
    const en = DEMO_AGENCIES.map((a) => a.nameEn)
    assert.equal(new Set(fa).size, fa.length)
    assert.equal(new Set(en).size, en.length)
  })

  it('links every parentKey to an existing agency of a higher level', () => {
    for (const a of DEMO_AGENCIES) {
      if (a.parentKey === undefined) continue
      const parent = byKey.get(a.parentKey)
      assert.ok(parent, `${a.key}: parent ${a.parentKey} missing`)
      assert.ok(rank(parent.level) < rank(a.level), `${a.key}: parent ${parent.key} not higher`)
    }
  })

  it('lists parents before their children', () => {
    const seen = new Set<string>()
    for (const a of DEMO_AGENCIES) {
      if (a.parentKey !== undefined) assert.ok(seen.has(a.parentKey), a.key)
      seen.add(a.key)
    }
  })

  it('has top-level ministries and organisation-parented offices', () => {
    for (const m of ofLevel('ministry')) assert.equal(m.parentKey, undefined, m.key)
    for (const o of ofLevel('provincial_office')) {
      assert.equal(byKey.get(o.parentKey ?? '')?.level, 'organisation', o.key)
    }
    for (const c of ofLevel('city_office')) {
      const parent = byKey.get(c.parentKey ?? '')
      assert.equal(parent?.level, 'provincial_office', c.key)
      assert.equal(parent?.provinceCode, c.provinceCode, `${c.key} is in its parent's province`)
    }
  })

  it('gives every provincial and city office a valid provinceCode, and no one else', () => {
    for (const a of DEMO_AGENCIES) {
      const regional = a.level === 'provincial_office' || a.level === 'city_office'
      if (regional) {
        assert.ok(findProvince(a.provinceCode ?? ''), `${a.key}: bad provinceCode`)
      } else {
        assert.equal(a.provinceCode, undefined, a.key)
      }
    }
  })
})

describe('DEMO_AGENCIES counts', () => {
  it('has at least the 19 ministries', () => {
    assert.ok(ofLevel('ministry').length >= 19)
  })

  it('has at least 40 organisations', () => {
    assert.ok(ofLevel('organisation').length >= 40)
  })

  it('has at least 5 × 31 provincial offices, one per province per network', () => {
    const offices = ofLevel('provincial_office')
    assert.ok(offices.length >= 5 * 31)
    const perOrg = new Map<string, Set<string>>()
    for (const o of offices) {
      const set = perOrg.get(o.parentKey ?? '') ?? new Set<string>()
      set.add(o.provinceCode ?? '')
      perOrg.set(o.parentKey ?? '', set)
    }
    assert.ok(perOrg.size >= 5)
    for (const [org, provinces] of perOrg) assert.equal(provinces.size, PROVINCES.length, org)
  })

  it('has some city offices', () => {
    assert.ok(ofLevel('city_office').length > 0)
  })
})

describe('DEMO_AGENCIES text and contact formats', () => {
  it('uses Persian ی and ک, never Arabic ي ك ى', () => {
    for (const a of DEMO_AGENCIES) {
      for (const s of persianStrings(a)) assert.doesNotMatch(s, /[\u064a\u0643\u0649]/, s)
    }
  })

  it('writes Persian strings without Latin letters, stray spaces or misplaced ZWNJ', () => {
    for (const a of DEMO_AGENCIES) {
      for (const s of persianStrings(a)) {
        assert.doesNotMatch(s, /[A-Za-z]/, s)
        assert.equal(s, s.trim(), s)
        assert.doesNotMatch(s, / {2}| \u200c|\u200c |\u200c$|^\u200c/, s)
        assert.doesNotMatch(s, NON_JOINING_BEFORE_ZWNJ, s)
      }
    }
  })

  it('spells some well-known names with their standard ZWNJ', () => {
    assert.equal(byKey.get('mcth')?.nameFa, 'وزارت میراث فرهنگی، گردشگری و صنایع\u200cدستی')
    assert.equal(byKey.get('rmto')?.nameFa, 'سازمان راهداری و حمل\u200cونقل جاده\u200cای')
    assert.equal(byKey.get('sabt-ahval-tehran')?.nameFa, 'اداره کل ثبت احوال استان تهران')
    assert.equal(
      byKey.get('sabt-ahval-tehran-shemiranat')?.nameFa,
      'اداره ثبت احوال شهرستان شمیرانات',
    )
  })

  it('has English names in ASCII', () => {
    for (const a of DEMO_AGENCIES) assert.match(a.nameEn, /^[\x20-\x7e]+$/, a.nameEn)
  })

  it('uses https URLs for websites', () => {
    for (const a of DEMO_AGENCIES) {
      if (a.website === undefined) continue
      const url = new URL(a.website)
      assert.equal(url.protocol, 'https:', a.website)
      assert.equal(url.pathname, '/', a.website)
    }
  })

  it('formats phones as national landlines with the right area code', () => {
    for (const a of DEMO_AGENCIES) {
      if (a.phone === undefined) continue
      assert.match(a.phone, /^0\d{2}-[2-9]\d{7}$/, a.phone)
      const expected = a.provinceCode ? findProvince(a.provinceCode)?.areaCode : '021'
      assert.equal(a.phone.slice(0, 3), expected, a.key)
    }
  })

  it('formats e-mail addresses', () => {
    for (const a of DEMO_AGENCIES) {
      if (a.email === undefined) continue
      assert.match(a.email, /^[a-z0-9.-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/, a.email)
    }
  })
})
