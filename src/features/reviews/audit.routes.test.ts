import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  actorOf,
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { drawSample } from './audit.model.ts'
import { openReview, saveAnswers, signOffUnchanged } from './review.actions.ts'
import { REVIEW_SECTIONS, type ReviewAnswers } from './review.model.ts'
import { findOpenReview } from './review.queries.ts'

// Issue 12 items 3, 6 and 7: the central audit of «بدون تغییر» reviews, the central counts,
// and the review clock over the API.

let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let otherAdmin: MadeUser
let supervisor: MadeUser
const services: { id: string; slug: string }[] = []

const UNCHANGED = Object.fromEntries(
  REVIEW_SECTIONS.map((s) => [s, { answer: 'unchanged', note: null }]),
) as ReviewAnswers

async function reviewUnchanged(serviceId: string, user: MadeUser): Promise<void> {
  const actor = actorOf(user, 'agency_admin', agency)
  const review = await openReview(t.deps, actor, serviceId)
  await saveAnswers(t.deps, actor, review.id, review.revision, UNCHANGED)
  const open = await findOpenReview(t.deps.db, serviceId)
  assert.ok(open)
  assert.deepEqual(await signOffUnchanged(t.deps, actor, open.id, open.revision), { ok: true })
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'دستگاه بررسی‌شونده' })
  other = await makeAgency(t.deps, { nameFa: 'دستگاه همسایه' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  otherAdmin = await makeUser(t.deps, 'agency_admin', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  const law = await makeLaw(t.deps)
  for (const [i, a] of [agency, agency, agency, other].entries()) {
    const made = await makePublishedService(
      t.deps,
      a,
      completeContent(`خدمت نمونه ${i + 1}`, law.id),
    )
    services.push({ id: made.service.id, slug: made.slug })
  }
  for (const s of services.slice(0, 3)) await reviewUnchanged(s.id, admin)
})
after(() => t.close())

describe('the quarterly sample audit', () => {
  it('is the centre’s: an agency admin is refused', async () => {
    const a = await signedIn(t, admin)
    assert.equal((await a.get('/admin/reviews/audit')).status, 403)
    assert.equal(
      (await postForm(a, '/admin/reviews/audit/draw', { quarter: '1405-Q3' })).status,
      403,
    )
  })

  it('draws once, records the seed, and anyone can redraw the same reviews from it', async () => {
    const s = await signedIn(t, supervisor)
    const page = await checkedPage(await s.get('/admin/reviews/audit'))
    assert.ok(page('#population').text().includes('۳'), 'three unchanged reviews this quarter')
    const quarter = String(page('input[name="quarter"]').val())
    assert.equal((await postForm(s, '/admin/reviews/audit/draw', { quarter })).status, 303)
    assert.equal((await postForm(s, '/admin/reviews/audit/draw', { quarter })).status, 409)
    const sample = await t.deps.db
      .selectFrom('reviewAuditSamples')
      .selectAll()
      .where('quarter', '=', quarter)
      .executeTakeFirstOrThrow()
    assert.equal(sample.population, 3)
    assert.equal(sample.size, 1, '10% of 3, rounded up')
    const reviews = await t.deps.db
      .selectFrom('serviceReviews')
      .select(['id', 'auditStatus'])
      .where('status', '=', 'completed')
      .execute()
    const sampled = reviews.filter((r) => r.auditStatus === 'pending').map((r) => r.id)
    assert.deepEqual(
      sampled,
      drawSample(
        sample.seed,
        reviews.map((r) => r.id),
        1,
      ),
    )
    const shown = await checkedPage(await s.get(`/admin/reviews/audit?quarter=${quarter}`))
    assert.ok(shown('#sample-facts').text().includes(sample.seed))
  })

  it('a rejection needs a reason, reopens the service as due and tells the agency why', async () => {
    const s = await signedIn(t, supervisor)
    const pending = await t.deps.db
      .selectFrom('serviceReviews')
      .select(['id', 'serviceId'])
      .where('auditStatus', '=', 'pending')
      .executeTakeFirstOrThrow()
    const noReason = await postForm(s, `/admin/reviews/audit/${pending.id}`, {
      decision: 'reject',
      reason: '',
    })
    assert.equal(noReason.status, 422)
    const res = await postForm(s, `/admin/reviews/audit/${pending.id}`, {
      decision: 'reject',
      reason: 'مدارک لازم با آیین‌نامهٔ تازه نمی‌خواند.',
    })
    assert.equal(res.status, 303)
    const service = await t.deps.db
      .selectFrom('services')
      .select(['lastReviewedAt', 'reviewReopenedAt', 'slug'])
      .where('id', '=', pending.serviceId)
      .executeTakeFirstOrThrow()
    assert.equal(service.lastReviewedAt, null, 'the rejected review no longer counts')
    assert.deepEqual(service.reviewReopenedAt, t.clock.now())
    const told = await t.deps.db
      .selectFrom('notifications')
      .select(['body', 'userId'])
      .where('kind', '=', 'review.audit-rejected')
      .execute()
    assert.deepEqual(
      told.map((n) => n.userId),
      [admin.userId],
    )
    assert.ok(told[0]?.body.includes('آیین‌نامهٔ تازه'))
    const list = await checkedPage(
      await (await signedIn(t, admin)).get('/admin/reviews?state=overdue'),
    )
    assert.ok(list('#review-list').text().length > 0, 'the service is due again')
    const history = await checkedPage(await t.client().get(`/services/${service.slug}/history`))
    assert.ok(history('#review-history').text().includes('نپذیرفت'))
  })
})

describe('central counts', () => {
  it('lists every agency with its counts, and gives them as CSV', async () => {
    const s = await signedIn(t, supervisor)
    const page = await checkedPage(await s.get('/admin/reviews/agencies?sort=name'))
    const text = page('#agency-review-counts').text()
    assert.ok(text.includes('دستگاه بررسی‌شونده') && text.includes('دستگاه همسایه'))
    const csv = await s.get('/admin/reviews/agencies.csv')
    assert.equal(csv.status, 200)
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/)
    const bytes = new Uint8Array(await csv.arrayBuffer())
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, for spreadsheet programs')
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n')
    assert.equal(lines[0], 'agency_code,agency_name,services,due_soon,due,overdue,escalated')
    assert.equal(lines.length, 3)
    assert.equal((await (await signedIn(t, admin)).get('/admin/reviews/agencies')).status, 403)
  })
})

