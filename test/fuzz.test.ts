/**
 * Issue 11 item 4: bad input must never be a 500. A seeded, bounded fuzz over every write route
 * the app has (read from Hono's `app.routes`, so a new route is covered the day it is added),
 * signed in as a central admin and as an agency admin (or with their API tokens), with NUL
 * bytes, lone surrogates, bidi controls, huge strings, wrong types, malformed multipart and JSON
 * bodies and bad Origin headers. No answer may be 5xx, and the published catalogue must be as
 * it was afterwards.
 *
 * Replay a failure with FUZZ_SEED=<seed> (printed on failure); FUZZ_INPUTS sets the inputs per
 * route (default 30: about 2,600 requests in all); FUZZ_DEBUG=1 prints each route's statuses.
 */
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { pino } from 'pino'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { processOf, task, wd } from '../src/features/processes/process.test-helpers.ts'
import { fixedClock } from '../src/lib/clock.ts'
import { createDeps } from '../src/main.ts'
import { CSRF_FIELD } from '../src/web/csrf.ts'
import {
  completeContent,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from './support/fixtures.ts'
import {
  BAD_ORIGINS,
  fillPath,
  hostileFormBody,
  hostileJsonBody,
  mutateJson,
  nastyJson,
  nastyText,
  type Prng,
  plausibleJson,
  prng,
  type SchemaNode,
} from './support/fuzz.ts'
import { TestClient } from './support/test-app.ts'
import { createTestDb, type TestDb } from './support/test-db.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20261206)
const INPUTS_PER_ROUTE = Number(process.env.FUZZ_INPUTS ?? 30)

interface Failure {
  route: string
  what: string
  status: number
  error: string
}

interface FormSpec {
  fields: Record<string, string>
  options: Record<string, string[]>
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'ALL'])
const GENERIC_FIELDS = ['title', 'name', 'nameFa', 'changeNote', 'reason', 'code', 'slug']

