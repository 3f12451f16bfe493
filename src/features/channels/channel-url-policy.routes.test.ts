import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { WEB_URL_PROBLEM_FA } from '../../lib/net/messages.fa.ts'
import { LOCAL_NAME_URLS, NON_PUBLIC_URLS } from '../../lib/net/non-public-urls.test-helpers.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import type { Agency } from '../agencies/index.ts'
import { findDraft, insertDraft, insertService } from '../services/index.ts'
import { sampleChannels, sampleStages } from './channel.test-helpers.ts'

/**
 * Issue 11 item 2: a channel URL that the link checker would request from inside the portal's
 * network is refused when saved, through the editor form and through the API, with a message
 * that says why; a public URL is still accepted.
 */

let t: TestApp
let agency: Agency
let editor: MadeUser
let lawId = ''

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  lawId = (await makeLaw(t.deps)).id
})
after(() => t.close())

const OTHER_REFUSALS: [string, keyof typeof WEB_URL_PROBLEM_FA][] = [
  ['https://my.gov.ir:8443/request', 'port'],
  ['http://my.gov.ir:22/', 'port'],
  ['https://admin:secret@my.gov.ir/', 'credentials'],
  ['ftp://my.gov.ir/form', 'scheme'],
]

/** Every refused URL with the message it must get. */
const REFUSED: [string, string][] = [
  ...NON_PUBLIC_URLS.map((u): [string, string] => [u, WEB_URL_PROBLEM_FA.non_public_address]),
  ...LOCAL_NAME_URLS.map((u): [string, string] => [u, WEB_URL_PROBLEM_FA.local_name]),
  ...OTHER_REFUSALS.map(([u, p]): [string, string] => [u, WEB_URL_PROBLEM_FA[p]]),
]

describe('saving a channel URL that is not a public web page', () => {
  it('the editor form refuses every encoding with the reason (422) and saves nothing', async () => {
    const service = await insertService(t.deps.db, {
      agencyId: agency.id,
      slug: 'url-policy-form',
      now: t.deps.clock.now(),
    })
    await insertDraft(t.deps.db, {
      serviceId: service.id,
      versionNo: 1,
      content: completeContent('خدمت آزمون نشانی', lawId),
      userId: null,
      now: t.deps.clock.now(),
    })
    const client = await signedIn(t, editor)
    const path = `/admin/services/${service.id}/edit/channels`
    const $page = await checkedPage(await client.get(path))
    const stamp = {
      draft: $page('#add-channel input[name="draft"]').attr('value') ?? '',
      revision: $page('#add-channel input[name="revision"]').attr('value') ?? '',
      [FORM_ONCE_FIELD]: $page(`#add-channel input[name="${FORM_ONCE_FIELD}"]`).attr('value') ?? '',
    }
    for (const [url, message] of REFUSED) {
      const res = await postForm(client, path, {
        ...stamp,
        kind: 'e_service',
        title: 'سامانهٔ درونی',
        url,
        signIn: 'none',
      })
      assert.equal(res.status, 422, url)
      const $ = await checkedPage(res)
      assert.ok($('.mr-error-summary').text().includes(`نشانی ${message}`), `${url}: ${message}`)
    }
    assert.deepEqual((await findDraft(t.deps.db, service.id))?.content.channels, [])

    const ok = await postForm(client, path, {
      ...stamp,
      kind: 'e_service',
      title: 'سامانهٔ عمومی',
      url: 'https://my.gov.ir:443/request',
      signIn: 'none',
    })
    assert.equal(ok.status, 303, 'a public URL (default port written out) is still saved')
    assert.equal(
      (await findDraft(t.deps.db, service.id))?.content.channels[0]?.url,
      'https://my.gov.ir:443/request',
    )
  })

  it('the channels API refuses every encoding with problem+json naming the field', async () => {
    const made = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت آزمون نشانی API', lawId, {
        channels: sampleChannels,
        stages: sampleStages,
      }),
    )
    const token = await makeToken(t.deps, editor.userId)
    const path = `/api/v1/services/${made.service.id}/draft/channels`
    const draft = (await (await apiRequest(t.app, 'GET', path, { token })).json()) as {
      revision: number
    }
    assert.ok(draft.revision)
    for (const [url, message] of REFUSED) {
      const [online, desk] = sampleChannels
      assert.ok(online && desk)
      const res = await apiRequest(t.app, 'PUT', path, {
        token,
        body: {
          revision: draft.revision,
          channels: [{ ...online, url }, desk],
          stages: sampleStages,
        },
      })
      assert.equal(res.status, 422, url)
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/)
      const problem = (await res.json()) as { errors?: Record<string, string> }
      assert.equal(problem.errors?.['channels.0.url'], `نشانی ${message}`, url)
    }
    const stored = await findDraft(t.deps.db, made.service.id)
    assert.equal(stored?.content.channels[0]?.url, 'https://my.gov.ir/sample/request')

    // The whole-card PUT goes through the same channel schema.
    const whole = (await (
      await apiRequest(t.app, 'GET', `/api/v1/services/${made.service.id}/draft`, { token })
    ).json()) as { revision: number; content: { channels: typeof sampleChannels } }
    const [online, desk] = whole.content.channels
    assert.ok(online && desk)
    const res = await apiRequest(t.app, 'PUT', `/api/v1/services/${made.service.id}/draft`, {
      token,
      body: {
        revision: whole.revision,
        content: {
          ...whole.content,
          channels: [{ ...online, url: 'http://[::ffff:127.0.0.1]/' }, desk],
        },
      },
    })
    assert.equal(res.status, 422)
    assert.match(JSON.stringify(await res.json()), /نشانی IP درونی/)
  })
})
