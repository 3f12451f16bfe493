import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { REVIEW_SECTIONS } from './review.model.ts'

let t: TestApp
let agency: Agency
let admin: MadeUser
let editor: MadeUser
let otherEditor: MadeUser
let supervisor: MadeUser
let serviceId: string
let slug: string

const DAY = 86_400_000

async function serviceRow() {
  return t.deps.db
    .selectFrom('services')
    .select(['firstPublishedAt', 'lastReviewedAt', 'reviewReopenedAt'])
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow()
}

function answers(answer: 'unchanged' | 'change_needed', except: Record<string, string> = {}) {
  return Object.fromEntries(
    REVIEW_SECTIONS.flatMap((s) => [
      [`${s}-answer`, except[s] ?? answer],
      [`${s}-note`, ''],
    ]),
  )
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'دستگاه بازبینی' })
  const other = await makeAgency(t.deps, { nameFa: 'دستگاه دیگر بازبینی' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  const law = await makeLaw(t.deps)
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent('خدمت بازبینی‌شدنی', law.id),
  )
  serviceId = made.service.id
  slug = made.slug
})
after(() => t.close())

describe('the review clock', () => {
  it('starts at the first publication, and publishing again does not move it', async () => {
    const before = await serviceRow()
    assert.ok(before.firstPublishedAt, 'first publication recorded')
    assert.equal(before.lastReviewedAt, null)
    const a = await signedIn(t, admin)
    assert.equal((await postForm(a, `/admin/services/${serviceId}/draft`, {})).status, 303)
    const res = await postForm(a, `/admin/services/${serviceId}/publish`, {
      changeNote: 'تصحیح جزئی',
    })
    assert.equal(res.status, 303)
    const after = await serviceRow()
    assert.deepEqual(after.firstPublishedAt, before.firstPublishedAt)
    assert.equal(after.lastReviewedAt, null, 'a publish outside a review never moves the clock')
  })

  it('shows the dates on the public page, in Jalali', async () => {
    const page = await checkedPage(await t.client().get(`/services/${slug}`))
    const text = page('#review-dates').text()
    assert.ok(text.includes('آخرین بازبینی: هنوز بازبینی نشده'))
    assert.ok(text.includes('بازبینی بعدی:'))
    assert.equal(page('#review-overdue').length, 0)
  })
})