describe('fuzzed input (issue 11 item 4)', () => {
  let db: TestDb
  const logged: string[] = []
  let app: ReturnType<typeof buildApp>
  let deps: ReturnType<typeof createDeps>

  before(async () => {
    db = await createTestDb()
    const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: undefined }
    // Errors the handler logs are kept, so that a failure says what went wrong inside.
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged.push(String(chunk))
        done()
      },
    })
    deps = createDeps(config, db.db, {
      clock: fixedClock(new Date('2026-11-22T08:00:00Z')),
      log: pino({ level: 'error' }, sink),
    })
    app = buildApp(deps)
  })
  after(() => db.cleanup())

  it('answers every hostile write without a 5xx and leaves the published catalogue as it was', async () => {
    const started = performance.now()
    // ——— What the fuzz may touch, and what it must not ———
    const pubLaw = await makeLaw(deps)
    const pubAgency = await makeAgency(deps)
    const published = await makePublishedService(
      deps,
      pubAgency,
      completeContent('خدمت منتشرشده', pubLaw.id),
    )
    const agency = await makeAgency(deps)
    const spareAgency = await makeAgency(deps)
    const law = await makeLaw(deps)
    const central = await makeUser(deps, 'central_admin')
    const admin = await makeUser(deps, 'agency_admin', agency)
    const victim = await makeUser(deps, 'agency_editor', agency)
    const draft = await makeDraftService(
      deps,
      agency,
      'fuzz-draft',
      completeContent('خدمت آزمایشی', law.id, {
        // Not publishable (no legal basis), so that no fuzzed input can publish it.
        legalBases: [],
        process: processOf(
          [task('s1', 'گام نخست', wd(1)), task('s2', 'گام دوم', wd(2))],
          [{ from: 's1', to: 's2', label: null, kind: 'normal' }],
        ),
      }),
    )
    const tokens = [await makeToken(deps, central.userId), await makeToken(deps, admin.userId)]
    await makeToken(deps, victim.userId)
    await makeToken(deps, central.userId)
    const tokenIds = await deps.db
      .selectFrom('apiTokens')
      .select(['id', 'userId'])
      .orderBy('createdAt', 'desc')
      .execute()
    const victimToken = tokenIds.find((r) => r.userId === victim.userId)?.id
    const spareToken = tokenIds.find((r) => r.userId === central.userId)?.id
    const officeRes = await app.request(`/api/v1/agencies/${agency.id}/offices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[1]}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'ادارهٔ آزمایشی',
        address: 'میدان انقلاب',
        provinceCode: '08',
        city: 'تهران',
        postalCode: '1314567890',
        lat: 35.7,
        lng: 51.39,
        phones: ['021-66001122'],
        hours: { sat: [{ start: '07:30', end: '14:30' }] },
      }),
    })
    assert.equal(officeRes.status, 201, await officeRes.clone().text())
    const office = (await officeRes.json()) as { id: string }

    const known = (name: string, path: string): string | undefined => {
      if (name === 'id') {
        if (path.includes('/services')) return draft.id
        if (path.includes('/offices') && !path.includes('/agencies')) return office.id
        if (path.includes('/agencies')) return agency.id
        if (path.includes('/users')) return victim.userId
        if (path.includes('/laws')) return law.id
        if (path.includes('/tokens')) return spareToken
      }
      if (name === 'code') return spareAgency.code
      if (name === 'tokenId') return victimToken
      if (name === 'step') return 's1'
      if (name === 'sha256' || name === 'sha') return '0'.repeat(64)
      return undefined
    }

    const draftStamp = async () =>
      (await deps.db
        .selectFrom('serviceVersions')
        .select(['id', 'revision'])
        .where('serviceId', '=', draft.id)
        .where('status', '=', 'draft')
        .executeTakeFirst()) ?? { id: '', revision: 1 }
    // Valid values for API body properties, by name, so that a mutated body gets deep.
    const PLAUSIBLE: Record<string, unknown> = {
      parentId: null,
      website: 'https://www.example.ir',
      url: 'https://www.example.ir',
      phone: '021-88888888',
      phones: ['021-88888888'],
      email: 'info@example.ir',
      provinceCode: '08',
      postalCode: '1314567890',
      lat: 35.7,
      lng: 51.39,
      nationalServiceCode: null,
      from: '2026-12-01',
      to: '2026-12-02',
      day: '2026-12-01',
      start: '07:30',
      end: '14:30',
    }
    const fixtureValue = (key: string, revision: number): unknown => {
      if (key === 'lawId') return law.id
      if (key === 'revision') return revision
      return PLAUSIBLE[key]
    }

    const publishedCatalogue = async () => ({
      versions: await deps.db
        .selectFrom('serviceVersions')
        .selectAll()
        .where('status', '=', 'published')
        .orderBy('id')
        .execute(),
      services: await deps.db
        .selectFrom('services')
        .selectAll()
        .where('id', '=', published.service.id)
        .execute(),
      api: await (await app.request(`/api/v1/services/${published.service.id}`)).text(),
      // The page's own content: the header and footer carry portal settings (the central
      // body's name), which a fuzzed settings form may change without touching the catalogue.
      page: (
        /<main[\s\S]*<\/main>/.exec(
          await (await app.request(`/services/${published.slug}`)).text(),
        )?.[0] ?? ''
      ).replace(/name="_csrf" value="[^"]*"/g, ''),
    })
    const before = await publishedCatalogue()
    assert.match(before.page, /^<main[\s\S]*خدمت منتشرشده/, 'the page content was read')

    // ——— Clients: one per role, re-signed-in whenever a fuzzed write ends their session ———
    const signIn = async (user: typeof central) => {
      const c = new TestClient(app)
      await c.signIn(user.username, user.password, user.agencyCode)
      return c
    }
    const users = [central, admin]
    const clients = [await signIn(central), await signIn(admin)]
    const refresh = async () => {
      for (const [i, user] of users.entries()) {
        const c = clients[i]
        if (!c) continue
        const res = await c.get('/admin')
        if (res.status !== 200) clients[i] = await signIn(user)
      }
    }

    // ——— The forms each signed-in role is shown, keyed by where they post ———
    const forms = new Map<string, FormSpec>()
    const getPaths = new Set(
      app.routes
        .filter((r) => r.method === 'GET' && !r.path.includes('*') && !r.path.startsWith('/api'))
        .map((r) => fillPath(r.path, known)),
    )
    for (const client of clients) {
      for (const path of getPaths) {
        const res = await client.get(path)
        if (!res.headers.get('content-type')?.includes('text/html')) continue
        const $ = cheerio.load(await res.text())
        $('form[method="post"]').each((_, form) => {
          const action = new URL($(form).attr('action') ?? path, 'http://localhost').pathname
          const spec: FormSpec = forms.get(action) ?? { fields: {}, options: {} }
          $(form)
            .find('input, textarea, select')
            .each((_, el) => {
              const e = $(el)
              const name = e.attr('name')
              if (!name || name === CSRF_FIELD) return
              const values =
                el.tagName === 'select'
                  ? e
                      .find('option')
                      .map((_, o) => $(o).attr('value') ?? '')
                      .get()
                  : [el.tagName === 'textarea' ? e.text() : (e.attr('value') ?? '')]
              spec.options[name] = [...(spec.options[name] ?? []), ...values]
              spec.fields[name] ??= values[0] ?? ''
            })
          forms.set(action, spec)
        })
      }
    }

    // A field left empty on one form (a "new" form) takes a value another form showed for it.
    const seen = new Map<string, string>()
    for (const spec of forms.values())
      for (const [name, value] of Object.entries(spec.fields))
        if (value.trim() !== '' && !seen.has(name)) seen.set(name, value)
    for (const spec of forms.values())
      for (const [name, value] of Object.entries(spec.fields))
        if (value.trim() === '')
          spec.fields[name] = seen.get(name) ?? spec.options[name]?.find((o) => o !== '') ?? ''

    // ——— The API's request bodies, from its OpenAPI document ———
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaNode }> } }>
      >
      components?: { schemas?: Record<string, SchemaNode> }
    }
    const resolve = (ref: string) => doc.components?.schemas?.[ref.split('/').pop() ?? '']
    const bodySchema = (method: string, path: string): SchemaNode | undefined => {
      const openApiPath = path.replace(/^\/api\/v1/, '').replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')
      const content = doc.paths[openApiPath]?.[method.toLowerCase()]?.requestBody?.content
      return content?.['application/json']?.schema
    }

    if (process.env.FUZZ_DEBUG) console.log('setup+crawl', Math.round(performance.now() - started))
    // ——— The fuzz: every write route, the destructive ones (delete, discard…) last ———
    const destructive = (path: string) =>
      /\/(delete|discard|withdraw|revoke|status|reset-password|sign-out)$/.test(path) ? 1 : 0
    const routes = [
      ...new Map(
        app.routes.filter((r) => !SAFE.has(r.method)).map((r) => [`${r.method} ${r.path}`, r]),
      ).values(),
    ].sort(
      // Deeper paths first among the destructive ones: an office's closures before the office.
      (a, b) =>
        destructive(a.path) - destructive(b.path) ||
        destructive(a.path) * (b.path.split('/').length - a.path.split('/').length),
    )
    const failures: Failure[] = []
    let requests = 0
    const statuses = new Map<string, number[]>()
    const r = prng(SEED)

    const send: Send = async (route, what, request) => {
      const mark = logged.length
      const res = await request()
      requests++
      statuses.set(route, [...(statuses.get(route) ?? []), res.status])
      const text = await res.text()
      if (res.status >= 500) {
        const error =
          logged
            .slice(mark)
            .join('')
            .match(/"message":"([^"]*)"/)?.[1] ?? text.slice(0, 120)
        failures.push({ route, what, status: res.status, error })
      }
      return res.status
    }

    for (const route of routes) {
      const key = `${route.method} ${route.path.replace(/\{(?:[^{}]|\{[^{}]*\})*\}/g, '')}`
      const path = fillPath(route.path, known)
      const t0 = performance.now()
      if (route.path.startsWith('/api/')) {
        const schema = bodySchema(route.method, route.path)
        const body = async () => {
          const { revision } = await draftStamp()
          return plausibleJson(schema, resolve, (k) => fixtureValue(k, revision))
        }
        // The tokens whose role reaches the route: a plausible body is not refused 403/404.
        const reach: string[] = []
        for (const token of tokens) {
          const status = await send(key, 'plausible JSON', () =>
            body().then((b) => apiCall(app, route.method, path, token, b)),
          )
          if (status !== 403 && status !== 404) reach.push(token)
        }
        const use = reach.length > 0 ? reach : tokens
        for (let i = 0; i < INPUTS_PER_ROUTE; i++)
          await fuzzApi(app, r, key, route.method, path, use[i % use.length] ?? '', body, send)
      } else {
        await refresh()
        const spec = forms.get(path)
        // The editor's forms carry the draft's revision: send the current one, not a stale one.
        const fields = async (): Promise<Record<string, string>> => {
          const base = { ...(spec?.fields ?? {}) }
          if ('revision' in base) {
            const stamp = await draftStamp()
            base.revision = String(stamp.revision)
            base.draft = stamp.id
          }
          return base
        }
        const anonymous = route.path.startsWith('/sign-')
        const reach: TestClient[] = []
        for (const client of anonymous ? [new TestClient(app)] : clients) {
          const plain = await fields()
          const status = await send(key, 'the form as shown', () => client.post(path, plain))
          if (status !== 403 && status !== 404) reach.push(client)
        }
        const use = reach.length > 0 ? reach : clients
        for (let i = 0; i < INPUTS_PER_ROUTE; i++) {
          const client = anonymous ? new TestClient(app) : (use[i % use.length] ?? clients[0])
          if (client) await fuzzForm(r, key, route.method, path, client, await fields(), spec, send)
        }
      }
      if (process.env.FUZZ_DEBUG)
        console.log(
          key,
          Math.round(performance.now() - t0),
          JSON.stringify(histogram(statuses.get(key) ?? [])),
        )
    }

    const seconds = (performance.now() - started) / 1000
    console.log(
      `fuzz: ${requests} requests over ${routes.length} write routes (${forms.size} forms seen) in ${seconds.toFixed(1)} s, seed ${SEED}`,
    )
    assert.ok(routes.length >= 70, `every write route is fuzzed (${routes.length})`)
    assert.ok(requests >= 2000, `a few thousand inputs (${requests})`)
    const summary = [
      ...new Map(failures.map((f) => [`${f.route} · ${f.what} · ${f.error}`, f])).keys(),
    ]
    assert.deepEqual(summary, [], `5xx answers (seed ${SEED}):\n${summary.join('\n')}`)
    assert.deepEqual(await publishedCatalogue(), before, 'the published catalogue is unchanged')
  })
})

function histogram(list: number[]): Record<number, number> {
  const out: Record<number, number> = {}
  for (const n of list) out[n] = (out[n] ?? 0) + 1
  return out
}

type App = ReturnType<typeof buildApp>

function apiCall(app: App, method: string, path: string, token: string, body: unknown) {
  return Promise.resolve(
    app.request(path, {
      method,
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    }),
  )
}
type Send = (route: string, what: string, request: () => Promise<Response>) => Promise<number>

async function fuzzForm(
  r: Prng,
  route: string,
  method: string,
  path: string,
  client: TestClient,
  base: Record<string, string>,
  spec: FormSpec | undefined,
  send: Send,
): Promise<number> {
  const fields: Record<string, string> = { ...base }
  const names = Object.keys(fields).length > 0 ? Object.keys(fields) : GENERIC_FIELDS
  const kind = r.int(10)
  if (kind === 6) {
    const hostile = hostileFormBody(r, client.csrfToken, fields)
    const headers: Record<string, string> = hostile.contentType
      ? { 'content-type': hostile.contentType }
      : {}
    return send(route, hostile.what, () =>
      client.request(path, { method, body: hostile.body, headers }),
    )
  }
  // Some fields get nasty text, some a valid choice of another field, some repeat.
  const changed: string[] = []
  for (let n = 1 + r.int(3); n > 0; n--) {
    const name = r.pick(names)
    const options = spec?.options[name] ?? []
    fields[name] = options.length > 1 && r.chance(0.3) ? r.pick(options) : nastyText(r)
    changed.push(name)
  }
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) body.append(k, v)
  if (kind === 8) {
    body.append(nastyText(r), nastyText(r))
    body.append(r.pick(names), String(nastyJson(r)))
  }
  if (kind === 9) for (let k = 0; k < 2000; k++) body.append(`f${k}`, 'ب'.repeat(20))
  body.set(CSRF_FIELD, client.csrfToken)
  const headers: Record<string, string> = {}
  let what = `fields ${changed.join(',')}`
  if (kind === 7) {
    headers.origin = r.pick(BAD_ORIGINS)
    what = `Origin ${headers.origin}`
  }
  if (r.chance(0.3)) {
    const multipart = new FormData()
    for (const [k, v] of body) multipart.append(k, v)
    return send(route, `${what} (multipart)`, () =>
      client.request(path, { method, body: multipart, headers }),
    )
  }
  headers['content-type'] = 'application/x-www-form-urlencoded'
  return send(route, what, () => client.request(path, { method, body, headers }))
}

async function fuzzApi(
  app: App,
  r: Prng,
  route: string,
  method: string,
  path: string,
  token: string,
  body: () => Promise<unknown>,
  send: Send,
): Promise<number> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  const kind = r.int(10)
  if (kind >= 8) {
    const hostile = hostileJsonBody(r)
    headers['content-type'] = hostile.contentType
    if (kind === 9) headers.origin = r.pick(BAD_ORIGINS)
    return send(route, hostile.what, () =>
      Promise.resolve(app.request(path, { method, body: hostile.body, headers })),
    )
  }
  headers['content-type'] = 'application/json'
  const { value, paths } = mutateJson(r, await body())
  return send(route, `JSON with ${paths.join(', ')} changed`, () =>
    Promise.resolve(app.request(path, { method, body: JSON.stringify(value), headers })),
  )
}
