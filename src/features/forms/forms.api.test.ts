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
import { findDraft } from '../services/index.ts'
import { MAX_FORM_BYTES } from './form-file.model.ts'
import { countFormFiles } from './form-file.queries.ts'
import { sha256Hex, storeFormFile } from './form-file.store.ts'
import { minimalOdt, minimalXlsx } from './tiny-zip.ts'

let t: TestApp
let agency: Agency
let law: Law
let editor: MadeUser
let stranger: MadeUser
let serviceId: string
let slug: string
let publishedSha: string

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  const other = await makeAgency(t.deps)
  law = await makeLaw(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  stranger = await makeUser(t.deps, 'agency_admin', other)
  publishedSha = (await storeFormFile(t.deps.db, minimalOdt())).sha256
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent('خدمت با فرم API', law.id, {
      forms: [
        {
          sha256: publishedSha,
          title: 'فرم ODT',
          code: 'OD-1',
          language: 'fa',
          fileName: 'فرم.odt',
        },
      ],
    }),
  )
  serviceId = made.service.id
  slug = made.slug
})
after(() => t.close())

function uploadRequest(
  token: string | null,
  fields: Record<string, string>,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string } | null,
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  if (file) form.set('file', new Blob([file.bytes]), file.name)
  return t.app.request(`/api/v1/services/${serviceId}/draft/forms`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

interface FormItem {
  sha256: string
  title: string
  kind: string | null
  mediaType: string | null
  sizeBytes: number | null
  downloadUrl: string
}

describe('forms API', () => {
  it('lists a published service’s forms with size, media type and download URL', async () => {
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/forms`)
    assert.equal(res.status, 200)
    const body = (await res.json()) as { items: FormItem[] }
    assert.equal(body.items.length, 1)
    const item = body.items[0]
    assert.equal(item?.sha256, publishedSha)
    assert.equal(item?.kind, 'odt')
    assert.equal(item?.mediaType, 'application/vnd.oasis.opendocument.text')
    assert.equal(item?.sizeBytes, minimalOdt().length)
    assert.ok(item?.downloadUrl.endsWith(`/services/${slug}/forms/${publishedSha}`))
    const missing = await apiRequest(
      t.app,
      'GET',
      '/api/v1/services/00000000-0000-4000-8000-000000000000/forms',
    )
    assert.equal(missing.status, 404)
  })

  it('uploads to the draft with a token, lists the draft, removes the form', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const bytes = minimalXlsx() as Uint8Array<ArrayBuffer>
    const res = await uploadRequest(
      token,
      { title: 'جدول هزینه‌ها', language: 'fa' },
      {
        bytes,
        name: 'هزینه‌ها.xlsx',
      },
    )
    assert.equal(res.status, 201, await res.clone().text())
    const body = (await res.json()) as { revision: number; form: FormItem }
    assert.equal(body.form.sha256, sha256Hex(bytes))
    assert.equal(body.form.kind, 'xlsx')

    const list = await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft/forms`, {
      token,
    })
    assert.equal(list.status, 200)
    const listed = (await list.json()) as { revision: number; items: FormItem[] }
    assert.deepEqual(
      listed.items.map((i) => i.sha256),
      [publishedSha, sha256Hex(bytes)],
    )
    assert.equal(listed.revision, body.revision)

    const stale = await apiRequest(
      t.app,
      'DELETE',
      `/api/v1/services/${serviceId}/draft/forms/${sha256Hex(bytes)}?revision=${body.revision - 1}`,
      { token },
    )
    assert.equal(stale.status, 409)
    const del = await apiRequest(
      t.app,
      'DELETE',
      `/api/v1/services/${serviceId}/draft/forms/${sha256Hex(bytes)}?revision=${body.revision}`,
      { token },
    )
    assert.equal(del.status, 200)
    const draft = await findDraft(t.deps.db, serviceId)
    assert.deepEqual(
      draft?.content.forms.map((f) => f.sha256),
      [publishedSha],
    )
  })

  it('answers bad uploads with Persian problem+json: 422 wrong type or empty, 413 oversize', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const files = await countFormFiles(t.deps.db)
    const wrong = await uploadRequest(
      token,
      { title: 'فرم', language: 'fa' },
      {
        bytes: new TextEncoder().encode('MZ program'),
        name: 'x.pdf',
      },
    )
    assert.equal(wrong.status, 422)
    assert.match(wrong.headers.get('content-type') ?? '', /application\/problem\+json/)
    const problem = (await wrong.json()) as { detail: string; errors: Record<string, string> }
    assert.match(problem.detail, /PDF/)
    assert.match(problem.errors.file ?? '', /پذیرفته نیست/)
    const empty = await uploadRequest(
      token,
      { title: 'فرم', language: 'fa' },
      {
        bytes: new Uint8Array(),
        name: 'x.pdf',
      },
    )
    assert.equal(empty.status, 422)
    const noFile = await uploadRequest(token, { title: 'فرم', language: 'fa' }, null)
    assert.equal(noFile.status, 422)
    const huge = new Uint8Array(MAX_FORM_BYTES + 400 * 1024)
    huge.set(new TextEncoder().encode('%PDF-1.4'))
    const big = await uploadRequest(
      token,
      { title: 'فرم', language: 'fa' },
      {
        bytes: huge,
        name: 'big.pdf',
      },
    )
    assert.equal(big.status, 413)
    const bigProblem = (await big.json()) as { detail: string }
    assert.match(bigProblem.detail, /۱۰ مگابایت/)
    assert.equal(await countFormFiles(t.deps.db), files)
  })

  it('refuses anonymous (401) and another agency (403)', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 api auth')
    const anon = await uploadRequest(
      null,
      { title: 'فرم', language: 'fa' },
      {
        bytes,
        name: 'a.pdf',
      },
    )
    assert.equal(anon.status, 401)
    const token = await makeToken(t.deps, stranger.userId)
    const other = await uploadRequest(
      token,
      { title: 'فرم', language: 'fa' },
      {
        bytes,
        name: 'a.pdf',
      },
    )
    assert.equal(other.status, 403)
    const list = await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft/forms`, {
      token,
    })
    assert.equal(list.status, 403)
  })

  it('is described in the OpenAPI document', async () => {
    const res = await apiRequest(t.app, 'GET', '/api/v1/openapi.json')
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
    assert.ok(doc.paths['/services/{id}/forms']?.get)
    assert.ok(doc.paths['/services/{id}/draft/forms']?.get)
    assert.ok(doc.paths['/services/{id}/draft/forms']?.post)
    assert.ok(doc.paths['/services/{id}/draft/forms/{sha256}']?.delete)
  })
})
