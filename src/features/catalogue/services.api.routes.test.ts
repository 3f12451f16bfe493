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
import { insertOffice, officeInput } from '../offices/index.ts'
import { edge, processOf, task, wd } from '../processes/process.test-helpers.ts'
import { validateAgainstCpsvShapes } from './interop/shacl.ts'

let t: TestApp
let agency: Agency
let other: Agency
let law: Law
let admin: MadeUser
let editor: MadeUser
let stranger: MadeUser
let serviceId: string

interface VersionBody {
  id: string
  versionNo: number
  status: string
  revision?: number
  content: { title: string; summary: string }
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان امور مالیاتی آزمایشی' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر آزمایشی' })
  law = await makeLaw(t.deps, 'قانون مالیات‌های مستقیم')
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  stranger = await makeUser(t.deps, 'agency_admin', other)
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent('ثبت اظهارنامهٔ مالیاتی', law.id),
    [
      {
        content: completeContent('ثبت اظهارنامهٔ مالیاتی', law.id, { summary: 'خلاصهٔ نسخهٔ دوم' }),
        changeNote: 'به‌روزرسانی خلاصه',
      },
    ],
  )
  serviceId = made.service.id
})
after(() => t.close())

describe('public services API', () => {
  it('lists published services as { items } with ids, and filters', async () => {
    const res = await apiRequest(t.app, 'GET', '/api/v1/services?audience=G2C')
    assert.equal(res.status, 200)
    const body = (await res.json()) as {
      items: { id: string; title: string; url: string }[]
      total: number
    }
    assert.ok(body.items.some((i) => i.id === serviceId && i.title === 'ثبت اظهارنامهٔ مالیاتی'))
    const none = (await (
      await apiRequest(t.app, 'GET', '/api/v1/services?audience=G2G')
    ).json()) as { items: unknown[] }
    assert.equal(none.items.length, 0)
    assert.equal((await apiRequest(t.app, 'GET', '/api/v1/services?audience=G9G')).status, 422)
  })

  it('returns a service, its versions and any one version', async () => {
    const one = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}`)
    ).json()) as VersionBody
    assert.equal(one.versionNo, 2)
    assert.equal(one.content.summary, 'خلاصهٔ نسخهٔ دوم')
    const versions = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/versions`)
    ).json()) as { items: { versionNo: number; status: string; changeNote: string }[] }
    assert.deepEqual(
      versions.items.map((v) => [v.versionNo, v.status]),
      [
        [1, 'superseded'],
        [2, 'published'],
      ],
    )
    const v1 = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/versions/1`)
    ).json()) as VersionBody
    assert.equal(v1.status, 'superseded')
    assert.equal(
      (await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/versions/7`)).status,
      404,
    )
  })

  it('exports CPSV-AP JSON-LD that conforms to the official SHACL shapes', async () => {
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/cpsv-ap`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /application\/ld\+json/)
    const report = await validateAgainstCpsvShapes((await res.json()) as object)
    assert.equal(report.conforms, true, JSON.stringify(report.violations, null, 2))
  })
})

describe('writing services with a token', () => {
  it('creates a draft, saves it with the revision, and publishes it as the agency admin', async () => {
    const editorToken = await makeToken(t.deps, editor.userId)
    const created = await apiRequest(t.app, 'POST', '/api/v1/services', {
      token: editorToken,
      body: { title: 'پرداخت مالیات خودرو', slug: 'car-tax' },
    })
    assert.equal(created.status, 201)
    const draft = (await created.json()) as VersionBody
    assert.equal(draft.status, 'draft')
    const content = completeContent('پرداخت مالیات خودرو', law.id)
    const saved = await apiRequest(t.app, 'PUT', `/api/v1/services/${draft.id}/draft`, {
      token: editorToken,
      body: { revision: draft.revision, content },
    })
    assert.equal(saved.status, 200)
    const savedBody = (await saved.json()) as VersionBody
    assert.equal(savedBody.revision, (draft.revision ?? 0) + 1)

    const editorPublish = await apiRequest(t.app, 'POST', `/api/v1/services/${draft.id}/publish`, {
      token: editorToken,
      body: { changeNote: 'نخستین انتشار' },
    })
    assert.equal(editorPublish.status, 403, 'editors do not publish')
    const adminToken = await makeToken(t.deps, admin.userId)
    const published = await apiRequest(t.app, 'POST', `/api/v1/services/${draft.id}/publish`, {
      token: adminToken,
      body: { changeNote: 'نخستین انتشار' },
    })
    assert.equal(published.status, 200)
    assert.equal(((await published.json()) as VersionBody).status, 'published')
    assert.equal((await apiRequest(t.app, 'GET', `/api/v1/services/${draft.id}`)).status, 200)
  })

  it('answers 409 to a save based on an old revision, keeping the newer one', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const draft = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, { token })
    ).json()) as VersionBody
    const content = completeContent('ثبت اظهارنامهٔ مالیاتی', law.id, { summary: 'نسخهٔ نفر اول' })
    const first = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
      token,
      body: { revision: draft.revision, content },
    })
    assert.equal(first.status, 200)
    const second = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
      token,
      body: { revision: draft.revision, content: { ...content, summary: 'نسخهٔ نفر دوم' } },
    })
    assert.equal(second.status, 409)
    assert.match(second.headers.get('content-type') ?? '', /problem\+json/)
    const now = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, { token })
    ).json()) as VersionBody
    assert.equal(now.content.summary, 'نسخهٔ نفر اول')
  })

  it('refuses another agency (403), no token (401), bad content (422) and unknown laws (422)', async () => {
    const strangerToken = await makeToken(t.deps, stranger.userId)
    const token = await makeToken(t.deps, editor.userId)
    const draft = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, { token })
    ).json()) as VersionBody
    const content = completeContent('ربوده‌شده', law.id)
    assert.equal(
      (
        await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, {
          token: strangerToken,
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
          token: strangerToken,
          body: { revision: draft.revision, content },
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await apiRequest(t.app, 'POST', `/api/v1/services/${serviceId}/publish`, {
          token: strangerToken,
          body: { changeNote: 'x' },
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
          body: { revision: draft.revision, content },
        })
      ).status,
      401,
    )
    const bad = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
      token,
      body: {
        revision: draft.revision,
        content: { ...content, fees: [{ amount: -5, currency: 'USD', description: '' }] },
      },
    })
    assert.equal(bad.status, 422)
    const problem = (await bad.json()) as { errors: Record<string, string> }
    assert.ok(Object.keys(problem.errors).some((k) => k.startsWith('content.fees.0')))
    const unknownLaw = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft`, {
      token,
      body: {
        revision: draft.revision,
        content: {
          ...content,
          legalBases: [
            { lawId: '00000000-0000-4000-8000-000000000000', article: null, note: null },
          ],
        },
      },
    })
    assert.equal(unknownLaw.status, 422)
    const after = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, { token })
    ).json()) as VersionBody
    assert.equal(after.revision, draft.revision, 'nothing was saved')
  })

  it('refuses to publish a draft naming another agency’s office or a form file not in the store', async () => {
    const foreign = await insertOffice(
      t.deps.db,
      other.id,
      officeInput.parse({
        name: 'دفتر دستگاه دیگر',
        address: 'خیابان آزادی',
        provinceCode: '08',
        city: 'تهران',
        postalCode: '1314567890',
        lat: 35.7,
        lng: 51.39,
        phones: ['021-66001122'],
        hours: { sat: [{ start: '07:30', end: '14:30' }] },
      }),
      new Date(),
    )
    const token = await makeToken(t.deps, admin.userId)
    const publish = async (content: ReturnType<typeof completeContent>) => {
      const created = (await (
        await apiRequest(t.app, 'POST', '/api/v1/services', {
          token,
          body: { title: content.title },
        })
      ).json()) as VersionBody
      const saved = await apiRequest(t.app, 'PUT', `/api/v1/services/${created.id}/draft`, {
        token,
        body: { revision: created.revision, content },
      })
      assert.equal(saved.status, 200, 'the draft itself may be saved')
      const res = await apiRequest(t.app, 'POST', `/api/v1/services/${created.id}/publish`, {
        token,
        body: { changeNote: 'انتشار' },
      })
      const versions = await t.deps.db
        .selectFrom('serviceVersions')
        .select('status')
        .where('serviceId', '=', created.id)
        .execute()
      assert.deepEqual(
        versions.map((v) => v.status),
        ['draft'],
        'nothing was published',
      )
      return res
    }

    const withOffice = completeContent('خدمت با دفتر بیگانه', law.id)
    withOffice.offices = [{ officeId: foreign.id, note: null }]
    const officeRes = await publish(withOffice)
    assert.equal(officeRes.status, 422)
    assert.match(JSON.stringify(await officeRes.json()), /دستگاه دیگری است/)

    const withForm = completeContent('خدمت با فرم ناموجود', law.id)
    withForm.forms = [
      { sha256: 'a'.repeat(64), title: 'فرم گمشده', code: null, language: 'fa', fileName: 'x.pdf' },
    ]
    const formRes = await publish(withForm)
    assert.equal(formRes.status, 422)
    assert.match(JSON.stringify(await formRes.json()), /فرم‌های این خدمت در سامانه نیست/)
  })

  it('refuses to publish an incomplete draft with 422 listing what is missing', async () => {
    const token = await makeToken(t.deps, admin.userId)
    const created = (await (
      await apiRequest(t.app, 'POST', '/api/v1/services', { token, body: { title: 'خدمت ناقص' } })
    ).json()) as VersionBody
    const res = await apiRequest(t.app, 'POST', `/api/v1/services/${created.id}/publish`, {
      token,
      body: { changeNote: 'انتشار' },
    })
    assert.equal(res.status, 422)
    const problem = (await res.json()) as { errors: Record<string, string> }
    assert.ok(Object.values(problem.errors).some((m) => /مبنای قانونی/.test(m)))
  })
})

