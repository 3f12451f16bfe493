import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { servicesMsg as msg } from '../services/index.ts'

/**
 * Issue 17 item 13: the API takes the same readable Persian addresses as the staff form (the
 * shape `slugify` makes), not only Latin ones, and the service's page answers at it.
 */
describe('services API slugs', () => {
  let t: TestApp
  let token: string
  let lawId: string
  before(async () => {
    t = await createTestApp()
    const agency = await makeAgency(t.deps)
    lawId = (await makeLaw(t.deps, 'قانون نشانی‌های خوانا')).id
    token = await makeToken(t.deps, (await makeUser(t.deps, 'agency_admin', agency)).userId)
  })
  after(() => t.close())

  it('creates a service at a Persian address, whose page answers there once published', async () => {
    const slug = 'صدور-گواهی-نشانی-1405'
    const created = await apiRequest(t.app, 'POST', '/api/v1/services', {
      token,
      body: { title: 'صدور گواهی نشانی', slug },
    })
    assert.equal(created.status, 201, await created.clone().text())
    const draft = (await created.json()) as { id: string; revision: number }
    const row = await t.deps.db
      .selectFrom('services')
      .select('slug')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.slug, slug)
    const saved = await apiRequest(t.app, 'PUT', `/api/v1/services/${draft.id}/draft`, {
      token,
      body: { revision: draft.revision, content: completeContent('صدور گواهی نشانی', lawId) },
    })
    assert.equal(saved.status, 200)
    const published = await apiRequest(t.app, 'POST', `/api/v1/services/${draft.id}/publish`, {
      token,
      body: { changeNote: 'نخستین انتشار' },
    })
    assert.equal(published.status, 200)
    const page = await t.client().get(`/services/${encodeURIComponent(slug)}`)
    assert.equal(page.status, 200)
    assert.equal((await checkedPage(page))('h1').text(), 'صدور گواهی نشانی')
  })

  it('still takes a Latin address, and makes one from the title when none is sent', async () => {
    const latin = await apiRequest(t.app, 'POST', '/api/v1/services', {
      token,
      body: { title: 'خدمت لاتین', slug: 'latin-address-2' },
    })
    assert.equal(latin.status, 201)
    const made = await apiRequest(t.app, 'POST', '/api/v1/services', {
      token,
      body: { title: 'خدمت بی‌نشانی API' },
    })
    assert.equal(made.status, 201)
    const { id } = (await made.json()) as { id: string }
    const row = await t.deps.db
      .selectFrom('services')
      .select('slug')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.slug, 'خدمت-بی-نشانی-api')
  })

  it('refuses with 422 and the Persian message an address not in the normal form', async () => {
    for (const slug of [
      'صدور گذرنامه', // a space
      'Car-Tax', // capitals
      'گواهي', // Arabic yeh: the normal form is گواهی
      'صدور--گذرنامه',
      '-صدور',
      'نشانی-۱۴۰۵', // Persian digits: addresses carry ASCII digits
      'ا'.repeat(81),
    ]) {
      const before = await t.deps.db.selectFrom('services').select('id').execute()
      const res = await apiRequest(t.app, 'POST', '/api/v1/services', {
        token,
        body: { title: 'خدمت نشانی نادرست', slug },
      })
      assert.equal(res.status, 422, slug)
      const problem = (await res.json()) as { errors: Record<string, string> }
      assert.equal(problem.errors.slug, msg.slugInvalid, slug)
      assert.deepEqual(await t.deps.db.selectFrom('services').select('id').execute(), before)
    }
  })

  it('documents the Persian address in the OpenAPI description', async () => {
    const res = await apiRequest(t.app, 'GET', '/api/v1/openapi.json')
    assert.equal(res.status, 200)
    const text = await res.text()
    assert.ok(text.includes('صدور-گذرنامه'), 'the example is a Persian address')
  })
})
