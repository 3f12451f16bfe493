import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { demoSessions } from './support/accounts.ts'
import { screenshot } from './support/chromium.ts'
import { SKIP_BROWSER as skip, useE2e } from './support/harness.ts'
import { assertNoAxeViolations, inContext, staffAccount } from './support/steps.ts'

/**
 * The process editor end to end, in a real browser: an agency editor builds a service's
 * process with the no-JS step and transition forms (the flowchart follows each save) and sees
 * the live preview redraw the chart while typing; the agency admin publishes; the public page
 * shows the graph, the step table and when to expect the result; a revision removes a step and
 * the history page compares the two processes.
 */
describe('the process editor: build, preview, publish, revise', () => {
  const e2e = useE2e()

  const TITLE = 'صدور گواهی آزمایشی فرایند'
  const SLUG = 'azmayeshi-process-certificate'
  const LAW_TITLE = 'قانون ثبت احوال'
  const DOC = 'اصل شناسنامه'
  const S_APPLY = 'ثبت درخواست'
  const S_DECIDE = 'مدارک کامل است؟'
  const S_ISSUE = 'صدور'
  const S_DEFICIT = 'اعلام نقص'
  const YES = 'بله'
  const NO = 'خیر'
  const NOTE_1 = 'نخستین انتشار با مراحل انجام کار.'
  const NOTE_2 = 'مرحلهٔ ثبت درخواست حذف شد و زمان صدور کوتاه‌تر شد.'

  let serviceId = ''

  const editorAccount = () => staffAccount(e2e().server.accounts, 'کارشناس دستگاه')
  const adminAccount = () => staffAccount(e2e().server.accounts, 'مدیر دستگاه')

  before(() => {
    if (skip) return
    assert.equal(editorAccount().agencyCode, adminAccount().agencyCode, 'one agency')
  })

  const newContext = () => e2e().newContext()
  const url = (path: string) => `${e2e().server.baseUrl}${path}`
  const path = (page: Page) => new URL(page.url()).pathname
  const processPath = () => `/admin/services/${serviceId}/edit/process`

  async function errorSummaryText(page: Page): Promise<string> {
    await page.waitForLoadState('load')
    const summary = page.locator('.mr-error-summary:not(#process-problems)')
    return (await summary.count()) ? ((await summary.first().textContent()) ?? '').trim() : ''
  }

  /**
   * Clicks a form's submit button and waits for the page it leads to. The live preview also
   * POSTs (to …/preview) while a step form is filled in; those answers are not the form's.
   */
  async function submit(page: Page, formSelector: string): Promise<void> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && !r.url().endsWith('/edit/process/preview'),
      ),
      page.locator(`${formSelector} button[type=submit]`).first().click(),
    ])
    assert.ok(
      response.status() < 400,
      `POST ${response.url()} answered ${response.status()}:\n${await errorSummaryText(page)}`,
    )
    await page.waitForLoadState('load')
    const errors = await errorSummaryText(page)
    assert.equal(errors, '', `the form was refused: ${errors}`)
  }

  const { signIn, signOut } = demoSessions(url)

  const sectionForm = (section: string) =>
    `form[action="/admin/services/${serviceId}/edit/${section}"]`

  async function openSection(page: Page, section: string): Promise<void> {
    await page.goto(url(`/admin/services/${serviceId}`))
    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith(`/edit/${section}`)),
      page.locator(`#draft-sections a[href$="/edit/${section}"]`).click(),
    ])
  }

  async function text(page: Page, selector: string): Promise<string> {
    return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
  }

  /** The text of the chart in the editor's preview region (its title, description and labels). */
  const chartText = (page: Page) => text(page, '#process-preview svg[role="img"]')

  async function assertChartShows(page: Page, titles: string[], when: string): Promise<void> {
    assert.equal(
      await page.locator('#process-preview svg[role="img"]').count(),
      1,
      `one chart ${when}`,
    )
    const chart = await chartText(page)
    for (const t of titles)
      assert.ok(chart.includes(t), `the chart shows «${t}» ${when}:\n${chart}`)
  }

  /** Waits until the live preview has redrawn the chart with `wanted` in it. */
  async function previewShows(page: Page, wanted: string): Promise<void> {
    await page
      .locator('#process-preview svg[role="img"]', { hasText: wanted })
      .waitFor({ timeout: 10_000 })
  }

  /** The step titles in the editor's step table, in order. */
  async function stepTitles(page: Page): Promise<string[]> {
    const cells = page.locator('#process-steps tbody tr td:nth-child(2)')
    return (await cells.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())
  }

  /** The step page's path of the step with this title, from the step table's «ویرایش» link. */
  async function stepPath(page: Page, title: string): Promise<string> {
    const href = await page
      .locator(`#process-steps tbody tr:has(td:text-is("${title}")) a[href*="/steps/"]`)
      .first()
      .getAttribute('href')
    assert.ok(href, `the step «${title}» has an edit link`)
    return href
  }

  /** Fills the add-step form (no `after` choice means «بدون گذار»). */
  async function fillStep(
    page: Page,
    step: {
      title: string
      kind: 'task' | 'decision'
      actor: 'citizen' | 'agency'
      min?: string
      max?: string
      after?: string | null
    },
  ): Promise<void> {
    const form = '#add-step-form'
    await page.locator(`${form} input[name=title]`).fill(step.title)
    await page.locator(`${form} input[name=kind][value=${step.kind}]`).check()
    await page.locator(`${form} input[name=actor][value=${step.actor}]`).check()
    await page.locator(`${form} input[name=durationMin]`).fill(step.min ?? '')
    await page.locator(`${form} input[name=durationMax]`).fill(step.max ?? '')
    await page.locator(`${form} select[name=durationUnit]`).selectOption('working_day')
    if (step.after !== undefined && (await page.locator(`${form} select[name=after]`).count())) {
      if (step.after === null) await page.locator(`${form} select[name=after]`).selectOption('')
      else {
        const labels = await page.locator(`${form} select[name=after] option`).allTextContents()
        const label = labels.find((l) => l.trim().endsWith(`. ${step.after}`))
        assert.ok(label, `«${step.after}» is offered as the previous step`)
        await page.locator(`${form} select[name=after]`).selectOption({ label: label.trim() })
      }
    }
  }

  async function addStep(page: Page, step: Parameters<typeof fillStep>[1]): Promise<void> {
    await fillStep(page, step)
    await submit(page, '#add-step-form')
    assert.equal(path(page), processPath(), 'back on the process page')
    assert.ok((await stepTitles(page)).includes(step.title), `«${step.title}» is in the table`)
  }

  /** Adds a labelled transition on the step page that is open. */
  async function addTransition(page: Page, to: string, label: string): Promise<void> {
    const form = 'form[action$="/transitions"]'
    const options = await page.locator(`${form} select[name=transitionTo] option`).allTextContents()
    const option = options.find((o) => o.trim().endsWith(`. ${to}`))
    assert.ok(option, `«${to}» is offered as a target`)
    await page.locator(`${form} select[name=transitionTo]`).selectOption({ label: option.trim() })
    await page.locator(`${form} input[name=transitionLabel]`).fill(label)
    await page.locator(`${form} input[name=transitionKind][value=normal]`).check()
    await submit(page, form)
    const row = await text(page, `#step-transitions tbody tr:has-text("${to}")`)
    assert.ok(row.includes(label), `the transition to «${to}» is labelled «${label}»: ${row}`)
  }

  it('the agency editor creates a service and fills its card', { skip }, async () => {
    await inContext(newContext, async (page) => {
      await signIn(page, editorAccount())
      await page.goto(url('/admin/services/new'))
      await page.locator('input[name=title]').fill(TITLE)
      await page.locator('input[name=slug]').fill(SLUG)
      await submit(page, 'form[action="/admin/services/new"]')
      const created = /^\/admin\/services\/([0-9a-f-]{36})$/.exec(path(page))
      assert.ok(created?.[1], `the new service's overview opens: ${page.url()}`)
      serviceId = created[1]

      await openSection(page, 'basics')
      await page.locator('textarea[name=summary]').fill('صدور گواهی برای آزمودن مراحل کار.')
      await page
        .locator('textarea[name=description]')
        .fill('متقاضی درخواست را ثبت می‌کند؛ پس از بررسی مدارک، گواهی صادر می‌شود.')
      await submit(page, sectionForm('basics'))

      await openSection(page, 'classification')
      await page.locator('input[name=audiences][value=G2C]').check()
      await page.locator('input[name=nature][value=sovereign]').check()
      await page.locator('input[name=level][value=national]').check()
      await page.locator('input[name=trigger][value=applicant_request]').check()
      await submit(page, sectionForm('classification'))

      await openSection(page, 'details')
      await page.locator('textarea[name=output]').fill('گواهی آزمایشی')
      await submit(page, sectionForm('details'))

      await openSection(page, 'time')
      await page.locator('input[name=timeKind][value=up_to]').check()
      await page.locator('input[name=timeMax]').fill('۱۰')
      await page.locator('select[name=timeUnit]').selectOption('working_day')
      await submit(page, sectionForm('time'))

      await openSection(page, 'legal')
      const lawLabels = await page.locator('select[name=lawId] option').allTextContents()
      const lawLabel = lawLabels.find((l) => l.trim().startsWith(`${LAW_TITLE} (`))
      assert.ok(lawLabel, `«${LAW_TITLE}» is offered in the select`)
      await page.locator('select[name=lawId]').selectOption({ label: lawLabel.trim() })
      await page.locator('input[name=article]').fill('ماده ۱۰')
      await submit(page, sectionForm('legal'))

      await openSection(page, 'documents')
      await page.locator('input[name=name]').fill(DOC)
      await page.locator('input[name=form][value=original]').check()
      await page.locator('input[name=count]').fill('۱')
      await submit(page, sectionForm('documents'))

      await page.goto(url(`/admin/services/${serviceId}`))
      assert.equal(await page.locator('#quality-issues').count(), 0, await text(page, 'main'))
      await signOut(page)
    })
  })

  it('the editor builds the process with the forms; the chart follows each save and the live preview', {
    skip,
  }, async () => {
    assert.ok(serviceId, 'the service was created')
    await inContext(newContext, async (page) => {
      await signIn(page, editorAccount())
      const res = await page.goto(url(processPath()))
      assert.equal(res?.status(), 200)
      assert.equal(await page.locator('#process-empty').count(), 1, 'no steps yet')
      assert.equal(await page.locator('#process-chart-empty').count(), 1, 'no chart yet')

      // 1. A task, saved without relying on the preview.
      await addStep(page, { title: S_APPLY, kind: 'task', actor: 'citizen', max: '۱' })
      await assertChartShows(page, [S_APPLY], `after adding «${S_APPLY}»`)

      // 2. The decision: typing redraws the preview before anything is saved.
      await fillStep(page, { title: S_DECIDE, kind: 'decision', actor: 'agency', after: S_APPLY })
      await previewShows(page, S_DECIDE)
      assert.equal(
        await page.locator('#process-preview .mr-process-preview__note').count(),
        1,
        'the preview says it is not saved',
      )
      assert.deepEqual(await stepTitles(page), [S_APPLY], 'the preview saved nothing')
      // The preview endpoint itself saves nothing either.
      const saved = await e2e()
        .server.deps.db.selectFrom('serviceVersions')
        .select('content')
        .where('serviceId', '=', serviceId)
        .where('status', '=', 'draft')
        .executeTakeFirst()
      assert.ok(!JSON.stringify(saved?.content ?? {}).includes(S_DECIDE), 'nothing saved yet')
      // More typing keeps the preview following the form.
      await page.locator('#add-step-form input[name=title]').fill(`${S_DECIDE} (پیش‌نویس)`)
      await previewShows(page, '(پیش‌نویس)')
      await page.locator('#add-step-form input[name=title]').fill(S_DECIDE)
      await submit(page, '#add-step-form')
      assert.deepEqual(await stepTitles(page), [S_APPLY, S_DECIDE])
      await assertChartShows(page, [S_APPLY, S_DECIDE], `after adding «${S_DECIDE}»`)
      assert.equal(
        await page.locator('#process-preview .mr-process-preview__note').count(),
        0,
        'the saved chart is not a preview',
      )

      // 3–4. The two outcomes, connected afterwards with labelled transitions.
      await addStep(page, {
        title: S_ISSUE,
        kind: 'task',
        actor: 'agency',
        min: '۳',
        max: '۵',
        after: null,
      })
      await assertChartShows(page, [S_APPLY, S_DECIDE, S_ISSUE], `after adding «${S_ISSUE}»`)
      await addStep(page, {
        title: S_DEFICIT,
        kind: 'task',
        actor: 'agency',
        max: '۱',
        after: null,
      })
      await assertChartShows(page, [S_ISSUE, S_DEFICIT], `after adding «${S_DEFICIT}»`)
      // Unconnected, the process has problems (several starts, an unlabelled decision).
      assert.equal(await page.locator('#process-problems').count(), 1, 'problems are listed')

      const decision = await stepPath(page, S_DECIDE)
      await page.goto(url(decision))
      await addTransition(page, S_ISSUE, YES)
      await addTransition(page, S_DEFICIT, NO)
      assert.equal(await page.locator('#step-transitions tbody tr').count(), 2)
      await assertChartShows(page, [YES, NO], 'after labelling the branches')

      await page.goto(url(processPath()))
      assert.equal(
        await page.locator('#process-problems').count(),
        0,
        `no problems:\n${await text(page, 'main')}`,
      )
      assert.deepEqual(await stepTitles(page), [S_APPLY, S_DECIDE, S_ISSUE, S_DEFICIT])
      const next = await text(page, `#process-steps tbody tr:has(td:text-is("${S_DECIDE}"))`)
      assert.ok(next.includes(`«${YES}»`) && next.includes(`«${NO}»`), next)
      await assertChartShows(page, [S_APPLY, S_DECIDE, S_ISSUE, S_DEFICIT, YES, NO], 'when done')
      assert.ok((await text(page, '#process-total')).length > 0, 'the total time is shown')
      await assertNoAxeViolations(page, 'the process editor')
      await screenshot(page, 'process-editor')

      await page.goto(url(`/admin/services/${serviceId}`))
      assert.equal(await page.locator('#quality-issues').count(), 0, await text(page, 'main'))
      assert.ok((await text(page, '#quality-ready')).startsWith('آماده'))
      await signOut(page)
    })
  })

  async function publish(note: string): Promise<void> {
    await inContext(newContext, async (page) => {
      await signIn(page, adminAccount())
      await page.goto(url(`/admin/services/${serviceId}`))
      await page.locator('textarea[name=changeNote]').fill(note)
      await submit(page, `form[action="/admin/services/${serviceId}/publish"]`)
      assert.ok((await text(page, '#service-status')).includes('منتشرشده'))
      await signOut(page)
    })
  }

  it('the agency admin publishes it', { skip }, async () => {
    assert.ok(serviceId, 'the service was created')
    await publish(NOTE_1)
  })

  it('the public page shows the graph, the step table and when to expect the result', {
    skip,
  }, async () => {
    await inContext(newContext, async (page) => {
      const res = await page.goto(url(`/services/${SLUG}`))
      assert.equal(res?.status(), 200)
      assert.equal(await page.locator('#process svg[role="img"]').count(), 1, 'one graph')
      const graph = await text(page, '#process svg[role="img"]')
      for (const t of [S_APPLY, S_DECIDE, S_ISSUE, S_DEFICIT])
        assert.ok(graph.includes(t), `the graph shows «${t}»:\n${graph}`)
      const rows = (
        await page.locator('#process table.mr-process-table tbody th').allTextContents()
      ).map((s) => s.replace(/\s+/g, ' ').trim())
      assert.deepEqual(rows, [S_APPLY, `تصمیم: ${S_DECIDE}`, S_ISSUE, S_DEFICIT])
      const decisionRow = await text(
        page,
        `#process table.mr-process-table tbody tr:has-text("${S_DECIDE}")`,
      )
      assert.ok(decisionRow.includes(`(${YES})`) && decisionRow.includes(`(${NO})`), decisionRow)
      const section = await text(page, '#process')
      assert.ok(section.includes('انتظار می‌رود نتیجه بین'), `the completion sentence:\n${section}`)
      await assertNoAxeViolations(page, 'the public service page')
      await screenshot(page, 'process-service-page')
    })
  })

  it('the editor changes a step’s time and removes a step; the history compares the processes', {
    skip,
  }, async () => {
    assert.ok(serviceId, 'the service was created')
    await inContext(newContext, async (page) => {
      await signIn(page, editorAccount())
      await page.goto(url(`/admin/services/${serviceId}`))
      await submit(page, `form[action="/admin/services/${serviceId}/draft"]`)

      // «صدور»: ۳ تا ۵ → ۲ تا ۳ روز کاری.
      await page.goto(url(processPath()))
      await page.goto(url(await stepPath(page, S_ISSUE)))
      assert.equal(await page.locator('#edit-step-form input[name=durationMax]').inputValue(), '۵')
      await page.locator('#edit-step-form input[name=durationMin]').fill('۲')
      await page.locator('#edit-step-form input[name=durationMax]').fill('۳')
      await submit(page, '#edit-step-form')
      assert.equal(path(page), processPath())
      const issueTime = await text(
        page,
        `#process-steps tbody tr:has(td:text-is("${S_ISSUE}")) td:nth-child(5)`,
      )
      assert.equal(issueTime, '۲ تا ۳ روز کاری')

      // The first step goes (its «حذف» asks first): the decision becomes the start, the
      // process stays whole.
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/delete')),
        page
          .locator(`#process-steps tbody tr:has(td:text-is("${S_APPLY}")) a[href$="/delete"]`)
          .click(),
      ])
      await submit(page, '#remove-step-form')
      assert.deepEqual(await stepTitles(page), [S_DECIDE, S_ISSUE, S_DEFICIT])
      assert.equal(await page.locator('#process-problems').count(), 0, await text(page, 'main'))
      const chart = await chartText(page)
      assert.ok(!chart.includes(S_APPLY), `the chart no longer shows «${S_APPLY}»`)

      await page.goto(url(`/admin/services/${serviceId}`))
      assert.ok((await text(page, '#quality-ready')).startsWith('آماده'))
      await signOut(page)
    })

    await publish(NOTE_2)

    await inContext(newContext, async (page) => {
      await page.goto(url(`/services/${SLUG}`))
      const rows = await page.locator('#process table.mr-process-table tbody tr').count()
      assert.equal(rows, 3, 'the public page shows the three steps left')
      const issueRow = await text(
        page,
        `#process table.mr-process-table tbody tr:has-text("${S_ISSUE}")`,
      )
      assert.ok(issueRow.includes('۲ تا ۳ روز کاری'), `the new time is public: ${issueRow}`)

      const res = await page.goto(url(`/services/${SLUG}/history`))
      assert.equal(res?.status(), 200)
      const v2 = 'li.mr-history__entry:has(h2#v2)'
      assert.equal(
        await page.locator(`${v2} .mr-process-compare svg`).count(),
        2,
        'version 2 shows the process before and after',
      )
      const before = await text(page, `${v2} .mr-process-compare figure:first-child svg`)
      const after = await text(page, `${v2} .mr-process-compare figure:last-child svg`)
      assert.ok(before.includes(S_APPLY), `the earlier graph has «${S_APPLY}»`)
      assert.ok(!after.includes(S_APPLY), `the revised graph has no «${S_APPLY}»`)
      const summary = await text(page, `${v2} .mr-process-revision`)
      assert.ok(summary.includes('حذف شد'), `the summary tells what was removed:\n${summary}`)
      assert.ok(summary.includes(S_APPLY), summary)
      assert.equal(
        await page.locator('li.mr-history__entry:has(h2#v1) .mr-process-compare').count(),
        0,
        'the first version has nothing to compare',
      )
      await assertNoAxeViolations(page, 'the history page')
      await screenshot(page, 'process-history-page')
    })
  })
})
