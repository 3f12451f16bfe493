import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { type MadeUser, makeAgency, makeToken, makeUser } from '../../../test/support/fixtures.ts'
import {
  apiRequest,
  createTestApp,
  type TestApp,
  type TestClient,
} from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import { onceToken } from '../accounts/issued.test-helpers.ts'
import type { Agency } from './agency.model.ts'
import { findAgencyById } from './agency.queries.ts'

let t: TestApp
let ministry: Agency
let organisation: Agency
let other: Agency
let centralAdmin: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser
let agencyEditor: MadeUser

const validForm = (overrides: Record<string, string> = {}) => ({
  nameFa: 'سازمان ملی آزمون‌های نمونه',
  nameEn: 'National Sample Testing Organisation',
  shortNameFa: '',
  level: 'organisation',
  parentId: '',
  website: 'https://www.sample.gov.ir',
  phone: '۰۲۱-۸۸۱۲۳۴۵۶',
  email: 'info@sample.gov.ir',
  address: 'تهران، خیابان آزادی',
  provinceCode: '',
  ...overrides,
})

/** The new-agency form's fields with the one-time token of a freshly shown form. */
async function withOnce(
  client: TestClient,
  fields: Record<string, string>,
): Promise<Record<string, string>> {
  return { ...fields, [FORM_ONCE_FIELD]: await onceToken(client, '/admin/agencies/new') }
}

async function auditCount(entityId: string): Promise<number> {
  const row = await t.deps.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entityId', '=', entityId)
    .executeTakeFirstOrThrow()
  return row.n
}

