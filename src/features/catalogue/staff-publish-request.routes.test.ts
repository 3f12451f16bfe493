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
import { refused } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { formatDateTimeFa } from '../../lib/fa/format-date.ts'
import type { Agency } from '../agencies/index.ts'
import { findDraft, publishRequestMsg as pm } from '../services/index.ts'

// Issue 17 item 12: «ارسال برای انتشار». An editor sends the draft; the agency's admins are
// notified once per draft and revision; the hub and the publish page say who asked and when;
// an edit afterwards is flagged; publishing or discarding the draft ends the request.

let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let admin2: MadeUser
let editor: MadeUser
let otherEditor: MadeUser
let otherAdmin: MadeUser
let lawId: string

async function displayName(user: MadeUser): Promise<string> {
  const row = await t.deps.db
    .selectFrom('users')
    .select('displayName')
    .where('id', '=', user.userId)
    .executeTakeFirstOrThrow()
  return row.displayName
}

async function stamp(serviceId: string): Promise<{ draft: string; revision: string }> {
  const draft = await findDraft(t.deps.db, serviceId)
  assert.ok(draft, 'the service has a draft')
  return { draft: draft.id, revision: String(draft.revision) }
}

/** The publish-request notifications each user has, in the inbox. */
async function inbox(user: MadeUser): Promise<{ link: string | null; body: string }[]> {
  return t.deps.db
    .selectFrom('notifications')
    .select(['link', 'body'])
    .where('userId', '=', user.userId)
    .where('kind', '=', 'service.publish-request')
    .orderBy('id')
    .execute()
}

async function auditCount(serviceId: string): Promise<number> {
  const rows = await t.deps.db
    .selectFrom('auditEvents')
    .select('id')
    .where('entityId', '=', serviceId)
    .where('action', '=', 'request-publish')
    .execute()
  return rows.length
}

async function send(client: TestClient, serviceId: string): Promise<string> {
  const res = await client.post(`/admin/services/${serviceId}/publish-request`, {
    ...(await stamp(serviceId)),
  })
  assert.equal(res.status, 303)
  return res.headers.get('location') ?? ''
}

async function newService(slug: string): Promise<string> {
  const s = await makeDraftService(t.deps, agency, slug, completeContent(`خدمت ${slug}`, lawId))
  return s.id
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان درخواست انتشار' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  admin2 = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  otherAdmin = await makeUser(t.deps, 'agency_admin', other)
  lawId = (await makeLaw(t.deps)).id
})
after(() => t.close())

