import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type * as cheerio from 'cheerio'
import { actorOf, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import type { Agency } from '../agencies/index.ts'
import { saveMethod } from './method.actions.ts'
import { type ComponentKey, DEFAULT_METHOD, type EvaluationMethod } from './method.model.ts'
import { freezeMethod } from './method.queries.ts'
import { answerObjection, lodgeObjection } from './objection.actions.ts'
import { type ScorecardInput, scorecards } from './scorecard.ts'
import type { Observed } from './scoring.ts'
import { publishCorrection, refreshProvisional } from './snapshot.actions.ts'
import { inputsDigest } from './snapshot.model.ts'
import { insertSnapshot } from './snapshot.queries.ts'

// A hand-made world (clock: 2026-11-22, 1 Azar 1405). The default method: publication 20,
// eService 15, satisfaction 15 (minN 30), accuracy 10 (lower is better), promises 10 (minN 30),
// reviews 10, indicatorsOnTime 5, specificTargets 5 (components 90); growth 10; a total needs
// half the components' weight (45).
//
// 1403 (published): m3 everything at target but publication 0 → 70 of 90 → 77.78.
// 1404 (published, then corrected):
//   m1 and m2 everything at target, no previous year → 100 each, tied at rank 1;
//   m3 publication 50 of target 100 (n 10) → 10 of 20, base 80 of 90 = 88.89; growth: half
//      the gap from 77.78 closed → 5 of 10; score 88.89 × 0.9 + 5 = 85 → rank 3, 7.22 up;
//   m4 satisfaction from 5 ratings (minN 30) only → not comparable (weight 0), listed apart;
//   n1 (national) everything at target → rank 1 of its group;
//   p1 (province 07) publication, eService, reviews, accuracy at target → weight 55 → 100;
//   p2 (province 07) publication only → weight 20 of 90, below 45: not comparable.
// m3's objection to publication is accepted at 75 (n 10): base 85 of 90 = 94.44, growth 7.5,
// the correction's score 92.5.

let t: TestApp
let method: EvaluationMethod
let supervisor: Actor
const a: Record<string, Agency> = {}

const FULL: Partial<Record<ComponentKey, Observed>> = {
  publication: { value: 100, n: 10, numerator: 10, denominator: 10 },
  eService: { value: 80, n: 40, numerator: 32, denominator: 40 },
  satisfaction: { value: 4.5, n: 120 },
  accuracy: { value: 0.5, n: 2000 },
  promises: { value: 95, n: 60 },
  reviews: { value: 100, n: 10 },
  indicatorsOnTime: { value: 100, n: 4 },
  specificTargets: { value: 100, n: 2 },
}

function input(
  agency: Agency,
  observed: Partial<Record<ComponentKey, Observed>>,
  previousTotal: number | null = null,
): ScorecardInput {
  const peerGroup =
    agency.level === 'ministry'
      ? 'ministry'
      : agency.level === 'organisation'
        ? 'national'
        : 'provincial'
  return {
    agencyId: agency.id,
    peerGroup,
    provinceCode: agency.provinceCode,
    observed,
    previousTotal,
  }
}

async function store(period: string, inputs: ScorecardInput[], publishedAt: Date) {
  return insertSnapshot(t.deps.db, {
    period,
    status: 'published',
    seq: 1,
    correctsId: null,
    methodId: method.id,
    methodVersion: method.version,
    inputs,
    inputsDigest: inputsDigest(inputs),
    scorecards: scorecards(method, inputs),
    computedAt: publishedAt,
    publishedAt,
    publishedBy: supervisor.userId,
    objectionsUntil: new Date(publishedAt.getTime() + 30 * 86_400_000),
    noteFa: null,
  })
}

async function get(path: string): Promise<{ status: number; $: cheerio.CheerioAPI }> {
  const res = await t.client().get(path)
  return { status: res.status, $: await checkedPage(res) }
}

/** The rows of a table as text, cell by cell (whitespace collapsed). */
function rows($: cheerio.CheerioAPI, selector: string): string[][] {
  return $(`${selector} tbody tr`)
    .map((_, tr) => [
      $(tr)
        .find('th, td')
        .map((_, td) => $(td).text().replace(/\s+/g, ' ').trim())
        .get(),
    ])
    .get()
}

before(async () => {
  t = await createTestApp()
  const centralAdmin = actorOf(await makeUser(t.deps, 'central_admin'), 'central_admin')
  supervisor = actorOf(await makeUser(t.deps, 'central_supervisor'), 'central_supervisor')
  a.m1 = await makeAgency(t.deps, { nameFa: 'وزارت الف', level: 'ministry' })
  a.m2 = await makeAgency(t.deps, { nameFa: 'وزارت ب', level: 'ministry' })
  a.m3 = await makeAgency(t.deps, { nameFa: 'وزارت پ', level: 'ministry' })
  a.m4 = await makeAgency(t.deps, { nameFa: 'وزارت ت', level: 'ministry' })
  a.n1 = await makeAgency(t.deps, { nameFa: 'سازمان ملی ث', level: 'organisation' })
  a.p1 = await makeAgency(t.deps, {
    nameFa: 'ادارهٔ کل ج',
    level: 'provincial_office',
    provinceCode: '07',
  })
  a.p2 = await makeAgency(t.deps, {
    nameFa: 'ادارهٔ کل چ',
    level: 'provincial_office',
    provinceCode: '07',
  })
  // Before any method is stored, the method page shows the default as a draft.
  const draft = await get('/evaluation/method')
  assert.equal(draft.status, 200)
  assert.match(draft.$('main').text(), /پیش‌نویس/)
  method = await saveMethod(t.deps, centralAdmin, DEFAULT_METHOD)
  await store(
    '1403',
    [input(a.m3 as Agency, { ...FULL, publication: { value: 0, n: 10 } })],
    new Date('2025-03-25T08:00:00Z'),
  )
  const m = a as Required<typeof a> & Record<'m1' | 'm2' | 'm3' | 'm4' | 'n1' | 'p1' | 'p2', Agency>
  await store(
    '1404',
    [
      input(m.m1, FULL),
      input(m.m2, FULL),
      input(
        m.m3,
        { ...FULL, publication: { value: 50, n: 10, numerator: 5, denominator: 10 } },
        77.7778,
      ),
      input(m.m4, { satisfaction: { value: 4.9, n: 5 } }),
      input(m.n1, FULL),
      input(m.p1, {
        publication: FULL.publication,
        eService: FULL.eService,
        reviews: FULL.reviews,
        accuracy: FULL.accuracy,
      }),
      input(m.p2, { publication: FULL.publication }),
    ],
    // Published a week ago: the objection window is open.
    new Date(t.clock.now().getTime() - 7 * 86_400_000),
  )
  await freezeMethod(t.deps.db, method.id, t.clock.now())
  await refreshProvisional(t.deps)
})
after(() => t.close())

describe('the method page', () => {
  it('says in plain Persian what is measured, the weights, formula, growth, minimum data and groups', async () => {
    const { status, $ } = await get('/evaluation/method')
    assert.equal(status, 200)
    assert.equal($('h1').length, 1)
    const main = $('main').text()
    assert.doesNotMatch(main, /پیش‌نویس/)
    assert.match(main, /در ارزیابی منتشرشده به کار رفته و دیگر تغییر نمی‌کند/)
    const table = rows($, '#method-components')
    assert.equal(table.length, 9, 'eight components and growth')
    assert.deepEqual(table[0]?.slice(0, 3), [
      'کامل بودن شناسنامه‌ها و زمان هر گام',
      table[0]?.[1],
      '۲۰',
    ])
    assert.match(table[0]?.[1] ?? '', /G-CARD-COMPLETE/)
    assert.deepEqual(table[2]?.slice(2), ['۱۵', '۴٫۵ از ۵', 'بیشتر بهتر', '۳۰'])
    assert.equal(table[3]?.[4], 'کمتر بهتر', 'accuracy is inverted')
    assert.match(main, /جمع وزن‌ها: ۱۰۰/)
    assert.match(main, /min\(مقدار ÷ هدف، ۱\) × وزن/)
    assert.match(main, /امتیاز جزءها × \(۱۰۰ − ۱۰\) ÷ ۱۰۰ \+ امتیاز رشد/)
    assert.match(main, /کمتر از ۵۰٪ وزن جزءها/)
    assert.match(main, /۳۰ روز فرصت دارد/)
    const v1 = await get('/evaluation/method/1')
    assert.equal(v1.status, 200)
    assert.match(v1.$('h1').text(), /نسخهٔ ۱/)
    assert.equal((await t.client().get('/evaluation/method/9')).status, 404)
  })
})

describe('the period page', () => {
  it('ranks each peer group with a chart and a table; ties share a rank', async () => {
    const { status, $ } = await get('/evaluation/1404')
    assert.equal(status, 200)
    assert.equal($('h1').length, 1)
    assert.equal($('h1').text(), 'ارزیابی دستگاه‌ها — سال ۱۴۰۴')
    const chart = $('#group-ministry').closest('section').find('svg')
    assert.equal(chart.attr('role'), 'img')
    assert.equal(chart.attr('aria-labelledby'), 'chart-ministry-title chart-ministry-desc')
    assert.equal(chart.find('title#chart-ministry-title').text(), 'امتیاز دستگاه‌های وزارتخانه‌ها')
    assert.ok(chart.find('desc#chart-ministry-desc').text().includes('جدول'))
    assert.equal(chart.find('rect').length, 3, 'one bar per ranked ministry')
    assert.deepEqual(rows($, '#ranking-ministry'), [
      ['۱ (هم‌رتبه)', 'وزارت الف', '۱۰۰', '—', '۹۰ از ۹۰'],
      ['۱ (هم‌رتبه)', 'وزارت ب', '۱۰۰', '—', '۹۰ از ۹۰'],
      ['۳', 'وزارت پ', '۸۵', '۷٫۲۲ بیشتر', '۹۰ از ۹۰'],
    ])
    assert.equal(
      $('#ranking-ministry a').first().attr('href'),
      `/evaluation/1404/agencies/${a.m1?.code}`,
    )
    // Not comparable: listed apart with the reason, never ranked last.
    assert.deepEqual(rows($, '#not-comparable-ministry'), [
      [
        'وزارت ت',
        'غیرقابل مقایسه فقط ۰ از ۹۰ وزن جزءها برای این دستگاه دادهٔ کافی داشت؛ برای مقایسه دست‌کم ۴۵ لازم است.',
      ],
    ])
    assert.deepEqual(rows($, '#ranking-national'), [['۱', 'سازمان ملی ث', '۱۰۰', '—', '۹۰ از ۹۰']])
    assert.deepEqual(rows($, '#ranking-provincial-07'), [
      ['۱', 'ادارهٔ کل ج', '۱۰۰', '—', '۵۵ از ۹۰'],
    ])
    assert.match($('#group-provincial-07').text(), /ادارات استانی — استان/)
    assert.equal(rows($, '#not-comparable-provincial-07')[0]?.[0], 'ادارهٔ کل چ')
    assert.match($('main').text(), /چکیدهٔ SHA-256/)
    assert.ok($('a[href="/api/v1/evaluations/1404?format=csv"]').length === 1)
    assert.ok($('a[href="/api/v1/evaluations/1404/inputs"]').length === 1)
  })

  it('says the running year is provisional and updated daily', async () => {
    const { status, $ } = await get('/evaluation/1405')
    assert.equal(status, 200)
    assert.match($('main').text(), /موقت — هر روز به‌روز می‌شود/)
  })

  it('answers unknown and malformed periods and snapshots with the Persian 404', async () => {
    for (const path of [
      '/evaluation/1399',
      '/evaluation/14o4',
      '/evaluation/1404/v/7',
      '/evaluation/1404/v/x',
      '/evaluation/1404/agencies/99999',
      '/evaluation/1404/agencies/%3Cscript%3E',
      '/evaluation/method/abc',
    ]) {
      const res = await t.client().get(path)
      assert.equal(res.status, 404, path)
      assert.match(await res.text(), /پیدا نشد/, path)
    }
  })
})

describe('the scorecard', () => {
  it('shows each component with its value, n, data, score or the reason it is not comparable', async () => {
    const { status, $ } = await get(`/evaluation/1404/agencies/${a.m3?.code}`)
    assert.equal(status, 200)
    assert.equal($('h1').text(), 'کارنامهٔ وزارت پ — سال ۱۴۰۴')
    const table = rows($, '#scorecard-components')
    assert.equal(table.length, 8)
    const [publication] = table
    assert.equal(publication?.[0], 'کامل بودن شناسنامه‌ها و زمان هر گامبیشتر بهتر')
    assert.deepEqual(publication?.slice(1, 5), ['۲۰', '۱۰۰٪', '۵۰٪', 'n = ۱۰۵ از ۱۰'])
    assert.match(publication?.[5] ?? '', /^۱۰ از ۲۰سهم در امتیاز نهایی: ۱۰$/)
    assert.match(publication?.[6] ?? '', /^۰٪n = ۱۰$/, 'last year’s value with its n')
    const main = $('main').text()
    assert.match(main, /امتیاز نهایی\s*۸۵ از ۱۰۰/)
    assert.match(main, /رتبه در گروه\s*۳ از ۳ دستگاه رتبه‌دار/)
    assert.match(main, /۵ از ۱۰ امتیاز؛ ۵۰٪ از فاصلهٔ سال پیش تا ۱۰۰ پر شده است/)
    assert.match(main, /سال ۱۴۰۳: امتیاز ۷۷٫۷۸، رتبه ۱/)
    assert.match(main, /اعتراضی ثبت نکرده است/)
    const links = $('#scorecard-components a')
      .map((_, x) => $(x).attr('href'))
      .get()
    assert.ok(links.includes(`/services?agency=${a.m3?.code}`))

    const m4 = await get(`/evaluation/1404/agencies/${a.m4?.code}`)
    const satisfaction = rows(m4.$, '#scorecard-components').find((r) => r[0]?.startsWith('رضایت'))
    assert.match(satisfaction?.[5] ?? '', /^غیرقابل مقایسه\s*فقط ۵ مشاهده؛ کمینه ۳۰ است/)
    const noValue = rows(m4.$, '#scorecard-components')[0]
    assert.match(noValue?.[5] ?? '', /^غیرقابل مقایسه\s*داده‌ای برای سنجش نبود/)
    assert.match(m4.$('main').text(), /رتبه در گروه\s*ندارد \(غیرقابل مقایسه\)/)
  })

  it('says when there is no last year to compare with', async () => {
    const { $ } = await get(`/evaluation/1404/agencies/${a.m1?.code}`)
    const main = $('main').text()
    assert.match(main, /در ارزیابی منتشرشدهٔ سال پیش نبود/)
    assert.match(main, /سال پیش ارزیابی مقایسه‌پذیری نداشت/)
  })
})

describe('a corrected evaluation', () => {
  it('shows the correction, the objection and its answer, and keeps the earlier snapshot', async () => {
    const admin = await makeUser(t.deps, 'agency_admin', a.m3)
    const actor = actorOf(admin, 'agency_admin', a.m3)
    const objection = await lodgeObjection(t.deps, actor, '1404', {
      component: 'publication',
      reasonFa: 'همهٔ شناسنامه‌های ما در این سال کامل بوده است.',
    })
    await answerObjection(t.deps, supervisor, objection.id, {
      decision: 'accept',
      answerFa: 'بررسی شد؛ شناسنامه‌ها کامل بوده‌اند.',
      correctedValue: 75,
      correctedN: 10,
    })
    await publishCorrection(t.deps, supervisor, '1404', 'اعتراض وزارت پ پذیرفته شد.')

    // The correction dropped the cached period page.
    const { $ } = await get('/evaluation/1404')
    assert.match($('main').text(), /اصلاح شده است/)
    assert.ok($('a[href="/evaluation/1404/v/1"]').length >= 1, 'links the earlier snapshot')
    assert.deepEqual(rows($, '#ranking-ministry')[2]?.slice(1, 3), ['وزارت پ', '۹۲٫۵'])
    const old = await get('/evaluation/1404/v/1')
    assert.equal(old.status, 200)
    assert.match(old.$('main').text(), /نسخه‌ای پیشین از ارزیابی سال ۱۴۰۴ است/)
    assert.equal(old.$('a[href="/evaluation/1404"]').length >= 1, true)
    assert.deepEqual(rows(old.$, '#ranking-ministry')[2]?.slice(1, 3), ['وزارت پ', '۸۵'])

    const card = await get(`/evaluation/1404/agencies/${a.m3?.code}`)
    const text = card.$('#objections').nextAll().text()
    assert.match(text, /همهٔ شناسنامه‌های ما در این سال کامل بوده است/)
    assert.match(text, /بررسی شد؛ شناسنامه‌ها کامل بوده‌اند/)
    assert.match(text, /پذیرفته شد/)
    assert.match(text, /مقدار درست: ۷۵٪ \(n = ۱۰\)/)
    assert.equal(card.$('a[href="/evaluation/1404/v/2"]').length, 1, 'applied in the correction')
  })
})

describe('the overview and the agency page', () => {
  it('lists every period with its status and the newest ranking, method and downloads', async () => {
    const { status, $ } = await get('/evaluation')
    assert.equal(status, 200)
    assert.equal($('h1').length, 1)
    const periods = rows($, '#evaluation-periods')
    assert.deepEqual(
      periods.map((r) => r[0]),
      ['ارزیابی سال ۱۴۰۵', 'ارزیابی سال ۱۴۰۴', 'ارزیابی سال ۱۴۰۳'],
    )
    assert.match(periods[0]?.[1] ?? '', /^موقتموقت — هر روز به‌روز می‌شود$/)
    assert.match(periods[1]?.[1] ?? '', /^اصلاح‌شده/)
    assert.equal(periods[2]?.[1], 'منتشرشده')
    assert.match(periods[1]?.[1] ?? '', /نخستین انتشار/)
    assert.match($('main').text(), /رتبه‌بندی سال ۱۴۰۴/)
    assert.equal(rows($, '#ranking-ministry').length, 3)
    assert.equal($('a[href="/evaluation/method"]').length, 1)
    assert.equal($('a[href="/api/v1/evaluations/1404?format=csv"]').length, 1)
  })

  it('shows the newest published scorecard on the agency page', async () => {
    const res = await t.client().get(`/agencies/${a.p1?.code}`)
    assert.equal(res.status, 200)
    const $ = await checkedPage(res)
    const section = $('#evaluation').nextAll().text()
    assert.match(section, /ارزیابی سال ۱۴۰۴ \(اصلاح‌شده\)/)
    assert.match(section, /امتیاز ۱۰۰ از ۱۰۰/)
    assert.match(section, /رتبهٔ ۱ از ۱ دستگاه رتبه‌دار/)
    assert.equal($(`a[href="/evaluation/1404/agencies/${a.p1?.code}"]`).length, 1)
    const p2 = await checkedPage(await t.client().get(`/agencies/${a.p2?.code}`))
    assert.match(p2('#evaluation').nextAll().text(), /غیرقابل مقایسه/)
  })
})
