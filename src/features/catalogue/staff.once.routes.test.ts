import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeLaw, makeUser } from '../../../test/support/fixtures.ts'
import { type Fields, postForm } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import { findDraft, type ListSection, servicesMsg as msg, slugMsg } from '../services/index.ts'
import { catalogueMsg } from './messages.fa.ts'
import { addItemFields, newServiceFields, onceTokenOf } from './staff.test-helpers.ts'

// Issue 17 item 10 for the catalogue: the new-service form and the card editor's «add an item»
// forms answer 303 to a GET, and the same form sent again (same one-time token) creates nothing
// and goes where the first submission went. Without the token handling the second submission
// would make a second service, or meet the conflict page (409) of a stale draft stamp.

let t: TestApp
let agency: Agency
let law: Law
let admin: MadeUser
let editor: MadeUser

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان فرم یک‌بار' })
  law = await makeLaw(t.deps, 'قانون فرم‌های یک‌بار')
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
})
after(() => t.close())

async function servicesTitled(title: string): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('services')
    .innerJoin('serviceVersions', 'serviceVersions.serviceId', 'services.id')
    .select('services.id')
    .where('serviceVersions.title', '=', title)
    .execute()
  return rows.map((r) => r.id)
}

async function serviceCount(): Promise<number> {
  const rows = await t.deps.db.selectFrom('services').select('id').execute()
  return rows.length
}

async function newService(client: TestClient, title: string): Promise<string> {
  const res = await postForm(
    client,
    '/admin/services/new',
    await newServiceFields(client, { title }),
  )
  assert.equal(res.status, 303)
  const id = /^\/admin\/services\/([0-9a-f-]{36})\?done=created$/.exec(
    res.headers.get('location') ?? '',
  )?.[1]
  assert.ok(id, `the new service's page, not ${res.headers.get('location')}`)
  return id
}

async function stampOf(serviceId: string): Promise<{ draft: string; revision: string }> {
  const draft = await findDraft(t.deps.db, serviceId)
  assert.ok(draft)
  return { draft: draft.id, revision: String(draft.revision) }
}

describe('the new-service form, sent twice', () => {
  it('creates one service and sends both submissions to it', async () => {
    const client = await signedIn(t, editor)
    const fields = await newServiceFields(client, { title: 'صدور پروانهٔ یک‌باره', slug: '' })
    const first = await postForm(client, '/admin/services/new', fields)
    assert.equal(first.status, 303)
    const location = first.headers.get('location') ?? ''
    assert.match(location, /^\/admin\/services\/[0-9a-f-]{36}\?done=created$/)
    const again = await postForm(client, '/admin/services/new', fields)
    assert.equal(again.status, 303)
    assert.equal(again.headers.get('location'), location, 'to the first result')
    const ids = await servicesTitled('صدور پروانهٔ یک‌باره')
    assert.equal(ids.length, 1, 'one service')
    assert.equal(location, `/admin/services/${ids[0]}?done=created`)
    assert.equal((await client.get(location)).status, 200)
  })

  it('creates one service for a double click', async () => {
    const client = await signedIn(t, editor)
    const fields = await newServiceFields(client, { title: 'خدمت دوبار کلیک', slug: '' })
    const [a, b] = await Promise.all([
      postForm(client, '/admin/services/new', fields),
      postForm(client, '/admin/services/new', fields),
    ])
    assert.equal(a?.status, 303)
    assert.equal(b?.status, 303)
    assert.equal(a?.headers.get('location'), b?.headers.get('location'))
    assert.equal((await servicesTitled('خدمت دوبار کلیک')).length, 1)
  })

  it('makes a new service for a newly opened form', async () => {
    const client = await signedIn(t, editor)
    const a = await newService(client, 'خدمت دو بار ساخته')
    const b = await newService(client, 'خدمت دو بار ساخته')
    assert.notEqual(a, b, 'each opening of the form is a form of its own')
  })

  it('refuses invalid input with the Persian message and a fresh token, creating nothing', async () => {
    const client = await signedIn(t, editor)
    const fields = await newServiceFields(client, { title: '', slug: 'Bad Slug' })
    const before = await serviceCount()
    const res = await postForm(client, '/admin/services/new', fields)
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    assert.ok($('.mr-error-summary').text().includes(msg.titleRequired))
    assert.ok($('.mr-error-summary').text().includes(msg.slugInvalid))
    const token = $(`input[name="${FORM_ONCE_FIELD}"]`).val()
    assert.ok(typeof token === 'string' && token.length === 43, 'the form keeps a token')
    assert.notEqual(token, fields[FORM_ONCE_FIELD], 'a new one')
    assert.equal($('input[name="slug"]').val(), 'Bad Slug', 'what was typed is kept')
    assert.equal(await serviceCount(), before)
  })

  it('refuses a form without its token with a Persian message, creating nothing', async () => {
    const client = await signedIn(t, editor)
    const before = await serviceCount()
    const res = await postForm(client, '/admin/services/new', { title: 'خدمت بی‌نشانه', slug: '' })
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    assert.ok($('.mr-error-summary').text().includes(catalogueMsg.formOnceMissing))
    assert.equal($('input[name="title"]').val(), 'خدمت بی‌نشانه')
    assert.equal(await serviceCount(), before)
  })

  it('lets a form refused for a taken address be sent again, corrected, with its token', async () => {
    const client = await signedIn(t, editor)
    await postForm(
      client,
      '/admin/services/new',
      await newServiceFields(client, { title: 'خدمت نخست', slug: 'نشانی-گرفته' }),
    )
    const fields = await newServiceFields(client, { title: 'خدمت دوم', slug: 'نشانی-گرفته' })
    const before = await serviceCount()
    const taken = await postForm(client, '/admin/services/new', fields)
    assert.equal(taken.status, 422)
    assert.ok((await taken.text()).includes(msg.slugTaken))
    assert.equal(await serviceCount(), before)
    // The refusal rolled the claim back with the rest: the same token creates the service now.
    const corrected = await postForm(client, '/admin/services/new', {
      ...fields,
      slug: 'نشانی-آزاد',
    })
    assert.equal(corrected.status, 303)
    assert.equal((await servicesTitled('خدمت دوم')).length, 1)
  })
})

