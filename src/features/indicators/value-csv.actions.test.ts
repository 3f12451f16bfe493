import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { actorOf, type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { encodeUtf8, encodeUtf16, encodeWindows1256 } from '../../lib/text-decode.test-helpers.ts'
import type { Agency } from '../agencies/index.ts'
import { decideVersion, proposeIndicator, submitVersion } from './indicator.actions.ts'
import { definition } from './indicator.test-helpers.ts'
import { decidePeriod, recordValue, submitPeriod } from './value.actions.ts'
import { importValuesCsv } from './value-csv.actions.ts'

// The test clock stands on 1 Azar 1405: 1405-Q1, 1405-Q2 and 1405-07 (Mehr) have ended.
let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let editor: MadeUser
let supervisor: MadeUser
let quarterly: string
let monthly: string
let othersCode: string

const asAdmin = () => actorOf(admin, 'agency_admin', agency)
const asEditor = () => actorOf(editor, 'agency_editor', agency)
const asSupervisor = () => actorOf(supervisor, 'central_supervisor')

async function approved(
  owner: Agency,
  proposer: MadeUser,
  over: Parameters<typeof definition>[0],
): Promise<string> {
  const actor = actorOf(proposer, 'agency_admin', owner)
  const { indicator, version } = await proposeIndicator(t.deps, actor, {
    kind: 'specific',
    agencyId: owner.id,
    definition: definition(over),
  })
  const sent = await submitVersion(t.deps, actor, version.id, version.revision)
  await decideVersion(t.deps, asSupervisor(), sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  return indicator.code
}

/** What an upload may change: values, their audit events, submissions. */
async function written() {
  const [values, audit] = await Promise.all([
    t.deps.db.selectFrom('indicatorValues').selectAll().orderBy('id').execute(),
    t.deps.db.selectFrom('auditEvents').selectAll().orderBy('id').execute(),
  ])
  return { values, audit }
}

/** Uploads `bytes` as the editor and asserts that nothing at all was written. */
async function refusedUpload(bytes: Uint8Array) {
  const before = await written()
  const r = await importValuesCsv(t.deps, asEditor(), { name: 'values.csv', bytes })
  assert.ok(!r.ok, 'refused')
  assert.deepEqual(await written(), before, 'nothing written')
  return r
}

const values = (code: string) =>
  t.deps.db
    .selectFrom('indicatorValues as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
    .selectAll('v')
    .where('i.code', '=', code)
    .orderBy('v.period')
    .execute()

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان بارگذار' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان همسایه' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  quarterly = await approved(agency, admin, {})
  monthly = await approved(agency, admin, {
    nameFa: 'شمار شکایت‌های رسیدگی‌نشده',
    unit: 'count',
    direction: 'lower',
    denominatorFa: null,
    frequency: 'monthly',
  })
  othersCode = await approved(other, await makeUser(t.deps, 'agency_admin', other), {})
})
after(() => t.close())

describe('CSV upload: every row in one transaction', () => {
  it('records every row with source csv, and one audit event for the upload', async () => {
    const text = `code,period,numerator,denominator,note,evidence_note\r\n${quarterly},1405-Q1,30,40,,گزارش سامانه\r\n${monthly},1405-07,۱۲,,یادداشت مهر,گزارش دفتر\r\n`
    const r = await importValuesCsv(t.deps, asEditor(), {
      name: 'مقدارها.csv',
      bytes: encodeUtf8(text),
    })
    assert.ok(r.ok)
    assert.deepEqual(
      r.recorded.map((x) => [x.row, x.code, x.value.period, x.value.value, x.value.source]),
      [
        [2, quarterly, '1405-Q1', 75, 'csv'],
        [3, monthly, '1405-07', 12, 'csv'],
      ],
    )
    const upload = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'indicator-csv-upload')
      .execute()
    assert.equal(upload.length, 1)
    assert.deepEqual(upload[0]?.after, { name: 'مقدارها.csv', encoding: 'utf-8', values: 2 })
  })

  it('reads each encoding Persian users send, and stores the Persian text unmangled', async () => {
    const cases = [
      ['utf-8', (s: string) => encodeUtf8(s, true), '1405-08'],
      ['utf-16le', (s: string) => encodeUtf16(s, 'le'), '1405-06'],
      ['utf-16be', (s: string) => encodeUtf16(s, 'be'), '1405-05'],
      ['windows-1256', encodeWindows1256, '1405-04'],
    ] as const
    for (const [encoding, encode, period] of cases) {
      // Persian headers, semicolons (Excel where the decimal mark is a comma), ZWNJ in a note.
      const text = `کد;دوره;صورت;یادداشت;مستند\r\n${monthly};${period};7;پرونده‌های مانده، بررسی شد;گزارش دفتر\r\n`
      const r = await importValuesCsv(t.deps, asEditor(), { name: 'x.csv', bytes: encode(text) })
      assert.ok(r.ok, encoding)
      assert.equal(r.encoding, encoding)
      const stored = (await values(monthly)).find((v) => v.period === period)
      assert.equal(stored?.note, 'پرونده‌های مانده، بررسی شد', encoding)
      assert.equal(stored?.evidenceNote, 'گزارش دفتر', encoding)
    }
  })

  it('writes nothing when the file has the wrong columns', async () => {
    const r = await refusedUpload(encodeUtf8(`indicator,period,value\r\n${monthly},1405-07,3\r\n`))
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [
        [1, null],
        [1, null],
        [1, 'code'],
        [1, 'numerator'],
      ],
    )
  })

  it('writes nothing when a period comes twice, and names both rows', async () => {
    const r = await refusedUpload(
      encodeUtf8(
        `code,period,numerator,evidence_note\r\n${monthly},1405-03,1,x\r\n${monthly},1405-03,2,x\r\n`,
      ),
    )
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column, e.message]),
      [
        [
          3,
          'period',
          'مقدار همین شاخص برای همین دوره در سطر ۲ هم آمده است؛ هر شاخص و دوره یک سطر.',
        ],
      ],
    )
  })

  it('writes nothing when one row has a zero denominator, though the others are good', async () => {
    const r = await refusedUpload(
      encodeUtf8(
        `code,period,numerator,denominator,evidence_note\r\n${quarterly},1404-Q4,5,10,x\r\n${quarterly},1404-Q3,0,0,x\r\n${monthly},1405-02,4,,x\r\n`,
      ),
    )
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [[3, 'denominator']],
    )
    assert.match(r.errors[0]?.message ?? '', /مخرج کسر صفر است/)
    assert.equal((await values(quarterly)).filter((v) => v.period.startsWith('1404')).length, 0)
  })

  it('writes nothing when a row falls in a locked period, and reports every other row’s rule too', async () => {
    // 1405-Q2 is accepted by the centre: locked.
    await recordValue(
      t.deps,
      asEditor(),
      quarterly,
      {
        period: '1405-Q2',
        numerator: 10,
        denominator: 20,
        note: null,
        evidenceNote: 'گزارش',
      },
      'manual',
    )
    await submitPeriod(t.deps, asAdmin(), '1405-Q2')
    await decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q2', {
      accept: true,
      comment: null,
    })
    const r = await refusedUpload(
      encodeUtf8(
        [
          'code,period,numerator,denominator,evidence_note',
          `${quarterly},1404-Q2,5,10,x`, // good: would have been written
          `${quarterly},1405-Q2,11,20,x`, // locked
          `${quarterly},1404-Q1,30,20,x`, // 150 percent: out of the unit's range
          `${quarterly},1405-Q3,1,2,x`, // not ended
          `${quarterly},1405-07,1,2,x`, // monthly period for a quarterly indicator
          `${monthly},1404-11,3,,`, // no evidence
          `${othersCode},1405-Q1,1,2,x`, // another agency's indicator
          'S-999999-01,1405-Q1,1,2,x', // unknown code
          `${quarterly},1404-Q3,1,,x`, // a ratio without its denominator
        ].join('\r\n'),
      ),
    )
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [
        [3, 'period'],
        [4, 'numerator'],
        [5, 'period'],
        [6, 'period'],
        [7, 'evidence_note'],
        [8, 'code'],
        [9, 'code'],
        [10, 'denominator'],
      ],
    )
    assert.match(r.errors[0]?.message ?? '', /قفل شده/)
    assert.match(r.errors[1]?.message ?? '', /بازهٔ یکای «درصد»/)
    assert.equal(
      r.errors[5]?.message,
      'این شاخص از آنِ دستگاه شما نیست؛ مقدارش را فقط همان دستگاه ثبت می‌کند.',
    )
    assert.equal(r.errors[6]?.message, 'شاخصی با کد «S-999999-01» پیدا نشد.')
    const locked = (await values(quarterly)).find((v) => v.period === '1405-Q2')
    assert.equal(locked?.numerator, 10, 'the locked value is unchanged')
  })

  it('writes nothing for a file it cannot decode, and says why in Persian', async () => {
    const r = await refusedUpload(new Uint8Array(Buffer.from('code,period\r\n', 'utf16le')))
    assert.equal(r.encoding, null)
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [[null, null]],
    )
    assert.match(r.errors[0]?.message ?? '', /نویسه‌های کنترلی/)
  })

  it('is for agency staff only', async () => {
    await assert.rejects(
      importValuesCsv(t.deps, asSupervisor(), { name: 'x.csv', bytes: encodeUtf8('code\r\n') }),
      ForbiddenError,
    )
  })
})
