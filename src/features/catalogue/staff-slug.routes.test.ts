import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { servicesMsg, slugMsg } from '../services/index.ts'
import { postNewService } from './staff.test-helpers.ts'

/**
 * Issue 17 item 13: new services get a readable Persian address from their title, unique with
 * -2, -3…; the agency admin may change a service's address, and the old one then answers with
 * a 301 to the new one (the page, a version of it, its history, with the query kept).
 */
let t: TestApp
let agency: Agency
let admin: MadeUser
let editor: MadeUser
let lawId: string

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان نشانی‌ها' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  lawId = (await makeLaw(t.deps, 'قانون نشانی‌ها')).id
})
after(() => t.close())

/** A path with its Persian letters percent-encoded, as a browser sends it. */
function servicePath(slug: string, rest = ''): string {
  return `/services/${encodeURIComponent(slug)}${rest}`
}

async function slugOf(serviceId: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('services')
    .select('slug')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow()
  return row.slug
}

async function createService(client: TestClient, title: string, slug = ''): Promise<string> {
  const res = await postNewService(client, { title, slug })
  assert.equal(res.status, 303)
  const id = /^\/admin\/services\/([0-9a-f-]{36})\?done=created$/.exec(
    res.headers.get('location') ?? '',
  )?.[1]
  assert.ok(id, `redirects to the new service, not ${res.headers.get('location')}`)
  return id
}

async function published(title: string): Promise<{ id: string; slug: string }> {
  const made = await makePublishedService(t.deps, agency, completeContent(title, lawId))
  return { id: made.service.id, slug: made.slug }
}

async function changeSlug(client: TestClient, id: string, slug: string): Promise<Response> {
  return postForm(client, `/admin/services/${id}/slug`, { slug })
}

describe('a new service’s address', () => {
  it('is made from the title in Persian, and made unique with -2', async () => {
    const client = await signedIn(t, editor)
    const first = await createService(client, 'صدور  گواهي‌نامهٔ «آزمایشی» ۱۴۰۵')
    assert.equal(await slugOf(first), 'صدور-گواهی-نامه-آزمایشی-1405')
    const second = await createService(client, 'صدور گواهی‌نامهٔ آزمایشی ۱۴۰۵')
    assert.equal(await slugOf(second), 'صدور-گواهی-نامه-آزمایشی-1405-2')
  })

  it('may be typed in Persian; one already taken is refused', async () => {
    const client = await signedIn(t, editor)
    const id = await createService(client, 'خدمت با نشانی دستی', 'نشانی-دستی')
    assert.equal(await slugOf(id), 'نشانی-دستی')
    const res = await postNewService(client, { title: 'خدمت دیگر', slug: 'نشانی-دستی' })
    assert.equal(res.status, 422)
    assert.ok((await res.text()).includes(servicesMsg.slugTaken))
  })

  it('is not the old address of another service', async () => {
    const { id, slug } = await published('خدمت جابه‌جاشده')
    const adminClient = await signedIn(t, admin)
    assert.equal((await changeSlug(adminClient, id, 'خدمت-جابه-جاشده-نو')).status, 303)
    const client = await signedIn(t, editor)
    const res = await postNewService(client, { title: 'خدمت تازه', slug })
    assert.equal(res.status, 422, 'the old address still redirects to the first service')
  })
})

