import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { CSRF_FIELD } from '../../web/csrf.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import type { ServiceForm } from '../services/index.ts'
import { findDraft } from '../services/index.ts'
import { MAX_FORM_BYTES } from './form-file.model.ts'
import { countFormFiles } from './form-file.queries.ts'
import { sha256Hex, storeFormFile } from './form-file.store.ts'
import { formsMsg as m } from './messages.fa.ts'
import { minimalDocx } from './tiny-zip.ts'

let t: TestApp
let agency: Agency
let other: Agency
let editor: MadeUser
let admin: MadeUser
let otherEditor: MadeUser
let law: Law

const enc = new TextEncoder()
let pdfCounter = 0
/** A small, distinct PDF-looking file (the sniffer reads its header). */
function pdfBytes(extra = ''): Uint8Array<ArrayBuffer> {
  pdfCounter++
  return enc.encode(`%PDF-1.4\n% test file ${pdfCounter} ${extra}\n%%EOF\n`)
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  other = await makeAgency(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  admin = await makeUser(t.deps, 'agency_admin', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  law = await makeLaw(t.deps)
})
after(() => t.close())

let slugCounter = 0
/** A service that has only a draft (never published). */
async function draftService(): Promise<string> {
  slugCounter++
  const service = await makeDraftService(
    t.deps,
    agency,
    `forms-draft-${slugCounter}`,
    completeContent('خدمت با فرم', law.id),
  )
  return service.id
}

async function stamp(serviceId: string): Promise<{ draft: string; revision: string }> {
  const d = await findDraft(t.deps.db, serviceId)
  assert.ok(d)
  return { draft: d.id, revision: String(d.revision) }
}

function multipart(
  client: TestClient | null,
  path: string,
  fields: Record<string, string>,
  file?: { field: string; bytes: Uint8Array<ArrayBuffer>; name: string },
  options: { csrf?: boolean } = {},
): Promise<Response> {
  const form = new FormData()
  if (client && options.csrf !== false) form.set(CSRF_FIELD, client.csrfToken)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  if (file) form.set(file.field, new Blob([file.bytes]), file.name)
  const init = { method: 'POST', body: form }
  return client ? client.request(path, init) : Promise.resolve(t.app.request(path, init))
}

async function upload(
  client: TestClient,
  serviceId: string,
  bytes: Uint8Array<ArrayBuffer>,
  name = 'فرم درخواست.pdf',
  details: Record<string, string> = { title: 'فرم درخواست', code: 'F-101', language: 'fa' },
): Promise<Response> {
  return multipart(
    client,
    `/admin/services/${serviceId}/edit/forms`,
    { ...(await stamp(serviceId)), ...details },
    { field: 'file', bytes, name },
  )
}

async function html(res: Response) {
  return cheerio.load(await res.text())
}

async function auditActions(entityType: string) {
  const rows = await t.deps.db
    .selectFrom('auditEvents')
    .select(['action', 'entityId'])
    .where('entityType', '=', entityType)
    .orderBy('id')
    .execute()
  return rows
}

async function publish(client: TestClient, serviceId: string, note = 'انتشار'): Promise<void> {
  const form = new URLSearchParams({ changeNote: note, [CSRF_FIELD]: client.csrfToken })
  const res = await client.request(`/admin/services/${serviceId}/publish`, {
    method: 'POST',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  assert.equal(res.status, 303, await res.text())
}

describe('uploading a form to the draft', () => {
  it('stores the file, attaches it to the draft and audits both', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const page = await client.get(`/admin/services/${id}/edit/forms`)
    assert.equal(page.status, 200)
    const $ = await html(page)
    assert.equal($('#add-form').attr('enctype'), 'multipart/form-data')
    assert.equal($('#add-form input[name="_csrf"]').length, 1)
    const bytes = pdfBytes()
    const filesBefore = await countFormFiles(t.deps.db)
    const res = await upload(client, id, bytes)
    assert.equal(res.status, 303, await res.text())
    assert.match(res.headers.get('location') ?? '', /done=added/)
    const draft = await findDraft(t.deps.db, id)
    const forms = draft?.content.forms ?? []
    assert.deepEqual(forms, [
      {
        sha256: sha256Hex(bytes),
        title: 'فرم درخواست',
        code: 'F-101',
        language: 'fa',
        fileName: 'فرم درخواست.pdf',
      },
    ])
    assert.equal(await countFormFiles(t.deps.db), filesBefore + 1)
    const stored = await auditActions('form-file')
    assert.ok(stored.some((e) => e.action === 'store' && e.entityId === sha256Hex(bytes)))
    const listed = await html(await client.get(`/admin/services/${id}/edit/forms`))
    assert.match(listed('#draft-forms').text(), /فرم درخواست/)
    assert.match(listed('#draft-forms').text(), /PDF/)
    const overview = await html(await client.get(`/admin/services/${id}`))
    assert.match(overview('#draft-forms-summary').text(), /فرم درخواست/)
  })

  it('accepts a Word file and names the download after its real kind', async () => {
    const id = await draftService()
    const client = await signedIn(t, admin)
    const res = await upload(client, id, minimalDocx('x') as Uint8Array<ArrayBuffer>, 'form.pdf', {
      title: 'Application',
      code: '',
      language: 'en',
    })
    assert.equal(res.status, 303)
    const form = (await findDraft(t.deps.db, id))?.content.forms[0]
    assert.equal(form?.fileName, 'form.docx')
    assert.equal(form?.code, null)
  })

  it('refuses a wrong type, an empty file, 10 MB + 1 and missing details with 422, changing nothing', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const before = await findDraft(t.deps.db, id)
    const files = await countFormFiles(t.deps.db)
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])
    const big = new Uint8Array(MAX_FORM_BYTES + 1)
    big.set(pdfBytes())
    const cases: [Uint8Array<ArrayBuffer>, string, RegExp][] = [
      [exe, 'setup.pdf', /نوع این پرونده پذیرفته نیست/],
      [new Uint8Array(), 'empty.pdf', /خالی است/],
      [big, 'big.pdf', /بیش از ۱۰ مگابایت/],
    ]
    for (const [bytes, name, message] of cases) {
      const res = await upload(client, id, bytes, name)
      assert.equal(res.status, 422, name)
      const $ = await html(res)
      assert.match($('.mr-error-summary').text(), message)
      assert.equal($('.mr-error-summary a').attr('href'), '#file')
      assert.equal($('#file').length, 1)
      assert.equal($('input[name="title"]').attr('value'), 'فرم درخواست')
    }
    const noTitle = await upload(client, id, pdfBytes(), 'a.pdf', { title: ' ', language: 'xx' })
    assert.equal(noTitle.status, 422)
    const $ = await html(noTitle)
    assert.match($('.mr-error-summary').text(), new RegExp(m.titleRequired))
    assert.match($('.mr-error-summary').text(), new RegExp(m.languageInvalid))
    const after = await findDraft(t.deps.db, id)
    assert.equal(after?.revision, before?.revision)
    assert.deepEqual(after?.content.forms, [])
    assert.equal(await countFormFiles(t.deps.db), files)
  })

  it('accepts a file of exactly 10 MB (over the 1 MB limit elsewhere) and serves it back intact', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const bytes = new Uint8Array(MAX_FORM_BYTES)
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) & 0xff
    bytes.set(pdfBytes())
    const res = await upload(client, id, bytes, 'بزرگ.pdf', { title: 'فرم بزرگ', language: 'fa' })
    assert.equal(res.status, 303)
    const back = await client.get(`/admin/services/${id}/forms/${sha256Hex(bytes)}`)
    assert.equal(back.status, 200)
    assert.equal(back.headers.get('content-length'), String(MAX_FORM_BYTES))
    assert.equal(sha256Hex(new Uint8Array(await back.arrayBuffer())), sha256Hex(bytes))
  })

  it('answers a body over the upload limit with a Persian 413, changing nothing', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const files = await countFormFiles(t.deps.db)
    const huge = new Uint8Array(MAX_FORM_BYTES + 512 * 1024)
    huge.set(pdfBytes())
    const res = await upload(client, id, huge)
    assert.equal(res.status, 413)
    assert.match(await res.text(), /حداکثر ۱۰ مگابایت/)
    assert.equal(await countFormFiles(t.deps.db), files)
    // Elsewhere the 1 MB limit still holds.
    const form = new URLSearchParams({ changeNote: 'x'.repeat(1024 * 1024 + 10) })
    const other = await client.request(`/admin/services/${id}/publish`, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(other.status, 413)
  })

  it('refuses another agency (403), anonymous visitors (sign in / 401) and a missing CSRF token (403)', async () => {
    const id = await draftService()
    const files = await countFormFiles(t.deps.db)
    const stranger = await signedIn(t, otherEditor)
    assert.equal((await stranger.get(`/admin/services/${id}/edit/forms`)).status, 403)
    assert.equal((await upload(stranger, id, pdfBytes())).status, 403)
    const anonymous = t.client()
    const get = await anonymous.get(`/admin/services/${id}/edit/forms`)
    assert.ok([302, 303].includes(get.status))
    assert.match(get.headers.get('location') ?? '', /sign-in/)
    assert.equal((await upload(anonymous, id, pdfBytes())).status, 401)
    const client = await signedIn(t, editor)
    const noToken = await multipart(
      client,
      `/admin/services/${id}/edit/forms`,
      { ...(await stamp(id)), title: 'فرم', language: 'fa' },
      { field: 'file', bytes: pdfBytes(), name: 'a.pdf' },
      { csrf: false },
    )
    assert.equal(noToken.status, 403)
    assert.equal(await countFormFiles(t.deps.db), files)
    assert.deepEqual((await findDraft(t.deps.db, id))?.content.forms, [])
  })

  it('answers a stale revision with the shared conflict page; resubmitting adds the same file', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const old = await stamp(id)
    assert.equal((await upload(client, id, pdfBytes())).status, 303)
    const files = await countFormFiles(t.deps.db)
    const second = pdfBytes('second')
    const res = await multipart(
      client,
      `/admin/services/${id}/edit/forms`,
      { ...old, title: 'فرم دوم', language: 'fa' },
      { field: 'file', bytes: second, name: 'b.pdf' },
    )
    assert.equal(res.status, 409)
    assert.equal((await findDraft(t.deps.db, id))?.content.forms.length, 1, 'nothing saved')
    assert.equal(
      await countFormFiles(t.deps.db),
      files + 1,
      'the file is kept in the store, so the resubmit can name it by hash',
    )
    const $ = await html(res)
    const changes = $('#conflict-changes').text()
    assert.match(changes, /فرم دوم/, 'this person’s form is shown beside the saved version')
    const resubmit = $('#conflict-resubmit')
    assert.equal(resubmit.attr('action'), `/admin/services/${id}/edit/forms`)
    assert.equal(resubmit.find('input[name="fileStored"]').attr('value'), sha256Hex(second))
    assert.equal(resubmit.find('input[name="title"]').attr('value'), 'فرم دوم', 'typed text kept')
    const fields = resubmit
      .find('input[type="hidden"]')
      .toArray()
      .map((el): [string, string] => [
        String($(el).attr('name')),
        String($(el).attr('value') ?? ''),
      ])
    const applied = await client.request(`/admin/services/${id}/edit/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })
    assert.equal(applied.status, 303)
    const forms = (await findDraft(t.deps.db, id))?.content.forms ?? []
    assert.equal(forms.length, 2)
    assert.deepEqual([forms[1]?.title, forms[1]?.sha256], ['فرم دوم', sha256Hex(second)])
    assert.equal(await countFormFiles(t.deps.db), files + 1, 'stored once')
  })

  it('does not accept a stored-file hash that is not in the store', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const res = await client.request(`/admin/services/${id}/edit/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        [CSRF_FIELD]: client.csrfToken,
        ...(await stamp(id)),
        title: 'فرم',
        language: 'fa',
        fileStored: 'f'.repeat(64),
        fileName: 'x.pdf',
      }),
    })
    assert.equal(res.status, 422)
    assert.match((await html(res))('.mr-error-summary').text(), new RegExp(m.fileMissing))
    assert.deepEqual((await findDraft(t.deps.db, id))?.content.forms, [])
  })
})