before(async () => {
  t = await createTestApp()
  ministry = await makeAgency(t.deps, { level: 'ministry', nameFa: 'وزارت آزمون' })
  organisation = await makeAgency(t.deps, { parentId: ministry.id, nameFa: 'سازمان ثبت آزمون' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر' })
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', organisation)
  agencyEditor = await makeUser(t.deps, 'agency_editor', organisation)
})
after(() => t.close())

describe('public agency pages', () => {
  it('lists the hierarchy with each ministry and its organisations', async () => {
    const res = await t.client().get('/agencies')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
    const top = $('.mr-tree > li').filter((_, li) => $(li).find('> a').text() === 'وزارت آزمون')
    assert.equal(top.find('.mr-tree__children a').text(), 'سازمان ثبت آزمون')
  })

  it('filters by name and paginates nothing when one page suffices', async () => {
    const res = await t.client().get(`/agencies?q=${encodeURIComponent('ثبت آزمون')}`)
    const $ = cheerio.load(await res.text())
    assert.deepEqual(
      $('tbody a')
        .map((_, a) => $(a).text())
        .get(),
      ['سازمان ثبت آزمون'],
    )
    assert.equal($('.mr-pagination').length, 0)
  })

  it('shows an agency page with its code, parent and breadcrumbs', async () => {
    const res = await t.client().get(`/agencies/${organisation.code}`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'سازمان ثبت آزمون')
    assert.ok($('.mr-summary-list').text().includes(organisation.code))
    assert.ok($('nav.mr-breadcrumbs').text().includes('وزارت آزمون'))
  })

  it('answers an unknown agency with the Persian 404 page', async () => {
    const res = await t.client().get('/agencies/999999')
    assert.equal(res.status, 404)
    assert.match(await res.text(), /پیدا نشد/)
  })
})

describe('creating and editing agencies through pages', () => {
  it('lets the central admin create an agency, issuing the next code, with an audit event', async () => {
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const res = await client.post(
      '/admin/agencies/new',
      await withOnce(client, validForm({ parentId: ministry.id })),
    )
    assert.equal(res.status, 303)
    const code = /\/admin\/agencies\/(\d+)\/credentials/.exec(
      res.headers.get('location') ?? '',
    )?.[1]
    assert.ok(code, 'redirects to the credentials page of the new agency')
    const created = await t.deps.db
      .selectFrom('agencies')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
    assert.equal(created.nameFa, 'سازمان ملی آزمون‌های نمونه')
    assert.equal(
      created.phone,
      '021-88123456',
      'Persian digits are stored as ASCII in phone numbers',
    )
    assert.equal(await auditCount(created.id), 1)
  })

  it('refreshes the cached home page when an agency is added', async () => {
    const count = async () =>
      /(\S+) دستگاه در پرتال ثبت شده است/.exec(await (await t.client().get('/')).text())?.[1]
    const before = await count()
    assert.equal(before, await count(), 'served from the cache')
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const res = await client.post(
      '/admin/agencies/new',
      await withOnce(client, validForm({ nameFa: 'سازمان تازهٔ صفحهٔ اصلی' })),
    )
    assert.equal(res.status, 303)
    assert.notEqual(await count(), before)
  })

  it('re-renders the form with Persian messages and status 422 for bad input, saving nothing', async () => {
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const before = await t.deps.db.selectFrom('agencies').select('id').execute()
    const res = await client.post(
      '/admin/agencies/new',
      validForm({
        nameFa: '',
        level: 'provincial_office',
        website: 'not a url',
        email: 'x@',
        parentId: ministry.id,
      }),
    )
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    const summary = $('.mr-error-summary').text()
    assert.match(summary, /نام فارسی را وارد کنید/)
    assert.match(summary, /وب‌گاه باید نشانی کامل وب باشد/)
    assert.match(summary, /رایانامه باید نشانی رایانامهٔ درست باشد/)
    assert.match(summary, /استان را انتخاب کنید/)
    assert.equal($('#nameFa').attr('aria-invalid'), 'true')
    assert.equal($('.mr-error-summary a[href="#nameFa"]').length, 1)
    const after = await t.deps.db.selectFrom('agencies').select('id').execute()
    assert.equal(after.length, before.length)
  })

  it('refuses a parent at the wrong level and a duplicate name', async () => {
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const wrongLevel = await client.post(
      '/admin/agencies/new',
      await withOnce(client, validForm({ level: 'ministry', parentId: ministry.id })),
    )
    assert.equal(wrongLevel.status, 422)
    assert.match(await wrongLevel.text(), /دستگاه بالادست باید در سطحی بالاتر باشد/)
    const duplicate = await client.post(
      '/admin/agencies/new',
      await withOnce(client, validForm({ nameFa: 'سازمان دیگر' })),
    )
    assert.equal(duplicate.status, 422)
    assert.match(await duplicate.text(), /از پیش ثبت شده است/)
  })

  it('refuses to make an agency a child of its own descendant', async () => {
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const office = await makeAgency(t.deps, {
      level: 'provincial_office',
      parentId: organisation.id,
      provinceCode: '01',
    })
    const res = await client.post(
      `/admin/agencies/${organisation.code}/edit`,
      validForm({ nameFa: organisation.nameFa, level: 'organisation', parentId: office.id }),
    )
    assert.equal(res.status, 422)
  })

  it('lets the central admin edit an agency and records before and after', async () => {
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const res = await client.post(
      `/admin/agencies/${other.code}/edit`,
      validForm({ nameFa: 'سازمان دیگر (ویرایش‌شده)' }),
    )
    assert.equal(res.status, 303)
    const edited = await findAgencyById(t.deps.db, other.id)
    assert.equal(edited?.nameFa, 'سازمان دیگر (ویرایش‌شده)')
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', other.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    assert.equal((event.before as { nameFa: string }).nameFa, 'سازمان دیگر')
    assert.equal((event.after as { nameFa: string }).nameFa, 'سازمان دیگر (ویرایش‌شده)')
    assert.match(event.actorLabel, new RegExp(centralAdmin.username))
  })

  for (const who of ['agencyAdmin', 'agencyEditor', 'supervisor'] as const) {
    it(`answers 403 to a ${who} creating or editing agencies, changing nothing`, async () => {
      const user = { agencyAdmin, agencyEditor, supervisor }[who]
      const client = t.client()
      await client.signIn(user.username, user.password, user.agencyCode)
      const before = await findAgencyById(t.deps.db, ministry.id)
      const create = await client.post(
        '/admin/agencies/new',
        validForm({ nameFa: 'دستگاه غیرمجاز' }),
      )
      assert.equal(create.status, 403)
      const edit = await client.post(
        `/admin/agencies/${ministry.code}/edit`,
        validForm({ nameFa: 'تغییر غیرمجاز', level: 'ministry' }),
      )
      assert.equal(edit.status, 403)
      assert.deepEqual(await findAgencyById(t.deps.db, ministry.id), before)
      const sneaked = await t.deps.db
        .selectFrom('agencies')
        .select('id')
        .where('nameFa', '=', 'دستگاه غیرمجاز')
        .execute()
      assert.equal(sneaked.length, 0)
    })
  }

  it('sends anonymous visitors of the form to sign in, and refuses their posts', async () => {
    const client = t.client()
    const page = await client.get('/admin/agencies/new')
    assert.equal(page.status, 303)
    assert.equal(page.headers.get('location'), '/sign-in?next=%2Fadmin%2Fagencies%2Fnew')
    const post = await client.post('/admin/agencies/new', validForm())
    assert.equal(post.status, 401)
  })

  it('refuses a form without the CSRF token', async () => {
    const client = t.client()
    await client.signIn(centralAdmin.username, centralAdmin.password)
    const res = await client.post('/admin/agencies/new', validForm({ nameFa: 'بدون توکن' }), {
      csrf: false,
    })
    assert.equal(res.status, 403)
    assert.match(await res.text(), /فرم منقضی شده است/)
  })
})

describe('the new-agency form sent again (issue 17 item 10)', () => {
  const agenciesNamed = (nameFa: string) =>
    t.deps.db.selectFrom('agencies').select(['code']).where('nameFa', '=', nameFa).execute()

  it('adds one agency for a form sent twice, both answers leading to its credentials page', async () => {
    const client = await signedInCentral()
    const fields = await withOnce(client, validForm({ nameFa: 'سازمان دوبار فرستاده' }))
    const first = await client.post('/admin/agencies/new', fields)
    assert.equal(first.status, 303)
    const again = await client.post('/admin/agencies/new', fields)
    assert.equal(again.status, 303)
    const made = await agenciesNamed('سازمان دوبار فرستاده')
    assert.equal(made.length, 1, 'one agency')
    const location = `/admin/agencies/${made[0]?.code}/credentials?created=1`
    assert.equal(first.headers.get('location'), location)
    assert.equal(again.headers.get('location'), location, 'the resubmission leads to the first')
    assert.equal((await client.get(location)).status, 200)
  })

  it('lets the corrected form be sent with the same token after a refusal', async () => {
    const client = await signedInCentral()
    const fields = await withOnce(client, validForm({ nameFa: 'سازمان دیگر (ویرایش‌شده)' }))
    await t.deps.db
      .updateTable('agencies')
      .set({ nameFa: 'سازمان دیگر (ویرایش‌شده)' })
      .where('id', '=', other.id)
      .execute()
    const taken = await client.post('/admin/agencies/new', fields)
    assert.equal(taken.status, 422)
    const $ = cheerio.load(await taken.text())
    assert.match($('.mr-error-summary').text(), /از پیش ثبت شده است/)
    const fresh = $(`input[name="${FORM_ONCE_FIELD}"]`).val()
    assert.ok(typeof fresh === 'string' && fresh !== fields[FORM_ONCE_FIELD], 'a fresh token')
    const corrected = await client.post('/admin/agencies/new', {
      ...fields,
      nameFa: 'سازمان اصلاح‌شده',
    })
    assert.equal(corrected.status, 303, 'the refusal did not keep the claim')
    assert.equal((await agenciesNamed('سازمان اصلاح‌شده')).length, 1)
  })

  it('refuses a form without its one-time token with a Persian message, adding nothing', async () => {
    const client = await signedInCentral()
    const snapshot = await t.deps.db.selectFrom('agencies').select('id').execute()
    const res = await client.post('/admin/agencies/new', validForm({ nameFa: 'سازمان بی‌نشانه' }))
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /فرم کهنه است/)
    assert.equal($(`input[name="${FORM_ONCE_FIELD}"]`).length, 1, 'the form comes back with one')
    assert.equal(
      (await t.deps.db.selectFrom('agencies').select('id').execute()).length,
      snapshot.length,
    )
  })

  it('does not carry a token on the edit form, which creates nothing', async () => {
    const client = await signedInCentral()
    const res = await client.get(`/admin/agencies/${ministry.code}/edit`)
    const $ = cheerio.load(await res.text())
    assert.equal($(`input[name="${FORM_ONCE_FIELD}"]`).length, 0)
  })
})

async function signedInCentral(): Promise<TestClient> {
  const client = t.client()
  await client.signIn(centralAdmin.username, centralAdmin.password)
  return client
}

describe('agencies API', () => {
  it('lists agencies publicly with pagination and filters', async () => {
    const res = await apiRequest(t.app, 'GET', '/api/v1/agencies?level=ministry&pageSize=5')
    assert.equal(res.status, 200)
    const body = (await res.json()) as { items: { id: string; level: string }[]; total: number }
    assert.ok(body.items.length >= 1)
    assert.ok(body.items.every((a) => a.level === 'ministry'))
  })

  it('gets one agency, and 404s as problem+json for an unknown id', async () => {
    const ok = await apiRequest(t.app, 'GET', `/api/v1/agencies/${organisation.id}`)
    assert.equal(((await ok.json()) as { code: string }).code, organisation.code)
    const missing = await apiRequest(
      t.app,
      'GET',
      '/api/v1/agencies/00000000-0000-4000-8000-000000000000',
    )
    assert.equal(missing.status, 404)
    assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/)
  })

  it('answers a malformed id or query with 422 problem+json, not 500', async () => {
    const badId = await apiRequest(t.app, 'GET', '/api/v1/agencies/not-a-uuid')
    assert.equal(badId.status, 422)
    const badQuery = await apiRequest(t.app, 'GET', '/api/v1/agencies?pageSize=100000')
    assert.equal(badQuery.status, 422)
    const problem = (await badQuery.json()) as { errors: Record<string, string> }
    assert.ok(problem.errors.pageSize)
  })

  it('creates and patches with a central admin token, with audit events', async () => {
    const token = await makeToken(t.deps, centralAdmin.userId)
    const created = await apiRequest(t.app, 'POST', '/api/v1/agencies', {
      token,
      body: { nameFa: 'سازمان ساخته‌شده با API', level: 'organisation' },
    })
    assert.equal(created.status, 201)
    const agency = (await created.json()) as { id: string; code: string }
    const patched = await apiRequest(t.app, 'PATCH', `/api/v1/agencies/${agency.id}`, {
      token,
      body: { website: 'https://api.example.ir' },
    })
    assert.equal(patched.status, 200)
    const body = (await patched.json()) as { website: string; nameFa: string }
    assert.equal(body.website, 'https://api.example.ir')
    assert.equal(body.nameFa, 'سازمان ساخته‌شده با API')
    assert.equal(await auditCount(agency.id), 2)
  })

  it('answers 422 problem+json with Persian field messages for a bad body, saving nothing', async () => {
    const token = await makeToken(t.deps, centralAdmin.userId)
    const res = await apiRequest(t.app, 'POST', '/api/v1/agencies', {
      token,
      body: { nameFa: '', level: 'galaxy', website: 'ftp://x' },
    })
    assert.equal(res.status, 422)
    const problem = (await res.json()) as { status: number; errors: Record<string, string> }
    assert.equal(problem.status, 422)
    assert.ok(problem.errors.level)
    const notJson = await t.app.request('/api/v1/agencies', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{not json',
    })
    assert.equal(notJson.status, 422)
  })

  it('answers 401 without a token and 403 to an agency token, changing nothing', async () => {
    const anonymous = await apiRequest(t.app, 'POST', '/api/v1/agencies', {
      body: { nameFa: 'بی‌نام', level: 'ministry' },
    })
    assert.equal(anonymous.status, 401)
    const badToken = await apiRequest(t.app, 'GET', '/api/v1/agencies', {
      token: 'mardom_not-a-real-token',
    })
    assert.equal(badToken.status, 401)
    const token = await makeToken(t.deps, agencyAdmin.userId)
    const before = await findAgencyById(t.deps.db, other.id)
    const patch = await apiRequest(t.app, 'PATCH', `/api/v1/agencies/${other.id}`, {
      token,
      body: { nameFa: 'ربوده‌شده' },
    })
    assert.equal(patch.status, 403)
    const own = await apiRequest(t.app, 'PATCH', `/api/v1/agencies/${organisation.id}`, {
      token,
      body: { nameFa: 'خودم' },
    })
    assert.equal(
      own.status,
      403,
      'agencies do not edit their own record either: it is the central register',
    )
    const post = await apiRequest(t.app, 'POST', '/api/v1/agencies', {
      token,
      body: { nameFa: 'دستگاه API', level: 'ministry' },
    })
    assert.equal(post.status, 403)
    assert.deepEqual(await findAgencyById(t.deps.db, other.id), before)
  })
})
