import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { makeLaw } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Deps } from '../../deps.ts'
import { insertAgency } from '../agencies/index.ts'
import { serviceCacheTag } from '../services/index.ts'
import { runImport } from './catalogue.cli.ts'
import { exportChunks } from './catalogue.export.ts'
import { importCatalogue, parseCatalogueText } from './catalogue.import.ts'
import {
  makeAgencies,
  pdfBytes,
  type SeededCatalogue,
  seedCatalogue,
} from './opendata.test-helpers.ts'

/**
 * Export from one database, import into a fresh one that has the same agencies (same codes,
 * other ids), export again. The two exports are identical except for what is the importing
 * installation's own: `exportedAt`, each service's `agency.id`, each office's `agencyId` and
 * each agency's `id` (agencies are matched by code), `publishedAt` and `publicChangedAt` (when it became public
 * there) and `review` (the review clock is the installation's own: an import ignores it, so an
 * imported service counts from its first publication there). Service ids, slugs, version numbers, change notes, cards, law ids, office ids and
 * the embedded form files all survive.
 */
let source: TestApp
let target: TestApp
let seed: SeededCatalogue
let exported = ''
const tmp = mkdtempSync(join(tmpdir(), 'mardom-import-'))

async function exportText(deps: Deps, embedFiles = true): Promise<string> {
  let text = ''
  for await (const chunk of exportChunks(deps, 'json', { embedFiles })) text += chunk
  return text
}

function envelopeOf(text: string) {
  const parsed = parseCatalogueText(text)
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n'))
  return parsed.envelope
}

/** The export with the fields that belong to the installation (documented above) removed. */
function comparable(text: string): unknown {
  const doc = JSON.parse(text) as Record<string, unknown> & {
    services: Record<string, unknown>[]
    offices: Record<string, unknown>[]
    agencies: Record<string, unknown>[]
  }
  return {
    ...doc,
    exportedAt: null,
    agencies: doc.agencies.map((a) => ({ ...a, id: null })),
    offices: doc.offices.map((o) => ({ ...o, agencyId: null })),
    services: doc.services.map((s) => ({
      ...s,
      agency: { ...(s.agency as object), id: null },
      publishedAt: null,
      publicChangedAt: null,
      review: null,
    })),
  }
}

async function counts(deps: Deps) {
  const n = async (table: 'services' | 'serviceVersions' | 'laws' | 'auditEvents' | 'formFiles') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    services: await n('services'),
    versions: await n('serviceVersions'),
    laws: await n('laws'),
    audit: await n('auditEvents'),
    files: await n('formFiles'),
  }
}

before(async () => {
  source = await createTestApp()
  target = await createTestApp()
  seed = await seedCatalogue(source.deps)
  // One service has been reviewed in the source installation (see the review test below).
  await source.deps.db
    .updateTable('services')
    .set({ lastReviewedAt: source.clock.now() })
    .where('id', '=', seed.published[0]?.id ?? '')
    .execute()
  await makeAgencies(target.deps)
  exported = await exportText(source.deps)
})
after(async () => {
  rmSync(tmp, { recursive: true, force: true })
  await source.close()
  await target.close()
})

