import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { formatDateFa } from '../../src/lib/fa/format-date.ts'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import {
  assertNoAxeViolations,
  inContext,
  staffAccount,
  submitForm,
  textOf,
} from './support/steps.ts'

/**
 * The service catalogue end to end, in a real browser: an agency editor writes a new
 * service card through the section forms, the agency admin publishes it, the public
 * finds it in the lists and on its page; a revision is published, the cached page
 * changes and the history page shows both versions and what changed.
 */
describe('the service catalogue: write, publish, revise', () => {
  const e2e = useE2e()

  const TITLE = 'صدور کارت شناسایی آزمایشی'
  const SLUG = 'azmayeshi-id-card-issue'
  const LAW_TITLE = 'قانون ثبت احوال'
  const DOC_BIRTH = 'اصل شناسنامه'
  const DOC_PHOTO = 'دو قطعه عکس ۳×۴ رنگی'
  const DOC_NATIONAL_ID = 'رونوشت کارت ملی'
  const NOTE_1 = 'نخستین انتشار شناسنامهٔ خدمت.'
  const NOTE_2 = 'زمان انجام کار کوتاه‌تر شد و عکس در محل گرفته می‌شود؛ رونوشت کارت ملی افزوده شد.'

  /** State the steps pass on (the steps run in order). */
  let agencyCode = ''
  let agencyNameFa = ''
  let serviceId = ''

  before(() => {
    if (skip) return
    const { accounts } = e2e().server
    const editor = staffAccount(accounts, 'کارشناس دستگاه')
    agencyCode = editor.agencyCode ?? ''
    agencyNameFa = editor.agencyNameFa ?? ''
    assert.equal(agencyNameFa, 'سازمان ثبت احوال کشور', 'the demo staff belong to ثبت احوال')
  })

  const editorAccount = () => staffAccount(e2e().server.accounts, 'کارشناس دستگاه')
  const adminAccount = () => staffAccount(e2e().server.accounts, 'مدیر دستگاه')

  const newContext = () => e2e().newContext()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const path = (page: Page) => new URL(page.url()).pathname

  const { signIn, signOut } = demoSessions(url)

  /** Follows the overview's «ویرایش» link of a section. */
  async function openSection(page: Page, section: string): Promise<void> {
    await page.goto(url(`/admin/services/${serviceId}`))
    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith(`/edit/${section}`)),
      page.locator(`#draft-sections a[href$="/edit/${section}"]`).click(),
    ])
  }

  const sectionForm = (section: string) =>
    `form[action="/admin/services/${serviceId}/edit/${section}"]`

  /**
   * Walks a public list page by page («بعدی») until the service's link is on it;
   * returns that page's path, or fails.
   */
  async function findInList(page: Page, start: string): Promise<string> {
    await page.goto(url(start))
    for (let n = 1; n <= 30; n++) {
      if ((await page.locator(`.mr-service-list a[href="/services/${SLUG}"]`).count()) === 1)
        return `${path(page)}${new URL(page.url()).search}`
      const next = page.locator('a[rel=next]')
      if ((await next.count()) === 0) break
      const from = page.url()
      await Promise.all([page.waitForURL((u) => u.href !== from), next.click()])
    }
    assert.fail(`«${TITLE}» is not listed under ${start} (last page ${page.url()})`)
  }

  /** The document names in the table of the editor's documents page, in order. */
  async function documentNames(page: Page): Promise<string[]> {
    const cells = page.locator('#documents-items tbody tr td:first-child')
    return (await cells.allTextContents()).map((s) => s.trim())
  }

  it('the agency editor creates the service and fills its card section by section', {
    skip,
  }, async () => {
    await inContext(newContext, async (page) => {
      await signIn(page, editorAccount())

      // The agency's list of services, and «خدمت تازه».
      const list = await page.goto(url('/admin/services'))
      assert.equal(list?.status(), 200)
      assert.equal(await textOf(page, 'h1'), `خدمات ${agencyNameFa}`)
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/admin/services/new'),
        page.locator('main a[href="/admin/services/new"]').click(),
      ])
      await page.locator('input[name=title]').fill(TITLE)
      await page.locator('input[name=slug]').fill(SLUG)
      await submitForm(page, 'form[action="/admin/services/new"]')
      const created = /^\/admin\/services\/([0-9a-f-]{36})$/.exec(path(page))
      assert.ok(created?.[1], `the new service's overview opens: ${page.url()}`)
      serviceId = created[1]
      assert.equal(await textOf(page, 'h1'), TITLE)
      // A new draft lists what is missing before it may be published.
      assert.ok(
        (await page.locator('#quality-issues li').count()) > 5,
        'the checklist lists the gaps',
      )
      await assertNoAxeViolations(page, 'the editor overview')

      // Basics.
      await openSection(page, 'basics')
      assert.equal(await page.locator('input[name=title]').inputValue(), TITLE)
      await page.locator('textarea[name=popularNames]').fill('کارت شناسایی\nکارت هویت آزمایشی')
      await page
        .locator('textarea[name=summary]')
        .fill('صدور کارت شناسایی برای شهروندانی که کارت ملی خود را همراه ندارند (خدمت آزمایشی).')
      await page
        .locator('textarea[name=description]')
        .fill(
          'متقاضی درخواست را در دفتر پیشخوان خدمات دولت ثبت می‌کند و مدارک را بارگذاری می‌کند.\nپس از تأیید هویت، کارت در دفتر تحویل داده می‌شود.',
        )
      await page.locator('textarea[name=keywords]').fill('کارت شناسایی\nهویت')
      await submitForm(page, sectionForm('basics'))
      assert.equal(path(page), `/admin/services/${serviceId}`)

      // Classification: audiences, nature, level, life events, trigger; axe on this form.
      await openSection(page, 'classification')
      await assertNoAxeViolations(page, 'the classification section form')
      await page.locator('input[name=audiences][value=G2C]').check()
      await page.locator('input[name=nature][value=sovereign]').check()
      await page.locator('input[name=level][value=national]').check()
      await page.locator('input[name=lifeEvents][value=documents]').check()
      await page.locator('input[name=trigger][value=applicant_request]').check()
      await submitForm(page, sectionForm('classification'))

      // Details, with the output.
      await openSection(page, 'details')
      await page.locator('input[name=frequencyKind][value=as_needed]').check()
      await page.locator('input[name=inPersonVisits]').fill('۱')
      await page.locator('textarea[name=eligibility]').fill('همهٔ اتباع ایرانی بالای ۱۵ سال.')
      await page.locator('textarea[name=output]').fill('کارت شناسایی آزمایشی')
      await page.locator('textarea[name=redress]').fill('اعتراض در سامانهٔ رسیدگی به شکایات سازمان.')
      await page.locator('input[name=contactPhone]').fill('021-88881234')
      await submitForm(page, sectionForm('details'))

      // Time: «حداکثر ۱۰ روز کاری».
      await openSection(page, 'time')
      await page.locator('input[name=timeKind][value=up_to]').check()
      await page.locator('input[name=timeMax]').fill('۱۰')
      await page.locator('select[name=timeUnit]').selectOption('working_day')
      await submitForm(page, sectionForm('time'))

      // A legal basis, the law picked from the registry's select.
      await openSection(page, 'legal')
      const lawLabels = await page.locator('select[name=lawId] option').allTextContents()
      const lawLabel = lawLabels.find((l) => l.trim().startsWith(`${LAW_TITLE} (`))
      assert.ok(lawLabel, `«${LAW_TITLE}» is offered in the select`)
      await page.locator('select[name=lawId]').selectOption({ label: lawLabel.trim() })
      await page.locator('input[name=article]').fill('ماده ۱۰')
      await submitForm(page, sectionForm('legal'))
      assert.ok((await textOf(page, '#legal-items')).includes(LAW_TITLE), 'the law is listed')

      // Documents (two: the revision will remove one).
      await openSection(page, 'documents')
      for (const [name, form, issuer] of [
        [DOC_BIRTH, 'original', 'سازمان ثبت احوال کشور'],
        [DOC_PHOTO, 'original', ''],
      ] as const) {
        await page.locator('input[name=name]').fill(name)
        await page.locator(`input[name=form][value=${form}]`).check()
        await page.locator('input[name=count]').fill('۱')
        await page.locator('input[name=issuer]').fill(issuer)
        await submitForm(page, sectionForm('documents'))
      }
      assert.deepEqual(await documentNames(page), [DOC_BIRTH, DOC_PHOTO])

      // A fee.
      await openSection(page, 'fees')
      await page.locator('input[name=amount]').fill('۵۰۰٬۰۰۰')
      await page.locator('input[name=currency][value=IRR]').check()
      await page.locator('input[name=description]').fill('هزینهٔ صدور کارت')
      await submitForm(page, sectionForm('fees'))

      // The checklist is now «آمادهٔ انتشار»; an editor cannot publish.
      await page.goto(url(`/admin/services/${serviceId}`))
      assert.equal(await page.locator('#quality-issues').count(), 0, await textOf(page, 'main'))
      assert.ok(
        (await textOf(page, '#quality-ready')).startsWith('آماده'),
        await textOf(page, '#quality-ready'),
      )
      assert.equal(
        await page.locator('#cannot-publish').count(),
        1,
        'the editor is told who publishes',
      )

      // The preview shows the card as the public will see it.
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/preview')),
        page.locator(`main a[href="/admin/services/${serviceId}/preview"]`).click(),
      ])
      assert.equal(await textOf(page, 'main h1'), TITLE)
      assert.ok((await textOf(page, 'section[aria-labelledby=documents]')).includes(DOC_BIRTH))
      assert.ok((await textOf(page, '.mr-preview-banner')).includes('پیش‌نمایش'))

      await signOut(page)
    })
  })

  it('the agency admin publishes it with a change note', { skip }, async () => {
    assert.ok(serviceId, 'the service was created')
    await inContext(newContext, async (page) => {
      await signIn(page, adminAccount())
      await page.goto(url('/admin/services'))
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/admin/services/${serviceId}`),
        page.locator(`#agency-services a[href="/admin/services/${serviceId}"]`).click(),
      ])
      await page.locator('textarea[name=changeNote]').fill(NOTE_1)
      await submitForm(page, `form[action="/admin/services/${serviceId}/publish"]`)
      assert.ok((await textOf(page, '#service-status')).includes('منتشرشده'))
      await signOut(page)
    })
  })

  it('the public finds it in its agency’s and its audience’s lists, and on its page', {
    skip,
  }, async () => {
    await inContext(newContext, async (page) => {
      const inAgency = await findInList(page, `/services?agency=${agencyCode}`)
      assert.equal(await textOf(page, 'h1'), `خدمات ${agencyNameFa}`)
      await assertNoAxeViolations(page, `the agency's list (${inAgency})`)

      await findInList(page, '/services?audience=G2C')

      const res = await page.goto(url(`/services/${SLUG}`))
      assert.equal(res?.status(), 200)
      assert.equal(await textOf(page, 'main h1'), TITLE)
      const main = await textOf(page, 'main')
      for (const expected of [
        'حداکثر ۱۰ روز کاری',
        DOC_BIRTH,
        DOC_PHOTO,
        LAW_TITLE,
        '۵۰۰٬۰۰۰ ریال',
      ])
        assert.ok(main.includes(expected), `the page shows «${expected}»`)
    })
  })

  it('the editor revises it, the admin republishes, and the public sees the new version and its history', {
    skip,
  }, async () => {
    assert.ok(serviceId, 'the service was created')
    const publicEtag = async () => (await fetch(url(`/services/${SLUG}`))).headers.get('etag')
    const etagBefore = await publicEtag()
    assert.ok(etagBefore, 'the public page is served from the page cache (it has an ETag)')

    await inContext(newContext, async (page) => {
      await signIn(page, editorAccount())
      await page.goto(url(`/admin/services/${serviceId}`))
      await submitForm(page, `form[action="/admin/services/${serviceId}/draft"]`)

      // A shorter declared time.
      await openSection(page, 'time')
      assert.equal(await page.locator('input[name=timeMax]').inputValue(), '۱۰')
      await page.locator('input[name=timeMax]').fill('۷')
      await submitForm(page, sectionForm('time'))

      // The photo is taken on the spot; a copy of the national card is needed instead.
      await openSection(page, 'documents')
      const photoRow = page.locator('#documents-items tbody tr', { hasText: DOC_PHOTO })
      await submitForm(
        page,
        `#documents-items tbody tr:has-text("${DOC_PHOTO}") form[action$="/delete"]`,
      )
      assert.equal(await photoRow.count(), 0, 'the photo is no longer listed')
      await page.locator('input[name=name]').fill(DOC_NATIONAL_ID)
      await page.locator('input[name=form][value=copy]').check()
      await page.locator('input[name=count]').fill('۱')
      await submitForm(page, sectionForm('documents'))
      assert.deepEqual(await documentNames(page), [DOC_BIRTH, DOC_NATIONAL_ID])

      await page.goto(url(`/admin/services/${serviceId}`))
      assert.ok((await textOf(page, '#quality-ready')).startsWith('آماده'))
      await signOut(page)
    })

    await inContext(newContext, async (page) => {
      await signIn(page, adminAccount())
      await page.goto(url(`/admin/services/${serviceId}`))
      await page.locator('textarea[name=changeNote]').fill(NOTE_2)
      await submitForm(page, `form[action="/admin/services/${serviceId}/publish"]`)
      await signOut(page)
    })

    const etagAfter = await publicEtag()
    assert.notEqual(etagAfter, etagBefore, 'the cached page was replaced')

    await inContext(newContext, async (page) => {
      // The service page: the new values, not the old ones.
      await page.goto(url(`/services/${SLUG}`))
      const main = await textOf(page, 'main')
      for (const expected of ['حداکثر ۷ روز کاری', DOC_BIRTH, DOC_NATIONAL_ID, 'نسخهٔ ۲'])
        assert.ok(main.includes(expected), `the page shows «${expected}»:\n${main}`)
      for (const gone of ['حداکثر ۱۰ روز کاری', DOC_PHOTO])
        assert.ok(!main.includes(gone), `the page no longer shows «${gone}»`)
      await assertNoAxeViolations(page, 'the service page')
      assert.equal(
        await page.evaluate('document.fonts.ready.then(() => document.fonts.status)'),
        'loaded',
      )
      await screenshot(page, 'catalogue-service-page')

      // The history: both versions, their Jalali dates and notes, and what changed.
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/services/${SLUG}/history`),
        page.locator(`main a[href="/services/${SLUG}/history"]`).click(),
      ])
      const versions = await e2e()
        .server.deps.db.selectFrom('serviceVersions')
        .select(['versionNo', 'publishedAt'])
        .where('serviceId', '=', serviceId)
        .orderBy('versionNo')
        .execute()
      assert.equal(versions.length, 2, 'two public versions')
      const entry = async (n: number) => textOf(page, `li.mr-history__entry:has(h2#v${n})`)
      const v1 = await entry(1)
      const v2 = await entry(2)
      for (const [n, body, note] of [
        [1, v1, NOTE_1],
        [2, v2, NOTE_2],
      ] as const) {
        const at = versions[n - 1]?.publishedAt
        assert.ok(at, `version ${n} has a publication date`)
        const jalali = formatDateFa(at)
        assert.ok(/[۰-۹]{4}/.test(jalali), `a Jalali date in Persian digits: ${jalali}`)
        assert.ok(
          body.includes(`تاریخ انتشار: ${jalali}`),
          `version ${n} shows ${jalali}:\n${body}`,
        )
        assert.ok(body.includes(note), `version ${n} shows its change note:\n${body}`)
      }
      assert.ok(v2.includes('(نسخهٔ کنونی)'), 'version 2 is the current one')
      assert.ok(v1.includes('نخستین نسخهٔ منتشرشده'))
      const changed = (
        await page.locator('li.mr-history__entry:has(h2#v2) table tbody th').allTextContents()
      ).map((s) => s.trim())
      assert.deepEqual(changed, ['مدارک لازم', 'زمان کل اعلام‌شده'])
      const row = (label: string) =>
        textOf(page, `li.mr-history__entry:has(h2#v2) table tbody tr:has(th:text-is("${label}"))`)
      const timeRow = await row('زمان کل اعلام‌شده')
      assert.ok(
        timeRow.includes('حداکثر ۱۰ روز کاری') && timeRow.includes('حداکثر ۷ روز کاری'),
        timeRow,
      )
      const docsRow = await row('مدارک لازم')
      assert.ok(docsRow.includes(`حذف: ${DOC_PHOTO}`), docsRow)
      assert.ok(docsRow.includes(`افزوده: ${DOC_NATIONAL_ID}`), docsRow)
      await assertNoAxeViolations(page, 'the history page')
      await screenshot(page, 'catalogue-history-page')
    })
  })
})
