import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MatchIndex } from './match.index.ts'
import { variantOf } from './search.actions.ts'
import type { MatchAgency, SearchFilterIds } from './search.queries.ts'

// The match index on hand-made rows: what it matches, how it scores and orders, how it counts.

const NONE: SearchFilterIds = {
  agencyCodes: [],
  audiences: [],
  lifeEvents: [],
  provinceCodes: [],
  onlineOnly: false,
}
const PAGE = { limit: 20, offset: 0 }

const AGENCIES: MatchAgency[] = [
  { id: 'a1', code: '101', nameFa: 'سازمان یک' },
  { id: 'a2', code: '102', nameFa: 'سازمان دو' },
]

interface Made {
  id: string
  title: string[]
  names?: string[][]
  body?: string[]
  agency?: string
  audience?: number
  lifeEvent?: number
  province?: string | null
  online?: boolean
  sortKey?: string
}

function entry(m: Made) {
  const names = m.names ?? []
  const head = [...m.title, ...names.flat()]
  return {
    serviceId: m.id,
    agencyId: m.agency ?? 'a1',
    audienceBits: m.audience ?? 1,
    lifeEventBits: m.lifeEvent ?? 0,
    provinceCode: m.province ?? null,
    online: m.online ?? false,
    sortKey: m.sortKey ?? m.title.join(' '),
    titleCompact: m.title.join(''),
    titleKey: m.title.join(' '),
    namesKey: names.map((n) => n.join(' ')).join(' | '),
    namesCompact: `|${names.map((n) => n.join('')).join('|')}|`,
    documentWords: [...head, ...(m.body ?? [])],
    headWords: head,
  }
}

const index = (made: Made[]) => MatchIndex.fromEntries(made.map(entry), AGENCIES)
const ask = (i: MatchIndex, words: string[], filters = NONE, page = PAGE) => {
  const r = i.answer([variantOf(words, 0)], filters, page)
  assert.ok(r)
  return r
}
const ids = (r: { page: { serviceId: string }[] }) => r.page.map((p) => p.serviceId)