describe('the new-service form’s address field', () => {
  it('takes a Persian address: typed in its own direction, described in Persian, optional', async () => {
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get('/admin/services/new'))
    const slug = $('input[name="slug"]')
    assert.equal(slug.attr('dir'), 'auto')
    assert.equal(slug.attr('lang'), undefined, 'not marked as English')
    assert.match(slug.attr('aria-describedby') ?? '', /slug-hint/)
    const hint = $('#slug-hint').text()
    assert.ok(hint.includes('حروف فارسی'), hint)
    assert.ok(hint.includes('صدور-گذرنامه'), 'a Persian example')
    assert.ok(hint.includes('از عنوان خدمت ساخته می‌شود'), 'empty: made from the title')
    assert.doesNotMatch(hint, /فقط حروف کوچک لاتین/)
  })
})

const items: Record<ListSection, () => Fields> = {
  legal: () => ({ lawId: law.id, article: 'ماده ۳', note: '' }),
  documents: () => ({
    name: 'کارت ملی',
    form: 'original',
    count: '۱',
    issuer: '',
    obtainableByInquiry: 'yes',
    note: '',
  }),
  fees: () => ({ amount: '۵۰۰۰۰', currency: 'IRR', description: 'هزینهٔ یک‌باره' }),
}

async function itemCount(serviceId: string, list: ListSection): Promise<number> {
  const draft = await findDraft(t.deps.db, serviceId)
  assert.ok(draft)
  const key = list === 'legal' ? 'legalBases' : list
  return draft.content[key].length
}

