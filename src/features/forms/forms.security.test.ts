import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { type Kysely, sql } from 'kysely'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeDraftService,
  makeLaw,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import {
  apiRequest,
  createTestApp,
  type TestApp,
  type TestClient,
} from '../../../test/support/test-app.ts'
import * as createFormFileUploads from '../../db/migrations/2026_12_06_1400_create_form_file_uploads.ts'
import type { Actor } from '../../lib/actor.ts'
import { CSRF_FIELD } from '../../web/csrf.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import { findDraft, type ServiceForm, saveDraft } from '../services/index.ts'
import { formAttachProblem } from './form-file.policy.ts'
import { countFormFiles } from './form-file.queries.ts'
import { sha256Hex } from './form-file.store.ts'
import { docxBomb, docxWithMacro, pdfOpenActionJs } from './hostile-files.test-helpers.ts'
import { formsMsg as m } from './messages.fa.ts'
import { minimalDocx } from './tiny-zip.ts'

let t: TestApp
let agencyA: Agency
let agencyB: Agency
let editorA: MadeUser
let editorB: MadeUser
let adminA: MadeUser
let law: Law

before(async () => {
  t = await createTestApp()
  agencyA = await makeAgency(t.deps)
  agencyB = await makeAgency(t.deps)
  editorA = await makeUser(t.deps, 'agency_editor', agencyA)
  adminA = await makeUser(t.deps, 'agency_admin', agencyA)
  editorB = await makeUser(t.deps, 'agency_editor', agencyB)
  law = await makeLaw(t.deps)
})
after(() => t.close())

let counter = 0
async function draftOf(agency: Agency): Promise<string> {
  counter++
  const service = await makeDraftService(
    t.deps,
    agency,
    `forms-security-${counter}`,
    completeContent(`خدمت آزمون امنیت ${counter}`, law.id),
  )
  return service.id
}

async function stamp(serviceId: string): Promise<{ draft: string; revision: string }> {
  const d = await findDraft(t.deps.db, serviceId)
  assert.ok(d)
  return { draft: d.id, revision: String(d.revision) }
}

async function uploadBytes(
  client: TestClient,
  serviceId: string,
  bytes: Uint8Array,
  title = 'فرم درخواست',
): Promise<Response> {
  const form = new FormData()
  form.set(CSRF_FIELD, client.csrfToken)
  for (const [k, v] of Object.entries({ ...(await stamp(serviceId)), title, language: 'fa' }))
    form.set(k, v)
  form.set('file', new Blob([new Uint8Array(bytes)]), 'form.docx')
  return client.request(`/admin/services/${serviceId}/edit/forms`, { method: 'POST', body: form })
}

/** The conflict page's resubmit: a stored file named by its hash, no bytes. */
async function attachByHash(client: TestClient, serviceId: string, sha256: string) {
  return client.request(`/admin/services/${serviceId}/edit/forms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      [CSRF_FIELD]: client.csrfToken,
      ...(await stamp(serviceId)),
      title: 'فرم دیگران',
      language: 'fa',
      fileStored: sha256,
      fileName: 'x.docx',
    }),
  })
}

function formEntry(sha256: string): ServiceForm {
  return { sha256, title: 'فرم با هش', code: null, language: 'fa', fileName: 'x.docx' }
}

/** PUT /api/v1/services/{id}/draft with the draft's content plus a form naming `sha256`. */
async function putDraftWithForm(token: string, serviceId: string, sha256: string) {
  const draft = await findDraft(t.deps.db, serviceId)
  assert.ok(draft)
  return apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
    token,
    body: {
      revision: draft.revision,
      content: { ...draft.content, forms: [...draft.content.forms, formEntry(sha256)] },
    },
  })
}

async function formsOf(serviceId: string): Promise<string[]> {
  return ((await findDraft(t.deps.db, serviceId))?.content.forms ?? []).map((f) => f.sha256)
}

async function publish(client: TestClient, serviceId: string): Promise<void> {
  const res = await client.request(`/admin/services/${serviceId}/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ changeNote: 'انتشار', [CSRF_FIELD]: client.csrfToken }),
  })
  assert.equal(res.status, 303, await res.text())
}