describe('export → import → export', () => {
  it('imports every service into a fresh installation and exports the same catalogue', async () => {
    const env = envelopeOf(exported)
    assert.deepEqual(Object.keys(env.files ?? {}), [seed.formSha256], 'the CLI embeds form files')
    const before = await counts(target.deps)
    assert.equal(before.laws, 0)
    assert.equal(before.files, 0)

    assert.equal(env.offices?.length, 1)
    const report = await importCatalogue(target.deps, env)
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.failed],
      [2, 0, 0, 0],
      JSON.stringify(report.records),
    )
    assert.deepEqual(report.offices, {
      created: 1,
      updated: 0,
      unchanged: 0,
      failed: 0,
      failures: [],
    })
    const again = await exportText(target.deps)
    assert.deepEqual(comparable(again), comparable(exported))

    // The review dates are read from the file and ignored: a review is a record made here.
    const reviewed = seed.published[0]?.id ?? ''
    const reviewOf = (text: string) =>
      (
        JSON.parse(text) as { services: { id: string; review: { lastReviewedAt: unknown } }[] }
      ).services.find((s) => s.id === reviewed)?.review.lastReviewedAt
    assert.equal(reviewOf(exported), source.clock.now().toISOString())
    assert.equal(reviewOf(again), null)
    const row = await target.deps.db
      .selectFrom('services')
      .select(['firstPublishedAt', 'lastReviewedAt'])
      .where('id', '=', reviewed)
      .executeTakeFirstOrThrow()
    assert.equal(row.lastReviewedAt, null)
    assert.ok(row.firstPublishedAt, 'the clock counts from its first publication here')

    const after = await counts(target.deps)
    assert.equal(after.laws, 2, 'the cited laws were created with their ids')
    assert.equal(after.files, 1, 'the form file came with the catalogue')
    const audit = await target.deps.db
      .selectFrom('auditEvents')
      .select(['entityType', 'action', 'actorLabel'])
      .where('action', '=', 'import')
      .execute()
    assert.deepEqual(audit.map((a) => `${a.entityType}/${a.actorLabel}`).sort(), [
      'law/system',
      'law/system',
      'office/system',
      'service/system',
      'service/system',
    ])
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts(target.deps)
    const report = await importCatalogue(target.deps, envelopeOf(exported))
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.failed],
      [0, 0, 2, 0],
    )
    assert.equal(report.offices.unchanged, 1)
    assert.deepEqual(await counts(target.deps), before)
  })

  it('publishes a new version when a card changed, and invalidates its cached pages', async () => {
    const id = seed.published[1]?.id ?? ''
    target.deps.pageCache.set(
      '/services/x',
      { body: new Uint8Array(), etag: '"x"', expiresAt: Number.POSITIVE_INFINITY },
      [serviceCacheTag(id)],
    )
    const doc = JSON.parse(exported) as { services: { id: string; content: { title: string } }[] }
    for (const s of doc.services) if (s.id === id) s.content.title = 'گواهی عدم سوء پیشینهٔ کیفری'
    const report = await importCatalogue(target.deps, envelopeOf(JSON.stringify(doc)))
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.failed],
      [0, 1, 1, 0],
    )
    assert.equal(target.deps.pageCache.get('/services/x'), undefined)
    const versions = await target.deps.db
      .selectFrom('serviceVersions')
      .select(['versionNo', 'status', 'title'])
      .where('serviceId', '=', id)
      .orderBy('versionNo')
      .execute()
    assert.deepEqual(
      versions.map((v) => [v.versionNo, v.status, v.title]),
      [
        [1, 'superseded', 'گواهی عدم سوء پیشینه'],
        [2, 'published', 'گواهی عدم سوء پیشینهٔ کیفری'],
      ],
    )
  })
})

describe('import into an empty database', () => {
  let empty: TestApp
  before(async () => {
    empty = await createTestApp()
  })
  after(() => empty.close())

  it('creates the agencies from the file, then every office and service', async () => {
    const report = await importCatalogue(empty.deps, envelopeOf(exported))
    assert.deepEqual(report.agencies, { created: 2, unchanged: 0, failed: 0, failures: [] })
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.failed],
      [2, 0, 0, 0],
      JSON.stringify(report.records),
    )
    assert.equal(report.offices.created, 1)
    const agencies = await empty.deps.db
      .selectFrom('agencies as a')
      .leftJoin('agencies as p', 'p.id', 'a.parentId')
      .select(['a.id', 'a.code', 'a.level', 'a.nameFa', 'p.code as parentCode'])
      .orderBy('a.code')
      .execute()
    assert.deepEqual(
      agencies.map((a) => [a.id, a.code, a.level, a.nameFa, a.parentCode]),
      [
        [seed.ministry.id, '10', 'ministry', seed.ministry.nameFa, null],
        [seed.organisation.id, '1001', 'organisation', seed.organisation.nameFa, '10'],
      ],
      "created with the file's ids, codes and hierarchy",
    )
    const again = await exportText(empty.deps)
    assert.deepEqual(comparable(again), comparable(exported))
    const second = await importCatalogue(empty.deps, envelopeOf(exported))
    assert.deepEqual(second.agencies, { created: 0, unchanged: 2, failed: 0, failures: [] })
    assert.equal(second.unchanged, 2)
  })

  it('moves the agency code sequence past an imported code', async () => {
    const doc = JSON.parse(exported) as {
      agencies: Record<string, unknown>[]
      services: []
      offices: []
    }
    const report = await importCatalogue(
      empty.deps,
      envelopeOf(
        JSON.stringify({
          ...doc,
          services: [],
          offices: [],
          agencies: [
            {
              ...doc.agencies[0],
              id: '00000000-0000-4000-8000-000000000001',
              code: '10500',
              nameFa: 'وزارت تازه',
            },
          ],
        }),
      ),
    )
    assert.equal(report.agencies.created, 1, JSON.stringify(report.agencies.failures))
    const next = await insertAgency(
      empty.deps.db,
      {
        nameFa: 'دستگاه پس از درون‌ریزی',
        nameEn: null,
        shortNameFa: null,
        level: 'ministry',
        parentId: null,
        website: null,
        phone: null,
        email: null,
        address: null,
        provinceCode: null,
      },
      empty.deps.clock.now(),
    )
    assert.equal(next.code, '10501')
  })
})