describe('the draft process API', () => {
  it('reads and replaces only the process of the draft, reporting problems and the total', async () => {
    const token = await makeToken(t.deps, editor.userId)
    const read = await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft/process`, {
      token,
    })
    assert.equal(read.status, 200)
    const before = (await read.json()) as { revision: number }
    const process = processOf(
      [task('s1', 'ثبت درخواست', wd(1)), task('s2', 'صدور', wd(2, 4))],
      [edge('s1', 's2')],
    )
    const saved = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft/process`, {
      token,
      body: { revision: before.revision, process },
    })
    assert.equal(saved.status, 200)
    const body = (await saved.json()) as { problems: string[]; total: string; revision: number }
    assert.deepEqual(body.problems, [])
    assert.equal(body.total, '۳ تا ۵ روز کاری')
    const draft = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${serviceId}/draft`, { token })
    ).json()) as VersionBody & { content: { process: { steps: unknown[] } } }
    assert.equal(draft.content.process.steps.length, 2)
    assert.equal(draft.content.summary, 'نسخهٔ نفر اول', 'the rest of the card is untouched')

    const cyclic = processOf(process.steps, [edge('s1', 's2'), edge('s2', 's1')])
    const withProblems = await apiRequest(
      t.app,
      'PUT',
      `/api/v1/services/${serviceId}/draft/process`,
      { token, body: { revision: body.revision, process: cyclic } },
    )
    assert.match(((await withProblems.json()) as { problems: string[] }).problems.join(' '), /حلقه/)

    const stale = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft/process`, {
      token,
      body: { revision: before.revision, process },
    })
    assert.equal(stale.status, 409)
    const strangerToken = await makeToken(t.deps, stranger.userId)
    assert.equal(
      (
        await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft/process`, {
          token: strangerToken,
          body: { revision: body.revision + 1, process },
        })
      ).status,
      403,
    )
    const bad = await apiRequest(t.app, 'PUT', `/api/v1/services/${serviceId}/draft/process`, {
      token,
      body: {
        revision: body.revision + 1,
        process: {
          ...process,
          steps: [{ ...process.steps[0], duration: { min: 5, max: 1, unit: 'hour' } }],
        },
      },
    })
    assert.equal(bad.status, 422)
  })
})
