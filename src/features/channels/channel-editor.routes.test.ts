import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { type Fields, postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import type { ServiceContent } from '../services/index.ts'
import { findDraft, insertDraft, insertService } from '../services/index.ts'
import { channelsMsg as m } from './messages.fa.ts'

let t: TestApp
let agency: Agency
let editor: MadeUser
let otherEditor: MadeUser
let law: Law

/** The draft stamp (draft id and revision) of a form on the page, and its one-time token. */
function stampOf($: cheerio.CheerioAPI, selector: string): Fields {
  const once = $(`${selector} input[name="${FORM_ONCE_FIELD}"]`).attr('value')
  return {
    draft: $(`${selector} input[name="draft"]`).attr('value') ?? '',
    revision: $(`${selector} input[name="revision"]`).attr('value') ?? '',
    ...(once === undefined ? {} : { [FORM_ONCE_FIELD]: once }),
  }
}

let n = 0
async function draftService(overrides: Partial<ServiceContent> = {}): Promise<string> {
  n++
  const now = t.deps.clock.now()
  const service = await insertService(t.deps.db, {
    agencyId: agency.id,
    slug: `channels-${n}`,
    now,
  })
  await insertDraft(t.deps.db, {
    serviceId: service.id,
    versionNo: 1,
    content: completeContent(`خدمت آزمایشی راه‌ها ${n}`, law.id, overrides),
    userId: null,
    now,
  })
  return service.id
}

const base = (id: string) => `/admin/services/${id}/edit/channels`

async function draftContent(id: string): Promise<ServiceContent> {
  const d = await findDraft(t.deps.db, id)
  assert.ok(d)
  return d.content
}

const eService: Fields = {
  kind: 'e_service',
  title: 'سامانهٔ درخواست',
  url: 'https://my.gov.ir/test/request',
  signIn: 'national_sso',
  signatureRequired: 'yes',
}

async function addChannel(client: TestClient, id: string, fields: Fields): Promise<Response> {
  const $ = await checkedPage(await client.get(base(id)))
  return postForm(client, base(id), { ...stampOf($, '#add-channel'), ...fields })
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  const other = await makeAgency(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  law = await makeLaw(t.deps)
})
after(() => t.close())

describe('channels editor', () => {
  it('adds an e-service, sets the stage matrix, shows the level, and keeps the id across edits', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const res = await addChannel(client, id, eService)
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `${base(id)}?done=added`)
    const c1 = await draftContent(id)
    assert.equal(c1.channels.length, 1)
    const ch = c1.channels[0]
    assert.ok(ch)
    assert.match(ch.id, /^ch-[a-z0-9]{6}$/)
    assert.equal(ch.signIn, 'national_sso')
    assert.equal(ch.signatureRequired, true)

    const res2 = await addChannel(client, id, {
      kind: 'counter_office',
      title: 'دفاتر پیشخوان',
      signIn: 'none',
    })
    assert.equal(res2.status, 303)
    const desk = (await draftContent(id)).channels[1]
    assert.ok(desk)

    const $ = await checkedPage(await client.get(base(id)))
    const res3 = await postForm(client, `${base(id)}/stages`, {
      ...stampOf($, '#stages-form'),
      informationMode: 'electronic',
      informationChannels: ch.id,
      requestMode: 'electronic',
      requestChannels: [ch.id, desk.id],
      processingMode: 'electronic',
      processingChannels: ch.id,
      deliveryMode: 'in_person',
      deliveryChannels: desk.id,
    })
    assert.equal(res3.status, 303)
    const c3 = await draftContent(id)
    assert.deepEqual(c3.stages.request, { mode: 'electronic', channelIds: [ch.id, desk.id] })
    assert.deepEqual(c3.stages.delivery, { mode: 'in_person', channelIds: [desk.id] })

    const $page = await checkedPage(await client.get(base(id)))
    assert.match($page('#maturity-now').text(), /۴ از ۵/)

    // Edit: the id stays, the matrix still refers to it.
    const $edit = await checkedPage(await client.get(`${base(id)}/${ch.id}`))
    assert.equal(
      $edit('#edit-channel input[name="url"]').attr('value'),
      'https://my.gov.ir/test/request',
    )
    const res4 = await postForm(client, `${base(id)}/${ch.id}`, {
      ...stampOf($edit, '#edit-channel'),
      ...eService,
      title: 'سامانهٔ نو',
      signatureRequired: [],
    })
    assert.equal(res4.status, 303)
    const c4 = await draftContent(id)
    assert.equal(c4.channels[0]?.id, ch.id)
    assert.equal(c4.channels[0]?.title, 'سامانهٔ نو')
    assert.equal(c4.channels[0]?.signatureRequired, false)
    assert.deepEqual(c4.stages.processing.channelIds, [ch.id])

    // The overview shows the channels row with the level.
    const $o = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.match($o('#draft-channels').text(), /سامانهٔ نو/)
    assert.match($o('#draft-channels').text(), /۴ از ۵/)
  })

  it('refuses bad channel input with Persian messages (422) and saves nothing', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const res = await addChannel(client, id, { kind: 'e_service', title: '', url: 'not a url' })
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    const summary = $('.mr-error-summary').text()
    assert.match(summary, /عنوان مجرا را بنویسید/)
    assert.match(summary, /نشانی/)
    assert.equal(
      $('#add-channel input[name="url"]').attr('value'),
      'not a url',
      'what was typed is kept',
    )
    const noKind = await addChannel(client, id, { title: 'بی‌نوع' })
    assert.equal(noKind.status, 422)
    assert.match(await noKind.text(), new RegExp(m.kindRequired))
    const phone = await addChannel(client, id, { kind: 'phone', title: 'تلفن' })
    assert.equal(phone.status, 422)
    assert.deepEqual((await draftContent(id)).channels, [])
  })

  it('refuses a matrix naming an unknown channel, or an electronic stage with no electronic channel (422)', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    assert.equal(
      (await addChannel(client, id, { kind: 'phone', title: 'مرکز تماس', phone: '021-88881234' }))
        .status,
      303,
    )
    const tel = (await draftContent(id)).channels[0]
    assert.ok(tel)
    const $ = await checkedPage(await client.get(base(id)))
    const unknown = await postForm(client, `${base(id)}/stages`, {
      ...stampOf($, '#stages-form'),
      requestMode: 'electronic',
      requestChannels: 'ch-nothere',
    })
    assert.equal(unknown.status, 422)
    const $u = await checkedPage(unknown)
    assert.match($u('.mr-error-summary').text(), /در این خدمت نیست/)
    const phoneOnly = await postForm(client, `${base(id)}/stages`, {
      ...stampOf($, '#stages-form'),
      requestMode: 'electronic',
      requestChannels: tel.id,
    })
    assert.equal(phoneOnly.status, 422)
    assert.match(await phoneOnly.text(), /دست‌کم یک راه دسترسی الکترونیکی/)
    const content = await draftContent(id)
    assert.equal(content.stages.request.mode, null)
  })

  it('refuses to remove a channel an electronic stage depends on, and removes one that is not needed', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    await addChannel(client, id, eService)
    await addChannel(client, id, {
      kind: 'web_page',
      title: 'راهنما',
      url: 'https://example.ir/help',
    })
    const [es, web] = (await draftContent(id)).channels
    assert.ok(es && web)
    const $ = await checkedPage(await client.get(base(id)))
    assert.equal(
      (
        await postForm(client, `${base(id)}/stages`, {
          ...stampOf($, '#stages-form'),
          requestMode: 'electronic',
          requestChannels: es.id,
          informationMode: 'electronic',
          informationChannels: [es.id, web.id],
        })
      ).status,
      303,
    )
    const $2 = await checkedPage(await client.get(base(id)))
    const refused = await postForm(
      client,
      `${base(id)}/${es.id}/delete`,
      stampOf($2, '#stages-form'),
    )
    assert.equal(refused.status, 422)
    assert.match(await refused.text(), /درخواست/)
    assert.equal((await draftContent(id)).channels.length, 2)
    const $3 = await checkedPage(await client.get(base(id)))
    const removed = await postForm(
      client,
      `${base(id)}/${web.id}/delete`,
      stampOf($3, '#stages-form'),
    )
    assert.equal(removed.status, 303)
    const c = await draftContent(id)
    assert.deepEqual(
      c.channels.map((x) => x.id),
      [es.id],
    )
    assert.deepEqual(
      c.stages.information.channelIds,
      [es.id],
      'the removed channel left the matrix',
    )
  })

  it('answers 409 when the draft changed since the form was loaded, keeping what was typed', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(base(id)))
    const stamp = stampOf($, '#add-channel')
    assert.equal((await addChannel(client, id, eService)).status, 303)
    const res = await postForm(client, base(id), {
      ...stamp,
      kind: 'web_page',
      title: 'دیرآمده',
      url: 'https://example.ir/late',
    })
    assert.equal(res.status, 409)
    const $c = await checkedPage(res)
    assert.equal($c('#conflict-resubmit input[name="title"]').attr('value'), 'دیرآمده')
    assert.equal((await draftContent(id)).channels.length, 1)
  })

  it('forbids another agency (403), anonymous people (redirect / 401) and a missing CSRF token (403)', async () => {
    const id = await draftService()
    const stranger = await signedIn(t, otherEditor)
    assert.equal((await stranger.get(base(id))).status, 403)
    assert.equal((await postForm(stranger, base(id), eService)).status, 403)
    const anon = t.client()
    const get = await anon.get(base(id))
    assert.equal(get.status, 303)
    assert.match(get.headers.get('location') ?? '', /^\/sign-in/)
    assert.equal((await postForm(anon, base(id), eService)).status, 401)
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(base(id)))
    assert.equal(
      (
        await postForm(
          client,
          base(id),
          { ...stampOf($, '#add-channel'), ...eService },
          { csrf: false },
        )
      ).status,
      403,
    )
    assert.deepEqual((await draftContent(id)).channels, [])
  })
})

