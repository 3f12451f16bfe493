import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { sql } from 'kysely'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { type Fields, postForm, refused } from '../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import type { Agency } from '../agencies/index.ts'
import { latestMethod } from './method.queries.ts'
import { listSnapshots, objectionsOfPeriod } from './snapshot.queries.ts'

let t: TestApp
let ministry: Agency
let centralAdmin: TestClient
let supervisor: TestClient
let agencyAdmin: TestClient
let agencyEditor: TestClient
let adminUser: MadeUser
let supervisorUser: MadeUser
let editorUser: MadeUser

async function count(
  table: 'evaluation_snapshots' | 'evaluation_objections' | 'evaluation_methods',
): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
    t.deps.db,
  )
  return r.rows[0]?.n ?? -1
}

/** Posts a form's fields and returns the answer, asserting its status. */
async function post(client: TestClient, path: string, fields: Fields, status: number) {
  const res = await postForm(client, path, fields)
  assert.equal(res.status, status, `${path} → ${res.status}`)
  return res
}

before(async () => {
  t = await createTestApp()
  ministry = await makeAgency(t.deps, { nameFa: 'وزارت ارزیابی‌شونده', level: 'ministry' })
  const other = await makeAgency(t.deps, { nameFa: 'وزارت دیگر', level: 'ministry' })
  centralAdmin = await signedIn(t, await makeUser(t.deps, 'central_admin'))
  supervisorUser = await makeUser(t.deps, 'central_supervisor')
  adminUser = await makeUser(t.deps, 'agency_admin', ministry)
  editorUser = await makeUser(t.deps, 'agency_editor', ministry)
  supervisor = await signedIn(t, supervisorUser)
  agencyAdmin = await signedIn(t, adminUser)
  agencyEditor = await signedIn(t, editorUser)
  const law = await makeLaw(t.deps)
  // Published in 1404 (2025-06-22 is 1 Tir 1404), so the year has something to measure.
  const back = new Date('2025-06-22T08:00:00Z').getTime() - t.clock.now().getTime()
  t.clock.advance(back)
  await makePublishedService(t.deps, ministry, completeContent('خدمت سنجیده', law.id))
  await makePublishedService(t.deps, other, completeContent('خدمت دیگر', law.id))
  t.clock.advance(-back)
})
after(() => t.close())

describe('who may open the staff evaluation pages', () => {
  it('sends a visitor to sign in and answers an agency editor with a Persian 403', async () => {
    const anonymous = await t.client().get('/admin/evaluation')
    assert.equal(anonymous.status, 303)
    assert.match(anonymous.headers.get('location') ?? '', /^\/sign-in/)
    for (const path of ['/admin/evaluation', '/admin/evaluation/method']) {
      const res = await agencyEditor.get(path)
      assert.equal(res.status, 403, path)
      assert.match(await res.text(), /اجازهٔ دسترسی ندارید/)
    }
  })

  it('keeps the method editor to the central admin', async () => {
    const res = await supervisor.get('/admin/evaluation/method')
    assert.equal(res.status, 403)
    assert.match(await res.text(), /روش ارزیابی را مدیر ستاد مرکزی تعیین می‌کند/)
    await refused(t, agencyAdmin, '/admin/evaluation/method', { nameFa: 'روش دستگاه' }, 403)
  })

  it('refuses closing a year to an agency admin and writes nothing', async () => {
    await refused(t, agencyAdmin, '/admin/evaluation/close', { period: '1404' }, 403)
    const res = await agencyAdmin.get('/admin/evaluation/close?period=1404')
    assert.equal(res.status, 403)
  })
})