describe('editing, replacing and removing a form', () => {
  it('edits the details, replaces the file and removes the form through saveDraft', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const first = pdfBytes()
    assert.equal((await upload(client, id, first)).status, 303)
    const sha = sha256Hex(first)
    const edit = `/admin/services/${id}/edit/forms/${sha}`
    const $ = await html(await client.get(edit))
    assert.equal($('#details-form input[name="title"]').attr('value'), 'فرم درخواست')

    const saved = await multipart(client, edit, {
      ...(await stamp(id)),
      title: 'فرم تقاضا',
      code: 'F-102',
      language: 'ar',
    })
    assert.equal(saved.status, 303)
    let form = (await findDraft(t.deps.db, id))?.content.forms[0]
    assert.equal(form?.title, 'فرم تقاضا')
    assert.equal(form?.language, 'ar')
    assert.equal(form?.sha256, sha)

    const bad = await multipart(
      client,
      `${edit}/file`,
      { ...(await stamp(id)) },
      { field: 'newFile', bytes: enc.encode('GIF89a'), name: 'x.pdf' },
    )
    assert.equal(bad.status, 422)
    assert.match((await html(bad))('.mr-error-summary a[href="#newFile"]').text(), /پذیرفته نیست/)

    const second = pdfBytes('v2')
    const replaced = await multipart(
      client,
      `${edit}/file`,
      { ...(await stamp(id)) },
      { field: 'newFile', bytes: second, name: 'تقاضا-۲.pdf' },
    )
    assert.equal(replaced.status, 303)
    form = (await findDraft(t.deps.db, id))?.content.forms[0]
    assert.equal(form?.sha256, sha256Hex(second))
    assert.equal(form?.title, 'فرم تقاضا')
    assert.equal(form?.fileName, 'تقاضا-۲.pdf')

    const removed = await multipart(
      client,
      `/admin/services/${id}/edit/forms/${sha256Hex(second)}/delete`,
      { ...(await stamp(id)) },
    )
    assert.equal(removed.status, 303)
    assert.deepEqual((await findDraft(t.deps.db, id))?.content.forms, [])
    assert.equal((await client.get(edit)).status, 404)
  })

  it('refuses the same file twice in one draft', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const bytes = pdfBytes()
    assert.equal((await upload(client, id, bytes)).status, 303)
    const again = await upload(client, id, bytes, 'again.pdf', { title: 'دوباره', language: 'fa' })
    assert.equal(again.status, 422)
    assert.match((await html(again))('.mr-error-summary').text(), /پیش‌تر به فرم/)
  })
})