describe('the add-channel form sent again (issue 17 item 10)', () => {
  it('adds one channel for a form sent twice, both answers leading to the first result', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(base(id)))
    const fields = { ...stampOf($, '#add-channel'), ...eService }
    assert.equal(typeof fields[FORM_ONCE_FIELD], 'string', 'the form carries a one-time token')
    const first = await postForm(client, base(id), fields)
    const again = await postForm(client, base(id), fields)
    const done = `${base(id)}?done=added`
    assert.deepEqual(
      [first.status, first.headers.get('location'), again.status, again.headers.get('location')],
      [303, done, 303, done],
    )
    assert.equal((await draftContent(id)).channels.length, 1, 'one channel')
  })

  it('refuses the form without its token with a Persian message, saving nothing', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(base(id)))
    const { [FORM_ONCE_FIELD]: _token, ...bare } = stampOf($, '#add-channel')
    const res = await postForm(client, base(id), { ...bare, ...eService })
    assert.equal(res.status, 422)
    const page = await checkedPage(res)
    assert.match(page('.mr-error-summary').text(), /فرم کهنه است/)
    assert.equal(page(`#add-channel input[name="${FORM_ONCE_FIELD}"]`).length, 1)
    assert.deepEqual((await draftContent(id)).channels, [])
  })
})