describe('the method editor', () => {
  it('refuses weights that do not sum to 100 with the Persian message, saving nothing', async () => {
    const $ = await checkedPage(await centralAdmin.get('/admin/evaluation/method'))
    assert.match($('#method-version').text(), /هنوز روشی ذخیره نشده است/)
    const fields = formFields($, '#method-form')
    assert.equal(fields['weight.publication'], '۲۰', 'the default, in Persian digits')
    const text = await refused(
      t,
      centralAdmin,
      '/admin/evaluation/method',
      { ...(fields as Record<string, string>), 'weight.publication': '۳۰' },
      400,
    )
    const page = cheerio.load(text)
    assert.match(page('.mr-error-summary').text(), /جمع وزن‌ها باید ۱۰۰ باشد؛ اکنون ۱۱۰ است/)
    assert.equal(page('.mr-error-summary a').attr('href'), '#weight-publication')
    assert.equal(page('#weight-publication').attr('value'), '۳۰', 'what was typed is kept')
    assert.equal(await count('evaluation_methods'), 0)
  })

  it('saves the method, then edits the same version while no evaluation used it', async () => {
    const $ = await checkedPage(await centralAdmin.get('/admin/evaluation/method'))
    const res = await post(
      centralAdmin,
      '/admin/evaluation/method',
      formFields($, '#method-form'),
      303,
    )
    assert.equal(res.headers.get('location'), '/admin/evaluation/method?done=saved')
    const after = await checkedPage(await centralAdmin.get('/admin/evaluation/method?done=saved'))
    assert.match(after('.mr-notification-banner').text(), /روش ارزیابی ذخیره شد/)
    assert.match(after('#method-version').text(), /نسخهٔ ۱/)
    assert.equal(after('#method-frozen').length, 0)
    assert.equal((await latestMethod(t.deps.db))?.version, 1)
  })
})

describe('closing a year', () => {
  let staleToken = ''

  it('asks «آیا مطمئن هستید؟» on a page of its own, then publishes once', async () => {
    const overview = await checkedPage(await supervisor.get('/admin/evaluation'))
    assert.deepEqual(
      overview('#close-form option')
        .map((_, o) => overview(o).attr('value'))
        .get(),
      ['1404', '1403', '1402'],
    )
    const confirm = await checkedPage(await supervisor.get('/admin/evaluation/close?period=1404'))
    assert.equal(confirm('h1').text(), 'آیا مطمئن هستید؟')
    assert.match(confirm('.mr-warning-text').text(), /پس از انتشار، روش ارزیابی منجمد می‌شود/)
    const fields = formFields(confirm, '#confirm-close-form')
    // A second confirmation page, opened before the first was sent: its token is still unused.
    const second = await checkedPage(await supervisor.get('/admin/evaluation/close?period=1404'))
    staleToken = String(formFields(second, '#confirm-close-form')[FORM_ONCE_FIELD])

    const res = await post(supervisor, '/admin/evaluation/close', fields, 303)
    assert.equal(res.headers.get('location'), '/admin/evaluation?done=closed&period=1404')
    const done = await checkedPage(await supervisor.get(res.headers.get('location') ?? ''))
    assert.match(done('.mr-notification-banner').text(), /ارزیابی سال ۱۴۰۴ بسته و منتشر شد/)
    assert.match(done('#evaluation-periods').text(), /منتشرشده/)
    assert.equal(await count('evaluation_snapshots'), 1)

    // The same form sent again goes to the same result and creates nothing.
    const again = await post(supervisor, '/admin/evaluation/close', fields, 303)
    assert.equal(again.headers.get('location'), '/admin/evaluation?done=closed&period=1404')
    assert.equal(await count('evaluation_snapshots'), 1)
    assert.ok((await latestMethod(t.deps.db))?.frozenAt, 'the method is frozen')
  })

  it('refuses a second close of the year with a clear message (409), one snapshot kept', async () => {
    const text = await refused(
      t,
      supervisor,
      '/admin/evaluation/close',
      { period: '1404', [FORM_ONCE_FIELD]: staleToken },
      409,
    )
    const $ = cheerio.load(text)
    assert.match($('.mr-error-summary').text(), /ارزیابی سال ۱۴۰۴ پیش‌تر بسته و منتشر شده است/)
    assert.match($('title').text(), /^خطا: /)
    const confirm = await supervisor.get('/admin/evaluation/close?period=1404')
    assert.equal(confirm.status, 409)
    assert.deepEqual(
      (await listSnapshots(t.deps.db)).map((s) => [s.period, s.status]),
      [['1404', 'published']],
    )
  })

  it('refuses a year not ended, a malformed year and a form without its token', async () => {
    const notEnded = await supervisor.get('/admin/evaluation/close?period=1405')
    assert.equal(notEnded.status, 400)
    assert.match(await notEnded.text(), /سال ۱۴۰۵ هنوز تمام نشده است/)
    const bad = await supervisor.get('/admin/evaluation/close?period=14o3')
    assert.equal(bad.status, 400)
    const text = await refused(t, supervisor, '/admin/evaluation/close', { period: '1403' }, 400)
    assert.match(cheerio.load(text)('.mr-error-summary').text(), /این فرم کهنه است/)
  })

  it('shows the frozen method as frozen: saving makes a new version', async () => {
    const $ = await checkedPage(await centralAdmin.get('/admin/evaluation/method'))
    assert.match($('#method-frozen').text(), /منجمد است؛ ذخیره، نسخهٔ تازه می‌سازد/)
  })
})