describe('the card editor’s add forms, sent twice', () => {
  for (const list of ['legal', 'documents', 'fees'] as const) {
    it(`adds one ${list} item and sends both submissions to the list`, async () => {
      const client = await signedIn(t, editor)
      const id = await newService(client, `خدمت با فهرست ${list}`)
      const path = `/admin/services/${id}/edit/${list}`
      const fields = await addItemFields(client, id, list, {
        ...items[list](),
        ...(await stampOf(id)),
      })
      const first = await postForm(client, path, fields)
      assert.equal(first.status, 303)
      assert.equal(first.headers.get('location'), `${path}?done=added`)
      const again = await postForm(client, path, fields)
      assert.equal(again.status, 303, 'not the conflict page of a stale stamp')
      assert.equal(again.headers.get('location'), `${path}?done=added`)
      assert.equal(await itemCount(id, list), 1, 'one item')
    })
  }

  it('refuses invalid input with the message and a fresh token, adding nothing', async () => {
    const client = await signedIn(t, editor)
    const id = await newService(client, 'خدمت مدرک نادرست')
    const path = `/admin/services/${id}/edit/documents`
    const fields = await addItemFields(client, id, 'documents', {
      ...items.documents(),
      name: '',
      ...(await stampOf(id)),
    })
    const res = await postForm(client, path, fields)
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    assert.ok($('.mr-error-summary').text().includes(msg.documentNameRequired))
    const token = $(`form[action="${path}"] input[name="${FORM_ONCE_FIELD}"]`).val()
    assert.ok(typeof token === 'string' && token.length === 43)
    assert.notEqual(token, fields[FORM_ONCE_FIELD])
    assert.equal(await itemCount(id, 'documents'), 0)
    // The same token, corrected: the refusal claimed nothing.
    const fixed = await postForm(client, path, { ...fields, name: 'کارت ملی' })
    assert.equal(fixed.status, 303)
    assert.equal(await itemCount(id, 'documents'), 1)
  })

  it('refuses an add form without its token, adding nothing', async () => {
    const client = await signedIn(t, editor)
    const id = await newService(client, 'خدمت هزینهٔ بی‌نشانه')
    const res = await postForm(client, `/admin/services/${id}/edit/fees`, {
      ...items.fees(),
      ...(await stampOf(id)),
    })
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    assert.ok($('.mr-error-summary').text().includes(catalogueMsg.formOnceMissing))
    assert.equal($('input[name="description"]').val(), 'هزینهٔ یک‌باره', 'nothing typed is lost')
    assert.equal(await itemCount(id, 'fees'), 0)
  })

  it('offers a lost race’s add again with a token of its own, which adds it once', async () => {
    const client = await signedIn(t, editor)
    const id = await newService(client, 'خدمت رقابت افزودن')
    const path = `/admin/services/${id}/edit/fees`
    const stale = await addItemFields(client, id, 'fees', {
      ...items.fees(),
      ...(await stampOf(id)),
    })
    // Someone else adds a fee first; this form's stamp is now stale.
    const otherClient = await signedIn(t, admin)
    const other = await postForm(
      otherClient,
      path,
      await addItemFields(otherClient, id, 'fees', {
        ...items.fees(),
        description: 'کارمزد دیگری',
        ...(await stampOf(id)),
      }),
    )
    assert.equal(other.status, 303)
    const conflict = await postForm(client, path, stale)
    assert.equal(conflict.status, 409)
    const resubmit = formFields(await checkedPage(conflict), '#conflict-resubmit')
    assert.notEqual(resubmit[FORM_ONCE_FIELD], stale[FORM_ONCE_FIELD], 'a token of its own')
    const applied = await postForm(client, path, resubmit)
    assert.equal(applied.status, 303)
    assert.equal(await itemCount(id, 'fees'), 2)
    assert.equal((await postForm(client, path, resubmit)).status, 303)
    assert.equal(await itemCount(id, 'fees'), 2, 'sent again, it adds nothing more')
  })

  it('puts a token in every list’s add form', async () => {
    const client = await signedIn(t, editor)
    const id = await newService(client, 'خدمت فرم‌های افزودن')
    for (const list of ['legal', 'documents', 'fees'] as const) {
      const path = `/admin/services/${id}/edit/${list}`
      assert.equal((await onceTokenOf(client, path, path)).length, 43)
    }
  })
})

describe('the service’s address on its staff page', () => {
  it('is shown with a link to change it for the agency admin, without it for an editor', async () => {
    const editorClient = await signedIn(t, editor)
    const id = await newService(editorClient, 'خدمت نشانی در صفحه')
    const slug = (
      await t.deps.db
        .selectFrom('services')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).slug
    const asAdmin = await checkedPage(await (await signedIn(t, admin)).get(`/admin/services/${id}`))
    assert.ok(asAdmin('#service-address').text().includes(`/services/${slug}`))
    const link = asAdmin('#change-slug')
    assert.equal(link.attr('href'), `/admin/services/${id}/slug`)
    assert.equal(link.text(), slugMsg.link)
    const asEditor = await checkedPage(await editorClient.get(`/admin/services/${id}`))
    assert.ok(asEditor('#service-address').text().includes(slug))
    assert.equal(asEditor('#change-slug').length, 0, 'the slug page is the admin’s')
  })
})
