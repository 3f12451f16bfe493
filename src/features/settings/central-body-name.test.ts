import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { type MadeUser, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { centralBodyName } from './central-body-name.ts'
import { DEFAULT_CENTRAL_BODY_NAME } from './settings.model.ts'

// Issue 15 item 8: the central body's name comes from the setting on every page, is held in
// memory (no read per request) and a rename drops it and every cached public page.

let t: TestApp
let centralAdmin: MadeUser

before(async () => {
  t = await createTestApp()
  centralAdmin = await makeUser(t.deps, 'central_admin')
})
after(() => t.close())

async function text(path: string): Promise<string> {
  const res = await t.client().get(path)
  assert.equal(res.status, 200, path)
  return cheerio
    .load(await res.text())('body')
    .text()
}

async function footer(path: string): Promise<string> {
  const res = await t.client().get(path)
  return cheerio
    .load(await res.text())('footer .mr-footer__supervisor')
    .text()
}

describe('the central body name', () => {
  it('is read once and then served from memory', async () => {
    assert.equal(await centralBodyName(t.deps), DEFAULT_CENTRAL_BODY_NAME)
    // Changed behind the portal's back: the held name stays until the setting action drops it.
    await t.deps.db
      .insertInto('settings')
      .values({
        key: 'central_body_name',
        value: JSON.stringify('نام دستی'),
        updatedAt: new Date(),
      })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify('نام دستی') }))
      .execute()
    assert.equal(await centralBodyName(t.deps), DEFAULT_CENTRAL_BODY_NAME)
    await t.deps.db.deleteFrom('settings').where('key', '=', 'central_body_name').execute()
  })

  it('a rename shows at once in the footer, the sign-in text and the home page, cached pages included', async () => {
    // Fill the page cache with the old name first.
    assert.match(await footer('/'), /سازمان اداری و استخدامی کشور/)
    assert.match(await text('/'), /کد و رمزی که سازمان اداری و استخدامی کشور صادر می‌کند/)
    assert.match(await footer('/agencies'), /سازمان اداری و استخدامی کشور/)
    const cachedBefore = t.deps.pageCache.size
    assert.ok(cachedBefore > 0, 'the home page was cached')

    const admin = await signedIn(t, centralAdmin)
    const res = await admin.post('/admin/central-body', { centralBodyName: 'نهاد ناظر تازه' })
    assert.equal(res.status, 303)
    assert.equal(t.deps.pageCache.size < cachedBefore, true, 'cached pages were dropped')

    for (const path of ['/', '/agencies', '/sign-in', '/services']) {
      const f = await footer(path)
      assert.match(f, /نهاد ناظر تازه/, path)
      assert.doesNotMatch(f, /سازمان اداری/, path)
    }
    assert.match(await text('/'), /کد و رمزی که نهاد ناظر تازه صادر می‌کند/)
    assert.match(await text('/sign-in'), /رمز عبوری که نهاد ناظر تازه صادر کرده است/)
    assert.equal(await centralBodyName(t.deps), 'نهاد ناظر تازه')
  })
})
