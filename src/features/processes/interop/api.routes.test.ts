import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Hono } from 'hono'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { createApi } from '../../../web/api.ts'
import type { AppEnv } from '../../../web/env.ts'
import { handleError, handleNotFound } from '../../../web/error-handler.ts'
import { loadActor } from '../../accounts/index.ts'
import { processInteropApiRoutes } from './api.routes.ts'
import { toBpmnXml } from './bpmn-export.ts'
import { readWithBpmnModdle, validateBpmnXsd } from './bpmn-validate.ts'
import { toMermaid } from './mermaid.ts'
import { correctionSample, decisionSample } from './samples.ts'

let t: TestApp
/** The API router with these routes mounted as `buildApp` mounts the others. */
let app: Hono<AppEnv>
let serviceId: string
let emptyServiceId: string
let editorToken: string
let strangerToken: string

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps)
  const other = await makeAgency(t.deps)
  const law = await makeLaw(t.deps)
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent('صدور گواهی آزمایشی', law.id, { process: decisionSample() }),
  )
  serviceId = made.service.id
  const empty = await makePublishedService(t.deps, agency, completeContent('خدمت بی‌فرایند', law.id))
  emptyServiceId = empty.service.id
  editorToken = await makeToken(t.deps, (await makeUser(t.deps, 'agency_editor', agency)).userId)
  strangerToken = await makeToken(t.deps, (await makeUser(t.deps, 'agency_admin', other)).userId)

  app = new Hono<AppEnv>()
  app.use(loadActor(t.deps))
  const api = createApi()
  processInteropApiRoutes(api, t.deps)
  app.route('/api/v1', api)
  app.onError(handleError)
  app.notFound(handleNotFound)
})
after(() => t.close())

function importRequest(id: string, body: string, token?: string) {
  return app.request(`/api/v1/services/${id}/process/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/xml',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  })
}

describe('process exports on the API', () => {
  it('GET …/process.bpmn: valid BPMN 2.0 as application/xml', async () => {
    const res = await app.request(`/api/v1/services/${serviceId}/process.bpmn`)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/xml; charset=utf-8')
    const xml = await res.text()
    assert.match(xml, /targetNamespace="http:\/\/localhost:\d+\/services\//)
    assert.deepEqual((await validateBpmnXsd(xml)).errors, [])
    assert.deepEqual((await readWithBpmnModdle(xml)).warnings, [])
    assert.equal(
      xml,
      toBpmnXml({
        serviceId,
        title: 'صدور گواهی آزمایشی',
        process: decisionSample(),
        baseUrl: t.deps.config.publicUrl,
      }),
    )
  })

  it('GET …/process.mmd: Mermaid as text/plain', async () => {
    const res = await app.request(`/api/v1/services/${serviceId}/process.mmd`)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8')
    assert.equal(await res.text(), toMermaid(decisionSample()))
  })

  it('404 for an unknown service, a malformed id, and a service without a process', async () => {
    for (const path of [
      '/api/v1/services/00000000-0000-4000-8000-000000000000/process.bpmn',
      '/api/v1/services/not-a-uuid/process.mmd',
      `/api/v1/services/${emptyServiceId}/process.bpmn`,
    ]) {
      const res = await app.request(path)
      assert.equal(res.status, 404, path)
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/)
    }
  })
})

describe('POST …/process/import', () => {
  it('converts without saving: process, unmapped and problems', async () => {
    const xml = toBpmnXml({ serviceId, title: 'x', process: correctionSample() })
    const res = await importRequest(serviceId, xml, editorToken)
    assert.equal(res.status, 200)
    const body = (await res.json()) as { process: unknown; unmapped: string[]; problems: string[] }
    assert.deepEqual(body.process, correctionSample())
    assert.deepEqual(body.unmapped, [])
    assert.deepEqual(body.problems, [])
    // Still the published process.
    const mmd = await app.request(`/api/v1/services/${serviceId}/process.mmd`)
    assert.equal(await mmd.text(), toMermaid(decisionSample()))
  })

  it('401 without a token, 403 for another agency, 422 for a file that is not BPMN', async () => {
    const xml = toBpmnXml({ serviceId, title: 'x', process: decisionSample() })
    assert.equal((await importRequest(serviceId, xml)).status, 401)
    assert.equal((await importRequest(serviceId, xml, strangerToken)).status, 403)
    const bad = await importRequest(serviceId, 'not xml', editorToken)
    assert.equal(bad.status, 422)
    const problem = (await bad.json()) as { detail: string; errors: Record<string, string> }
    assert.match(problem.detail, /BPMN/)
    assert.ok(problem.errors.file)
  })

  it('422 when the converted process breaks the portal schema (a title over 200 characters)', async () => {
    const p = decisionSample()
    const long = { ...p, steps: p.steps.map((s) => ({ ...s, title: 'ب'.repeat(201) })) }
    const xml = toBpmnXml({ serviceId, title: 'x', process: long })
    const res = await importRequest(serviceId, xml, editorToken)
    assert.equal(res.status, 422)
    const problem = (await res.json()) as { errors: Record<string, string> }
    assert.ok(problem.errors['steps.0.title'], JSON.stringify(problem.errors))
  })
})