describe('objections, answers and the corrected evaluation', () => {
  it('shows the agency admin its scorecard and the window’s end in Jalali', async () => {
    const $ = await checkedPage(await agencyAdmin.get('/admin/evaluation/1404'))
    assert.equal($('h1').text(), 'ارزیابی سال ۱۴۰۴')
    assert.ok($('#scorecard tbody tr').length > 0)
    // Published 1 Azar 1405 (2026-11-22), objections for 30 days.
    assert.match($('#objection-window').text(), /مهلت اعتراض: تا ۱ دی ۱۴۰۵/)
    assert.equal($('form[id^=object-]').length, $('#scorecard tbody tr').length)
    const overview = await checkedPage(await agencyAdmin.get('/admin/evaluation'))
    assert.equal(overview('#agency-periods a[href="/admin/evaluation/1404"]').length, 1)
  })

  it('refuses a too-short reason and keeps what was typed; writes nothing', async () => {
    const $ = await checkedPage(await agencyAdmin.get('/admin/evaluation/1404'))
    const fields = formFields($, '#object-publication') as Record<string, string>
    const text = await refused(
      t,
      agencyAdmin,
      '/admin/evaluation/1404/objections',
      { ...fields, reasonFa: 'کوتاه' },
      400,
    )
    const page = cheerio.load(text)
    assert.match(page('.mr-error-summary').text(), /دلیل اعتراض را دست‌کم/)
    assert.equal(page('.mr-error-summary a').attr('href'), '#reason-publication')
    assert.equal(page('#reason-publication').text(), 'کوتاه')
    assert.equal(page('#objection-publication').attr('open'), 'open')
  })

  it('lodges an objection once, however often the form is sent', async () => {
    const $ = await checkedPage(await agencyAdmin.get('/admin/evaluation/1404'))
    const fields = {
      ...formFields($, '#object-publication'),
      reasonFa: 'شناسنامهٔ خدمت ما کامل بود و زمان هر گام را نوشته بودیم.',
    }
    const res = await post(agencyAdmin, '/admin/evaluation/1404/objections', fields, 303)
    const location = res.headers.get('location') ?? ''
    assert.equal(location, '/admin/evaluation/1404?done=objection&component=publication')
    await post(agencyAdmin, '/admin/evaluation/1404/objections', fields, 303)
    assert.equal(await count('evaluation_objections'), 1)
    const page = await checkedPage(await agencyAdmin.get(location))
    assert.match(page('.mr-notification-banner').text(), /اعتراض شما ثبت شد/)
    assert.match(page('#objection-publication').text(), /در انتظار پاسخ ستاد/)
    assert.match(page('#own-objections').text(), /در انتظار پاسخ/)
  })

  it('the centre answers: accepting needs the corrected n; the answer is kept once', async () => {
    const [objection] = await objectionsOfPeriod(t.deps.db, '1404')
    assert.ok(objection)
    const $ = await checkedPage(await supervisor.get('/admin/evaluation/1404'))
    assert.match($('#objections').text(), /وزارت ارزیابی‌شونده/)
    const form = `#answer-form-${objection.id}`
    const action = `/admin/evaluation/objections/${objection.id}/answer`
    const fields = formFields($, form) as Record<string, string>
    const text = await refused(
      t,
      supervisor,
      action,
      { ...fields, decision: 'accept', correctedValue: '۱۰۰', answerFa: 'بررسی شد و درست است.' },
      400,
    )
    const page = cheerio.load(text)
    assert.match(page('.mr-error-summary').text(), /تعداد مشاهده باید عدد صحیحی/)
    assert.equal(page('.mr-error-summary a').attr('href'), `#correctedN-${objection.id}`)

    const good = {
      ...fields,
      decision: 'accept',
      correctedValue: '۱۰۰',
      correctedN: '۱',
      answerFa: 'بررسی شد: شناسنامه کامل بود.',
    }
    const res = await post(supervisor, action, good, 303)
    await post(supervisor, action, good, 303)
    const done = await checkedPage(await supervisor.get(res.headers.get('location') ?? ''))
    assert.match(done('.mr-notification-banner').text(), /پاسخ اعتراض ثبت شد/)
    assert.match(done('#correction-form').parent().text(), /۱ اعتراض پذیرفته شده/)
    const [answered] = await objectionsOfPeriod(t.deps.db, '1404')
    assert.equal(answered?.status, 'accepted')
    assert.equal(answered?.correctedN, 1)
  })

  it('publishes the corrected evaluation as a new snapshot and keeps the old one', async () => {
    const $ = await checkedPage(await supervisor.get('/admin/evaluation/1404'))
    const fields = { ...formFields($, '#correction-form'), noteFa: 'کامل بودن شناسنامه اصلاح شد.' }
    const res = await post(supervisor, '/admin/evaluation/1404/correction', fields, 303)
    await post(supervisor, '/admin/evaluation/1404/correction', fields, 303)
    assert.deepEqual(
      (await listSnapshots(t.deps.db)).map((s) => [s.period, s.status, s.seq]),
      [
        ['1404', 'corrected', 2],
        ['1404', 'published', 1],
      ],
    )
    const page = await checkedPage(await supervisor.get(res.headers.get('location') ?? ''))
    assert.match(page('.mr-notification-banner').text(), /ارزیابی اصلاح‌شدهٔ سال ۱۴۰۴ منتشر شد/)
    assert.match(page('#snapshot-in-force').text(), /اصلاح‌شده/)
    assert.match(page('#earlier-1').text(), /منتشرشده/)
    assert.equal(page('#correction-form').length, 0, 'nothing left to correct')
    const again = await refused(
      t,
      supervisor,
      '/admin/evaluation/1404/correction',
      { noteFa: '', [FORM_ONCE_FIELD]: 'x'.repeat(43) },
      400,
    )
    assert.match(cheerio.load(again)('.mr-error-summary').text(), /هیچ اعتراض پذیرفته‌شده‌ای نیست/)
    assert.equal(await count('evaluation_snapshots'), 2)
  })

  it('refuses an objection after the window with its date, and writes nothing', async () => {
    const day = 86_400_000
    t.clock.advance(31 * day)
    try {
      // A month on, the earlier session has expired: sign in again.
      const late = await signedIn(t, adminUser)
      const $ = await checkedPage(await late.get('/admin/evaluation/1404'))
      assert.match($('#objection-window').text(), /مهلت اعتراض در ۱ دی ۱۴۰۵ به پایان رسیده است/)
      assert.equal($('form[id^=object-]').length, 0)
      const text = await refused(
        t,
        late,
        '/admin/evaluation/1404/objections',
        {
          component: 'eService',
          reasonFa: 'سهم مراحل الکترونیکی ما بیشتر است.',
          [FORM_ONCE_FIELD]: 'y'.repeat(43),
        },
        400,
      )
      assert.match(
        cheerio.load(text)('.mr-error-summary').text(),
        /مهلت اعتراض در ۱ دی ۱۴۰۵ به پایان رسیده است/,
      )
      assert.equal(await count('evaluation_objections'), 1)
    } finally {
      t.clock.advance(-31 * day)
    }
  })

  it('keeps objecting and answering to their roles', async () => {
    const supervisor = await signedIn(t, supervisorUser)
    const agencyAdmin = await signedIn(t, adminUser)
    const agencyEditor = await signedIn(t, editorUser)
    await refused(
      t,
      supervisor,
      '/admin/evaluation/1404/objections',
      { component: 'eService', reasonFa: 'ناظر نمی‌تواند اعتراض کند.' },
      403,
    )
    const [objection] = await objectionsOfPeriod(t.deps.db, '1404')
    await refused(
      t,
      agencyAdmin,
      `/admin/evaluation/objections/${objection?.id}/answer`,
      { decision: 'reject', answerFa: 'دستگاه به خودش پاسخ نمی‌دهد.' },
      403,
    )
    await refused(t, agencyEditor, '/admin/evaluation/1404/correction', { noteFa: '' }, 403)
  })
})
