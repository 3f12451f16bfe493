import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { validateAgainstCpsvShapes } from '../catalogue/index.ts'
import { loadCatalogueContext, publishedServices } from './catalogue.build.ts'
import { CSV_COLUMNS } from './catalogue.csv.ts'
import { catalogueEnvelopeSchema, catalogueServiceSchema } from './catalogue.format.ts'
import {
  FORMULA_NAME,
  parseCsv,
  type SeededCatalogue,
  seedCatalogue,
  TRICKY_DESCRIPTION,
  TRICKY_SUMMARY,
} from './opendata.test-helpers.ts'

let t: TestApp
let seed: SeededCatalogue
before(async () => {
  t = await createTestApp()
  seed = await seedCatalogue(t.deps)
})
after(() => t.close())

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })

describe('GET /api/v1/export/catalogue.json', () => {
  it('is the documented, versioned format with every published service and nothing else', async () => {
    const res = await get('/api/v1/export/catalogue.json')
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8')
    assert.equal(
      res.headers.get('content-disposition'),
      'attachment; filename="mardom-catalogue.json"',
    )
    // Strong (the file's content hash), so byte ranges can be resumed against it (If-Range).
    assert.match(res.headers.get('etag') ?? '', /^"[A-Za-z0-9_-]+"$/)
    assert.equal(res.headers.get('accept-ranges'), 'bytes')
    assert.ok(res.headers.get('last-modified'))
    assert.equal(res.headers.get('x-total-count'), '2')
    const doc = await res.json()
    const env = catalogueEnvelopeSchema.parse(doc)
    assert.equal(env.format, 'mardom-catalogue')
    assert.equal(env.version, 1)
    assert.equal(env.exportedAt, t.clock.now().toISOString())
    assert.deepEqual((doc as { licence: unknown }).licence, {
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.fa',
    })
    assert.equal(env.files, undefined, 'the API does not embed files')
    const offices = (env.offices ?? []) as { id: string; agencyId: string; agencyCode: string }[]
    assert.deepEqual(
      offices.map((o) => [o.id, o.agencyId, o.agencyCode]),
      [[seed.officeId, seed.organisation.id, seed.organisation.code]],
    )
    const services = env.services.map((s) => catalogueServiceSchema.parse(s))
    // The one total time, in the service page's words (issue 17): the process's (one working
    // day) where there is one, the declared time where there is none.
    const raw = (doc as { services: { id: string; totalTime?: unknown }[] }).services
    const totals = new Map(raw.map((s) => [s.id, s.totalTime]))
    assert.deepEqual(
      [seed.published[0]?.id, seed.published[1]?.id].map((id) => totals.get(id ?? '')),
      [
        { source: 'process', text: '۱ روز کاری', min: 1, max: 1, unit: 'working_day' },
        { source: 'declared', text: 'حداکثر ۷ روز کاری', min: null, max: 7, unit: 'working_day' },
      ],
    )
    assert.deepEqual(
      services.map((s) => s.id).sort(),
      seed.published.map((s) => s.id).sort(),
      'withdrawn and draft-only services are not exported',
    )
    const card = services.find((s) => s.id === seed.published[0]?.id)
    assert.ok(card)
    assert.equal(card.slug, seed.published[0]?.slug)
    assert.deepEqual(card.agency, {
      id: seed.organisation.id,
      code: seed.organisation.code,
      nameFa: seed.organisation.nameFa,
    })
    assert.equal(card.versionNo, 2)
    assert.equal(card.changeNote, 'افزودن کلیدواژه')
    assert.equal(card.content.summary, TRICKY_SUMMARY)
    assert.equal(card.content.description, TRICKY_DESCRIPTION)
    assert.deepEqual(card.content.keywords, ['کارت', 'هویت', 'هوشمند'])
    assert.equal(card.content.forms[0]?.sha256, seed.formSha256)
    assert.deepEqual(card.formFiles, [
      {
        sha256: seed.formSha256,
        url: `${t.deps.config.publicUrl}/services/${card.slug}/forms/${seed.formSha256}`,
      },
    ])
    // Both laws: one cited by the card, one also by a process step; resolved with their details.
    assert.deepEqual(
      card.laws.map((l) => [l.id, l.title, l.kind, l.number, l.approvedOn]),
      seed.laws.map((l) => [l.id, l.title, l.kind, l.number, l.approvedOn]),
    )
  })

  it('downloads the form file from the URL it gives', async () => {
    const env = catalogueEnvelopeSchema.parse(
      await (await get('/api/v1/export/catalogue.json')).json(),
    )
    const card = env.services
      .map((s) => catalogueServiceSchema.parse(s))
      .find((s) => s.id === seed.published[0]?.id)
    const url = new URL(card?.formFiles?.[0]?.url ?? '')
    const file = await get(url.pathname)
    assert.equal(file.status, 200)
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), seed.formBytes)
  })

  it('answers If-None-Match with 304, and changes its ETag when the catalogue changes', async () => {
    const first = await get('/api/v1/export/catalogue.json')
    const etag = first.headers.get('etag') ?? ''
    await first.body?.cancel()
    const again = await get('/api/v1/export/catalogue.json', { 'if-none-match': etag })
    assert.equal(again.status, 304)
    assert.equal(await again.text(), '')
    const since = await get('/api/v1/export/catalogue.json', {
      'if-modified-since': first.headers.get('last-modified') ?? '',
    })
    assert.equal(since.status, 304)
    const head = await t.app.request('/api/v1/export/catalogue.csv', { method: 'HEAD' })
    assert.equal(head.status, 200)
    assert.equal(await head.text(), '')

    t.clock.advance(60_000)
    await t.deps.db
      .updateTable('services')
      .set({ withdrawnAt: t.clock.now(), withdrawnReason: 'آزمون', publicChangedAt: t.clock.now() })
      .where('id', '=', seed.published[1]?.id ?? '')
      .execute()
    const changed = await get('/api/v1/export/catalogue.json', { 'if-none-match': etag })
    assert.equal(changed.status, 200)
    assert.notEqual(changed.headers.get('etag'), etag)
    assert.equal(catalogueEnvelopeSchema.parse(await changed.json()).services.length, 1)
    const beforeOffice = changed.headers.get('etag') ?? ''
    t.clock.advance(60_000)
    await t.deps.db
      .updateTable('offices')
      .set({ name: 'دفتر مرکزی ثبت (نشانی تازه)', updatedAt: t.clock.now() })
      .execute()
    const officeEdited = await get('/api/v1/export/catalogue.json', {
      'if-none-match': beforeOffice,
    })
    assert.equal(officeEdited.status, 200, 'an office edit changes the JSON export, so its ETag')
    await officeEdited.body?.cancel()
    await t.deps.db
      .updateTable('services')
      .set({ withdrawnAt: null, withdrawnReason: null, publicChangedAt: t.clock.now() })
      .where('id', '=', seed.published[1]?.id ?? '')
      .execute()
  })
})

