import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { appOnDb } from '../../../test/support/app-on-db.ts'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { TestClient } from '../../../test/support/test-app.ts'
import { createTestDb, type TestDb, testDatabaseUrl } from '../../../test/support/test-db.ts'
import { type Db, openPostgres } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import { fixedClock } from '../../lib/clock.ts'
import type { Agency } from '../agencies/index.ts'
import { FLUSH_EVERY_VOTES } from './helpful.model.ts'
import { MASKED } from './rating.mask.ts'

const clock = fixedClock(new Date('2026-12-06T08:00:00Z'))
const closers: (() => Promise<void>)[] = []

/** The real app over `db`, behind a trusted proxy so each test request can name its address. */
async function appOn(db: Db) {
  const made = await appOnDb(db, clock, { TRUST_PROXY: 'true' })
  closers.push(made.close)
  return made
}

let testDb: TestDb
let deps: Deps
let client: () => TestClient
let agency: Agency
let lawId: string

/** Presses a widget button as a browser without JavaScript would: a plain form post, no token. */
function press(
  c: TestClient,
  slug: string,
  vote: string,
  address: string,
  extra: Record<string, string> = {},
) {
  return c.request(`/services/${slug}/helpful`, {
    method: 'POST',
    body: new URLSearchParams({ website: '', vote, ...extra }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': address,
      origin: 'http://localhost',
    },
  })
}

async function newService(title: string) {
  return makePublishedService(deps, agency, completeContent(title, lawId))
}

/** The cached page, judged at the test clock's time (pages expire at the end of its Tehran day). */
const cached = (slug: string) => deps.pageCache.get(`/services/${slug}`, clock.now().getTime())

const votesOf = (serviceId: string) =>
  deps.db.selectFrom('helpfulVotes').selectAll().where('serviceId', '=', serviceId).execute()

before(async () => {
  testDb = await createTestDb()
  const made = await appOn(testDb.db)
  deps = made.deps
  client = () => new TestClient(made.app)
  agency = await makeAgency(deps, { nameFa: 'ادارهٔ آزمایشی بازخورد' })
  lawId = (await makeLaw(deps, 'قانون آزمایشی بازخورد')).id
})
after(async () => {
  await testDb.cleanup()
  for (const close of closers) await close()
})

