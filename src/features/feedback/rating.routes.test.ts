import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { actorOf, makeUser } from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { setFeedbackMinN } from '../settings/index.ts'
import { MASKED } from './rating.mask.ts'
import {
  completedTransaction,
  type FeedWorld,
  feedSnapshot,
  makeFeedWorld,
} from './transaction.test-helpers.ts'

let t: TestApp
let w: FeedWorld
let codes = 0

before(async () => {
  t = await createTestApp()
  w = await makeFeedWorld(t)
})
after(() => t.close())

const link = () => completedTransaction(t, w, `TRK-RATE-${++codes}`)

/** Opens the form as a person does, takes a few seconds over it, and sends it. */
async function rate(path: string, fields: Record<string, string>, client = t.client()) {
  const $ = await checkedPage(await client.get(path))
  t.clock.advance(5_000)
  return postForm(client, path, { ...formFields($, 'main form'), ...fields })
}

/** Posts the form and asserts the answer's status and that nothing was stored. */
async function refusedRating(path: string, fields: Record<string, string>, status: number) {
  const snapshot = await feedSnapshot(t)
  const res = await t.client().post(path, fields)
  assert.equal(res.status, status)
  assert.deepEqual(await feedSnapshot(t), snapshot, 'nothing stored')
  return res
}

