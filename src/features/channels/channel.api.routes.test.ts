import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import { EMPTY_STAGE_MATRIX, findDraft } from '../services/index.ts'
import { sampleChannels, sampleStages } from './channel.test-helpers.ts'

let t: TestApp
let agency: Agency
let law: Law
let editor: MadeUser
let stranger: MadeUser
let serviceId: string

interface ChannelsBody {
  revision?: number
  channels: { id: string; kind: string }[]
  stages: typeof sampleStages
  maturity: { level: number; label: string; definition: string }
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  const other = await makeAgency(t.deps)
  law = await makeLaw(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  stranger = await makeUser(t.deps, 'agency_admin', other)
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent('خدمت با راه‌های دسترسی', law.id, {
      channels: sampleChannels,
      stages: sampleStages,
    }),
  )
  serviceId = made.service.id
  await makePublishedService(t.deps, agency, completeContent('خدمت حضوری', law.id))
})
after(() => t.close())

describe('channels API', () => {
  it('reads a published service’s channels, stage matrix and maturity level', async () => {
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/channels`)
    assert.equal(res.status, 200)
    const body = (await res.json()) as ChannelsBody
    assert.deepEqual(
      body.channels.map((c) => c.id),
      ['ch-online', 'ch-desk'],
    )
    assert.deepEqual(body.stages, sampleStages)
    assert.equal(body.maturity.level, 4)
    assert.equal(body.maturity.label, 'تراکنش')
    assert.match(body.maturity.definition, /\/help\/e-service-maturity$/)
    const version = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}`)
    ).json()) as {
      eServiceMaturity: number
    }
    assert.equal(version.eServiceMaturity, 4, 'the service response carries the level too')
  })

  it('reads and replaces the draft’s channels (bearer), refusing strangers, bad matrices and stale revisions', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const path = `/api/v1/services/${serviceId}/draft/channels`
    assert.equal((await apiRequest(t.app, 'GET', path)).status, 401)
    const strangerToken = await makeToken(t.deps, stranger.userId)
    assert.equal((await apiRequest(t.app, 'GET', path, { token: strangerToken })).status, 403)
    const got = await apiRequest(t.app, 'GET', path, { token })
    assert.equal(got.status, 200)
    const draft = (await got.json()) as ChannelsBody
    assert.ok(draft.revision)

    const bad = await apiRequest(t.app, 'PUT', path, {
      token,
      body: {
        revision: draft.revision,
        channels: sampleChannels,
        stages: { ...sampleStages, request: { mode: 'electronic', channelIds: ['ch-missing'] } },
      },
    })
    assert.equal(bad.status, 422)
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/)
    const problem = (await bad.json()) as { detail: string; errors?: Record<string, string> }
    assert.match(problem.detail, /درخواست/)
    assert.ok(problem.errors?.['stages.request'])

    const forbidden = await apiRequest(t.app, 'PUT', path, {
      token: strangerToken,
      body: { revision: draft.revision, channels: [], stages: EMPTY_STAGE_MATRIX },
    })
    assert.equal(forbidden.status, 403)

    const onlyDesk = [sampleChannels[1]]
    const ok = await apiRequest(t.app, 'PUT', path, {
      token,
      body: {
        revision: draft.revision,
        channels: onlyDesk,
        stages: { ...EMPTY_STAGE_MATRIX, request: { mode: 'in_person', channelIds: ['ch-desk'] } },
      },
    })
    assert.equal(ok.status, 200)
    const saved = (await ok.json()) as ChannelsBody
    assert.equal(saved.maturity.level, 1)
    const stored = await findDraft(t.deps.db, serviceId)
    assert.deepEqual(
      stored?.content.channels.map((c) => c.id),
      ['ch-desk'],
    )

    const stale = await apiRequest(t.app, 'PUT', path, {
      token,
      body: { revision: draft.revision, channels: sampleChannels, stages: sampleStages },
    })
    assert.equal(stale.status, 409)
    const after = await findDraft(t.deps.db, serviceId)
    assert.deepEqual(
      after?.content.channels.map((c) => c.id),
      ['ch-desk'],
      'nothing overwritten',
    )
  })

  it('the whole-draft PUT refuses a matrix naming a channel that does not exist', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const draft = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, { token })
    ).json()) as {
      revision: number
      content: Record<string, unknown>
    }
    const res = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
      token,
      body: {
        revision: draft.revision,
        content: { ...draft.content, channels: [], stages: sampleStages },
      },
    })
    assert.equal(res.status, 422)
  })

  it('gives the maturity indicator per agency: distribution and average of published services', async () => {
    const res = await apiRequest(
      t.app,
      'GET',
      `/api/v1/indicators/e-service-maturity?agency=${agency.code}`,
    )
    assert.equal(res.status, 200)
    const body = (await res.json()) as {
      items: {
        agency: { code: string }
        services: number
        counts: Record<string, number>
        average: number
      }[]
    }
    assert.equal(body.items.length, 1)
    const item = body.items[0]
    assert.ok(item)
    assert.equal(item.agency.code, agency.code)
    assert.equal(item.services, 2)
    assert.deepEqual(item.counts, { 1: 1, 2: 0, 3: 0, 4: 1, 5: 0 })
    assert.equal(item.average, 2.5)
    assert.equal(
      (await apiRequest(t.app, 'GET', '/api/v1/indicators/e-service-maturity?agency=nope')).status,
      404,
    )
    const all = (await (
      await apiRequest(t.app, 'GET', '/api/v1/indicators/e-service-maturity')
    ).json()) as {
      items: unknown[]
    }
    assert.ok(all.items.length >= 2)
  })
})
