import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import { serviceRows } from '../../../test/support/db-snapshot.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { findDraft, insertDraft } from '../services/index.ts'
import { discardMsg } from './views/discard-confirm.ts'

/**
 * Discarding a draft asks first (issue 17 item 11): the overview's «حذف پیش‌نویس» opens a page
 * that says what is lost; only that page's form discards. Without JavaScript throughout.
 */

let t: TestApp
let agency: Agency
let editor: MadeUser
let outsider: MadeUser
let lawId: string

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان پیش‌نویس‌های آزمایشی' })
  const other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر' })
  editor = await makeUser(t.deps, 'agency_editor', agency)
  outsider = await makeUser(t.deps, 'agency_editor', other)
  lawId = (await makeLaw(t.deps, 'قانون پیش‌نویس‌ها')).id
})
after(() => t.close())

/** A published service with a draft whose summary and title were changed. */
async function publishedWithDraft(): Promise<string> {
  const content = completeContent('خدمت منتشرشده', lawId)
  const { service } = await makePublishedService(t.deps, agency, content)
  await insertDraft(t.deps.db, {
    serviceId: service.id,
    versionNo: 2,
    content: { ...content, title: 'خدمت بازنگری‌شده', summary: 'خلاصهٔ تازه' },
    userId: null,
    now: t.deps.clock.now(),
  })
  return service.id
}

describe('discarding a draft', () => {
  it('asks first, listing what is lost; only the confirmation discards', async () => {
    const id = await publishedWithDraft()
    const client = await signedIn(t, editor)
    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(overview(`form[action="/admin/services/${id}/discard"]`).length, 0)
    const link = overview('#discard-link')
    assert.equal(link.attr('href'), `/admin/services/${id}/discard`, 'a link to the question')

    const before = await serviceRows(t.deps.db)
    const page = await checkedPage(await client.get(`/admin/services/${id}/discard`))
    assert.equal(page('h1').text().trim(), discardMsg.title)
    assert.ok(page('#discard-lead').text().includes('نسخهٔ ۲'))
    assert.ok(page('#discard-lead').text().includes(discardMsg.published('۱')))
    const lost = page('#discard-lost li')
      .map((_, li) => page(li).text())
      .get()
    assert.deepEqual(lost, ['عنوان خدمت', 'خلاصه'])
    assert.equal(page(`a[href="/admin/services/${id}"]`).length > 0, true, 'a way back')
    assert.deepEqual(await serviceRows(t.deps.db), before, 'asking discards nothing')
    assert.ok(await findDraft(t.deps.db, id))

    const res = await postForm(
      client,
      page('#discard-form').attr('action') ?? '',
      formFields(page, '#discard-form'),
    )
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/services/${id}?done=discarded`)
    assert.equal(await findDraft(t.deps.db, id), undefined)
    // With no draft left, the question goes back to the overview.
    const gone = await client.get(`/admin/services/${id}/discard`)
    assert.equal(gone.status, 303)
    assert.equal(gone.headers.get('location'), `/admin/services/${id}`)
  })

  it('refuses the question for a first draft never published, and to other agencies', async () => {
    const { id: firstId } = await makeDraftService(
      t.deps,
      agency,
      'discard-first-draft',
      completeContent('خدمت تازه', lawId),
    )
    const client = await signedIn(t, editor)
    const first = await client.get(`/admin/services/${firstId}/discard`)
    assert.equal(first.status, 409)
    assert.ok((await checkedPage(first))('main').text().includes(discardMsg.firstDraft))

    const id = await publishedWithDraft()
    const other = await signedIn(t, outsider)
    assert.equal((await other.get(`/admin/services/${id}/discard`)).status, 403)
    assert.equal((await t.client().get(`/admin/services/${id}/discard`)).status, 303)
  })
})
