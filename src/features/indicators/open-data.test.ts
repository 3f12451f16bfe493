import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { actorOf, type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { decideVersion, proposeIndicator, submitVersion } from './indicator.actions.ts'
import { definition } from './indicator.test-helpers.ts'
import { INDICATORS_CSV_HEADER, type IndicatorsOpenFile } from './open-data.ts'
import { decidePeriod, recordValue, submitPeriod } from './value.actions.ts'
import { approvedVersionOf, upsertValue } from './value.queries.ts'

// Clock: 1 Azar 1405. The agency's name starts with «=» to prove the CSV defuses formulas.
let t: TestApp
let agency: Agency
let admin: MadeUser
let supervisor: MadeUser
let centralAdmin: MadeUser
let specific: string
let draft: string

const asAdmin = () => actorOf(admin, 'agency_admin', agency)
const asSupervisor = () => actorOf(supervisor, 'central_supervisor')
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })

async function approve(
  actor: ReturnType<typeof asAdmin>,
  input: Parameters<typeof proposeIndicator>[2],
) {
  const { indicator, version } = await proposeIndicator(t.deps, actor, input)
  const sent = await submitVersion(t.deps, actor, version.id, version.revision)
  await decideVersion(t.deps, asSupervisor(), sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  return indicator
}

const value = (period: string, numerator: number, denominator: number) => ({
  period,
  numerator,
  denominator,
  note: null,
  evidenceNote: 'گزارش سامانه',
})

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: '=سازمان داده‌باز' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  centralAdmin = await makeUser(t.deps, 'central_admin')
  specific = (
    await approve(asAdmin(), { kind: 'specific', agencyId: agency.id, definition: definition() })
  ).code
  draft = (
    await proposeIndicator(t.deps, asAdmin(), {
      kind: 'specific',
      agencyId: agency.id,
      definition: definition({ nameFa: 'پیش‌نویس دیده‌نشدنی' }),
    })
  ).indicator.code
  // 1405-Q1 accepted (public), 1405-Q2 only recorded (not public).
  await recordValue(t.deps, asAdmin(), specific, value('1405-Q1', 45, 60), 'manual')
  await submitPeriod(t.deps, asAdmin(), '1405-Q1')
  await decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q1', { accept: true, comment: null })
  await recordValue(t.deps, asAdmin(), specific, value('1405-Q2', 10, 20), 'manual')
  // A general indicator the portal computes, with one value withheld for too little data.
  const general = await approve(actorOf(centralAdmin, 'central_admin'), {
    kind: 'general',
    agencyId: null,
    code: 'G-OPEN-TEST',
    definition: definition({
      nameFa: 'رضایت آزمایشی',
      unit: 'score_1_5',
      denominatorFa: null,
      source: 'computed',
      frequency: 'monthly',
      targets: [],
    }),
  })
  const version = await approvedVersionOf(t.deps.db, general.id)
  assert.ok(version)
  await upsertValue(t.deps.db, {
    indicatorId: general.id,
    versionId: version.id,
    agencyId: agency.id,
    period: '1405-07',
    numerator: 12,
    denominator: 3,
    value: null,
    n: 3,
    note: 'هنوز دادهٔ کافی نیست: ۳ از حداقل ۵',
    evidenceNote: null,
    evidenceFileId: null,
    source: 'computed',
    queryFrom: new Date('2026-09-22T20:30:00Z'),
    queryTo: new Date('2026-10-22T20:30:00Z'),
    recordedAt: new Date('2026-10-23T00:00:00Z'),
    recordedBy: null,
    dueOn: '2026-11-06',
  })
})
after(() => t.close())