describe('the helpful widget on the service page', () => {
  it('is a plain form without JavaScript or token, and says there is not enough data yet', async () => {
    const { slug } = await newService('خدمت ویجت')
    const $ = await checkedPage(await client().get(`/services/${slug}`))
    const form = $(`#helpful form[action="/services/${slug}/helpful"][method="post"]`)
    assert.equal(form.length, 1)
    assert.equal($('#helpful-heading').text(), 'آیا این صفحه مفید بود؟')
    assert.deepEqual(
      form
        .find('button[name="vote"]')
        .map((_, b) => $(b).attr('value'))
        .get(),
      ['yes', 'no'],
    )
    // The same page is served to everyone: no visitor's token in it, only the honeypot.
    assert.deepEqual(formFields($, `#helpful form`), { website: '' })
    assert.equal(form.find('script').length, 0)
    assert.match($('#helpful-figure').text(), /هنوز دادهٔ کافی نیست \(۰ پاسخ؛ کمینه ۳۰ پاسخ\)/)
  })

  it('a «بله» without JavaScript is stored and thanked; the service page stays cached', async () => {
    const { slug, service } = await newService('خدمت بله')
    const c = client()
    assert.equal((await c.get(`/services/${slug}`)).status, 200)
    assert.ok(cached(slug), 'the page is cached')
    const res = await press(c, slug, 'yes', '198.51.100.10')
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/services/${slug}/helpful?thanks=1`)
    const thanks = await checkedPage(await c.get(`/services/${slug}/helpful?thanks=1`))
    assert.match(thanks('h1, h2').text(), /از پاسخ شما سپاسگزاریم/)
    const votes = await votesOf(service.id)
    assert.equal(votes.length, 1)
    assert.equal(votes[0]?.helpful, true)
    const rollup = await deps.db
      .selectFrom('feedbackRollups')
      .selectAll()
      .where('serviceId', '=', service.id)
      .executeTakeFirstOrThrow()
    assert.equal(rollup.helpfulYes, 1)
    assert.equal(rollup.helpfulNo, 0)
    assert.ok(cached(slug), 'one vote does not drop the cached page')
  })

  it('takes a vote on a service at a Persian address (issue 17 item 13)', async () => {
    const { service } = await newService('خدمت نشانی فارسی')
    const slug = 'خدمت-نشانی-فارسی'
    await deps.db.updateTable('services').set({ slug }).where('id', '=', service.id).execute()
    const res = await press(client(), encodeURIComponent(slug), 'yes', '198.51.100.77')
    assert.equal(res.status, 303)
    assert.equal(
      decodeURIComponent(res.headers.get('location') ?? ''),
      `/services/${slug}/helpful?thanks=1`,
    )
    const votes = await votesOf(service.id)
    assert.equal(votes.length, 1)
    assert.equal(votes[0]?.helpful, true)
  })

  it('drops the cached page once per batch of votes, with the new counts', async () => {
    const { slug, service } = await newService('خدمت دسته')
    const c = client()
    await c.get(`/services/${slug}`)
    for (let i = 1; i < FLUSH_EVERY_VOTES; i++) {
      // Ten different people (browser and address): the same person's same vote is a duplicate.
      assert.equal(
        (await press(client(), slug, i % 3 ? 'yes' : 'no', `203.0.113.${i}`)).status,
        303,
      )
      assert.ok(cached(slug), `still cached after ${i} votes`)
    }
    // The first vote made the rollup row; the batch counts from there.
    await press(client(), slug, 'yes', '203.0.113.100')
    assert.equal(cached(slug), undefined, 'dropped after the batch')
    const $ = await checkedPage(await c.get(`/services/${slug}`))
    assert.match($('#helpful-figure').text(), /۱۰ پاسخ؛ کمینه ۳۰ پاسخ/)
    const flushes = await deps.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('entityType', '=', 'feedback-rollup')
      .where('entityId', '=', service.id)
      .execute()
    assert.deepEqual(flushes, [{ action: 'publish', after: { shownTotal: 10 } }])
  })

  it('a «خیر» leads to «چه چیزی نادرست بود یا کم بود؟» on its own page, answered once', async () => {
    const { slug, service } = await newService('خدمت خیر')
    const c = client()
    const res = await press(c, slug, 'no', '198.51.100.20')
    assert.equal(res.status, 303)
    const location = res.headers.get('location') ?? ''
    assert.match(location, new RegExp(`^/services/${slug}/helpful/more\\?vote=[0-9a-f-]{36}$`))
    const $ = await checkedPage(await c.get(location))
    assert.equal($('h1').text(), 'چه چیزی نادرست بود یا کم بود؟')
    assert.equal($('input[name="section"][value="fees"]').length, 1)
    const fields = formFields($, `form[action="${location}"]`)
    const send = (extra: Record<string, string>) =>
      c.post(location, {
        ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
        ...extra,
      })

    // Nothing chosen and nothing written: a Persian message, not a 500.
    clock.advance(5_000)
    const empty = await send({ missing: '', section: '' })
    assert.equal(empty.status, 422)
    assert.match((await checkedPage(empty))('.mr-error-summary').text(), /بنویسید چه چیزی/)

    // A mobile number typed into the answer is masked before anything is stored: staff read
    // these answers on the dashboard, and nobody asked the citizen for personal data.
    const saved = await send({
      missing: 'مبلغ هزینه کهنه است؛ با من تماس بگیرید ۰۹۱۲۱۲۳۴۵۶۷',
      section: 'fees',
    })
    assert.equal(saved.status, 303)
    assert.equal(saved.headers.get('location'), `/services/${slug}/helpful?thanks=1`)
    const [vote] = await votesOf(service.id)
    assert.equal(vote?.helpful, false)
    assert.equal(vote?.missing, `مبلغ هزینه کهنه است؛ با من تماس بگیرید ${MASKED}`)
    assert.equal(vote?.section, 'fees')

    const again = await send({ missing: 'دوباره', section: 'laws' })
    assert.equal(again.status, 200)
    assert.match(await again.text(), /پیش‌تر فرستاده شده/)
    assert.equal(
      (await votesOf(service.id))[0]?.missing,
      `مبلغ هزینه کهنه است؛ با من تماس بگیرید ${MASKED}`,
    )
  })

  it('refuses a filled honeypot and a too-fast follow-up silently, storing nothing', async () => {
    const { slug, service } = await newService('خدمت تله')
    const c = client()
    const bot = await press(c, slug, 'yes', '198.51.100.30', { website: 'http://spam.example' })
    assert.equal(bot.status, 303)
    assert.equal(bot.headers.get('location'), `/services/${slug}/helpful?thanks=1`)
    assert.equal((await votesOf(service.id)).length, 0)

    const no = await press(c, slug, 'no', '198.51.100.31')
    const location = no.headers.get('location') ?? ''
    const $ = await checkedPage(await c.get(location))
    const fields = Object.fromEntries(
      Object.entries(formFields($, `form[action="${location}"]`)).map(([k, v]) => [k, String(v)]),
    )
    // Sent at once (the clock has not moved): a script, not a person.
    const fast = await c.post(location, { ...fields, missing: 'تبلیغ', section: 'fees' })
    assert.equal(fast.status, 303)
    assert.equal(fast.headers.get('location'), `/services/${slug}/helpful?thanks=1`)
    const [vote] = await votesOf(service.id)
    assert.equal(vote?.missing, null)
    assert.equal(vote?.followedUpAt, null)
  })

  it('refuses a vote posted from another site (no token, so Origin and Sec-Fetch-Site decide)', async () => {
    const { slug, service } = await newService('خدمت بین‌وبگاهی')
    const post = (headers: Record<string, string>) =>
      client().request(`/services/${slug}/helpful`, {
        method: 'POST',
        body: new URLSearchParams({ website: '', vote: 'yes' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      })
    assert.equal((await post({ origin: 'https://evil.example' })).status, 403)
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403)
    assert.equal((await votesOf(service.id)).length, 0)
    // The follow-up page is not tokenless: it is rendered per visitor and carries the token.
    const res = await press(client(), slug, 'no', '198.51.100.60')
    const location = res.headers.get('location') ?? ''
    const noToken = await client().post(
      location,
      { missing: 'x', section: 'fees' },
      { csrf: false },
    )
    assert.equal(noToken.status, 403)
  })

  it('drops the same vote from the same address within 5 minutes', async () => {
    const { slug, service } = await newService('خدمت تکراری')
    const c = client()
    await press(c, slug, 'yes', '198.51.100.40')
    const dup = await press(c, slug, 'yes', '198.51.100.40')
    assert.equal(dup.status, 303, 'thanked like any other')
    assert.equal((await votesOf(service.id)).length, 1)
    clock.advance(5 * 60_000 + 1)
    await press(c, slug, 'yes', '198.51.100.40')
    assert.equal((await votesOf(service.id)).length, 2)
  })

  it('stores no raw address anywhere a vote touches', async () => {
    const { slug } = await newService('خدمت نشانی')
    const address = '192.0.2.233'
    await press(client(), slug, 'yes', address)
    for (const table of ['public_form_hits', 'helpful_votes', 'feedback_rollups', 'audit_events']) {
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(
        deps.db,
      )
      assert.ok(!JSON.stringify(rows.rows).includes(address), `${table} holds no raw address`)
    }
  })

  it('shows the Wilson lower bound with n from 30 answers, and the admin moves the minimum', async () => {
    const { slug, service } = await newService('خدمت رقم')
    const setCounts = async (yes: number, no: number) => {
      await deps.db
        .insertInto('feedbackRollups')
        .values({
          serviceId: service.id,
          helpfulYes: yes,
          helpfulNo: no,
          shownAt: clock.now(),
          updatedAt: clock.now(),
        })
        .onConflict((oc) => oc.column('serviceId').doUpdateSet({ helpfulYes: yes, helpfulNo: no }))
        .execute()
      deps.pageCache.invalidate(`service:${service.id}`)
    }
    const figure = async () =>
      (await checkedPage(await client().get(`/services/${slug}`)))('#helpful-figure').text()

    await setCounts(24, 5)
    assert.match(await figure(), /هنوز دادهٔ کافی نیست \(۲۹ پاسخ؛ کمینه ۳۰ پاسخ\)/)
    // 25 of 30: p = 0.8333, z²/2n = 0.06403, √(p(1−p)/n + z²/4n²) = √0.0056967 = 0.075476,
    // (0.83333 + 0.06403 − 1.96·0.075476) / (1 + 0.12805) = 0.74943 / 1.12805 = 0.6644 → ۶۶٪
    await setCounts(25, 5)
    const shown = await figure()
    assert.match(shown, /۲۵ نفر از ۳۰ نفر \(n = ۳۰\)/)
    assert.match(shown, /دست‌کم ۶۶٪/)
    assert.match(shown, /کران پایین ویلسون/)

    // The central admin lowers the minimum to 10: cached pages are dropped and show the figure.
    await setCounts(8, 2)
    assert.match(await figure(), /هنوز دادهٔ کافی نیست \(۱۰ پاسخ؛ کمینه ۳۰ پاسخ\)/)
    const central = await makeUser(deps, 'central_admin')
    const admin = client()
    await admin.signIn(central.username, central.password)
    const bad = await admin.post('/admin/feedback/settings', { feedbackMinN: '۳' })
    assert.equal(bad.status, 422)
    assert.match(await bad.text(), /کمینهٔ n باید عددی میان ۵ و ۱۰۰۰۰ باشد/)
    const saved = await admin.post('/admin/feedback/settings', { feedbackMinN: '۱۰' })
    assert.equal(saved.status, 303)
    // 8 of 10: hand-computed 0.4902 (see lib/stats.test.ts) → ۴۹٪
    const after10 = await figure()
    assert.match(after10, /۸ نفر از ۱۰ نفر \(n = ۱۰\)/)
    assert.match(after10, /دست‌کم ۴۹٪/)
    const event = await deps.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('entityId', '=', 'feedback_min_n')
      .executeTakeFirstOrThrow()
    assert.deepEqual(event, { before: { feedbackMinN: 30 }, after: { feedbackMinN: 10 } })
    // Only the central admin may set it.
    const editor = await makeUser(deps, 'agency_editor', agency)
    const other = client()
    await other.signIn(editor.username, editor.password, editor.agencyCode)
    assert.equal((await other.post('/admin/feedback/settings', { feedbackMinN: '50' })).status, 403)
  })
})

describe('the rate limit across two app processes on one PostgreSQL database', () => {
  it('lets exactly the allowance through when two instances take votes at once', async (t) => {
    if (!testDatabaseUrl) {
      t.skip('needs PostgreSQL (TEST_DATABASE_URL): PGlite is one embedded database per process')
      return
    }
    // A second pool of its own on the same database: another process, as far as PostgreSQL knows.
    const name = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(deps.db))
      .rows[0]?.db
    const url = new URL(testDatabaseUrl)
    url.pathname = `/${name}`
    const second = openPostgres(url.toString(), { max: 4 })
    try {
      const a = client()
      const b = new TestClient((await appOn(second.db)).app)
      // Both instances see the same browser (one cookie) from one address.
      const first = await newService('خدمت سهمیه ۰')
      await press(a, first.slug, 'yes', '192.0.2.50')
      const cookie = [...a.cookies].find(([k]) => k === 'mardom_fb')
      assert.ok(cookie, 'the browser got its id')
      b.cookies.set(cookie[0], cookie[1])
      // The first vote came before the cookie, so it counts for the address only. Then 21 distinct
      // votes with the cookie (10 more services × yes/no, and «خیر» on the first), split between
      // the two instances and sent at once: the browser's allowance is 20 an hour.
      const services = []
      for (let i = 1; i <= 10; i++) services.push(await newService(`خدمت سهمیه ${i}`))
      const sends = [
        press(b, first.slug, 'no', '192.0.2.50'),
        ...services.flatMap((s, i) =>
          ['yes', 'no'].map((vote, j) => press((i + j) % 2 ? a : b, s.slug, vote, '192.0.2.50')),
        ),
      ]
      const statuses = (await Promise.all(sends)).map((r) => r.status)
      assert.equal(statuses.filter((s) => s === 429).length, 1, statuses.join(','))
      assert.equal(statuses.filter((s) => s === 303).length, 20, statuses.join(','))
      const votes = await deps.db
        .selectFrom('helpfulVotes')
        .select(sql<number>`count(*)`.as('n'))
        .where('serviceId', 'in', [first.service.id, ...services.map((s) => s.service.id)])
        .executeTakeFirstOrThrow()
      assert.equal(Number(votes.n), 21, 'the first vote and exactly 20 with the cookie')
    } finally {
      await second.close()
    }
  })
})
