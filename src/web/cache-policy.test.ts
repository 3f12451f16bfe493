import assert from 'node:assert/strict'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../test/support/clients.ts'
import {
  actorOf,
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../test/support/test-app.ts'
import type { Agency } from '../features/agencies/index.ts'
import { publishService } from '../features/catalogue/index.ts'
import { saveDraft, startDraft } from '../features/services/index.ts'
import {
  PAGE_VARY,
  PRIVATE_NO_STORE,
  PUBLIC_CACHE_CONTROL,
  TOKEN_READ_CACHE_CONTROL,
} from './cache-policy.ts'
import { CSRF_COOKIE } from './csrf.ts'
import { cachedPageResponder } from './fast-path.ts'

let t: TestApp
let agency: Agency
let admin: MadeUser
let serviceId: string
let slug: string

before(async () => {
  t = await createTestApp()
  // The page cache reads the system clock for expiry (end of the Tehran day, as the service
  // page): the app's clock must agree with it, or every entry would be born expired.
  t.clock.set(new Date())
  agency = await makeAgency(t.deps, { nameFa: 'سازمان آزمون سیاست نگهداری' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  const law = await makeLaw(t.deps)
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent('خدمت آزمون نگهداری', law.id, { summary: 'خلاصهٔ نخست' }),
  )
  serviceId = made.service.id
  slug = made.slug
})
after(() => t.close())

/** A first-time visitor: no cookie at all, as a browser arriving from a search engine. */
const firstVisit = (path: string, headers: Record<string, string> = {}) =>
  t.app.request(path, { headers })

const csrfCookieSet = (res: Response) =>
  res.headers.getSetCookie().some((l) => l.startsWith(`${CSRF_COOKIE}=`))

describe('the cache policy of pages', () => {
  it('lets shared caches hold a public page briefly, keyed on the cookie, and sets no cookie', async () => {
    for (const path of ['/', `/services/${slug}`, '/agencies', '/laws']) {
      const res = await firstVisit(path)
      assert.equal(res.status, 200, path)
      assert.equal(res.headers.get('cache-control'), PUBLIC_CACHE_CONTROL, path)
      assert.match(PUBLIC_CACHE_CONTROL, /\bs-maxage=\d+\b.*\bstale-while-revalidate=\d+\b/)
      assert.equal(res.headers.get('vary'), PAGE_VARY, path)
      assert.deepEqual(res.headers.getSetCookie(), [], `${path}: a shared cache must get no cookie`)
    }
  })

  it('keeps staff pages out of every cache, signed in or not', async () => {
    for (const path of ['/admin', '/sign-in', '/account/tokens']) {
      const res = await firstVisit(path)
      assert.match(res.headers.get('cache-control') ?? '', /\bno-store\b/, path)
      assert.doesNotMatch(res.headers.get('cache-control') ?? '', /\bpublic\b/, path)
    }
  })

  it('never lets a shared cache keep a public page shown to a signed-in person', async () => {
    const client = await signedIn(t, admin)
    for (const path of ['/', `/services/${slug}`, '/agencies']) {
      const res = await client.get(path)
      assert.equal(res.status, 200, path)
      assert.equal(res.headers.get('cache-control'), 'no-store', path)
      assert.match(await res.text(), /action="\/sign-out"/, `${path} is the signed-in page`)
    }
  })

  it('keeps a page whose form carries the visitor token, and its cookie, private', async () => {
    const res = await firstVisit(`/services/${slug}/report`)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), PRIVATE_NO_STORE)
    assert.ok(csrfCookieSet(res), 'the form needs the cookie it repeats')
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1]
    assert.ok(token && res.headers.getSetCookie().some((l) => l.includes(token)))
  })

  it('keeps any other response that sets a cookie private', async () => {
    const res = await t.client().post('/sign-in', {
      agencyCode: admin.agencyCode,
      username: admin.username,
      password: admin.password,
    })
    assert.equal(res.status, 303)
    assert.ok(res.headers.getSetCookie().length > 0)
    assert.match(res.headers.get('cache-control') ?? '', /\bno-store\b/)
  })
})