describe('form files are attached by hash only by their agency, or once public (issue 11, item 7)', () => {
  it('B cannot attach A’s draft-only file by hash (editor or API), A can; once public B can', async () => {
    const serviceA = await draftOf(agencyA)
    const otherServiceA = await draftOf(agencyA)
    const serviceB = await draftOf(agencyB)
    const clientA = await signedIn(t, editorA)
    const clientB = await signedIn(t, editorB)
    const tokenA = await makeToken(t.deps, editorA.userId)
    const tokenB = await makeToken(t.deps, editorB.userId)

    const secret = minimalDocx('پیش‌نویس محرمانهٔ دستگاه الف')
    const sha = sha256Hex(secret)
    assert.equal((await uploadBytes(clientA, serviceA, secret)).status, 303)
    assert.deepEqual(await formsOf(serviceA), [sha])

    // The editor: B names A's hash in the conflict page's resubmit form.
    const byHash = await attachByHash(clientB, serviceB, sha)
    assert.equal(byHash.status, 422)
    const $ = cheerio.load(await byHash.text())
    assert.match($('.mr-error-summary').text(), new RegExp(m.fileNotYours))
    assert.deepEqual(await formsOf(serviceB), [], 'nothing attached')

    // The API: B puts a card naming A's hash.
    const put = await putDraftWithForm(tokenB, serviceB, sha)
    assert.equal(put.status, 422)
    assert.match(put.headers.get('content-type') ?? '', /application\/problem\+json/)
    const problem = (await put.json()) as { detail: string; errors: Record<string, string> }
    assert.equal(problem.detail, m.fileNotYours)
    assert.equal(problem.errors['content.forms.0.sha256'], m.fileNotYours)
    assert.deepEqual(await formsOf(serviceB), [], 'nothing saved')

    // A attaches its own draft-only file elsewhere: by hash in the editor and through the API.
    assert.equal((await attachByHash(clientA, otherServiceA, sha)).status, 303)
    assert.deepEqual(await formsOf(otherServiceA), [sha])
    const otherA = await draftOf(agencyA)
    assert.equal((await putDraftWithForm(tokenA, otherA, sha)).status, 200)
    assert.deepEqual(await formsOf(otherA), [sha])

    // Once A publishes it, the file is public and B may attach it too.
    await publish(await signedIn(t, adminA), serviceA)
    assert.equal((await putDraftWithForm(tokenB, serviceB, sha)).status, 200)
    assert.deepEqual(await formsOf(serviceB), [sha])
    const laterB = await draftOf(agencyB)
    assert.equal((await attachByHash(clientB, laterB, sha)).status, 303)
    assert.deepEqual(await formsOf(laterB), [sha])
  })

  it('B may attach the same content when it uploads the bytes itself', async () => {
    const serviceA = await draftOf(agencyA)
    const serviceB = await draftOf(agencyB)
    const bytes = minimalDocx('فرم مشترک دو دستگاه')
    const sha = sha256Hex(bytes)
    assert.equal((await uploadBytes(await signedIn(t, editorA), serviceA, bytes)).status, 303)
    const files = await countFormFiles(t.deps.db)
    assert.equal((await uploadBytes(await signedIn(t, editorB), serviceB, bytes)).status, 303)
    assert.deepEqual(await formsOf(serviceB), [sha])
    assert.equal(await countFormFiles(t.deps.db), files, 'still stored once')
    const owners = await t.deps.db
      .selectFrom('formFileUploads')
      .select('agencyId')
      .where('sha256', '=', sha)
      .orderBy('agencyId')
      .execute()
    assert.deepEqual(owners.map((o) => o.agencyId).sort(), [agencyA.id, agencyB.id].sort())
  })

  it('does not let B’s staff download A’s draft-only file through a draft that names it', async () => {
    const serviceA = await draftOf(agencyA)
    const serviceB = await draftOf(agencyB)
    const bytes = minimalDocx('پیش‌نویس دیگر دستگاه الف')
    const sha = sha256Hex(bytes)
    const clientA = await signedIn(t, editorA)
    assert.equal((await uploadBytes(clientA, serviceA, bytes)).status, 303)
    // A draft naming the hash, as one saved before this check existed would.
    const draft = await findDraft(t.deps.db, serviceB)
    assert.ok(draft)
    const actorB: Actor = {
      userId: editorB.userId,
      username: editorB.username,
      displayName: 'ویراستار ب',
      role: 'agency_editor',
      agencyId: agencyB.id,
      agencyNameFa: null,
      mustChangePassword: false,
      via: 'session',
    }
    const saved = await saveDraft(t.deps, actorB, serviceB, draft.revision, (c) => ({
      ...c,
      forms: [formEntry(sha)],
    }))
    assert.ok(saved.ok)
    const clientB = await signedIn(t, editorB)
    assert.equal((await clientB.get(`/admin/services/${serviceB}/forms/${sha}`)).status, 404)
    const own = await clientA.get(`/admin/services/${serviceA}/forms/${sha}`)
    assert.equal(own.status, 200)
    assert.deepEqual(new Uint8Array(await own.arrayBuffer()), bytes)
  })
})