describe('the review clock over the API', () => {
  it('GET /services/{id} carries the review state', async () => {
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${services[3]?.id}`)
    const body = (await res.json()) as { review: { state: string; lastReviewedAt: string | null } }
    assert.equal(body.review.state, 'current')
    assert.equal(body.review.lastReviewedAt, null)
  })

  it('GET /reviews: an agency token sees its own agency only; the centre sees all', async () => {
    const own = await makeToken(t.deps, admin.userId)
    const res = await apiRequest(t.app, 'GET', '/api/v1/reviews', { token: own })
    assert.equal(res.status, 200)
    const body = (await res.json()) as { total: number; items: { agency: { code: string } }[] }
    assert.equal(body.total, 3)
    assert.ok(body.items.every((i) => i.agency.code === agency.code))
    const refused = await apiRequest(t.app, 'GET', `/api/v1/reviews?agency=${other.code}`, {
      token: own,
    })
    assert.equal(refused.status, 403)
    const central = await makeToken(t.deps, supervisor.userId)
    const all = (await (
      await apiRequest(t.app, 'GET', '/api/v1/reviews?state=current', { token: central })
    ).json()) as {
      items: unknown[]
    }
    assert.equal(all.items.length, 3, 'three current: one was reopened by the audit')
    assert.equal((await apiRequest(t.app, 'GET', '/api/v1/reviews')).status, 401)
    void otherAdmin
  })
})