function formOf(sha256: string, title: string, fileName: string): ServiceForm {
  return { sha256, title, code: 'F-9', language: 'fa', fileName }
}

async function stored(bytes: Uint8Array): Promise<string> {
  return (await storeFormFile(t.deps.db, bytes)).sha256
}

describe('downloads', () => {
  it('serves a published form with its type, Persian name, ETag, caching and the exact bytes', async () => {
    const bytes = minimalDocx('دانلود') as Uint8Array<ArrayBuffer>
    const sha = await stored(bytes)
    const { slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت دانلود', law.id, {
        forms: [formOf(sha, 'فرم نمونه', 'فرم نمونه.docx')],
      }),
    )
    const res = await t.app.request(`/services/${slug}/forms/${sha}`)
    assert.equal(res.status, 200)
    assert.equal(
      res.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    assert.equal(res.headers.get('content-length'), String(bytes.length))
    assert.equal(res.headers.get('etag'), `"${sha}"`)
    assert.match(res.headers.get('cache-control') ?? '', /public, max-age=31536000, immutable/)
    assert.equal(
      res.headers.get('content-disposition'),
      `attachment; filename="form-${sha.slice(0, 12)}.docx"; filename*=UTF-8''${encodeURIComponent('فرم نمونه.docx')}`,
    )
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes)
    assert.equal(res.headers.get('set-cookie'), null, 'a cacheable download sets no cookie')
    const again = await t.app.request(`/services/${slug}/forms/${sha}`, {
      headers: { 'if-none-match': `"${sha}"` },
    })
    assert.equal(again.status, 304)
    assert.equal(await again.text(), '')

    const page = await html(await t.app.request(`/services/${slug}`))
    const row = page('#forms-table tbody tr')
    assert.equal(row.length, 1)
    assert.match(row.text(), /فرم نمونه/)
    assert.match(row.text(), /Word/)
    assert.match(row.text(), /بایت|کیلوبایت/)
    assert.equal(row.find('a').attr('href'), `/services/${slug}/forms/${sha}`)
  })

  it('does not serve a draft-only file publicly, but does to the service staff', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const bytes = pdfBytes()
    assert.equal((await upload(client, id, bytes)).status, 303)
    const sha = sha256Hex(bytes)
    const draft = await findDraft(t.deps.db, id)
    const slug = `forms-draft-${slugCounter}`
    assert.ok(draft)
    assert.equal((await t.app.request(`/services/${slug}/forms/${sha}`)).status, 404)
    const staff = await client.get(`/admin/services/${id}/forms/${sha}`)
    assert.equal(staff.status, 200)
    assert.equal(staff.headers.get('content-type'), 'application/pdf')
    assert.match(staff.headers.get('cache-control') ?? '', /private/)
    assert.deepEqual(new Uint8Array(await staff.arrayBuffer()), bytes)
    const preview = await html(await client.get(`/admin/services/${id}/preview`))
    assert.equal(preview('#forms-table a').attr('href'), `/admin/services/${id}/forms/${sha}`)
    const stranger = await signedIn(t, otherEditor)
    assert.equal((await stranger.get(`/admin/services/${id}/forms/${sha}`)).status, 403)
    // A file stored but attached to another service is not served under this one.
    const { slug: otherSlug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت دیگر', law.id),
    )
    assert.equal((await t.app.request(`/services/${otherSlug}/forms/${sha}`)).status, 404)
  })
})

