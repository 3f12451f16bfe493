import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  actorOf,
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { evaluationJson, evaluationListJson, inputsJson, scorecardJson } from './evaluation.api.ts'
import { saveMethod } from './method.actions.ts'
import { DEFAULT_METHOD } from './method.model.ts'
import { answerObjection, lodgeObjection } from './objection.actions.ts'
import { scorecards } from './scorecard.ts'
import { publishCorrection, publishEvaluation } from './snapshot.actions.ts'
import { canonicalJson, storedInputs } from './snapshot.model.ts'

let t: TestApp
let ministry: Agency

before(async () => {
  t = await createTestApp()
  ministry = await makeAgency(t.deps, { nameFa: 'وزارت نمونه', level: 'ministry' })
  const other = await makeAgency(t.deps, { nameFa: 'وزارت دیگر', level: 'ministry' })
  const admin = actorOf(await makeUser(t.deps, 'central_admin'), 'central_admin')
  const supervisor = actorOf(await makeUser(t.deps, 'central_supervisor'), 'central_supervisor')
  const agencyAdmin = actorOf(
    await makeUser(t.deps, 'agency_admin', ministry),
    'agency_admin',
    ministry,
  )
  const law = await makeLaw(t.deps)
  const back = new Date('2025-06-22T08:00:00Z').getTime() - t.clock.now().getTime()
  t.clock.advance(back)
  await makePublishedService(t.deps, ministry, completeContent('خدمت یکم', law.id))
  await makePublishedService(t.deps, other, completeContent('خدمت دوم', law.id))
  t.clock.advance(-back)
  await saveMethod(t.deps, admin, DEFAULT_METHOD)
  await publishEvaluation(t.deps, supervisor, '1404')
  const objection = await lodgeObjection(t.deps, agencyAdmin, '1404', {
    component: 'eService',
    reasonFa: 'مرحلهٔ درخواست ما از آغاز سال الکترونیکی بوده است.',
  })
  await answerObjection(t.deps, supervisor, objection.id, {
    decision: 'accept',
    answerFa: 'بررسی شد؛ درست است.',
    correctedValue: 75,
    correctedN: 4,
  })
  await publishCorrection(t.deps, supervisor, '1404', 'سهم مراحل الکترونیکی اصلاح شد.')
})
after(() => t.close())

describe('the evaluations API', () => {
  it('lists every evaluation, the correction in force and the one it corrects', async () => {
    const res = await t.client().get('/api/v1/evaluations')
    assert.equal(res.status, 200)
    const body = evaluationListJson.parse(await res.json())
    assert.deepEqual(
      body.items.map((i) => [i.period, i.status, i.seq, i.inForce, i.correctsSeq]),
      [
        ['1404', 'corrected', 2, true, 1],
        ['1404', 'published', 1, false, null],
      ],
    )
    assert.equal(body.items[0]?.methodVersion, 1)
    assert.ok(body.items[0]?.publishedAt)
  })

  it('gives a year’s scorecards whose score is the sum of the component scores', async () => {
    const res = await t.client().get('/api/v1/evaluations/1404')
    const body = evaluationJson.parse(await res.json())
    assert.equal(body.status, 'corrected')
    assert.equal(body.agencies.length, 2)
    const mine = body.agencies.find((a) => a.agencyCode === ministry.code)
    assert.ok(mine)
    assert.equal(mine.peerGroup, 'ministry')
    const eService = mine.components.find((c) => c.key === 'eService')
    assert.deepEqual([eService?.value, eService?.n], [75, 4], 'the accepted objection applied')
    for (const a of body.agencies) {
      if (a.score === null) continue
      const sum = a.components.reduce((s, c) => s + (c.score ?? 0), 0)
      assert.equal(Math.round(sum * 10_000) / 10_000, a.score, a.agencyCode)
    }
    const first = evaluationJson.parse(
      await (await t.client().get('/api/v1/evaluations/1404?seq=1')).json(),
    )
    assert.equal(first.status, 'published')
    assert.equal(first.inForce, false)
  })

  it('recomputes from the published inputs and method to the published scores', async () => {
    const body = inputsJson.parse(
      await (await t.client().get('/api/v1/evaluations/1404/inputs')).json(),
    )
    const inputs = storedInputs.parse(body.inputs)
    const digest = createHash('sha256').update(canonicalJson(inputs)).digest('hex')
    assert.equal(digest, body.inputsDigest)
    const method = {
      components: body.method.components.map((c) => ({
        ...c,
        key: DEFAULT_METHOD.components.find((d) => d.key === c.key)?.key ?? 'publication',
      })),
      growthWeight: body.method.growthWeight,
      minComparableShare: body.method.minComparableShare,
    }
    const published = evaluationJson.parse(
      await (await t.client().get('/api/v1/evaluations/1404')).json(),
    )
    const again = scorecards(method, inputs)
    assert.deepEqual(
      again.map((c) => [c.score, c.rank]),
      published.agencies.map((a) => [a.score, a.rank]),
    )
  })

  it('gives the same rows as CSV', async () => {
    const res = await t.client().get('/api/v1/evaluations/1404?format=csv')
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/)
    const bytes = Buffer.from(await res.arrayBuffer())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, for Excel')
    const text = bytes.toString('utf8')
    assert.match(text, /agency_code/)
    assert.ok(text.includes(ministry.code))
    assert.equal(text.trim().split(/\r?\n/).length, 3)
  })

  it('gives one agency’s latest scorecard by id or code', async () => {
    for (const key of [ministry.id, ministry.code]) {
      const res = await t.client().get(`/api/v1/agencies/${key}/scorecard`)
      assert.equal(res.status, 200)
      const body = scorecardJson.parse(await res.json())
      assert.equal(body.agency.agencyCode, ministry.code)
      assert.equal(body.seq, 2)
    }
  })

  it('answers unknown and malformed periods with problem+json, never 500', async () => {
    const missing = await t.client().get('/api/v1/evaluations/1399')
    assert.equal(missing.status, 404)
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/)
    const bad = await t.client().get('/api/v1/evaluations/14x4')
    assert.equal(bad.status, 422)
    const noAgency = await t.client().get('/api/v1/agencies/NO-SUCH/scorecard')
    assert.equal(noAgency.status, 404)
    const doc = (await (await t.client().get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    for (const p of [
      '/evaluations',
      '/evaluations/{period}',
      '/evaluations/{period}/inputs',
      '/agencies/{id}/scorecard',
    ])
      assert.ok(doc.paths[p], `${p} in OpenAPI`)
  })
})