describe('cached public API reads', () => {
  const path = () => `/api/v1/services/${serviceId}`

  it('send the public policy with an ETag, answer 304 to it, and set no cookie', async () => {
    const first = await firstVisit(path())
    assert.equal(first.status, 200)
    assert.equal(first.headers.get('cache-control'), PUBLIC_CACHE_CONTROL)
    assert.equal(first.headers.get('vary'), null, 'the same JSON for everyone')
    assert.equal(csrfCookieSet(first), false)
    const etag = first.headers.get('etag') ?? ''
    assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/)
    const body = await first.text()

    const again = await firstVisit(path())
    assert.equal(again.headers.get('etag'), etag)
    assert.equal(await again.text(), body)
    const revalidated = await firstVisit(path(), { 'if-none-match': etag })
    assert.equal(revalidated.status, 304)
    assert.equal(await revalidated.text(), '')
    assert.equal(revalidated.headers.get('etag'), etag)
    assert.equal(revalidated.headers.get('cache-control'), PUBLIC_CACHE_CONTROL)
    const weak = await firstVisit(path(), { 'if-none-match': `"x", W/${etag}` })
    assert.equal(weak.status, 304)
  })

  it('are kept in memory and answered by the fast path, except with a token', async () => {
    await firstVisit(path())
    const kept = t.deps.pageCache.get(path())
    assert.ok(kept, 'the answer is in the page cache')
    assert.equal(kept.contentType, 'application/json')
    const served = fastPath(path())
    assert.equal(served.answered, true)
    assert.equal(served.status, 200)
    assert.equal(served.headers['Content-Type'], 'application/json')
    assert.equal(served.headers['Cache-Control'], PUBLIC_CACHE_CONTROL)
    assert.equal(served.headers.ETag, kept.etag)
    assert.equal(fastPath(path(), { 'if-none-match': kept.etag }).status, 304)
    assert.equal(fastPath(path(), { authorization: 'Bearer x' }).answered, false)

    const token = await makeToken(t.deps, admin.userId)
    const withToken = await apiRequest(t.app, 'GET', path(), { token })
    assert.equal(withToken.status, 200)
    assert.equal(withToken.headers.get('cache-control'), TOKEN_READ_CACHE_CONTROL)
    const badToken = await apiRequest(t.app, 'GET', path(), { token: 'not-a-token' })
    assert.equal(badToken.status, 401, 'a token is checked even when the answer is in memory')
  })

  it('change at once when the publish command publishes a new version', async () => {
    const read = async () =>
      (await (await firstVisit(path())).json()) as {
        versionNo: number
        content: { summary: string }
      }
    const before = await read()
    assert.equal(before.content.summary, 'خلاصهٔ نخست')
    const beforeList = await firstVisit(`${path()}/versions`)
    assert.equal(((await beforeList.json()) as { items: unknown[] }).items.length, 1)
    assert.ok(t.deps.pageCache.get(path()))

    const actor = actorOf(admin, 'agency_admin', agency)
    const draft = await startDraft(t.deps, actor, serviceId)
    const saved = await saveDraft(t.deps, actor, serviceId, draft.revision, (c) => ({
      ...c,
      summary: 'خلاصهٔ پس از انتشار',
    }))
    assert.equal(saved.ok, true)
    const published = await publishService(t.deps, actor, serviceId, 'خلاصهٔ تازه')
    assert.equal(published.ok, true)

    assert.equal(t.deps.pageCache.get(path()), undefined, 'dropped from memory by the publish')
    assert.equal(fastPath(path()).answered, false)
    const after = await read()
    assert.equal(after.versionNo, before.versionNo + 1)
    assert.equal(after.content.summary, 'خلاصهٔ پس از انتشار')
    const afterList = await firstVisit(`${path()}/versions`)
    assert.equal(((await afterList.json()) as { items: unknown[] }).items.length, 2)
  })

  it('do not keep errors', async () => {
    const missing = '/api/v1/services/00000000-0000-4000-8000-000000000000'
    const res = await firstVisit(missing)
    assert.equal(res.status, 404)
    assert.equal(t.deps.pageCache.get(missing), undefined)
    assert.doesNotMatch(res.headers.get('cache-control') ?? '', /public/)
  })
})

/** What the fast path (before the app) answers to a GET of `url`. */
function fastPath(url: string, headers: Record<string, string> = {}) {
  const responder = cachedPageResponder(t.deps.pageCache, {
    sessionCookie: 'mardom_session',
    trustProxy: false,
    production: false,
  })
  const out = { answered: false, status: 0, headers: {} as Record<string, string | number> }
  const res = {
    writeHead: (status: number, h: Record<string, string | number>) => {
      out.status = status
      out.headers = h
    },
    end: () => {},
  } as unknown as ServerResponse
  out.answered = responder({ method: 'GET', url, headers } as IncomingMessage, res)
  return out
}