describe('ارسال برای انتشار', () => {
  it('notifies the admins once, shows who asked and when, and keeps the first request', async () => {
    const id = await newService('pr-first')
    const client = await signedIn(t, editor)
    const before = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.ok(before('#cannot-publish').text().includes('فقط مدیر دستگاه'))
    assert.equal(before(`form[action="/admin/services/${id}/publish-request"]`).length, 1)
    assert.equal(before('#publish-request').length, 0, 'nothing sent yet')

    const sentAt = t.clock.now()
    assert.equal(await send(client, id), `/admin/services/${id}?done=publish-requested#publish`)
    const name = await displayName(editor)
    const hub = await checkedPage(await client.get(`/admin/services/${id}?done=publish-requested`))
    assert.ok(
      hub('main')
        .text()
        .includes(pm.done['publish-requested'] ?? '-'),
      'banner',
    )
    assert.equal(
      hub('#publish-request').text().trim(),
      `درخواست انتشار: ${name}، ${formatDateTimeFa(sentAt)}`,
    )
    assert.equal(hub(`form[action$="/publish-request"]`).length, 0, 'nothing new to send')
    for (const a of [admin, admin2]) {
      const got = await inbox(a)
      assert.equal(got.length, 1, 'each admin is notified once')
      assert.equal(got[0]?.link, `/admin/services/${id}/publish`)
      assert.ok(got[0]?.body.includes(name))
    }
    assert.equal((await inbox(editor)).length, 0, 'the editor is not notified')
    assert.equal((await inbox(otherAdmin)).length, 0, 'another agency’s admin is not')
    assert.equal(await auditCount(id), 1)

    // Sending again (a second click, a refresh): the first request stands, and it says so.
    t.clock.advance(120_000)
    assert.equal(
      await send(client, id),
      `/admin/services/${id}?done=publish-already-requested#publish`,
    )
    const again = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(
      again('#publish-request').text().trim(),
      `درخواست انتشار: ${name}، ${formatDateTimeFa(sentAt)}`,
      'the first request’s time is kept',
    )
    assert.equal((await inbox(admin)).length, 1, 'no second notification')
    assert.equal(await auditCount(id), 1, 'nothing audited for a repeat')
  })

  it('is refused to another agency, to a missing CSRF token and to the anonymous', async () => {
    const id = await newService('pr-refused')
    const path = `/admin/services/${id}/publish-request`
    const fields = await stamp(id)
    await refused(t, await signedIn(t, otherEditor), path, fields, 403)
    await refused(t, await signedIn(t, otherAdmin), path, fields, 403)
    await refused(t, await signedIn(t, editor), path, fields, 403, { csrf: false })
    await refused(t, null, path, fields, 401)
    const forbiddenPage = await (await signedIn(t, otherEditor)).get(
      `/admin/services/${id}/publish`,
    )
    assert.equal(forbiddenPage.status, 403)
  })

  it('shows the request on the admin’s publish page, flags a later edit, and ends on publishing', async () => {
    const id = await newService('pr-publish')
    const editorClient = await signedIn(t, editor)
    const sentAt = t.clock.now()
    await send(editorClient, id)
    const name = await displayName(editor)

    const adminClient = await signedIn(t, admin)
    const res = await adminClient.get(`/admin/services/${id}/publish`)
    assert.equal(res.status, 200)
    const page = await checkedPage(res)
    assert.equal(page('html').attr('dir'), 'rtl')
    assert.equal(
      page('#publish-request').text().trim(),
      `درخواست انتشار: ${name}، ${formatDateTimeFa(sentAt)}`,
    )
    assert.equal(page('#publish-request-changed').length, 0)
    assert.equal(page(`form[action="/admin/services/${id}/publish"]`).length, 1)
    const hub = await checkedPage(await adminClient.get(`/admin/services/${id}`))
    assert.ok(hub('#publish-request').text().includes(name), 'the hub shows it to the admin too')

    // The editor saves the draft after sending: the request stays, marked as changed since.
    t.clock.advance(60_000)
    const saved = await editorClient.post(`/admin/services/${id}/edit/basics`, {
      title: 'خدمت pr-publish ویرایش‌شده',
      popularNames: '',
      summary: 'خلاصهٔ تازه',
      description: 'شرح تازهٔ خدمت برای شهروندان.',
      keywords: '',
      ...(await stamp(id)),
    })
    assert.equal(saved.status, 303)
    const changed = await checkedPage(await adminClient.get(`/admin/services/${id}/publish`))
    assert.ok(changed('#publish-request').text().includes(name), 'the request is kept')
    assert.equal(changed('#publish-request-changed').text().trim().includes(pm.changedSince), true)
    const editorHub = await checkedPage(await editorClient.get(`/admin/services/${id}`))
    assert.equal(editorHub('#publish-request-changed').length, 1)
    assert.ok(editorHub(`form[action$="/publish-request"] button`).text().includes(pm.sendAgain))

    // Sending the changed draft notifies the admins again (a new revision, a new key).
    assert.equal(
      await send(editorClient, id),
      `/admin/services/${id}?done=publish-rerequested#publish`,
    )
    const admin2Inbox = (await inbox(admin2)).filter((n) => n.link?.includes(id))
    assert.equal(admin2Inbox.length, 2)
    const resent = await checkedPage(await adminClient.get(`/admin/services/${id}/publish`))
    assert.equal(resent('#publish-request-changed').length, 0)

    const published = await adminClient.post(`/admin/services/${id}/publish`, {
      changeNote: 'انتشار به درخواست ویراستار',
      ...(await stamp(id)),
    })
    assert.equal(published.status, 303)
    assert.equal(published.headers.get('location'), `/admin/services/${id}?done=published`)
    assert.equal((await adminClient.post(`/admin/services/${id}/draft`, {})).status, 303)
    const next = await checkedPage(await adminClient.get(`/admin/services/${id}`))
    assert.equal(next('#publish-request').length, 0, 'publishing ended the request')
    const nextEditor = await checkedPage(await editorClient.get(`/admin/services/${id}`))
    assert.equal(
      nextEditor(`form[action$="/publish-request"]`).length,
      1,
      'a new draft, a new send',
    )
  })

  it('ends with a discarded draft', async () => {
    const id = await newService('pr-discard')
    const adminClient = await signedIn(t, admin)
    await adminClient.post(`/admin/services/${id}/publish`, {
      changeNote: 'نخستین انتشار',
      ...(await stamp(id)),
    })
    assert.equal((await adminClient.post(`/admin/services/${id}/draft`, {})).status, 303)
    const editorClient = await signedIn(t, editor)
    await send(editorClient, id)
    const draft = await findDraft(t.deps.db, id)
    assert.ok(draft)
    assert.equal((await editorClient.post(`/admin/services/${id}/discard`, {})).status, 303)
    const left = await t.deps.db
      .selectFrom('publishRequests')
      .select('versionId')
      .where('versionId', '=', draft.id)
      .execute()
    assert.deepEqual(left, [], 'the request went with the draft')
    const hub = await checkedPage(await adminClient.get(`/admin/services/${id}`))
    assert.equal(hub('#publish-request').length, 0)
  })
})