describe('/rate/<token>', () => {
  it('takes one rating per link, without sign-in, with personal numbers masked', async () => {
    const path = await link()
    const client = t.client()
    const $ = await checkedPage(await client.get(path))
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('input[name="overall"]').length, 5)
    for (const name of ['clarity', 'promisedTime', 'visits', 'staffConduct', 'cost', 'onlineEase'])
      assert.equal($(`input[name="${name}"]`).length, 6, `${name}: 1–5 and «not applicable»`)
    assert.equal($('script[src]:not([src^="/assets/"])').length, 0)

    t.clock.advance(5_000)
    const fields = {
      ...formFields($, 'main form'),
      overall: '4',
      clarity: '5',
      staffConduct: '2',
      comment:
        'کارمند شمارهٔ ۰۹۱۲ ۳۴۵ ۶۷۸۹ را داد و کد ملی 0012345678 را خواست. <script>alert(1)</script>',
    }
    const res = await postForm(client, path, fields)
    assert.equal(res.status, 200)
    assert.match(await res.text(), /نظر شما ثبت شد/)

    const rating = await t.deps.db.selectFrom('ratings').selectAll().executeTakeFirstOrThrow()
    assert.equal(rating.overall, 4)
    assert.equal(rating.clarity, 5)
    assert.equal(rating.staffConduct, 2)
    assert.equal(rating.cost, null, '«not applicable» is no score')
    assert.equal(
      rating.comment,
      `کارمند شمارهٔ ${MASKED} را داد و کد ملی ${MASKED} را خواست. <script>alert(1)</script>`,
    )
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('after')
      .where('entityType', '=', 'rating')
      .executeTakeFirstOrThrow()
    assert.ok(
      !JSON.stringify(audit.after).includes('کارمند'),
      'the comment stays out of the audit log',
    )

    // The same link again, from the same or another browser: refused, nothing added.
    await refusedRating(path, { overall: '1' }, 409)
    const again = await t.client().get(path)
    assert.equal(again.status, 409)
    assert.match(await again.text(), /پیش‌تر نظر داده شده است/)
    const rollup = await t.deps.db.selectFrom('ratingRollups').selectAll().executeTakeFirstOrThrow()
    assert.deepEqual([rollup.n, rollup.total, rollup.totalSquares], [1, 4, 16])
  })

  it('refuses forged links with a Persian page', async () => {
    const path = await link()
    const token = path.slice('/rate/'.length)
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`
    for (const bad of [`/rate/${flipped}`, '/rate/not-a-real-token', `/rate/${token}x`]) {
      const res = await t.client().get(bad)
      assert.equal(res.status, 404, bad)
      assert.match(await res.text(), /پیوند نظرسنجی معتبر نیست/)
      await refusedRating(bad, { overall: '5' }, 404)
    }
  })

  it('refuses an expired link (after 30 days)', async () => {
    const path = await link()
    const now = t.deps.clock.now()
    t.clock.advance(29 * 86_400_000)
    assert.equal((await t.client().get(path)).status, 200, 'still valid on day 29')
    t.clock.advance(1 * 86_400_000 + 1000)
    try {
      const res = await t.client().get(path)
      assert.equal(res.status, 410)
      assert.match(await res.text(), /مهلت این پیوند نظرسنجی گذشته است/)
      await refusedRating(path, { overall: '5' }, 410)
    } finally {
      t.clock.set(now)
    }
  })

  it('answers bad input with the form and its errors, escaped', async () => {
    const path = await link()
    const res = await refusedRating(path, { comment: '<script>alert(1)</script>' }, 422)
    const body = await res.text()
    assert.ok(!body.includes('<script>alert(1)'), 'the comment is escaped')
    assert.match(body, /&lt;script&gt;alert\(1\)/)
    assert.match(body, /میزان رضایت کلی را انتخاب کنید/)
    const long = await refusedRating(path, { overall: '3', comment: 'ا'.repeat(2001) }, 422)
    assert.match(await long.text(), /بیش از ۲٬۰۰۰ نویسه/)
    await refusedRating(path, { overall: '6' }, 422)
    await refusedRating(path, { overall: '3', cost: '0' }, 422)
  })

  it('refuses a 5 MB comment with a clear answer, not a 500', async () => {
    const path = await link()
    const res = await refusedRating(
      path,
      { overall: '5', comment: 'ب'.repeat(5 * 1024 * 1024) },
      413,
    )
    assert.match(await res.text(), /حجم درخواست/)
  })

  it('rolls satisfaction up with n, the 95% interval and the Bayesian average', async () => {
    // A fresh service of the same agency: scores 5, 4, 3 here (the first test's 4 is elsewhere).
    const fresh = await makeFeedWorld(t)
    for (const score of ['5', '4', '3']) {
      const path = await completedTransaction(t, fresh, `TRK-STATS-${score}`)
      assert.equal((await rate(path, { overall: score })).status, 200)
    }
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${fresh.serviceId}/feedback`)
    assert.equal(res.status, 200)
    const { satisfaction } = (await res.json()) as {
      satisfaction: {
        n: number
        mean: number
        ci95: [number, number]
        bayesMean: number
        shown: boolean
        minimumN: number
      }
    }
    assert.equal(satisfaction.n, 3)
    assert.equal(satisfaction.mean, 4)
    // s = 1, t(0.975, 2) = 4.302653: 4 ± 4.302653 / √3 = 4 ± 2.484138.
    assert.deepEqual(satisfaction.ci95, [1.516, 6.484])
    // Prior: every rating on the portal, 4 (first test) + 5 + 4 + 3 = 16 over 4, mean 4; weight
    // 10: (10·4 + 12) / 13 = 4. Then with one more 1 elsewhere the prior mean is 17/5 = 3.4:
    assert.equal(satisfaction.bayesMean, 4)
    assert.equal(satisfaction.shown, false, 'n below the minimum of 30')
    assert.equal(satisfaction.minimumN, 30)
    const low = await link()
    assert.equal((await rate(low, { overall: '1' })).status, 200)
    const after1 = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${fresh.serviceId}/feedback`)
    ).json()) as { satisfaction: { bayesMean: number } }
    // (10 · 3.4 + 12) / 13 = 46 / 13 = 3.538.
    assert.equal(after1.satisfaction.bayesMean, 3.538)

    // Two more ratings (n = 5), and the central admin lowers the minimum n to 5: now shown.
    for (const score of ['2', '4']) {
      const path = await completedTransaction(t, fresh, `TRK-STATS-MORE-${score}`)
      assert.equal((await rate(path, { overall: score })).status, 200)
    }
    const admin = await makeUser(t.deps, 'central_admin')
    await setFeedbackMinN(t.deps, actorOf(admin, 'central_admin'), 5)
    const shown = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${fresh.serviceId}/feedback`)
    ).json()) as { satisfaction: { n: number; shown: boolean; minimumN: number } }
    assert.deepEqual(shown.satisfaction, { ...shown.satisfaction, n: 5, shown: true, minimumN: 5 })
    await setFeedbackMinN(t.deps, actorOf(admin, 'central_admin'), 30)
  })

  it('drops bots silently: a filled honeypot or a form sent at once stores nothing', async () => {
    const path = await link()
    const client = t.client()
    const $ = await checkedPage(await client.get(path))
    const fields = formFields($, 'main form')
    assert.ok('website' in fields && 'started' in fields, 'honeypot and signed start time')
    const initial = await feedSnapshot(t)
    const instant = await postForm(client, path, { ...fields, overall: '5' })
    assert.equal(instant.status, 200, 'looks like success')
    t.clock.advance(5_000)
    const bot = await postForm(client, path, { ...fields, overall: '5', website: 'http://spam' })
    assert.equal(bot.status, 200)
    assert.deepEqual((await feedSnapshot(t)).ratings, initial.ratings, 'no rating stored')
    assert.deepEqual((await feedSnapshot(t)).rollups, initial.rollups)
    // The person behind the link can still rate.
    assert.equal((await rate(path, { overall: '5' }, client)).status, 200)
    assert.equal((await feedSnapshot(t)).ratings.length, initial.ratings.length + 1)
  })
})