describe('import of a file with bad records', () => {
  let fresh: TestApp
  before(async () => {
    fresh = await createTestApp()
    await makeAgencies(fresh.deps)
  })
  after(() => fresh.close())

  it('imports the good records, writes nothing of the bad ones and reports each', async () => {
    // A law with the same title and number but another id already exists here: matched.
    const lawA = seed.laws[0]
    assert.ok(lawA)
    const existing = await makeLaw(fresh.deps, lawA.title)
    await fresh.deps.db
      .updateTable('laws')
      .set({ number: lawA.number })
      .where('id', '=', existing.id)
      .execute()

    const doc = JSON.parse(exported) as {
      files: Record<string, string>
      services: Record<string, unknown>[]
    }
    const [first, second] = doc.services
    assert.ok(first && second)
    const broken = structuredClone(first)
    // Cites a law only it describes, and a form file that is nowhere: fails after creating the law.
    broken.id = '0b6f1a52-5a7e-4c39-9a51-4d7f8f3f0c11'
    broken.slug = 'broken-record'
    const content = broken.content as {
      forms: { sha256: string }[]
      legalBases: { lawId: string }[]
    }
    const missing = createHash('sha256').update(pdfBytes('missing')).digest('hex')
    content.forms = [{ ...content.forms[0], sha256: missing } as { sha256: string }]
    const invalid = structuredClone(second)
    invalid.id = 'b6a9e0a1-1111-4c39-9a51-4d7f8f3f0c11'
    invalid.slug = 'invalid-record'
    invalid.content = { ...(second.content as object), title: '' }
    const unknownAgency = {
      ...structuredClone(second),
      id: 'c6a9e0a1-2222-4c39-9a51-4d7f8f3f0c11',
      slug: 'unknown-agency',
      agency: { id: 'x', code: '99999', nameFa: 'ناشناخته' },
    }
    doc.services = [broken, first, invalid, second, unknownAgency]

    const before = await counts(fresh.deps)
    const file = join(tmp, 'bad.json')
    writeFileSync(file, JSON.stringify(doc))
    const lines: string[] = []
    const { code, report } = await runImport(fresh.deps, file, {
      isTTY: false,
      write: (s) => {
        lines.push(s)
      },
    })
    assert.equal(code, 1, 'a failed record makes the command fail')
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.failed],
      [2, 0, 0, 3],
    )
    assert.ok(
      lines.some((l) => l.includes('import: 5/5 (100%)')),
      lines.join(''),
    )
    const failed = report.records.filter((r) => r.outcome === 'failed')
    assert.deepEqual(
      failed.map((r) => [r.index, r.slug]),
      [
        [0, 'broken-record'],
        [2, 'invalid-record'],
        [4, 'unknown-agency'],
      ],
    )
    assert.match(failed[0]?.errors.join() ?? '', new RegExp(`form file ${missing}`))
    assert.match(failed[1]?.errors.join() ?? '', /content\.title: /)
    assert.match(failed[2]?.errors.join() ?? '', /no agency with code 99999/)

    const after = await counts(fresh.deps)
    assert.equal(after.services - before.services, 2, 'only the two good services')
    const slugs = await fresh.deps.db.selectFrom('services').select('slug').execute()
    assert.ok(!slugs.some((s) => s.slug === 'broken-record'))
    // lawA was matched by title and number; lawB was created by the good record, with its id.
    // The broken record also cited lawB before failing: rolled back, so no duplicate either.
    assert.equal(after.laws - before.laws, 1)
    const imported = await fresh.deps.db
      .selectFrom('serviceVersions')
      .select('content')
      .where('serviceId', '=', String(first.id))
      .executeTakeFirstOrThrow()
    const bases = (imported.content as { legalBases: { lawId: string }[] }).legalBases
    assert.deepEqual(
      bases.map((b) => b.lawId),
      [existing.id, seed.laws[1]?.id],
      'the card points at the law matched here',
    )
  })

  it('refuses a file that is not a catalogue', async () => {
    const file = join(tmp, 'not.json')
    writeFileSync(file, JSON.stringify({ format: 'something-else', services: [] }))
    const { code, report } = await runImport(fresh.deps, file, { isTTY: false, write: () => {} })
    assert.equal(code, 1)
    assert.match(report.fileErrors.join('\n'), /not a mardom-catalogue version 1 file/)
    assert.ok(readFileSync(file, 'utf8'))
  })
})