describe('a hash named before its content is uploaded', () => {
  it('is let through unknown, then refused for publishing once another agency uploads it, until public', async () => {
    const serviceA = await draftOf(agencyA)
    const serviceB = await draftOf(agencyB)
    const later = minimalDocx('فرمی که هنوز بارگذاری نشده')
    const sha = sha256Hex(later)
    const tokenB = await makeToken(t.deps, editorB.userId)
    // Not stored anywhere yet: the save passes, publishing would report it missing.
    assert.equal((await putDraftWithForm(tokenB, serviceB, sha)).status, 200)
    assert.equal(await formAttachProblem(t.deps.db, agencyB.id, [sha]), null)
    assert.equal((await uploadBytes(await signedIn(t, editorA), serviceA, later)).status, 303)
    assert.equal(await formAttachProblem(t.deps.db, agencyB.id, [sha]), m.fileNotYours)
    assert.equal(await formAttachProblem(t.deps.db, agencyA.id, [sha]), null)
    const clientB = await signedIn(t, editorB)
    assert.equal((await clientB.get(`/admin/services/${serviceB}/forms/${sha}`)).status, 404)
    await publish(await signedIn(t, adminA), serviceA)
    assert.equal(await formAttachProblem(t.deps.db, agencyB.id, [sha]), null)
    assert.equal((await clientB.get(`/admin/services/${serviceB}/forms/${sha}`)).status, 200)
  })
})

describe('the form_file_uploads migration', () => {
  it('backfills each uploading agency from the form-file store audit events', async () => {
    const serviceA = await draftOf(agencyA)
    const bytes = minimalDocx('فرم پیش از مهاجرت')
    assert.equal((await uploadBytes(await signedIn(t, editorA), serviceA, bytes)).status, 303)
    const before = await t.deps.db.selectFrom('formFileUploads').selectAll().execute()
    await sql`DROP TABLE form_file_uploads`.execute(t.deps.db)
    await createFormFileUploads.up(t.deps.db as unknown as Kysely<unknown>)
    const after = await t.deps.db.selectFrom('formFileUploads').selectAll().execute()
    const key = (r: { sha256: string; agencyId: string }) => `${r.sha256}/${r.agencyId}`
    assert.ok(after.some((r) => r.sha256 === sha256Hex(bytes) && r.agencyId === agencyA.id))
    assert.deepEqual(after.map(key).sort(), before.map(key).sort())
  })
})

describe('hostile uploads are refused through the editor and the API (issue 11, item 13)', () => {
  it('refuses the 200 MiB DOCX bomb in the editor with a Persian message, storing nothing', async () => {
    const id = await draftOf(agencyA)
    const client = await signedIn(t, editorA)
    const files = await countFormFiles(t.deps.db)
    const res = await uploadBytes(client, id, docxBomb())
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /۱۰۰ مگابایت/)
    assert.equal(await countFormFiles(t.deps.db), files)
    assert.deepEqual(await formsOf(id), [])
  })

  it('answers the API with problem+json 422 for a macro DOCX and a PDF with JavaScript', async () => {
    const id = await draftOf(agencyA)
    const token = await makeToken(t.deps, editorA.userId)
    const files = await countFormFiles(t.deps.db)
    for (const [bytes, problem] of [
      [docxWithMacro(), 'macro'],
      [pdfOpenActionJs(), 'pdf-script'],
    ] as const) {
      const form = new FormData()
      form.set('title', 'فرم')
      form.set('language', 'fa')
      form.set('file', new Blob([new Uint8Array(bytes)]), 'form.docx')
      const res = await t.app.request(`/api/v1/services/${id}/draft/forms`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      })
      assert.equal(res.status, 422)
      const body = (await res.json()) as { detail: string }
      assert.equal(body.detail, m.content[problem])
    }
    assert.equal(await countFormFiles(t.deps.db), files)
  })
})