describe('versions share files; history shows a replaced form', () => {
  it('keeps one row for a file shared by two versions and lists the replacement in the history', async () => {
    const first = pdfBytes()
    const sha1 = await stored(first)
    const rows = await countFormFiles(t.deps.db)
    const content = completeContent('خدمت نسخه‌دار', law.id, {
      forms: [formOf(sha1, 'فرم ثبت‌نام', 'ثبت‌نام.pdf')],
    })
    const { service, slug } = await makePublishedService(t.deps, agency, content, [
      { content: { ...content, summary: 'خلاصهٔ تازه' }, changeNote: 'ویرایش خلاصه' },
    ])
    // Storing the same bytes again adds nothing.
    const again = await storeFormFile(t.deps.db, first)
    assert.equal(again.created, false)
    assert.equal(await countFormFiles(t.deps.db), rows)
    const hits = await t.deps.db
      .selectFrom('formFiles')
      .select('sha256')
      .where('sha256', '=', sha1)
      .execute()
    assert.equal(hits.length, 1)

    // An admin starts a draft, replaces the file and publishes: version 3.
    const client = await signedIn(t, admin)
    const start = await client.request(`/admin/services/${service.id}/draft`, {
      method: 'POST',
      body: new URLSearchParams({ [CSRF_FIELD]: client.csrfToken }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(start.status, 303)
    const second = pdfBytes('replacement')
    const replaced = await multipart(
      client,
      `/admin/services/${service.id}/edit/forms/${sha1}/file`,
      { ...(await stamp(service.id)) },
      { field: 'newFile', bytes: second, name: 'ثبت‌نام.pdf' },
    )
    assert.equal(replaced.status, 303)
    await publish(client, service.id, 'فرم تازه')
    const history = await html(await t.app.request(`/services/${slug}/history`))
    const text = history('main').text()
    assert.match(text, /فرم‌ها/)
    assert.ok(text.includes(sha1.slice(0, 8)), 'the old file is named')
    assert.ok(text.includes(sha256Hex(second).slice(0, 8)), 'the new file is named')
    // The old file is still served: version 1 and 2 are public records.
    assert.equal((await t.app.request(`/services/${slug}/forms/${sha1}`)).status, 200)
    assert.equal((await t.app.request(`/services/${slug}/forms/${sha256Hex(second)}`)).status, 200)
    const v1 = await html(await t.app.request(`/services/${slug}/v/1`))
    assert.equal(v1('#forms-table a').attr('href'), `/services/${slug}/forms/${sha1}`)
  })
})
