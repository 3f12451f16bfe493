import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import { actorOf, type MadeUser, makeUser } from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { jalaliToGregorian, startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import { setReviewPolicy } from '../settings/index.ts'
import { catalogueEnvelopeSchema } from './catalogue.format.ts'
import { catalogueState } from './opendata.queries.ts'
import { parseCsv, type SeededCatalogue, seedCatalogue } from './opendata.test-helpers.ts'

/**
 * Issue 12 item 7: the JSON and CSV exports carry each service's last-reviewed and next-due
 * dates, and the pre-built files follow a completed review and a change of the review policy
 * (the catalogue state the files are named by moves with them).
 */
let t: TestApp
let seed: SeededCatalogue
let admin: MadeUser
let centralAdmin: MadeUser
const DAY = 86_400_000

before(async () => {
  t = await createTestApp()
  seed = await seedCatalogue(t.deps)
  admin = await makeUser(t.deps, 'agency_admin', seed.organisation)
  centralAdmin = await makeUser(t.deps, 'central_admin')
})
after(() => t.close())

interface ExportedReview {
  lastReviewedAt: string | null
  nextReviewDue: string
}

async function jsonExport() {
  const res = await t.app.request('/api/v1/export/catalogue.json')
  assert.equal(res.status, 200)
  const doc = (await res.json()) as {
    reviewPolicy: unknown
    services: { id: string; review: ExportedReview | null; publicChangedAt: string | null }[]
  }
  catalogueEnvelopeSchema.parse(doc)
  const byId = new Map(doc.services.map((s) => [s.id, s]))
  return { etag: res.headers.get('etag'), doc, byId }
}

async function csvExport() {
  const res = await t.app.request('/api/v1/export/catalogue.csv')
  assert.equal(res.status, 200)
  const [header = [], ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ''))
  const col = (name: string) => {
    const i = header.indexOf(name)
    assert.ok(i >= 0, `column ${name}`)
    return i
  }
  const id = col('id')
  const last = col('last_reviewed_at')
  const next = col('next_review_due')
  return new Map(rows.map((r) => [r[id] ?? '', { last: r[last], next: r[next] }]))
}

/** The due day `years` after an instant, worked out here from the Jalali calendar. */
function dueAfterYears(from: Date, years: number) {
  const j = tehranDateOf(from)
  const g = jalaliToGregorian(j.jy + years, j.jm, j.jd)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    instant: startOfTehranDay(j.jy + years, j.jm, j.jd).toISOString(),
    day: `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`,
  }
}

async function firstPublishedAt(serviceId: string): Promise<Date> {
  const row = await t.deps.db
    .selectFrom('services')
    .select('firstPublishedAt')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow()
  assert.ok(row.firstPublishedAt)
  return row.firstPublishedAt
}

/** The organisation's admin reviews its service section by section and signs it off unchanged. */
async function signOffUnchanged(serviceId: string): Promise<void> {
  const a = await signedIn(t, admin)
  assert.equal((await postForm(a, `/admin/reviews/services/${serviceId}/open`, {})).status, 303)
  let page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
  const action = page('form[action$="/answers"]').attr('action') ?? ''
  const fields = formFields(page, 'form[action$="/answers"]')
  const sections = new Set(
    page('form[action$="/answers"] input[type="radio"][name$="-answer"]')
      .map((_, el) => page(el).attr('name'))
      .get(),
  )
  const answers = Object.fromEntries([...sections].map((name) => [name, 'unchanged']))
  assert.ok(Object.keys(answers).length >= 8, 'every section answered')
  assert.equal((await postForm(a, action, { ...fields, ...answers })).status, 303)
  page = await checkedPage(await a.get(`/admin/reviews/services/${serviceId}`))
  const revision = formFields(page, 'form[action$="/sign-off"]').revision
  const res = await postForm(a, action.replace('/answers', '/sign-off'), {
    revision: String(revision),
  })
  assert.equal(res.status, 303)
}

