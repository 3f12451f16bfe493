import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations, inContext, staffAccount, textOf } from './support/steps.ts'

/**
 * The process editor's unsafe actions (issue 17 item 11), in Chromium with JavaScript off:
 * a decision's branch made with «پس از کدام مرحله؟» gets its condition and the condition is
 * edited later on its own page (the flowchart and the steps table show it); removing a middle
 * step asks first and joins its predecessor to its successor, saying so; removing a transition
 * and discarding a draft ask first. Every new page is checked with axe.
 */
describe('the process editor asks before it removes, and keeps the flow whole', () => {
  const e2e = useE2e()

  const TITLE = 'گواهی آزمایشی ویرایشگر فرایند'
  const SLUG = 'azmayeshi-process-editor-safety'
  const S_APPLY = 'ثبت درخواست'
  const S_DECIDE = 'مدارک کامل است؟'
  const S_CHECK = 'بررسی کارشناس'
  const S_DEFICIT = 'اعلام نقص'
  const S_ISSUE = 'صدور گواهی'
  const YES = 'بله، کامل است'
  const NO = 'ناقص است'
  const BRANCH_REQUIRED = 'مرحلهٔ پیشین یک تصمیم است؛ شرط این شاخه را بنویسید'

  let serviceId = ''

  const editorAccount = () => staffAccount(e2e().server.accounts, 'کارشناس دستگاه')
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const path = (page: Page) => new URL(page.url()).pathname
  const processPath = () => `/admin/services/${serviceId}/edit/process`
  /** Without JavaScript: every page here must work as plain HTML forms and links. */
  const noScript = () =>
    e2e().browser.newContext({
      locale: 'fa-IR',
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    })
  const { signIn } = demoSessions(url)

  /**
   * axe runs as a script in the page, which a context without JavaScript does not allow: the
   * page is opened again, with the same session, in a context that has it.
   */
  async function axeCheck(page: Page, what: string): Promise<void> {
    const context = await e2e().newContext()
    try {
      await context.addCookies(await page.context().cookies())
      const copy = await context.newPage()
      const res = await copy.goto(page.url())
      assert.equal(res?.status(), 200, `${what} opens again`)
      await assertNoAxeViolations(copy, what)
    } finally {
      await context.close()
    }
  }

  /** The page's error summary, the process's own problems (not a refusal) left out. */
  async function refusal(page: Page): Promise<string> {
    await page.waitForLoadState('load')
    const summary = page.locator('.mr-error-summary:not(#process-problems)')
    return (await summary.count()) ? ((await summary.first().textContent()) ?? '').trim() : ''
  }

  /** Submits a form and waits for the page it leads to; fails on 4xx/5xx or a refusal. */
  async function submitForm(page: Page, formSelector: string): Promise<void> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator(`${formSelector} button[type=submit]`).first().click(),
    ])
    assert.ok(response.status() < 400, `POST ${response.url()}: ${response.status()}`)
    await page.waitForLoadState('load')
    assert.equal(await refusal(page), '', 'the form was refused')
  }

  async function stepTitles(page: Page): Promise<string[]> {
    const cells = page.locator('#process-steps tbody tr td:nth-child(2)')
    return (await cells.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())
  }

  const row = (title: string) => `#process-steps tbody tr:has(td:text-is("${title}"))`

  /** The chart on the process page: its text holds the step titles and branch labels. */
  const chartText = (page: Page) => textOf(page, '#process-preview svg[role="img"]')

  async function fillStep(
    page: Page,
    step: {
      title: string
      kind: 'task' | 'decision'
      max?: string
      after?: string
      label?: string
    },
  ): Promise<void> {
    const form = '#add-step-form'
    await page.locator(`${form} input[name=title]`).fill(step.title)
    await page.locator(`${form} input[name=kind][value=${step.kind}]`).check()
    await page.locator(`${form} input[name=actor][value=agency]`).check()
    await page.locator(`${form} input[name=durationMax]`).fill(step.max ?? '')
    await page.locator(`${form} select[name=durationUnit]`).selectOption('working_day')
    if (step.after) {
      const labels = await page.locator(`${form} select[name=after] option`).allTextContents()
      const label = labels.find((l) => l.trim().endsWith(`. ${step.after}`))
      assert.ok(label, `«${step.after}» is offered as the previous step`)
      await page.locator(`${form} select[name=after]`).selectOption({ label: label.trim() })
    }
    if (await page.locator(`${form} input[name=afterLabel]`).count())
      await page.locator(`${form} input[name=afterLabel]`).fill(step.label ?? '')
  }

  async function addStep(page: Page, step: Parameters<typeof fillStep>[1]): Promise<void> {
    await fillStep(page, step)
    await submitForm(page, '#add-step-form')
    assert.equal(path(page), processPath())
    assert.ok((await stepTitles(page)).includes(step.title), `«${step.title}» is in the table`)
  }

  async function draftOf(id: string) {
    return e2e()
      .server.deps.db.selectFrom('serviceVersions')
      .select(['id', 'content'])
      .where('serviceId', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
  }

  it('labels a decision’s branches when adding steps, and edits a label on its own page', {
    skip,
    timeout: 360_000,
  }, async () => {
    await inContext(noScript, async (page) => {
      await signIn(page, editorAccount())
      await page.goto(url('/admin/services/new'))
      await page.locator('input[name=title]').fill(TITLE)
      await page.locator('input[name=slug]').fill(SLUG)
      await submitForm(page, 'form[action="/admin/services/new"]')
      const created = /^\/admin\/services\/([0-9a-f-]{36})$/.exec(path(page))
      assert.ok(created?.[1], `the new service's overview opens: ${page.url()}`)
      serviceId = created[1]

      await page.goto(url(processPath()))
      await addStep(page, { title: S_APPLY, kind: 'task', max: '۱' })
      await addStep(page, { title: S_DECIDE, kind: 'decision' })

      // The next step follows the decision (the form's default): without a condition the form
      // is refused, with the reason next to the field.
      await fillStep(page, { title: S_CHECK, kind: 'task', max: '۲' })
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('#add-step-form button[type=submit]').click(),
      ])
      assert.equal(refused.status(), 422)
      await page.waitForLoadState('load')
      assert.ok(
        (await textOf(page, '#afterLabel-error')).includes(BRANCH_REQUIRED),
        'an unlabelled branch is refused',
      )
      assert.deepEqual(await stepTitles(page), [S_APPLY, S_DECIDE], 'nothing was added')
      await page.locator('#add-step-form input[name=afterLabel]').fill('کامل است')
      await submitForm(page, '#add-step-form')
      await addStep(page, { title: S_DEFICIT, kind: 'task', max: '۱', after: S_DECIDE, label: NO })
      await addStep(page, { title: S_ISSUE, kind: 'task', max: '۳', after: S_CHECK })

      // The first branch's condition, edited on its own page from the decision's step page.
      await page.goto(url(`${processPath()}/steps/s2`))
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/transitions/label')),
        page
          .locator(
            `#step-transitions tbody tr:has-text("${S_CHECK}") a[href*="/transitions/label"]`,
          )
          .click(),
      ])
      assert.equal(await page.locator('input[name=transitionLabel]').inputValue(), 'کامل است')
      await axeCheck(page, 'the transition condition page')
      await page.locator('input[name=transitionLabel]').fill(YES)
      await submitForm(page, '#transition-label-form')
      assert.ok(
        (await textOf(page, `#step-transitions tbody tr:has-text("${S_CHECK}")`)).includes(YES),
        'the step page shows the new condition',
      )

      await page.goto(url(processPath()))
      const next = await textOf(page, row(S_DECIDE))
      assert.ok(next.includes(`«${YES}»`) && next.includes(`«${NO}»`), next)
      const chart = await chartText(page)
      assert.ok(
        chart.includes(YES) && chart.includes(NO),
        `the chart labels both branches:\n${chart}`,
      )
      assert.equal(await page.locator('#process-problems').count(), 0, await textOf(page, 'main'))
      await axeCheck(page, 'the process page')
    })
  })

  it('removing a middle step asks first, then joins the flow and lists what changed', {
    skip,
    timeout: 360_000,
  }, async () => {
    assert.ok(serviceId, 'the service was created')
    await inContext(noScript, async (page) => {
      await signIn(page, editorAccount())
      await page.goto(url(processPath()))
      assert.deepEqual(await stepTitles(page), [S_APPLY, S_DECIDE, S_CHECK, S_DEFICIT, S_ISSUE])

      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/steps/s3/delete')),
        page.locator(`${row(S_CHECK)} a[href$="/delete"]`).click(),
      ])
      assert.equal(await textOf(page, 'h1'), 'آیا مطمئن هستید؟')
      const added = await textOf(page, '#added-transitions')
      assert.ok(added.includes(S_DECIDE) && added.includes(S_ISSUE) && added.includes(YES), added)
      assert.ok(
        JSON.stringify((await draftOf(serviceId))?.content).includes(S_CHECK),
        'asking removed nothing',
      )
      await axeCheck(page, 'the step removal question')
      await screenshot(page, 'process-editor-remove-step')
      await submitForm(page, '#remove-step-form')

      assert.equal(path(page), processPath())
      assert.deepEqual(await stepTitles(page), [S_APPLY, S_DECIDE, S_DEFICIT, S_ISSUE])
      const joined = await textOf(page, '#process-joined')
      assert.equal(joined, `۲. ${S_DECIDE} ← ۴. ${S_ISSUE} «${YES}»`)
      const next = await textOf(page, row(S_DECIDE))
      assert.ok(next.includes(`۴. ${S_ISSUE}`) && next.includes(`«${YES}»`), next)
      assert.equal(await page.locator('#process-problems').count(), 0, 'the flow is whole')
      const chart = await chartText(page)
      assert.ok(!chart.includes(S_CHECK) && chart.includes(YES), chart)
      await axeCheck(page, 'the process page after a removal')

      // Removing a transition asks too; «انصراف» leaves it.
      await page.goto(url(`${processPath()}/steps/s2`))
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/transitions/delete')),
        page
          .locator(
            `#step-transitions tbody tr:has-text("${S_DEFICIT}") a[href*="/transitions/delete"]`,
          )
          .click(),
      ])
      assert.equal(await textOf(page, 'h1'), 'آیا مطمئن هستید؟')
      assert.ok((await textOf(page, '#removed-transitions')).includes(NO))
      await axeCheck(page, 'the transition removal question')
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/steps/s2')),
        page.locator('#remove-transition-form a', { hasText: 'انصراف' }).click(),
      ])
      assert.equal(await page.locator('#step-transitions tbody tr').count(), 2, 'nothing removed')
    })
  })

  it('discarding a draft asks first, without JavaScript', { skip, timeout: 360_000 }, async () => {
    const account = editorAccount()
    // A published service of the editor's agency from the demo data.
    const published = await e2e()
      .server.deps.db.selectFrom('services')
      .innerJoin('agencies', 'agencies.id', 'services.agencyId')
      .innerJoin('serviceVersions', 'serviceVersions.serviceId', 'services.id')
      .select('services.id')
      .where('agencies.code', '=', account.agencyCode ?? '')
      .where('serviceVersions.status', '=', 'published')
      .where('services.withdrawnAt', 'is', null)
      .executeTakeFirst()
    assert.ok(published, 'the editor’s agency has a published service')
    const id = published.id
    await inContext(noScript, async (page) => {
      await signIn(page, account)
      await page.goto(url(`/admin/services/${id}`))
      const start = `form[action="/admin/services/${id}/draft"]`
      if (await page.locator(start).count()) await submitForm(page, start)
      const draft = await draftOf(id)
      assert.ok(draft, 'a draft to discard')

      await Promise.all([
        page.waitForURL((u) => u.pathname === `/admin/services/${id}/discard`),
        page.locator('#discard-link').click(),
      ])
      assert.equal(await textOf(page, 'h1'), 'آیا مطمئن هستید؟')
      assert.ok((await textOf(page, '#discard-lead')).includes('حذف می‌شود'))
      assert.equal((await draftOf(id))?.id, draft.id, 'asking discarded nothing')
      await axeCheck(page, 'the discard question')
      await screenshot(page, 'discard-draft-question')

      await submitForm(page, '#discard-form')
      assert.equal(path(page), `/admin/services/${id}`)
      assert.ok((await textOf(page, '.mr-notification-banner')).includes('پیش‌نویس حذف شد'))
      assert.equal(await draftOf(id), undefined, 'discarded once confirmed')
    })
  })
})
