import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { z } from 'zod'
import { minimalPdf } from '../../src/features/demo/demo-forms.data.ts'
import { parseStoredContent } from '../../src/features/services/service.schema.ts'
import { toPersianDigits } from '../../src/lib/fa/digits.ts'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import {
  assertNoAxeViolations,
  errorSummaryText,
  inContext,
  staffAccount,
  submitForm,
  textOf,
} from './support/steps.ts'

/**
 * Forms, offices and e-services end to end (issue 5), in a real browser: an agency editor
 * revises a published demo service — uploads a form (a wrong file first, which is refused),
 * links it to exactly two offices and adds an e-service used for the request stage; the agency admin
 * publishes; a citizen downloads the form (the very bytes uploaded), sees the offices with
 * today's hours and the «do it online» block at the top of the page.
 */
describe('forms, offices and e-services: edit, publish, use', () => {
  const e2e = useE2e()

  const FORM_TITLE = 'فرم درخواست آزمایشی گواهی'
  const FORM_CODE = 'ث-۱۲'
  const FORM_FILE_NAME = 'فرم درخواست.pdf'
  const FORM_BYTES = Buffer.from(
    minimalPdf(FORM_TITLE, ['Mardom browser test form', 'Code: TH-12']),
  )
  const E_SERVICE_TITLE = 'سامانهٔ آزمایشی ثبت درخواست'
  const E_SERVICE_URL = 'https://my.gov.ir/test/sabt-request'
  const OFFICE_NOTE = 'تحویل مدارک فقط صبح‌ها'
  const NOTE = 'فرم درخواست، دو دفتر تازه و سامانهٔ برخط افزوده شد.'

  /** The demo service the test revises, and the two offices it links. */
  let serviceId = ''
  let slug = ''
  const officeIds: string[] = []

  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const { signIn } = demoSessions(url)
  const editor = () => staffAccount(e2e().server.accounts, 'کارشناس دستگاه')
  const admin = () => staffAccount(e2e().server.accounts, 'مدیر دستگاه')
  const newContext = () => e2e().newContext()

  /**
   * A published service of the demo editor's agency with no forms and no e-service yet
   * (so everything the test sees on its page is what the test added).
   */
  before(async () => {
    if (skip) return
    const { db } = e2e().server.deps
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', editor().agencyCode ?? '')
      .executeTakeFirstOrThrow()
    const rows = await db
      .selectFrom('serviceVersions')
      .innerJoin('services', 'services.id', 'serviceVersions.serviceId')
      .select(['services.id', 'services.slug', 'serviceVersions.content'])
      .where('services.agencyId', '=', agency.id)
      .where('services.withdrawnAt', 'is', null)
      .where('serviceVersions.status', '=', 'published')
      .orderBy('services.slug')
      .execute()
    const drafts = await db
      .selectFrom('serviceVersions')
      .select('serviceId')
      .where('status', '=', 'draft')
      .execute()
    const withDraft = new Set(drafts.map((d) => d.serviceId))
    const pick = rows.find((r) => {
      const c = parseStoredContent(r.content)
      return (
        !withDraft.has(r.id) &&
        c.forms.length === 0 &&
        !c.channels.some((ch) => ch.kind === 'e_service') &&
        (c.inPersonVisits ?? 0) > 0
      )
    })
    assert.ok(pick, 'the demo agency has a published service with no forms and no e-service')
    serviceId = pick.id
    slug = pick.slug
  })

  const sectionUrl = (section: string) => url(`/admin/services/${serviceId}/edit/${section}`)

  it('the agency editor uploads a form, links two offices and adds an e-service', {
    skip,
  }, async () => {
    await inContext(newContext, async (page) => {
      await signIn(page, editor())
      await page.goto(url(`/admin/services/${serviceId}`))
      await submitForm(page, `form[action="/admin/services/${serviceId}/draft"]`)

      // A file that is not a form (a PNG named .pdf) is refused with a Persian message.
      await page.goto(sectionUrl('forms'))
      await assertNoAxeViolations(page, 'the forms editor')
      await page.locator('#add-form input[name=title]').fill(FORM_TITLE)
      await page.locator('#add-form input[name=code]').fill(FORM_CODE)
      await page.locator('#add-form input[name=file]').setInputFiles({
        name: 'عکس.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      })
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('#add-form button[type=submit]').click(),
      ])
      assert.equal(refused.status(), 422)
      assert.match(await errorSummaryText(page), /PDF/)
      await assertNoAxeViolations(page, 'the forms editor with an error')
      assert.equal(await page.locator('#draft-forms').count(), 0, 'nothing was attached')

      // The real form.
      await page.locator('#add-form input[name=title]').fill(FORM_TITLE)
      await page.locator('#add-form input[name=code]').fill(FORM_CODE)
      await page.locator('#add-form select[name=language]').selectOption('fa')
      await page.locator('#add-form input[name=file]').setInputFiles({
        name: FORM_FILE_NAME,
        mimeType: 'application/pdf',
        buffer: FORM_BYTES,
      })
      // Someone else saves the draft meanwhile: the upload meets the shared conflict page, which
      // keeps the file (by its hash) and applies it to the newer draft on resubmit.
      await e2e()
        .server.deps.db.updateTable('serviceVersions')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('serviceId', '=', serviceId)
        .where('status', '=', 'draft')
        .execute()
      const [conflict] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('#add-form button[type=submit]').click(),
      ])
      assert.equal(conflict.status(), 409)
      assert.match(await textOf(page, '#conflict-changes'), new RegExp(FORM_TITLE))
      await assertNoAxeViolations(page, 'the forms conflict page')
      await page.setViewportSize({ width: 375, height: 800 })
      // A string, so the test needs no DOM types: the page's sideways overflow in px.
      const overflow = Number(
        await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      )
      assert.ok(overflow <= 0, `the conflict page fits 375 px (overflow ${overflow} px)`)
      await page.setViewportSize({ width: 1280, height: 800 })
      await submitForm(page, '#conflict-resubmit')
      await page.goto(sectionUrl('forms'))
      assert.match(await textOf(page, '#draft-forms'), new RegExp(FORM_TITLE))

      // Exactly two offices of the agency (or its provincial offices), one with a note.
      await page.goto(sectionUrl('offices'))
      await assertNoAxeViolations(page, 'the office link editor')
      const boxes = page.locator('input[name=office]')
      assert.ok((await boxes.count()) >= 2, 'the agency has at least two offices to choose from')
      for (const box of await boxes.all()) await box.uncheck()
      for (const box of [boxes.nth(0), boxes.nth(1)]) {
        const id = await box.getAttribute('value')
        assert.ok(id)
        officeIds.push(id)
        await box.check()
      }
      await page.locator(`input[name="note-${officeIds[0]}"]`).fill(OFFICE_NOTE)
      await submitForm(page, `form[action="/admin/services/${serviceId}/edit/offices"]`)

      // The e-service, then the request stage goes through it.
      await page.goto(sectionUrl('channels'))
      await assertNoAxeViolations(page, 'the channels editor')
      await page.locator('#add-channel input[name=kind][value=e_service]').check()
      await page.locator('#add-channel input[name=title]').fill(E_SERVICE_TITLE)
      await page.locator('#add-channel input[name=url]').fill(E_SERVICE_URL)
      await page.locator('#add-channel select[name=signIn]').selectOption('national_sso')
      await submitForm(page, '#add-channel')
      await page.goto(sectionUrl('channels'))
      await page.locator('#stages-form input[name=requestMode][value=electronic]').check()
      const requestBoxes = page.locator('#stages-form input[name=requestChannels]')
      const ids: string[] = []
      for (const box of await requestBoxes.all()) {
        const label = await page
          .locator(`label[for="${await box.getAttribute('id')}"]`)
          .textContent()
        const value = await box.getAttribute('value')
        if (value && label?.includes(E_SERVICE_TITLE)) ids.push(value)
      }
      assert.equal(ids.length, 1, 'the new e-service can be chosen for the request stage')
      await page.locator(`#stages-form input[name=requestChannels][value="${ids[0]}"]`).check()
      await submitForm(page, '#stages-form')

      // The overview sums it up, with no axe violations.
      await page.goto(url(`/admin/services/${serviceId}`))
      assert.match(await textOf(page, '#draft-forms-summary'), new RegExp(FORM_TITLE))
      await assertNoAxeViolations(page, 'the draft overview')
    })
  })

  it('the agency admin publishes the revision', { skip }, async () => {
    await inContext(newContext, async (page) => {
      await signIn(page, admin())
      await page.goto(url(`/admin/services/${serviceId}`))
      await page.locator('textarea[name=changeNote]').fill(NOTE)
      await submitForm(page, `form[action="/admin/services/${serviceId}/publish"]`)
    })
  })

  it('a citizen downloads the form, sees the offices with today’s hours and the online block', {
    skip,
  }, async () => {
    await inContext(newContext, async (page) => {
      const res = await page.goto(url(`/services/${slug}`))
      assert.equal(res?.status(), 200)

      // «Do it online» comes first in the page's content, and starts the e-service.
      const online = page.locator('main #online')
      assert.equal(await online.count(), 1, 'the online block is shown')
      const firstSection = await page.locator('main section').first().getAttribute('id')
      assert.equal(firstSection, 'online', 'the online block is the first section')
      assert.equal(await page.locator('#online-start').getAttribute('href'), E_SERVICE_URL)
      assert.match(await textOf(page, '#online-sign-in'), /پنجرهٔ ملی خدمات دولت هوشمند/)

      // The form: download it and compare the bytes.
      const row = page.locator('#forms-table tr', { hasText: FORM_TITLE })
      assert.equal(await row.count(), 1, 'the form is listed')
      assert.match(((await row.textContent()) ?? '').replace(/\s+/g, ' '), /PDF/)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.locator('a').first().click(),
      ])
      assert.equal(download.suggestedFilename(), FORM_FILE_NAME)
      const saved = await download.path()
      assert.ok(saved, 'the download finished')
      assert.deepEqual(
        await readFile(saved),
        FORM_BYTES,
        'the downloaded bytes are the uploaded ones',
      )

      // The two offices and no others, each with today's hours and whether it is open now.
      assert.equal(await page.locator('li.mr-office').count(), 2, 'only the two linked offices')
      for (const id of officeIds) {
        const office = page.locator(`li.mr-office[data-office-id="${id}"]`)
        assert.equal(await office.count(), 1, `office ${id} is listed`)
        const text = ((await office.textContent()) ?? '').replace(/\s+/g, ' ')
        assert.match(text, /ساعات کار امروز/)
        assert.match(text, /اکنون (باز|بسته) است/)
        await assertTodayHours(page, id, text)
      }
      assert.match(
        (await page.locator(`li.mr-office[data-office-id="${officeIds[0]}"]`).textContent()) ?? '',
        new RegExp(OFFICE_NOTE),
      )
      await assertNoAxeViolations(page, 'the service page')
      await screenshot(page, 'service-forms-offices-online')

      // An office's own page.
      await page.goto(url(`/offices/${officeIds[0]}`))
      await assertNoAxeViolations(page, 'an office page')
    })
  })

  /**
   * Today's hours, checked against the office's stored weekly hours (not through the code
   * that renders them): on a regular day the text shows each interval's start and end.
   * A holiday, exception or closure today is allowed to say something else.
   */
  async function assertTodayHours(page: Page, officeId: string, text: string): Promise<void> {
    const { db } = e2e().server.deps
    const now = new Date()
    const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(now)
    const holiday = await db.selectFrom('holidays').select('day').where('day', '=', iso).execute()
    const office = await db
      .selectFrom('offices')
      .selectAll()
      .where('id', '=', officeId)
      .executeTakeFirstOrThrow()
    const closures = z.array(z.object({ from: z.string(), to: z.string() })).parse(office.closures)
    const exceptions = z.array(z.object({ day: z.string() })).parse(office.exceptions)
    const special =
      holiday.length > 0 ||
      exceptions.some((e) => e.day === iso) ||
      closures.some((c) => c.from <= iso && iso <= c.to)
    if (special) return
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tehran', weekday: 'short' })
      .format(now)
      .toLowerCase()
    const interval = z.object({ start: z.number(), end: z.number() })
    const hours = z.record(z.string(), z.array(interval)).parse(office.hours)
    const today = hours[weekday]
    assert.ok(today, `the weekly hours have ${weekday}`)
    for (const { start, end } of today) {
      for (const minutes of [start, end]) {
        const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
        assert.ok(
          text.includes(toPersianDigits(hhmm)),
          `${page.url()}: office ${officeId} shows ${hhmm} today (${text})`,
        )
      }
    }
  }
})