describe('GET /api/v1/export/catalogue.csv', () => {
  it('is UTF-8 with BOM, CRLF, RFC 4180 quoting, one row per service and guarded formulas', async () => {
    const res = await get('/api/v1/export/catalogue.csv')
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8; header=present')
    assert.equal(
      res.headers.get('content-disposition'),
      'attachment; filename="mardom-catalogue.csv"',
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)
    assert.ok(text.endsWith('\r\n'))
    // Every record ends with CRLF; the only bare LF is inside the quoted two-line description.
    assert.equal(text.replace(/\r\n/g, '').split('\n').length, 2)
    const rows = parseCsv(text)
    const header = rows[0]
    assert.deepEqual(
      header,
      CSV_COLUMNS.map((c) => c.name),
    )
    assert.equal(rows.length, 3, 'header and two services')
    const col = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1]
    const card = rows.find((r) => col(r, 'id') === seed.published[0]?.id)
    assert.equal(col(card, 'summary'), TRICKY_SUMMARY, 'commas and quotes survive')
    assert.equal(col(card, 'description'), TRICKY_DESCRIPTION, 'the line break survives')
    assert.equal(col(card, 'popular_names'), `'${FORMULA_NAME} | کارت ملی`, 'formula defused')
    assert.equal(col(card, 'agency_code'), seed.organisation.code)
    assert.equal(col(card, 'version_no'), '2')
    assert.equal(col(card, 'keywords'), 'کارت | هویت | هوشمند')
    assert.match(col(card, 'legal_bases') ?? '', /قانون ثبت احوال.*ماده ۱۰ \| آیین‌نامهٔ اجرایی/)
    assert.match(col(card, 'forms') ?? '', /^فرم درخواست http:\/\/.+\/forms\/[0-9a-f]{64}$/)
    const other = rows.find((r) => col(r, 'id') === seed.published[1]?.id)
    assert.equal(col(other, 'output'), "'-2+3 گواهی صادرشده")
    assert.equal(col(card, 'total_time'), '۱ روز کاری', 'the process total, as on the page')
    assert.equal(col(other, 'total_time'), 'حداکثر ۷ روز کاری', 'no process: the declared time')
    // The raw text shows the quoting itself.
    assert.ok(text.includes('"خلاصه با «ویرگول», ""نقل‌قول"" و نیم‌فاصله"'))
    assert.ok(text.includes('"سطر نخست، با ""نقل‌قول""\nسطر دوم"'))
  })
})

describe('GET /api/v1/export/catalogue.jsonld', () => {
  it('is one CPSV-AP graph of every published service that passes the official SHACL shapes', async () => {
    const res = await get('/api/v1/export/catalogue.jsonld')
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/ld+json; charset=utf-8')
    const doc = (await res.json()) as {
      '@graph': { '@id'?: string; '@type'?: string | string[] }[]
    }
    const graph = doc['@graph']
    const services = graph.filter((n) => n['@type'] === 'cpsv:PublicService')
    assert.equal(services.length, 2)
    const ids = graph.map((n) => n['@id'])
    assert.equal(new Set(ids).size, ids.length, 'shared nodes (agencies, laws…) written once')
    const agencyIri = `${t.deps.config.publicUrl}/agencies/${seed.organisation.code}`
    assert.ok(ids.includes(agencyIri))
    const r = await validateAgainstCpsvShapes(doc)
    assert.equal(
      r.violations.length,
      0,
      r.violations.map((v) => `${v.focusNode} ${v.path}: ${v.message}`).join('\n'),
    )
  })
})

describe('publishedServices', () => {
  it('pages the catalogue by (sort key, id) without repeating or skipping', async () => {
    const ctx = await loadCatalogueContext(t.deps)
    const batches: string[][] = []
    for await (const batch of publishedServices(t.deps, ctx, 1))
      batches.push(batch.map((s) => s.id))
    assert.equal(batches.length, 2)
    assert.deepEqual(batches.flat().sort(), seed.published.map((s) => s.id).sort())
  })
})