describe('GET /api/v1/export/indicators.json', () => {
  it('lists approved indicators with their version in force, never a draft', async () => {
    const res = await get('/api/v1/export/indicators.json')
    assert.equal(res.status, 200)
    const file = (await res.json()) as IndicatorsOpenFile
    assert.equal(file.format, 'mardom-indicators')
    assert.equal(file.version, 1)
    const codes = file.indicators.map((i) => i.code)
    assert.ok(codes.includes(specific) && codes.includes('G-OPEN-TEST'))
    assert.ok(!codes.includes(draft), 'a draft is not published')
    const s = file.indicators.find((i) => i.code === specific)
    assert.equal(s?.versionNo, 1)
    assert.equal(s?.agencyCode, agency.code)
    assert.equal(s?.numerator, 'پروانه‌های صادرشده در مهلت')
    assert.equal(s?.denominator, 'همهٔ پروانه‌های صادرشده')
    assert.deepEqual(s?.targets, [{ year: 1405, baseline: 60, target: 80 }])
  })

  it('publishes accepted and computed values only, each with numerator, denominator and n', async () => {
    const file = (await (await get('/api/v1/export/indicators.json')).json()) as IndicatorsOpenFile
    assert.deepEqual(
      file.values.map((v) => [v.code, v.period, v.status]),
      [
        ['G-OPEN-TEST', '1405-07', 'computed'],
        [specific, '1405-Q1', 'accepted'],
      ],
    )
    // Recorded on 1 Azar for spring (due 15 Tir): late.
    const accepted = file.values[1]
    assert.deepEqual(
      [accepted?.numerator, accepted?.denominator, accepted?.value, accepted?.n, accepted?.late],
      [45, 60, 75, null, true],
    )
    const computed = file.values[0]
    assert.deepEqual(
      [computed?.numerator, computed?.denominator, computed?.n, computed?.value, computed?.late],
      [12, 3, 3, null, null],
    )
    assert.equal(computed?.note, 'هنوز دادهٔ کافی نیست: ۳ از حداقل ۵')
    assert.equal(computed?.queryFrom, '2026-09-22T20:30:00.000Z')
  })

  it('answers 304 to the ETag it gave, and a new ETag once a value is accepted', async () => {
    const first = await get('/api/v1/export/indicators.json')
    const etag = first.headers.get('etag') ?? ''
    assert.ok(etag)
    assert.equal(
      (await get('/api/v1/export/indicators.json', { 'if-none-match': etag })).status,
      304,
    )
    const csv = await get('/api/v1/export/indicators.csv')
    const fromMemory = await get('/api/v1/export/indicators.csv')
    assert.equal(fromMemory.headers.get('etag'), csv.headers.get('etag'))
    assert.equal(
      fromMemory.headers.get('content-disposition'),
      'attachment; filename="mardom-indicators.csv"',
      'the kept file is still a download with its name',
    )
    // Both files are kept in memory (the fast path answers them) until the acceptance below.
    const kept = ['/api/v1/export/indicators.json', '/api/v1/export/indicators.csv']
    for (const key of kept) assert.ok(t.deps.pageCache.get(key), `${key} is kept`)
    assert.equal(t.deps.pageCache.get(kept[0] ?? '')?.etag, etag)
    await submitPeriod(t.deps, asAdmin(), '1405-Q2')
    await decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q2', {
      accept: true,
      comment: null,
    })
    for (const key of kept) assert.equal(t.deps.pageCache.get(key), undefined, key)
    const after = await get('/api/v1/export/indicators.json', { 'if-none-match': etag })
    assert.equal(after.status, 200)
    const file = (await after.json()) as IndicatorsOpenFile
    assert.ok(file.values.some((v) => v.period === '1405-Q2'))
  })
})

describe('GET /api/v1/export/indicators.csv', () => {
  it('is UTF-8 with a BOM and CRLF, one line per value with its rule, formulas defused', async () => {
    const res = await get('/api/v1/export/indicators.csv')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/)
    assert.ok(res.headers.get('etag'))
    const bytes = new Uint8Array(await res.arrayBuffer())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    const lines = text.split('\r\n')
    assert.equal(lines[0], INDICATORS_CSV_HEADER.join(','))
    assert.equal(lines.at(-1), '', 'ends with CRLF')
    const row = lines.find((l) => l.startsWith(`${specific},1,`) && l.includes(',1405-Q1,'))
    assert.ok(row, 'the accepted value has a line')
    assert.ok(row.includes(`,${agency.code},'=سازمان داده‌باز,1405-Q1,45,60,,75,`), row)
    assert.ok(row.includes(',پروانه‌های صادرشده در مهلت,همهٔ پروانه‌های صادرشده,'), 'its rule')
    assert.equal(lines.filter((l) => l.includes(',1405-07,')).length, 1)
  })
})

describe('the API description', () => {
  it('lists both files under دادهٔ باز', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { tags?: string[] } }>
    }
    for (const path of ['/export/indicators.json', '/export/indicators.csv'])
      assert.deepEqual(doc.paths[path]?.get?.tags, ['دادهٔ باز'], path)
  })
})
