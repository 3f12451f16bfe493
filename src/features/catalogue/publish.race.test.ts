import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeDraftService,
  makeLaw,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { findDraft, insertDraft, nextVersionNo } from '../services/index.ts'

// Issue 11 item 8: three admins pressing «انتشار» on one draft at the same moment. On
// PostgreSQL (CI runs this file there too) the three transactions really overlap.

let t: TestApp
let admins: MadeUser[]
let serviceId: string

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps, { nameFa: 'سازمان انتشار همزمان' })
  admins = [
    await makeUser(t.deps, 'agency_admin', agency),
    await makeUser(t.deps, 'agency_admin', agency),
    await makeUser(t.deps, 'agency_admin', agency),
  ]
  const law = await makeLaw(t.deps)
  const service = await makeDraftService(
    t.deps,
    agency,
    'race-service',
    completeContent('خدمت انتشار همزمان', law.id),
  )
  serviceId = service.id
})
after(() => t.close())

async function newDraftOfPublished(round: number): Promise<{ draft: string; revision: string }> {
  const existing = await findDraft(t.deps.db, serviceId)
  if (existing) return { draft: existing.id, revision: String(existing.revision) }
  const last = await t.deps.db
    .selectFrom('serviceVersions')
    .select('content')
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  const content = { ...(last.content as object), summary: `خلاصهٔ دور ${round}` }
  const draft = await insertDraft(t.deps.db, {
    serviceId,
    versionNo: await nextVersionNo(t.deps.db, serviceId),
    content: content as Parameters<typeof insertDraft>[1]['content'],
    userId: null,
    now: t.deps.clock.now(),
  })
  return { draft: draft.id, revision: String(draft.revision) }
}

describe('simultaneous publishes of one draft', () => {
  it('lets exactly one of three win in each of 20 rounds; the others get the conflict answer', async () => {
    const clients = await Promise.all(admins.map((a) => signedIn(t, a)))
    for (let round = 1; round <= 20; round++) {
      const stamp = await newDraftOfPublished(round)
      const responses = await Promise.all(
        clients.map((c, i) =>
          postForm(c, `/admin/services/${serviceId}/publish`, {
            ...stamp,
            changeNote: `انتشار دور ${round} به دست مدیر ${i + 1}`,
          }),
        ),
      )
      const statuses = responses.map((r) => r.status).sort()
      assert.deepEqual(statuses, [303, 409, 409], `round ${round}: one publish, two conflicts`)
      for (const r of responses.filter((r) => r.status === 409)) {
        const body = await r.text()
        assert.ok(body.includes('منتشر یا تغییر داده است'), 'the loser is told why')
      }
    }
    const versions = await t.deps.db
      .selectFrom('serviceVersions')
      .select(['versionNo', 'status', 'changeNote'])
      .where('serviceId', '=', serviceId)
      .orderBy('versionNo')
      .execute()
    assert.equal(versions.length, 20, 'one version per round')
    assert.equal(versions.filter((v) => v.status === 'published').length, 1)
    const publishes = await t.deps.db
      .selectFrom('auditEvents')
      .select('after')
      .where('entityId', '=', serviceId)
      .where('action', '=', 'publish')
      .execute()
    assert.equal(publishes.length, 20, 'one audit event per round, none for the losers')
    const notes = new Set(versions.map((v) => v.changeNote))
    for (const e of publishes) {
      const note = (e.after as { changeNote?: string } | null)?.changeNote
      assert.ok(note && notes.has(note), 'every audited change note is the stored one')
    }
  })
})
