import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAgency, makeToken, makeUser } from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'

/** Issue 11 item 4: API bodies are checked by the card's own rules, after normalisation. */
describe('services API input', () => {
  let t: TestApp
  let token: string
  before(async () => {
    t = await createTestApp()
    const agency = await makeAgency(t.deps)
    token = await makeToken(t.deps, (await makeUser(t.deps, 'agency_admin', agency)).userId)
  })
  after(() => t.close())

  it('refuses with 422, not 500, a title that normalises to nothing', async () => {
    for (const title of ['\u202e', '\u200b\u0640', ' \u200c ', '\ufeff']) {
      const services = await t.deps.db.selectFrom('services').select('id').execute()
      const res = await apiRequest(t.app, 'POST', '/api/v1/services', { token, body: { title } })
      assert.equal(res.status, 422, JSON.stringify(title))
      const problem = (await res.json()) as { errors: Record<string, string> }
      assert.ok(problem.errors.title, 'the message is on the title')
      assert.deepEqual(
        await t.deps.db.selectFrom('services').select('id').execute(),
        services,
        'nothing is created',
      )
    }
  })

  it('refuses a change note that normalises to nothing', async () => {
    const created = await apiRequest(t.app, 'POST', '/api/v1/services', {
      token,
      body: { title: 'خدمت آزمایشی یادداشت' },
    })
    assert.equal(created.status, 201)
    const { id } = (await created.json()) as { id: string }
    const res = await apiRequest(t.app, 'POST', `/api/v1/services/${id}/publish`, {
      token,
      body: { changeNote: '\u200b \u202e' },
    })
    assert.equal(res.status, 422)
    const problem = (await res.json()) as { errors: Record<string, string> }
    assert.ok(problem.errors.changeNote)
  })
})