describe('review dates in the open-data exports', () => {
  it('a never-reviewed service: no last review, due a cycle after its first publication', async () => {
    const { doc, byId } = await jsonExport()
    assert.deepEqual(doc.reviewPolicy, {
      cycleMonths: 36,
      dueSoonDays: 90,
      dueDays: 30,
      escalateAfterDays: 90,
    })
    const csv = await csvExport()
    for (const s of seed.published) {
      const due = dueAfterYears(await firstPublishedAt(s.id), 3)
      assert.deepEqual(byId.get(s.id)?.review, { lastReviewedAt: null, nextReviewDue: due.instant })
      assert.deepEqual(csv.get(s.id), { last: '', next: due.day })
    }
  })

  it('a completed review: the files are rebuilt with its date and the next due date', async () => {
    const before = await jsonExport()
    const stateBefore = await catalogueState(t.deps.db)
    const [reviewed, untouched] = seed.published
    assert.ok(reviewed && untouched)
    t.clock.advance(100 * DAY)
    await signOffUnchanged(reviewed.id)
    const reviewedAt = t.clock.now()

    const state = await catalogueState(t.deps.db)
    assert.deepEqual(state.lastChange, reviewedAt, 'a completed review is a public change')
    assert.notDeepEqual(state.lastChange, stateBefore.lastChange)

    const after = await jsonExport()
    assert.notEqual(after.etag, before.etag, 'a new file, not the one built before the review')
    const due = dueAfterYears(reviewedAt, 3)
    assert.deepEqual(after.byId.get(reviewed.id)?.review, {
      lastReviewedAt: reviewedAt.toISOString(),
      nextReviewDue: due.instant,
    })
    assert.equal(after.byId.get(reviewed.id)?.publicChangedAt, reviewedAt.toISOString())
    assert.deepEqual(
      after.byId.get(untouched.id)?.review,
      before.byId.get(untouched.id)?.review,
      'the other service is untouched',
    )

    const csv = await csvExport()
    assert.deepEqual(csv.get(reviewed.id), { last: reviewedAt.toISOString(), next: due.day })
    assert.equal(csv.get(untouched.id)?.last, '')
  })

  it('a new review policy: the files are rebuilt with the new due dates and policy', async () => {
    const before = await jsonExport()
    const untouched = seed.published[1]
    assert.ok(untouched)
    t.clock.advance(DAY)
    await setReviewPolicy(t.deps, actorOf(centralAdmin, 'central_admin'), {
      cycleMonths: 24,
      dueSoonDays: 60,
      dueDays: 20,
    })
    const after = await jsonExport()
    assert.notEqual(after.etag, before.etag)
    assert.deepEqual(after.doc.reviewPolicy, {
      cycleMonths: 24,
      dueSoonDays: 60,
      dueDays: 20,
      escalateAfterDays: 90,
    })
    const due = dueAfterYears(await firstPublishedAt(untouched.id), 2)
    assert.equal(after.byId.get(untouched.id)?.review?.nextReviewDue, due.instant)
    assert.equal((await csvExport()).get(untouched.id)?.next, due.day)
  })
})

describe('OpenAPI', () => {
  it('describes the review fields of the JSON and CSV exports', async () => {
    const res = await t.app.request('/api/v1/openapi.json')
    assert.equal(res.status, 200)
    const doc = (await res.json()) as {
      paths: Record<string, { get?: { description?: string } }>
    }
    const json = doc.paths['/export/catalogue.json']?.get?.description ?? ''
    const csv = doc.paths['/export/catalogue.csv']?.get?.description ?? ''
    for (const field of ['lastReviewedAt', 'nextReviewDue', 'reviewPolicy'])
      assert.ok(json.includes(field), field)
    for (const column of ['last_reviewed_at', 'next_review_due'])
      assert.ok(csv.includes(column), column)
  })
})
