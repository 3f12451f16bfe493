import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { actorOf, type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { encodeUtf8, encodeWindows1256 } from '../../lib/text-decode.test-helpers.ts'
import { CSRF_FIELD } from '../../web/csrf.ts'
import type { Agency } from '../agencies/index.ts'
import { decideVersion, proposeIndicator, submitVersion } from './indicator.actions.ts'
import { definition } from './indicator.test-helpers.ts'

// Clock: 1 Azar 1405, so 1405-Q2 is the last ended quarter.
let t: TestApp
let agency: Agency
let admin: MadeUser
let editor: MadeUser
let supervisor: MadeUser
let code: string
let client: TestClient

const PATH = '/admin/indicators/upload'

function post(
  c: TestClient,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string } | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  form.set(CSRF_FIELD, c.csrfToken)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  // What a browser sends when no file is chosen: an empty part with no name.
  form.set('file', file ? new Blob([file.bytes]) : new Blob([]), file ? file.name : '')
  return c.request(PATH, { method: 'POST', body: form })
}

const storedValues = () => t.deps.db.selectFrom('indicatorValues').selectAll().execute()

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان بارگذاری صفحه' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  const actor = actorOf(admin, 'agency_admin', agency)
  const { indicator, version } = await proposeIndicator(t.deps, actor, {
    kind: 'specific',
    agencyId: agency.id,
    definition: definition(),
  })
  const sent = await submitVersion(t.deps, actor, version.id, version.revision)
  await decideVersion(t.deps, actorOf(supervisor, 'central_supervisor'), sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  code = indicator.code
  client = await signedIn(t, editor)
})
after(() => t.close())

describe('/admin/indicators/upload', () => {
  it('shows a multipart form with the columns, the template link and the enhancement script', async () => {
    const res = await client.get(PATH)
    assert.equal(res.status, 200)
    const $ = await checkedPage(res)
    assert.equal($('h1').length, 1)
    const form = $('form[data-upload-progress]')
    assert.equal(form.attr('enctype'), 'multipart/form-data')
    assert.equal(form.attr('action'), PATH)
    assert.equal($('input[type=file][name=file]').attr('id'), 'file')
    assert.equal($('label[for=file]').length, 1)
    assert.equal($('a[href="/admin/indicators/upload/template.csv"]').length, 1)
    assert.equal($('script[src="/assets/indicator-upload.js"]').length, 1)
    assert.equal($('progress').length, 1)
    assert.ok($('[data-upload-status]').is('[hidden]'), 'the progress bar waits for the script')
  })

  it('serves the script it names', async () => {
    const res = await t.app.request('/assets/indicator-upload.js')
    assert.equal(res.status, 200)
    assert.match(await res.text(), /XMLHttpRequest/)
  })

  it('gives a template with one row per approved indicator at its last ended period', async () => {
    const res = await client.get(`${PATH}/template.csv`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-disposition') ?? '', /attachment/)
    // Decoded with the BOM kept: Excel needs it to read the file as UTF-8.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
    assert.equal(
      text,
      `\uFEFFcode,period,numerator,denominator,note,evidence_note\r\n${code},1405-Q2,,,,\r\n`,
    )
  })

  it('records a Windows-1256 file and says how many values', async () => {
    const text = `کد,دوره,صورت,مخرج,یادداشت\r\n${code},1405-Q1,30,40,گزارش فصل بهار\r\n`
    const res = await post(
      client,
      { bytes: encodeWindows1256(text), name: 'excel.csv' },
      { evidenceNote: 'گزارش سامانه پروانه' },
    )
    assert.equal(res.status, 200)
    const $ = await checkedPage(res)
    assert.equal($('h1').text().trim(), '۱ مقدار ثبت شد')
    assert.match($('main').text(), /Windows-1256/)
    assert.match($('main').text(), /بهار ۱۴۰۵/)
    const [v] = await storedValues()
    assert.deepEqual(
      [v?.period, v?.value, v?.source, v?.note, v?.evidenceNote],
      ['1405-Q1', 75, 'csv', 'گزارش فصل بهار', 'گزارش سامانه پروانه'],
    )
  })

  it('answers a bad file with 422 and a table of every row’s problem, writing nothing', async () => {
    const before = await storedValues()
    const text = `code,period,numerator,denominator,evidence_note\r\n${code},1404-Q4,5,10,x\r\n${code},1404-Q3,1,0,x\r\n${code},1404-Q4,6,10,x\r\n`
    const res = await post(client, { bytes: encodeUtf8(text), name: 'bad.csv' })
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    assert.match($('title').text(), /^خطا: /)
    assert.equal($('.mr-error-summary a').attr('href'), '#csv-errors')
    const rows = $('#csv-errors tbody tr')
      .map((_, tr) =>
        [$(tr).find('td').eq(0).text().trim(), $(tr).find('td').eq(1).text().trim()].join(' '),
      )
      .get()
    assert.deepEqual(rows, ['۳ مخرج (denominator)', '۴ دوره (period)'])
    assert.deepEqual(await storedValues(), before)
  })

  it('answers a file in an unreadable encoding with 422 and a Persian reason', async () => {
    const res = await post(client, {
      bytes: new Uint8Array(Buffer.from('code,period\r\n', 'utf16le')),
      name: 'u16.csv',
    })
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('#csv-errors').text(), /کل پرونده/)
    assert.match($('#csv-errors').text(), /UTF-8/)
  })

  it('asks for a file when none was chosen, keeping the typed evidence note', async () => {
    const res = await post(client, null, { evidenceNote: 'یادداشت نگه‌داشته' })
    assert.equal(res.status, 422)
    const $ = await checkedPage(res)
    assert.equal($('.mr-error-summary a').attr('href'), '#file')
    assert.equal($('#evidenceNote').val(), 'یادداشت نگه‌داشته')
  })

  it('is for agency staff: the centre gets 403, a stranger the sign-in', async () => {
    const central = await signedIn(t, supervisor)
    assert.equal((await central.get(PATH)).status, 403)
    assert.equal(
      (await post(central, { bytes: encodeUtf8('code\r\n'), name: 'x.csv' })).status,
      403,
    )
    const anonymous = await t.client().get(PATH)
    assert.ok([302, 303, 401].includes(anonymous.status), String(anonymous.status))
  })
})