describe('changing a published service’s address', () => {
  it('moves the page and answers the old address, its versions and history with a 301', async () => {
    const { id, slug: old } = await published('صدور مجوز نشانی')
    // Cached at the old address first: the change must drop that copy.
    assert.equal((await t.client().get(servicePath(old))).status, 200)
    const client = await signedIn(t, admin)
    const res = await changeSlug(client, id, 'صدور-مجوز-نشانی')
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/services/${id}/slug?done=changed`)
    assert.equal(await slugOf(id), 'صدور-مجوز-نشانی')

    const anon = t.client()
    const moved = await anon.get(servicePath(old))
    assert.equal(moved.status, 301)
    assert.equal(moved.headers.get('location'), servicePath('صدور-مجوز-نشانی'))
    assert.match(moved.headers.get('cache-control') ?? '', /max-age=86400/)
    const withQuery = await anon.get(`${servicePath(old)}?province=07`)
    assert.equal(withQuery.headers.get('location'), `${servicePath('صدور-مجوز-نشانی')}?province=07`)
    const history = await anon.get(servicePath(old, '/history'))
    assert.equal(history.status, 301)
    assert.equal(history.headers.get('location'), servicePath('صدور-مجوز-نشانی', '/history'))
    const version = await anon.get(servicePath(old, '/v/1'))
    assert.equal(version.status, 301)
    assert.equal(version.headers.get('location'), servicePath('صدور-مجوز-نشانی', '/v/1'))

    const page = await checkedPage(await anon.get(servicePath('صدور-مجوز-نشانی')))
    assert.equal(page('h1').text(), 'صدور مجوز نشانی')
    // The search index links to the new address.
    const entry = await t.deps.db
      .selectFrom('searchEntries')
      .select('slug')
      .where('serviceId', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(entry.slug, 'صدور-مجوز-نشانی')
    // Audited with both addresses.
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('entityId', '=', id)
      .where('action', '=', 'change-slug')
      .execute()
    assert.equal(audit.length, 1)
    assert.deepEqual(audit[0]?.before, { slug: old })
    assert.deepEqual(audit[0]?.after, { slug: 'صدور-مجوز-نشانی', redirected: true })
    // The page lists the earlier address.
    const slugPage = await checkedPage(await client.get(`/admin/services/${id}/slug?done=changed`))
    assert.ok(slugPage('#previous-slugs').text().includes(old))
    assert.ok(slugPage('main').text().includes(slugMsg.done))
    assert.ok(slugPage('#current-slug').text().includes('صدور-مجوز-نشانی'))
  })

  it('gives an earlier address back without a redirect loop', async () => {
    const { id, slug: a } = await published('خدمت رفت و برگشت')
    const client = await signedIn(t, admin)
    assert.equal((await changeSlug(client, id, 'رفت-و-برگشت')).status, 303)
    assert.equal((await changeSlug(client, id, a)).status, 303)
    const anon = t.client()
    assert.equal((await anon.get(servicePath(a))).status, 200)
    const back = await anon.get(servicePath('رفت-و-برگشت'))
    assert.equal(back.status, 301)
    assert.equal(back.headers.get('location'), servicePath(a))
    const rows = await t.deps.db
      .selectFrom('serviceSlugHistory')
      .select('slug')
      .where('serviceId', '=', id)
      .execute()
    assert.deepEqual(
      rows.map((r) => r.slug),
      ['رفت-و-برگشت'],
    )
  })

  it('keeps no old address for a service never published', async () => {
    const editorClient = await signedIn(t, editor)
    const id = await createService(editorClient, 'پیش‌نویس بی‌نشانی')
    const old = await slugOf(id)
    const client = await signedIn(t, admin)
    assert.equal((await changeSlug(client, id, 'پیش-نویس-نو')).status, 303)
    assert.equal((await t.client().get(servicePath(old))).status, 404)
  })

  it('refuses an invalid, unchanged or taken address with the reason', async () => {
    const { id, slug } = await published('خدمت نشانی نادرست')
    const other = await published('خدمت همسایه')
    const client = await signedIn(t, admin)
    const cases: [string, string][] = [
      ['صدور گذرنامه', servicesMsg.slugInvalid],
      ['Bad-Slug', servicesMsg.slugInvalid],
      ['', servicesMsg.slugInvalid],
      [slug, slugMsg.unchanged],
      [other.slug, slugMsg.taken],
    ]
    for (const [value, message] of cases) {
      const res = await changeSlug(client, id, value)
      assert.equal(res.status, 422, value)
      const page = await checkedPage(res)
      assert.ok(page('.mr-error-summary').text().includes(message), `${value}: ${message}`)
    }
    assert.equal(await slugOf(id), slug)
  })

  it('is the agency admin’s only: an editor gets 403 and nothing changes', async () => {
    const { id, slug } = await published('خدمت ویرایشگر')
    const client = await signedIn(t, editor)
    assert.equal((await client.get(`/admin/services/${id}/slug`)).status, 403)
    assert.equal((await changeSlug(client, id, 'نشانی-ویرایشگر')).status, 403)
    const otherAgency = await makeAgency(t.deps, { nameFa: 'دستگاه دیگر نشانی' })
    const otherAdmin = await signedIn(t, await makeUser(t.deps, 'agency_admin', otherAgency))
    assert.equal((await changeSlug(otherAdmin, id, 'نشانی-بیگانه')).status, 403)
    assert.equal(await slugOf(id), slug)
  })
})