describe('a review, section by section', () => {
  it('is not the business of another agency', async () => {
    const other = await signedIn(t, otherEditor)
    assert.equal((await other.get(`/admin/reviews/services/${serviceId}`)).status, 403)
    assert.equal(
      (await postForm(other, `/admin/reviews/services/${serviceId}/open`, {})).status,
      403,
    )
  })

  it('lets an editor open it and answer; only the admin signs off', async () => {
    const e = await signedIn(t, editor)
    assert.equal((await postForm(e, `/admin/reviews/services/${serviceId}/open`, {})).status, 303)
    const second = await postForm(e, `/admin/reviews/services/${serviceId}/open`, {})
    assert.equal(
      second.headers.get('location'),
      `/admin/reviews/services/${serviceId}?done=already`,
    )
    const told = await checkedPage(await e.get(second.headers.get('location') ?? ''))
    assert.ok(
      told('main').text().includes('یک بازبینی باز هست'),
      'a second open is told, not doubled',
    )
    const page = await checkedPage(await e.get(`/admin/reviews/services/${serviceId}`))
    const fields = formFields(page, 'form[action$="/answers"]')
    assert.equal(page('#section-process h2').text(), 'مراحل فرایند و زمان‌ها')
    const action = page('form[action$="/answers"]').attr('action') ?? ''
    const saved = await postForm(e, action, {
      ...fields,
      ...answers('unchanged', { fees: 'change_needed' }),
    })
    assert.equal(saved.status, 303)
    assert.equal(page('#sign-off-unchanged').length, 0, 'an editor gets no sign-off button')
    const signOff = action.replace('/answers', '/sign-off')
    const refused = await postForm(e, signOff, { revision: '2' })
    assert.equal(refused.status, 403)
  })

  it('refuses «بدون تغییر» while a section says a change is needed, with a clear message', async () => {
    const a = await signedIn(t, admin)
    const page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const revision = formFields(page, 'form[action$="/sign-off"]').revision
    const action = page('form[action$="/sign-off"]').attr('action') ?? ''
    const res = await postForm(a, action, { revision: String(revision) })
    assert.equal(res.status, 422)
    const again = await checkedPage(res)
    assert.ok(again('.mr-error-summary').text().includes('تغییر لازم است'))
    assert.equal((await serviceRow()).lastReviewedAt, null)
  })

  it('answers a stale form with the conflict message and keeps the other save', async () => {
    const a = await signedIn(t, admin)
    const page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const action = page('form[action$="/answers"]').attr('action') ?? ''
    const res = await postForm(a, action, { revision: '1', ...answers('unchanged') })
    assert.equal(res.status, 409)
    const still = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    assert.ok(still('input[name="fees-answer"][value="change_needed"]').is('[checked]'))
  })

  it('is signed off unchanged by the admin: the clock moves, the public page and history show it', async () => {
    t.clock.advance(30 * DAY)
    const a = await signedIn(t, admin)
    let page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const action = page('form[action$="/answers"]').attr('action') ?? ''
    const fields = formFields(page, 'form[action$="/answers"]')
    assert.equal((await postForm(a, action, { ...fields, ...answers('unchanged') })).status, 303)
    page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const revision = formFields(page, 'form[action$="/sign-off"]').revision
    const res = await postForm(a, action.replace('/answers', '/sign-off'), {
      revision: String(revision),
    })
    assert.equal(res.status, 303)
    const row = await serviceRow()
    assert.deepEqual(row.lastReviewedAt, t.clock.now())
    const publicPage = await checkedPage(await t.client().get(`/services/${slug}`))
    assert.ok(!publicPage('#review-dates').text().includes('هنوز بازبینی نشده'))
    const history = await checkedPage(await t.client().get(`/services/${slug}/history`))
    assert.ok(history('#review-history').text().includes('بدون تغییر تأیید شد'))
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'review')
      .where('agencyId', '=', agency.id)
      .execute()
    assert.deepEqual(new Set(audit.map((e) => e.action)), new Set(['open', 'answer', 'sign-off']))
  })

  it('completes as revised when the admin publishes the draft from within the review', async () => {
    const a = await signedIn(t, admin)
    assert.equal((await postForm(a, `/admin/reviews/services/${serviceId}/open`, {})).status, 303)
    assert.equal((await postForm(a, `/admin/services/${serviceId}/draft`, {})).status, 303)
    let page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const action = page('form[action$="/answers"]').attr('action') ?? ''
    const fields = formFields(page, 'form[action$="/answers"]')
    await postForm(a, action, {
      ...fields,
      ...answers('unchanged', { documents: 'change_needed' }),
    })
    page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
    const revision = formFields(page, 'form[action$="/publish"]').revision
    const publish = action.replace('/answers', '/publish')
    const noNote = await postForm(a, publish, { revision: String(revision), changeNote: '' })
    assert.equal(noNote.status, 422)
    const ok = await postForm(a, publish, {
      revision: String(revision),
      changeNote: 'به‌روزرسانی مدارک',
    })
    assert.equal(ok.status, 303)
    const review = await t.deps.db
      .selectFrom('serviceReviews')
      .select(['outcome', 'versionId', 'status'])
      .where('serviceId', '=', serviceId)
      .orderBy('openedAt', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal(review.status, 'completed')
    assert.equal(review.outcome, 'revised')
    const published = await t.deps.db
      .selectFrom('serviceVersions')
      .select('id')
      .where('serviceId', '=', serviceId)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow()
    assert.equal(review.versionId, published.id, 'the review names the version it produced')
  })

  it('lists the services with their state for the agency and for the centre', async () => {
    const e = await signedIn(t, editor)
    const list = await checkedPage(await e.get('/admin/reviews'))
    assert.ok(list('#review-list').text().includes('خدمت بازبینی‌شدنی'))
    assert.ok(list('#review-list').text().includes('به‌روز'))
    const central = await checkedPage(
      await (await signedIn(t, supervisor)).get('/admin/reviews?state=current'),
    )
    assert.ok(
      central('#review-list').text().includes('دستگاه بازبینی'),
      'the centre sees the agency column',
    )
    const none = await checkedPage(
      await (await signedIn(t, supervisor)).get('/admin/reviews?state=overdue'),
    )
    assert.equal(none('#no-reviews').length, 1)
  })
})