describe('the match index', () => {
  it('matches every word as a prefix of some word of the service', () => {
    const i = index([
      { id: '1', title: ['صدور', 'گذرنامه'] },
      { id: '2', title: ['تمدید', 'گذرنامه'], body: ['صدورش'] },
      { id: '3', title: ['کارت', 'ملی'] },
    ])
    assert.deepEqual(ids(ask(i, ['گذر'])).sort(), ['1', '2'])
    assert.deepEqual(ids(ask(i, ['صدور', 'گذرنامه'])).sort(), ['1', '2'])
    assert.deepEqual(ids(ask(i, ['گذرنامهها'])), [])
    assert.deepEqual(ids(ask(i, ['ملی', 'گذر'])), [])
    assert.equal(ask(i, ['ک']).matched, 1)
    // No words: every service, score 0, in sort-key order.
    const all = i.answer([], NONE, PAGE)
    assert.deepEqual(
      all?.page.map((p) => [p.serviceId, p.score]),
      [
        ['2', 0],
        ['1', 0],
        ['3', 0],
      ],
    )
  })

  it('scores by tier: exact title, title prefix, popular name, title words, names, elsewhere', () => {
    const i = index([
      { id: 'exact', title: ['گذرنامه'] },
      { id: 'prefix', title: ['گذرنامه', 'زیارتی'] },
      { id: 'name', title: ['برگه', 'سفر'], names: [['گذرنامه']] },
      { id: 'inTitle', title: ['تمدید', 'گذرنامه'] },
      { id: 'inNames', title: ['ویزا'], names: [['تمدید', 'گذرنامه', 'سفر']] },
      { id: 'body', title: ['سفر', 'حج'], body: ['گذرنامه'] },
    ])
    const r = ask(i, ['گذرنامه'])
    assert.deepEqual(ids(r), ['exact', 'prefix', 'name', 'inTitle', 'inNames', 'body'])
    const score = (id: string) => r.page.find((p) => p.serviceId === id)?.score
    const c = 'گذرنامه'.length
    assert.equal(score('exact'), 100 + 9 * (c / c) - 0 + 0)
    assert.equal(score('prefix'), 80 + 9 * (c / 'گذرنامهزیارتی'.length))
    assert.equal(score('name'), 75 + 9 * (c / Math.max('برگهسفر'.length, c)))
    assert.equal(score('inTitle'), 60 + 9 * (c / 'تمدیدگذرنامه'.length))
    assert.equal(score('inNames'), 50 + 9 * (c / Math.max('ویزا'.length, c)))
    // Not in the title or names: the bottom tier, from the title's length alone.
    assert.equal(score('body'), 20 + 9 * (c / Math.max('سفرحج'.length, c)))
  })

  it('orders ties by sort key in code point order, then by id', () => {
    const i = index([
      { id: 'b', title: ['ثبت', 'الف'], sortKey: 'x' },
      { id: 'a', title: ['ثبت', 'الف'], sortKey: 'x' },
      { id: 'c', title: ['ثبت', 'الف'], sortKey: 'ا' },
      { id: 'd', title: ['ثبت', 'الف'], sortKey: 'Z' },
    ])
    // 'Z' < 'x' < 'ا' in code points.
    assert.deepEqual(ids(ask(i, ['ثبت'])), ['d', 'a', 'b', 'c'])
    assert.deepEqual(ids(ask(i, ['ثبت'], NONE, { limit: 2, offset: 1 })), ['a', 'b'])
  })

  it('takes the best reading, a corrected one paying its penalty', () => {
    const i = index([
      { id: 'typed', title: ['کنکرو', 'سراسری'] },
      { id: 'fixed', title: ['کنکور'] },
    ])
    const r = i.answer([variantOf(['کنکرو'], 0), variantOf(['کنکور'], 10)], NONE, PAGE)
    assert.deepEqual(
      r?.page.map((p) => [p.serviceId, p.score]),
      [
        ['fixed', 100 + 9 - 10],
        ['typed', 80 + 9 * (5 / 11)],
      ],
    )
    assert.equal(r?.matched, 2)
  })

  it('counts facets disjunctively: each with every filter but its own', () => {
    const i = index([
      { id: '1', title: ['ثبت'], agency: 'a1', audience: 1, province: '07', online: true },
      { id: '2', title: ['ثبت'], agency: 'a1', audience: 2, province: '08' },
      { id: '3', title: ['ثبت'], agency: 'a2', audience: 1, province: '07', lifeEvent: 2 },
      { id: '4', title: ['ثبت'], agency: 'a2', audience: 3, online: true },
      { id: '5', title: ['دیگر'], agency: 'a2', audience: 1, province: '07', online: true },
    ])
    const all = ask(i, ['ثبت'])
    assert.equal(all.matched, 4)
    assert.equal(all.total, 4)
    assert.deepEqual(all.facets.audience, [
      { value: 'G2C', n: 3 },
      { value: 'G2B', n: 2 },
    ])
    assert.deepEqual(all.facets.online, 2)
    assert.deepEqual(all.facets.province, [
      { value: '07', n: 2 },
      { value: '08', n: 1 },
    ])
    const f = ask(i, ['ثبت'], { ...NONE, agencyCodes: ['101'], provinceCodes: ['07'] })
    assert.equal(f.matched, 4)
    assert.equal(f.total, 1)
    assert.deepEqual(ids(f), ['1'])
    // Agencies counted with the province filter only; provinces with the agency filter only.
    assert.deepEqual(
      f.facets.agency.map((a) => [a.code, a.n]),
      [
        ['101', 1],
        ['102', 1],
      ],
    )
    assert.deepEqual(f.facets.province, [
      { value: '07', n: 1 },
      { value: '08', n: 1 },
    ])
    assert.deepEqual(f.facets.audience, [{ value: 'G2C', n: 1 }])
    assert.equal(f.facets.online, 1)
    // An unknown agency code filters everything out, and is counted nowhere.
    const unknown = ask(i, ['ثبت'], { ...NONE, agencyCodes: ['999'] })
    assert.equal(unknown.total, 0)
    assert.deepEqual(unknown.page, [])
    assert.equal(unknown.facets.agency.length, 2)
    assert.deepEqual(unknown.facets.audience, [])
    // Online only and a life event.
    const o = ask(i, ['ثبت'], { ...NONE, onlineOnly: true, lifeEvents: ['education'] })
    assert.equal(o.total, 0)
    assert.equal(o.facets.online, 0)
    assert.deepEqual(o.facets.lifeEvent, [])
    const l = ask(i, ['ثبت'], { ...NONE, lifeEvents: ['education'] })
    assert.deepEqual(ids(l), ['3'])
    assert.deepEqual(l.facets.lifeEvent, [{ value: 'education', n: 1 }])
  })

  it('leaves words PostgreSQL might parse otherwise to SQL', () => {
    const i = index([{ id: '1', title: ['ثبت'] }])
    assert.equal(i.answers([variantOf(['x²'], 0)]), false)
    assert.equal(i.answers([variantOf(['ثبت', 'abc123'], 0)]), true)
  })
})
