import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeDraftService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { postOnce } from '../accounts/issued.test-helpers.ts'
import type { Agency } from '../agencies/index.ts'

// Issue 11 item 6: agency B registered a law that agency A's published service cites. B must
// not be able to change A's public record through the shared registry, and when the central
// staff change the law, A's published versions keep the law as it read when they were published.

let t: TestApp
let agencyA: Agency
let adminA: MadeUser
let adminB: MadeUser
let central: MadeUser
let lawId: string
let serviceId: string

const ORIGINAL = { title: 'آیین‌نامهٔ ثبت‌شده به دست دستگاه ب', url: 'https://law.example.ir/b-1' }
const CHANGED = { title: 'آیین‌نامهٔ بازنویسی‌شده', url: 'https://phishing.example.com/login' }

function lawFields(v: { title: string; url: string }) {
  return { title: v.title, kind: 'regulation', number: '۷۷', url: v.url }
}

before(async () => {
  t = await createTestApp()
  agencyA = await makeAgency(t.deps, { nameFa: 'دستگاه الف' })
  const agencyB = await makeAgency(t.deps, { nameFa: 'دستگاه ب' })
  adminA = await makeUser(t.deps, 'agency_admin', agencyA)
  adminB = await makeUser(t.deps, 'agency_admin', agencyB)
  central = await makeUser(t.deps, 'central_admin')

  // The new-law form runs once per one-time token (issue 17 item 10): read it from the form.
  const created = await postOnce(
    await signedIn(t, adminB),
    '/admin/laws/new',
    '/admin/laws/new',
    lawFields(ORIGINAL),
  )
  assert.equal(created.status, 303)
  lawId = (created.headers.get('location') ?? '').replace('/laws/', '')
  const service = await makeDraftService(
    t.deps,
    agencyA,
    'cited-law-service',
    completeContent('خدمت استنادکننده', lawId),
  )
  serviceId = service.id
  const published = await postForm(
    await signedIn(t, adminA),
    `/admin/services/${serviceId}/publish`,
    {
      changeNote: 'نخستین انتشار',
    },
  )
  assert.equal(published.status, 303)
})
after(() => t.close())

describe('a law cited by another agency', () => {
  it('cannot be edited by the agency that registered it; it is told to go through the centre', async () => {
    const b = await signedIn(t, adminB)
    const form = await b.get(`/admin/laws/${lawId}/edit`)
    assert.equal(form.status, 403)
    assert.ok((await form.text()).includes('ستاد مرکزی'))
    const res = await postForm(b, `/admin/laws/${lawId}/edit`, lawFields(CHANGED))
    assert.equal(res.status, 403)
    const law = await t.deps.db
      .selectFrom('laws')
      .select(['title', 'url'])
      .where('id', '=', lawId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(law, ORIGINAL)
  })

  it('edited by the centre, leaves the published page, the API and CPSV-AP as published, and shows in A’s audit', async () => {
    const res = await postForm(
      await signedIn(t, central),
      `/admin/laws/${lawId}/edit`,
      lawFields(CHANGED),
    )
    assert.equal(res.status, 303)

    const pageText =
      (await checkedPage(await t.client().get('/services/cited-law-service')))('main').html() ?? ''
    assert.ok(pageText.includes(ORIGINAL.title), 'the public page names the law as published')
    assert.ok(!pageText.includes(CHANGED.title))
    assert.ok(!pageText.includes(CHANGED.url), 'the new link never reaches the published page')

    const api = await (await t.client().get(`/api/v1/services/${serviceId}`)).text()
    assert.ok(api.includes(ORIGINAL.title) && !api.includes(CHANGED.url))
    const cpsv = await (await t.client().get(`/api/v1/services/${serviceId}/cpsv-ap`)).text()
    assert.ok(cpsv.includes(ORIGINAL.title) && !cpsv.includes(CHANGED.url))

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('entityType', '=', 'law')
      .where('entityId', '=', lawId)
      .where('agencyId', '=', agencyA.id)
      .execute()
    assert.equal(audit.length, 1, 'A sees the change of a law its services cite')
    assert.equal(audit[0]?.action, 'update-cited')
  })

  it('reaches the next version: a new draft cites the registry as it reads now', async () => {
    const a = await signedIn(t, adminA)
    assert.equal((await postForm(a, `/admin/services/${serviceId}/draft`, {})).status, 303)
    const preview = await a.get(`/admin/services/${serviceId}/preview`)
    assert.equal(preview.status, 200)
    const text = await preview.text()
    assert.ok(text.includes(CHANGED.title), 'the draft shows the law as the registry has it')
  })
})
