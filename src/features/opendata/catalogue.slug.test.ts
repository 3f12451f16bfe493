import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Deps } from '../../deps.ts'
import { exportChunks } from './catalogue.export.ts'
import { importCatalogue, parseCatalogueText } from './catalogue.import.ts'
import { type SeededCatalogue, seedCatalogue } from './opendata.test-helpers.ts'

/**
 * Issue 17 item 13: services have readable Persian addresses, so the catalogue file carries
 * them and an import must take them back (it took Latin ones only), with the same rule as the
 * API and the staff forms.
 */
let source: TestApp
let target: TestApp
let seed: SeededCatalogue
const PERSIAN = 'گواهی-عدم-سوء-پیشینه'

async function exportText(deps: Deps): Promise<string> {
  let text = ''
  for await (const chunk of exportChunks(deps, 'json', { embedFiles: true })) text += chunk
  return text
}

function envelopeOf(text: string) {
  const parsed = parseCatalogueText(text)
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n'))
  return parsed.envelope
}

type Doc = { services: { id: string; slug: string }[] }

before(async () => {
  source = await createTestApp()
  target = await createTestApp()
  seed = await seedCatalogue(source.deps)
  await source.deps.db
    .updateTable('services')
    .set({ slug: PERSIAN })
    .where('id', '=', seed.published[1]?.id ?? '')
    .execute()
})
after(async () => {
  await source.close()
  await target.close()
})

describe('a Persian address in the catalogue file', () => {
  it('is exported, imported with its service, served, and exported the same again', async () => {
    const exported = await exportText(source.deps)
    const id = seed.published[1]?.id ?? ''
    const slugIn = (text: string) =>
      (JSON.parse(text) as Doc).services.find((s) => s.id === id)?.slug
    assert.equal(slugIn(exported), PERSIAN)
    const report = await importCatalogue(target.deps, envelopeOf(exported))
    assert.equal(report.failed, 0, JSON.stringify(report.records))
    assert.equal(report.created, 2)
    const row = await target.deps.db
      .selectFrom('services')
      .select('slug')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.slug, PERSIAN)
    const page = await target.client().get(`/services/${encodeURIComponent(PERSIAN)}`)
    assert.equal(page.status, 200)
    assert.equal((await checkedPage(page))('h1').text(), seed.published[1]?.title)
    assert.equal(slugIn(await exportText(target.deps)), PERSIAN)
  })

  it('refuses a record whose address is not in the normal form, importing the others', async () => {
    const fresh = await createTestApp()
    try {
      const doc = JSON.parse(await exportText(source.deps)) as Doc
      const bad = doc.services.find((s) => s.id === seed.published[1]?.id)
      assert.ok(bad)
      bad.slug = 'گواهي عدم' // Arabic yeh and a space: not what slugify makes
      const report = await importCatalogue(fresh.deps, envelopeOf(JSON.stringify(doc)))
      assert.equal(report.failed, 1)
      assert.equal(report.created, 1)
      const slugs = await fresh.deps.db.selectFrom('services').select('slug').execute()
      assert.ok(!slugs.some((s) => s.slug === bad.slug))
    } finally {
      await fresh.close()
    }
  })
})
