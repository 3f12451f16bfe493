import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../../test/support/clients.ts'
import { dbSnapshot, serviceRows } from '../../../../test/support/db-snapshot.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makeUser,
} from '../../../../test/support/fixtures.ts'
import { type Fields, formBody, postForm } from '../../../../test/support/forms.ts'
import { checkedPage, formFields } from '../../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts'
import { CSRF_FIELD } from '../../../web/csrf.ts'
import { FORM_ONCE_FIELD } from '../../../web/form-once.ts'
import type { Agency } from '../../agencies/index.ts'
import type { Law } from '../../laws/index.ts'
import type { ServiceContent, ServiceProcess } from '../../services/index.ts'
import { findDraft, findPublished, insertDraft, insertService } from '../../services/index.ts'
import { toBpmnXml } from '../interop/bpmn-export.ts'
import { decisionSample } from '../interop/samples.ts'
import { rules, totalExceedsDeclaredMessage } from '../messages.fa.ts'
import { processProblems } from '../process.rules.ts'
import { processTiming, timingRangeText } from '../process.timing.ts'
import { processTotal } from '../service-total.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { legalBasisKey } from './process.input.ts'

let t: TestApp
let agency: Agency
let other: Agency
let editor: MadeUser
let admin: MadeUser
let otherEditor: MadeUser
let law: Law

/** What process-editor.js sends: the step form, with its header. */
function preview(
  client: TestClient,
  id: string,
  fields: Fields,
  headers: Record<string, string> = { 'x-requested-with': 'fetch' },
): Promise<Response> {
  return client.request(`/admin/services/${id}/edit/process/preview`, {
    method: 'POST',
    body: formBody(client, fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })
}

let slug = 0

/** A service whose draft is a complete card (declared time: up to 7 working days). */
async function draftService(overrides: Partial<ServiceContent> = {}): Promise<string> {
  slug++
  const now = t.deps.clock.now()
  const service = await insertService(t.deps.db, {
    agencyId: agency.id,
    slug: `process-editor-${slug}`,
    now,
  })
  await insertDraft(t.deps.db, {
    serviceId: service.id,
    versionNo: 1,
    content: completeContent(`صدور گواهی آزمایشی ${slug}`, law.id, overrides),
    userId: null,
    now,
  })
  return service.id
}

const processPath = (id: string) => `/admin/services/${id}/edit/process`
const stepPath = (id: string, step: string) => `${processPath(id)}/steps/${step}`

async function processOf(id: string): Promise<ServiceProcess> {
  const draft = await findDraft(t.deps.db, id)
  assert.ok(draft, 'the service has a draft')
  return draft.content.process
}

/** Fills in the add-step form as it is on the page (so with its revision) and submits it. */
async function addStep(client: TestClient, id: string, fields: Fields): Promise<void> {
  const $ = await checkedPage(await client.get(processPath(id)))
  const res = await postForm(client, `${processPath(id)}/steps`, {
    ...formFields($, '#add-step-form'),
    ...fields,
  })
  assert.equal(res.status, 303, `step «${String(fields.title)}» added`)
  assert.equal(res.headers.get('location'), `${processPath(id)}?done=added`)
}

/** Submits one of the small forms of a step page (transitions), as it is on the page. */
async function onStepPage(
  client: TestClient,
  id: string,
  step: string,
  selector: string,
  fields: Fields,
): Promise<Response> {
  const $ = await checkedPage(await client.get(stepPath(id, step)))
  const form = $(selector)
  return postForm(client, form.attr('action') ?? '', { ...formFields($, selector), ...fields })
}

async function addTransition(
  client: TestClient,
  id: string,
  from: string,
  fields: Fields,
): Promise<void> {
  const res = await onStepPage(
    client,
    id,
    from,
    `form[action="${stepPath(id, from)}/transitions"]`,
    {
      transitionKind: 'normal',
      ...fields,
    },
  )
  assert.equal(res.status, 303, `transition from ${from} added`)
  assert.equal(res.headers.get('location'), `${stepPath(id, from)}?done=transition-added`)
}

/**
 * Removes a transition as the step page offers it: its «حذف» link opens a page that asks
 * first, and that page's form removes it.
 */
async function removeTransition(client: TestClient, id: string, from: string, to: string) {
  const $ = await checkedPage(await client.get(stepPath(id, from)))
  const link = $(`#step-transitions a[href^="${stepPath(id, from)}/transitions/delete?"]`).filter(
    (_, a) =>
      new URLSearchParams(($(a).attr('href') ?? '').split('?')[1]).get('transitionTo') === to,
  )
  assert.equal(link.length, 1, `a remove link for ${from} → ${to}`)
  const res = await confirm(client, link.attr('href') ?? '', '#remove-transition-form')
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), `${stepPath(id, from)}?done=transition-removed`)
}

/**
 * Opens a page that asks «آیا مطمئن هستید؟» and submits its form as it is (or with `fields`).
 * Nothing changes until then.
 */
async function confirm(
  client: TestClient,
  path: string,
  form: string,
  fields: Fields = {},
): Promise<Response> {
  const before = await serviceRows(t.deps.db)
  const $ = await checkedPage(await client.get(path))
  assert.equal($('h1').text().trim(), m.confirmTitle, `${path} asks first`)
  assert.deepEqual(await serviceRows(t.deps.db), before, `${path} changed nothing`)
  const action = $(form).attr('action')
  assert.ok(action, `${form} is on ${path}`)
  return postForm(client, action, { ...formFields($, form), ...fields })
}

/** Clicks a one-button form of the process page's table, e.g. `…/steps/s2/up`. */
async function clickOnProcessPage(client: TestClient, id: string, action: string) {
  const $ = await checkedPage(await client.get(processPath(id)))
  const fields = formFields($, `form[action="${action}"]`)
  return postForm(client, action, fields)
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان فرایندهای آزمایشی' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر' })
  editor = await makeUser(t.deps, 'agency_editor', agency)
  admin = await makeUser(t.deps, 'agency_admin', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  law = await makeLaw(t.deps, 'قانون خدمات آزمایشی')
})
after(() => t.close())

describe('the process editor without JavaScript', () => {
  let id: string

  it('builds a four-step process with a decision and a return edge through the forms', async () => {
    id = await draftService()
    const client = await signedIn(t, editor)
    const empty = await checkedPage(await client.get(processPath(id)))
    assert.ok(empty('#process-empty').text().includes(m.noSteps))
    assert.ok(empty('#process-chart-empty').length === 1)
    assert.equal(empty('script[src="/assets/process-editor.js"]').length, 1)
    assert.equal(empty('#add-step-form select[name="after"]').length, 0, 'nothing to follow yet')

    await addStep(client, id, {
      title: 'ثبت درخواست',
      kind: 'task',
      actor: 'citizen',
      durationMin: '۱۰',
      durationMax: '20',
      durationUnit: 'minute',
      channel: 'online',
      documents: 'اصل شناسنامه',
      fees: 'هزینهٔ صدور',
      legalBasis: legalBasisKey({ lawId: law.id, article: 'ماده ۱۰' }),
    })
    await addStep(client, id, { title: 'مدارک کامل است؟', kind: 'decision', actor: 'agency' })
    const issue = {
      title: 'صدور گواهی',
      kind: 'task',
      actor: 'agency',
      unit: 'واحد صدور',
      durationMin: '١',
      durationMax: '۳',
      durationUnit: 'working_day',
      requiresAttendance: 'yes',
    }
    // The add form follows the last step, here a decision: the new step is one of its
    // branches, so the form asks for that branch's condition and saves nothing without it.
    const form = await checkedPage(await client.get(processPath(id)))
    assert.equal(form('#add-step-form select[name="after"]').val(), 's2')
    assert.equal(form('#add-step-form input[name="afterLabel"]').length, 1)
    const before = await serviceRows(t.deps.db)
    const unlabelled = await postForm(client, `${processPath(id)}/steps`, {
      ...formFields(form, '#add-step-form'),
      ...issue,
    })
    assert.equal(unlabelled.status, 422)
    assert.ok(
      (await checkedPage(unlabelled))('#afterLabel-error').text().includes(m.branchLabelRequired),
    )
    assert.deepEqual(await serviceRows(t.deps.db), before, 'nothing saved')
    await addStep(client, id, { ...issue, afterLabel: 'کامل است' })
    // The fourth step follows the decision, not the step before it.
    await addStep(client, id, {
      title: 'اعلام نقص مدارک',
      kind: 'task',
      actor: 'system',
      durationMin: '۱',
      durationUnit: 'hour',
      after: 's2',
      afterLabel: 'خیر، ناقص است',
    })

    let p = await processOf(id)
    assert.deepEqual(
      p.steps.map((s) => s.id),
      ['s1', 's2', 's3', 's4'],
    )
    const first = p.steps[0]
    assert.deepEqual(first?.duration, { min: 10, max: 20, unit: 'minute' })
    assert.deepEqual(first?.documents, ['اصل شناسنامه'])
    assert.deepEqual(first?.fees, ['هزینهٔ صدور'])
    assert.deepEqual(first?.legalBasis, { lawId: law.id, article: 'ماده ۱۰' })
    assert.equal(first?.channel, 'online')
    assert.deepEqual(p.steps[2]?.duration, { min: 1, max: 3, unit: 'working_day' })
    assert.equal(p.steps[2]?.requiresAttendance, true)
    assert.equal(p.steps[2]?.unit, 'واحد صدور')
    assert.deepEqual(p.steps[3]?.duration, { min: 1, max: 1, unit: 'hour' }, 'one number: fixed')
    assert.equal(p.steps[1]?.duration, null)
    assert.deepEqual(
      p.transitions.map((x) => [x.from, x.to, x.label]),
      [
        ['s1', 's2', null],
        ['s2', 's3', 'کامل است'],
        ['s2', 's4', 'خیر، ناقص است'],
      ],
    )

    // A branch's condition is edited on its own page, linked from the step's transitions.
    const decision = await checkedPage(await client.get(stepPath(id, 's2')))
    const labelHref = decision(`#step-transitions a[href*="/transitions/label?"]`)
      .first()
      .attr('href')
    assert.equal(
      labelHref,
      `${stepPath(id, 's2')}/transitions/label?transitionTo=s3&transitionKind=normal`,
    )
    const labelPage = await checkedPage(await client.get(labelHref))
    assert.equal(labelPage('#transitionLabel').val(), 'کامل است')
    assert.ok(labelPage('#label-lead').text().includes('۳. صدور گواهی'))
    // A decision's branch cannot lose its condition.
    const emptied = await postForm(client, `${stepPath(id, 's2')}/transitions/label`, {
      ...formFields(labelPage, '#transition-label-form'),
      transitionLabel: ' ',
    })
    assert.equal(emptied.status, 422)
    assert.ok(
      (await checkedPage(emptied))('.mr-error-summary').text().includes(m.branchLabelRequired),
    )
    const relabelled = await postForm(client, `${stepPath(id, 's2')}/transitions/label`, {
      ...formFields(labelPage, '#transition-label-form'),
      transitionLabel: 'بله، کامل است',
    })
    assert.equal(relabelled.status, 303)
    assert.equal(relabelled.headers.get('location'), `${stepPath(id, 's2')}?done=label-saved`)
    // A transition the draft does not have has no label page.
    const missing = await client.get(
      `${stepPath(id, 's2')}/transitions/label?transitionTo=s1&transitionKind=normal`,
    )
    assert.equal(missing.status, 404)

    await addTransition(client, id, 's4', {
      transitionTo: 's1',
      transitionLabel: 'ارسال دوبارهٔ مدارک',
      transitionKind: 'return',
    })

    p = await processOf(id)
    assert.deepEqual(
      p.transitions.map((x) => [x.from, x.to, x.label, x.kind]),
      [
        ['s1', 's2', null, 'normal'],
        ['s2', 's3', 'بله، کامل است', 'normal'],
        ['s2', 's4', 'خیر، ناقص است', 'normal'],
        ['s4', 's1', 'ارسال دوبارهٔ مدارک', 'return'],
      ],
    )
    assert.deepEqual(processProblems(p), [])

    const $ = await checkedPage(await client.get(processPath(id)))
    assert.equal($('#process-problems').length, 0)
    const svg = $('#process-chart svg[role="img"]')
    assert.equal(svg.length, 1, 'the flowchart')
    for (const title of ['ثبت درخواست', 'مدارک کامل است؟', 'صدور گواهی', 'اعلام نقص مدارک'])
      assert.ok(svg.find('desc').text().includes(title), `the chart describes «${title}»`)
    assert.equal(svg.find('[data-step-id]').length, 4)
    assert.equal(svg.find('.mr-flowchart__edge--return').length, 1)
    for (const label of ['بله، کامل است', 'خیر، ناقص است'])
      assert.ok(svg.text().includes(label), `the chart labels the branch «${label}»`)

    const rows = $('#process-steps tbody tr')
    assert.equal(rows.length, 4)
    const cells = (i: number) =>
      rows
        .eq(i)
        .find('td')
        .map((_, td) => $(td).text().replace(/\s+/g, ' ').trim())
        .get()
    assert.deepEqual(cells(0).slice(0, 5), ['۱', 'ثبت درخواست', 'کار', 'متقاضی', '۱۰ تا ۲۰ دقیقه'])
    assert.ok(cells(1)[5]?.includes('«بله، کامل است»'))
    assert.ok(cells(1)[5]?.includes('۴. اعلام نقص مدارک'))
    assert.ok(cells(3)[5]?.includes('بازگشت به ۱. ثبت درخواست'))
    assert.equal(cells(2)[6], m.attendanceYes)

    const timing = processTiming(p)
    assert.ok(timing)
    assert.equal(
      $('#process-total').text().trim(),
      m.total(timingRangeText(timing), processTotal(timing).text),
    )
    assert.equal($('#process-mismatch').length, 0, 'fits the declared «up to 7 working days»')

    // The step page shows the step as saved, and where it leads.
    const step = await checkedPage(await client.get(stepPath(id, 's2')))
    const fields = formFields(step, '#edit-step-form')
    assert.equal(fields.title, 'مدارک کامل است؟')
    assert.equal(fields.kind, 'decision')
    assert.equal(step('#step-transitions tbody tr').length, 2)
    assert.ok(step('#incoming').text().includes('۱. ثبت درخواست'))

    // The overview lists the steps and their total under «مراحل انجام کار», with a link here.
    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.ok(overview('#draft-process').text().includes('۳. صدور گواهی (۱ تا ۳ روز کاری)'))
    assert.ok(overview('#draft-process').text().includes(timingRangeText(timing)))
    assert.equal(overview(`#draft-sections a[href="${processPath(id)}"]`).length, 1)
    assert.equal(overview('#process-timing-mismatch').length, 0)
  })

  it('edits a step on its own page, keeping its id and transitions', async () => {
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(stepPath(id, 's3')))
    const res = await postForm(client, stepPath(id, 's3'), {
      ...formFields($, '#edit-step-form'),
      title: 'صدور و تحویل گواهی',
      durationMax: '۴',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `${processPath(id)}?done=saved`)
    const p = await processOf(id)
    assert.equal(p.steps[2]?.id, 's3')
    assert.equal(p.steps[2]?.title, 'صدور و تحویل گواهی')
    assert.deepEqual(p.steps[2]?.duration, { min: 1, max: 4, unit: 'working_day' })
    assert.equal(p.steps[2]?.unit, 'واحد صدور', 'untouched fields keep their values')
    assert.equal(p.transitions.length, 4)
  })

  it('previews a step not yet saved, and saves nothing', async () => {
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(processPath(id)))
    const before = await serviceRows(t.deps.db)
    const res = await preview(client, id, {
      ...formFields($, '#add-step-form'),
      title: 'تحویل پستی گواهی',
      durationMin: '۲',
      durationMax: '۵',
      durationUnit: 'calendar_day',
      after: 's3',
    })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('cache-control') ?? '', /no-store/)
    const fragment = cheerio.load(await res.text())
    const svg = fragment('svg[role="img"]')
    assert.equal(svg.length, 1)
    assert.ok(svg.find('desc').text().includes('تحویل پستی گواهی'))
    assert.equal(svg.find('[data-step-id="s5"]').length, 1, 'the new step gets the next id')
    assert.ok(fragment('#process-total').text().includes('۵ روز'))
    assert.ok(fragment('.mr-process-preview__note').text().includes(m.previewNote))
    assert.deepEqual(await serviceRows(t.deps.db), before, 'nothing saved')

    // The edit form previews the step as changed.
    const step = await checkedPage(await client.get(stepPath(id, 's1')))
    const edited = await preview(client, id, {
      ...formFields(step, '#edit-step-form'),
      title: 'ثبت برخط درخواست',
    })
    assert.equal(edited.status, 200)
    const text = cheerio
      .load(await edited.text())('desc')
      .text()
    assert.ok(text.includes('ثبت برخط درخواست'))
    assert.ok(!text.includes('مرحلهٔ ۱: ثبت درخواست'))

    // A form that cannot be read yet: 422 with the reason; a plain form post: 400.
    const invalid = await preview(client, id, { ...formFields($, '#add-step-form'), title: '' })
    assert.equal(invalid.status, 422)
    assert.ok((await invalid.text()).includes(m.titleRequired))
    const plain = await preview(client, id, formFields($, '#add-step-form'), {})
    assert.equal(plain.status, 400)
    assert.deepEqual(await serviceRows(t.deps.db), before, 'still nothing saved')
  })

  it('reorders steps and removes a step with its transitions', async () => {
    const client = await signedIn(t, editor)
    const up = await clickOnProcessPage(client, id, `${stepPath(id, 's4')}/up`)
    assert.equal(up.status, 303)
    assert.equal(up.headers.get('location'), `${processPath(id)}?done=moved`)
    let p = await processOf(id)
    assert.deepEqual(
      p.steps.map((s) => s.id),
      ['s1', 's2', 's4', 's3'],
    )
    const $ = await checkedPage(await client.get(processPath(id)))
    assert.equal($(`form[action="${stepPath(id, 's1')}/up"]`).length, 0, 'the first has no «بالا»')
    assert.equal($(`form[action="${stepPath(id, 's3')}/down"]`).length, 0, 'the last no «پایین»')

    const down = await clickOnProcessPage(client, id, `${stepPath(id, 's4')}/down`)
    assert.equal(down.status, 303)
    p = await processOf(id)
    assert.deepEqual(
      p.steps.map((s) => s.id),
      ['s1', 's2', 's3', 's4'],
    )

    // «حذف» opens a page that asks first; s4 has no step after it, so nothing is joined.
    const $removal = await checkedPage(await client.get(processPath(id)))
    assert.equal($removal(`#process-steps a[href="${stepPath(id, 's4')}/delete"]`).length, 1)
    assert.equal(
      $removal(`form[action="${stepPath(id, 's4')}/delete"]`).length,
      0,
      'no direct removal',
    )
    const removed = await confirm(client, `${stepPath(id, 's4')}/delete`, '#remove-step-form')
    assert.equal(removed.status, 303)
    assert.equal(removed.headers.get('location'), `${processPath(id)}?done=removed`)
    p = await processOf(id)
    assert.deepEqual(
      p.steps.map((s) => s.id),
      ['s1', 's2', 's3'],
    )
    assert.deepEqual(
      p.transitions.map((x) => [x.from, x.to]),
      [
        ['s1', 's2'],
        ['s2', 's3'],
      ],
    )
    // The decision now has one branch: a problem, but the draft was saved all the same.
    const after = await checkedPage(await client.get(`${processPath(id)}?done=removed`))
    assert.ok(after('#process-problems').text().includes(rules.decisionBranches('مدارک کامل است؟')))
    assert.ok(after('.mr-notification-banner').text().includes(m.done.removed))

    // A new step after a removal gets the next number, never a used one.
    await addStep(client, id, {
      title: 'بایگانی',
      kind: 'task',
      actor: 'agency',
      durationMin: '۱',
      durationUnit: 'hour',
    })
    assert.equal((await processOf(id)).steps.at(-1)?.id, 's4')
  })

  it('adds and removes variant cases', async () => {
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(processPath(id)))
    const added = await postForm(client, `${processPath(id)}/variants`, {
      ...formFields($, `form[action="${processPath(id)}/variants"]`),
      variantLabel: 'اتباع خارجی',
    })
    assert.equal(added.status, 303)
    let p = await processOf(id)
    assert.deepEqual(p.variants, [{ id: 'v1', label: 'اتباع خارجی' }])

    const step = await checkedPage(await client.get(stepPath(id, 's3')))
    assert.equal(step('select[name="variant"] option[value="v1"]').length, 1)
    const saved = await postForm(client, stepPath(id, 's3'), {
      ...formFields(step, '#edit-step-form'),
      variant: 'v1',
    })
    assert.equal(saved.status, 303)
    assert.equal((await processOf(id)).steps[2]?.variantId, 'v1')

    const same = await postForm(client, `${processPath(id)}/variants`, {
      ...formFields(
        await checkedPage(await client.get(processPath(id))),
        `form[action="${processPath(id)}/variants"]`,
      ),
      variantLabel: 'اتباع خارجی',
    })
    assert.equal(same.status, 422)
    assert.ok((await checkedPage(same))('.mr-error-summary').text().includes(m.variantDuplicate))

    const removed = await clickOnProcessPage(client, id, `${processPath(id)}/variants/v1/delete`)
    assert.equal(removed.status, 303)
    p = await processOf(id)
    assert.deepEqual(p.variants, [])
    assert.equal(p.steps[2]?.variantId, null, 'its steps now apply to every case')
  })
})

describe('removing a step or a transition asks first, and keeps the flow whole', () => {
  let id: string
  let client: TestClient
  const task = (title: string, extra: Fields = {}) => ({
    title,
    kind: 'task',
    actor: 'agency',
    durationMin: '۱',
    durationUnit: 'working_day',
    ...extra,
  })

  before(async () => {
    id = await draftService()
    client = await signedIn(t, editor)
    await addStep(client, id, task('ثبت درخواست'))
    await addStep(client, id, { title: 'مدارک کامل است؟', kind: 'decision', actor: 'agency' })
    await addStep(client, id, task('بررسی کارشناس', { afterLabel: 'بله' }))
    await addStep(client, id, task('اعلام نقص', { after: 's2', afterLabel: 'خیر' }))
    await addStep(client, id, task('صدور گواهی', { after: 's3' }))
    assert.deepEqual(processProblems(await processOf(id)), [])
  })

  it('joins a removed middle step’s predecessor to its successor and lists the new transition', async () => {
    const before = await serviceRows(t.deps.db)
    // A form that did not ask (an old tab) is sent to the question; nothing is removed.
    const page = await checkedPage(await client.get(`${stepPath(id, 's3')}/delete`))
    const unasked = await postForm(client, `${stepPath(id, 's3')}/delete`, {
      draft: String(page('#remove-step-form input[name="draft"]').val()),
      revision: String(page('#remove-step-form input[name="revision"]').val()),
    })
    assert.equal(unasked.status, 303)
    assert.equal(unasked.headers.get('location'), `${stepPath(id, 's3')}/delete`)
    assert.deepEqual(await serviceRows(t.deps.db), before)

    assert.ok(page('#remove-step-lead').text().includes('۳. بررسی کارشناس'))
    const removedList = page('#removed-transitions li')
      .map((_, li) => page(li).text())
      .get()
    assert.deepEqual(removedList, [
      '۲. مدارک کامل است؟ ← ۳. بررسی کارشناس «بله»',
      '۳. بررسی کارشناس ← ۵. صدور گواهی',
    ])
    assert.deepEqual(
      page('#added-transitions li')
        .map((_, li) => page(li).text())
        .get(),
      ['۲. مدارک کامل است؟ ← ۵. صدور گواهی «بله»'],
    )
    assert.equal(page('input[name="reconnect"]:checked').val(), 'yes', 'joining is the default')
    assert.equal(page('#reconnect-problems').length, 0, 'the joined process has no problem')

    const res = await confirm(client, `${stepPath(id, 's3')}/delete`, '#remove-step-form')
    assert.equal(res.status, 303)
    const location = res.headers.get('location') ?? ''
    assert.equal(location, `${processPath(id)}?done=removed-joined&joined=s2.s5`)
    const p = await processOf(id)
    assert.deepEqual(
      p.transitions.map((x) => [x.from, x.to, x.label]),
      [
        ['s1', 's2', null],
        ['s2', 's4', 'خیر'],
        ['s2', 's5', 'بله'],
      ],
    )
    assert.deepEqual(processProblems(p), [], 'the flow is whole')

    // The process page says what changed, with the steps as numbered now.
    const after = await checkedPage(await client.get(location))
    assert.ok(after('.mr-notification-banner').text().includes(m.removedJoined))
    assert.deepEqual(
      after('#process-joined li')
        .map((_, li) => after(li).text())
        .get(),
      ['۲. مدارک کامل است؟ ← ۴. صدور گواهی «بله»'],
    )
    const row = after('#process-steps tbody tr').eq(1).text()
    assert.ok(row.includes('۴. صدور گواهی') && row.includes('«بله»'), row)
    assert.equal(after('#process-problems').length, 0)
  })

  it('removes a step without joining when asked, and says the flow is cut', async () => {
    // s4 «اعلام نقص» has no step after it: add one so there is something to join.
    await addStep(client, id, task('بایگانی', { after: 's4' }))
    const res = await confirm(client, `${stepPath(id, 's4')}/delete`, '#remove-step-form', {
      reconnect: 'no',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `${processPath(id)}?done=removed-unjoined`)
    const p = await processOf(id)
    assert.ok(!p.transitions.some((x) => x.from === 's2' && x.to === 's6'), 'nothing joined')
    const page = await checkedPage(await client.get(res.headers.get('location') ?? ''))
    assert.ok(page('.mr-notification-banner').text().includes(m.removedUnjoined))
    assert.ok(page('#process-problems').length === 1, 'the cut flow is a problem, told as such')
  })

  it('asks before removing a transition, naming it and what it breaks', async () => {
    // The decision gets its second branch back (to «بایگانی», cut off by the last removal).
    await addTransition(client, id, 's2', { transitionTo: 's6', transitionLabel: 'خیر' })
    const before = await serviceRows(t.deps.db)
    const path = `${stepPath(id, 's2')}/transitions/delete?transitionTo=s5&transitionKind=normal`
    const page = await checkedPage(await client.get(path))
    assert.equal(page('h1').text().trim(), m.confirmTitle)
    assert.deepEqual(
      page('#removed-transitions li')
        .map((_, li) => page(li).text())
        .get(),
      ['۲. مدارک کامل است؟ ← ۳. صدور گواهی «بله»'],
    )
    assert.ok(
      page('#remove-problems').text().includes(rules.decisionBranches('مدارک کامل است؟')),
      'the decision would be left with one branch',
    )
    assert.deepEqual(await serviceRows(t.deps.db), before, 'asking changes nothing')
    // A transition the draft does not have: 404; a form that did not ask: sent to the question.
    const unknown = await client.get(
      `${stepPath(id, 's2')}/transitions/delete?transitionTo=s9&transitionKind=normal`,
    )
    assert.equal(unknown.status, 404)
    const unasked = await postForm(client, `${stepPath(id, 's2')}/transitions/delete`, {
      transitionTo: 's5',
      transitionKind: 'normal',
    })
    assert.equal(unasked.status, 303)
    assert.equal(unasked.headers.get('location'), path)
    assert.deepEqual(await serviceRows(t.deps.db), before)

    await removeTransition(client, id, 's2', 's5')
    assert.ok(!(await processOf(id)).transitions.some((x) => x.from === 's2' && x.to === 's5'))
  })

  it('refuses an unlabelled branch of a decision on the add-transition form', async () => {
    const res = await onStepPage(
      client,
      id,
      's2',
      `form[action="${stepPath(id, 's2')}/transitions"]`,
      { transitionTo: 's5', transitionLabel: '', transitionKind: 'normal' },
    )
    assert.equal(res.status, 422)
    assert.ok(
      (await checkedPage(res))('#transitionLabel-error').text().includes(m.branchLabelRequired),
    )
    await addTransition(client, id, 's2', { transitionTo: 's5', transitionLabel: 'بله' })
  })

  it('lets only the agency’s staff see the questions', async () => {
    const outsider = await signedIn(t, otherEditor)
    for (const path of [
      `${stepPath(id, 's2')}/delete`,
      `${stepPath(id, 's2')}/transitions/delete?transitionTo=s5&transitionKind=normal`,
      `${stepPath(id, 's2')}/transitions/label?transitionTo=s5&transitionKind=normal`,
    ]) {
      assert.equal((await outsider.get(path)).status, 403, path)
      const anonymous = await t.client().get(path)
      assert.equal(anonymous.status, 303, path)
    }
    const before = await serviceRows(t.deps.db)
    const label = await postForm(outsider, `${stepPath(id, 's2')}/transitions/label`, {
      transitionTo: 's5',
      transitionKind: 'normal',
      transitionLabel: 'دست‌کاری',
    })
    assert.equal(label.status, 403)
    assert.deepEqual(await serviceRows(t.deps.db), before)
  })
})

describe('refusals', () => {
  let id: string
  let client: TestClient

  before(async () => {
    id = await draftService()
    client = await signedIn(t, editor)
    await addStep(client, id, {
      title: 'ثبت درخواست',
      kind: 'task',
      actor: 'citizen',
      durationMin: '۱',
      durationUnit: 'hour',
    })
    await addStep(client, id, {
      title: 'بررسی',
      kind: 'task',
      actor: 'agency',
      durationMin: '۲',
      durationUnit: 'working_day',
    })
  })

  it('answers bad input with 422 and Persian messages per field, saving nothing', async () => {
    const $ = await checkedPage(await client.get(processPath(id)))
    const form = formFields($, '#add-step-form')
    const before = await serviceRows(t.deps.db)

    const bad = await postForm(client, `${processPath(id)}/steps`, {
      ...form,
      title: '   ',
      kind: 'loop',
      durationMin: '۵',
      durationMax: '۲',
      documents: 'مدرکی که در شناسنامه نیست',
    })
    assert.equal(bad.status, 422)
    const page = await checkedPage(bad)
    assert.match(page('title').text(), /^خطا: /)
    const summary = page('.mr-error-summary').first().text()
    for (const message of [m.titleRequired, m.kindRequired, m.durationOrder, m.documentUnknown])
      assert.ok(summary.includes(message), message)
    assert.equal(page('#title').attr('aria-invalid'), 'true')
    assert.equal(page('#durationMin-error').length, 1)
    assert.equal(page('#durationMax').attr('value'), '۲', 'what was typed is kept')

    const notNumber = await postForm(client, `${processPath(id)}/steps`, {
      ...form,
      title: 'مرحلهٔ تازه',
      durationMin: 'سه',
    })
    assert.equal(notNumber.status, 422)
    assert.ok((await checkedPage(notNumber))('#durationMin-error').text().includes(m.numberInvalid))

    const noUnit = await postForm(client, `${processPath(id)}/steps`, {
      ...form,
      title: 'مرحلهٔ تازه',
      durationMin: '۲',
      durationUnit: '',
    })
    assert.equal(noUnit.status, 422)
    assert.ok(
      (await checkedPage(noUnit))('#durationUnit-error').text().includes(m.durationUnitRequired),
    )

    const self = await onStepPage(
      client,
      id,
      's2',
      `form[action="${stepPath(id, 's2')}/transitions"]`,
      {
        transitionTo: 's2',
      },
    )
    assert.equal(self.status, 422)
    assert.ok((await checkedPage(self))('#transitionTo-error').text().includes(m.targetSelf))

    const twice = await onStepPage(
      client,
      id,
      's1',
      `form[action="${stepPath(id, 's1')}/transitions"]`,
      {
        transitionTo: 's2',
      },
    )
    assert.equal(twice.status, 422)
    assert.ok(
      (await checkedPage(twice))('#transitionTo-error').text().includes(m.transitionDuplicate),
    )

    const step = await checkedPage(await client.get(stepPath(id, 's1')))
    const badEdit = await postForm(client, stepPath(id, 's1'), {
      ...formFields(step, '#edit-step-form'),
      actor: 'nobody',
      variant: 'v9',
    })
    assert.equal(badEdit.status, 422)
    const editPage = await checkedPage(badEdit)
    assert.ok(editPage('#actor-error').text().includes(m.actorRequired))
    assert.ok(editPage('#variant-error').text().includes(m.variantUnknown))

    assert.deepEqual(await serviceRows(t.deps.db), before)
  })

  it('refuses another agency’s staff with 403 before reading their input', async () => {
    const outsider = await signedIn(t, otherEditor)
    const before = await serviceRows(t.deps.db)
    assert.equal((await outsider.get(processPath(id))).status, 403)
    assert.equal((await outsider.get(stepPath(id, 's1'))).status, 403)
    // Invalid input too: the permission is checked first, so 403, not 422.
    assert.equal((await postForm(outsider, `${processPath(id)}/steps`, { title: '' })).status, 403)
    assert.equal(
      (
        await postForm(outsider, `${processPath(id)}/steps`, {
          title: 'مرحله',
          kind: 'task',
          actor: 'agency',
        })
      ).status,
      403,
    )
    assert.equal((await postForm(outsider, `${stepPath(id, 's1')}/delete`, {})).status, 403)
    assert.equal(
      (await postForm(outsider, `${stepPath(id, 's1')}/transitions`, { transitionTo: 'x' })).status,
      403,
    )
    assert.equal(
      (await postForm(outsider, `${processPath(id)}/variants`, { variantLabel: '' })).status,
      403,
    )
    assert.equal(
      (await preview(outsider, id, { title: 'x', kind: 'task', actor: 'agency' })).status,
      403,
    )
    assert.deepEqual(await serviceRows(t.deps.db), before)
  })

  it('refuses anonymous visitors and forms without the CSRF token', async () => {
    const anonymous = t.client()
    const before = await serviceRows(t.deps.db)
    const get = await anonymous.get(processPath(id))
    assert.equal(get.status, 303)
    assert.match(get.headers.get('location') ?? '', /^\/sign-in\?next=/)
    assert.equal((await postForm(anonymous, `${stepPath(id, 's1')}/delete`, {})).status, 401)
    assert.equal((await preview(anonymous, id, { title: 'x' })).status, 401)

    const $ = await checkedPage(await client.get(`${stepPath(id, 's2')}/delete`))
    const noToken = await postForm(
      client,
      `${stepPath(id, 's2')}/delete`,
      formFields($, '#remove-step-form'),
      { csrf: false },
    )
    assert.equal(noToken.status, 403)
    assert.deepEqual(await serviceRows(t.deps.db), before)
  })

  it('answers a stale revision with the conflict page, keeping what was typed', async () => {
    const $ = await checkedPage(await client.get(stepPath(id, 's2')))
    const stale = formFields($, '#edit-step-form')
    // Someone else saves in between.
    const colleague = await signedIn(t, editor)
    await addStep(colleague, id, {
      title: 'بایگانی',
      kind: 'task',
      actor: 'agency',
      durationMin: '۱',
      durationUnit: 'hour',
    })
    const before = await serviceRows(t.deps.db)

    const res = await postForm(client, stepPath(id, 's2'), {
      ...stale,
      title: 'بررسی دقیق مدارک',
      description: 'توضیحی که نباید گم شود',
    })
    assert.equal(res.status, 409)
    const page = await checkedPage(res)
    const resubmit = page('#conflict-resubmit')
    assert.equal(resubmit.attr('action'), stepPath(id, 's2'))
    assert.equal(resubmit.find('input[name="title"]').attr('value'), 'بررسی دقیق مدارک')
    assert.equal(resubmit.find('input[name="description"]').attr('value'), 'توضیحی که نباید گم شود')
    const changes = page('#conflict-changes').text()
    assert.ok(changes.includes('۳. بایگانی'), 'the saved process, with the colleague’s step')
    assert.ok(changes.includes('بررسی دقیق مدارک'), 'and the process with this change')
    assert.deepEqual(await serviceRows(t.deps.db), before, 'nothing saved')

    const again = await postForm(client, stepPath(id, 's2'), formFields(page, '#conflict-resubmit'))
    assert.equal(again.status, 303)
    const p = await processOf(id)
    assert.equal(p.steps[1]?.title, 'بررسی دقیق مدارک')
    assert.equal(p.steps[2]?.title, 'بایگانی', 'the colleague’s step is kept')
  })
})

describe('publishing checks', () => {
  it('refuses to publish a draft whose normal transitions form a cycle', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    await addStep(client, id, {
      title: 'ثبت درخواست',
      kind: 'task',
      actor: 'citizen',
      durationMin: '۱',
      durationUnit: 'hour',
    })
    await addStep(client, id, {
      title: 'بررسی',
      kind: 'task',
      actor: 'agency',
      durationMin: '۲',
      durationUnit: 'working_day',
    })
    await addTransition(client, id, 's2', { transitionTo: 's1' })
    const message = `فرایند خدمت ایراد دارد: ${rules.cycle('ثبت درخواست، بررسی')}`

    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    const issue = overview('#quality-issues a').filter((_, a) => overview(a).text() === message)
    assert.equal(issue.attr('href'), processPath(id))

    const adminClient = await signedIn(t, admin)
    const before = await serviceRows(t.deps.db)
    const res = await postForm(adminClient, `/admin/services/${id}/publish`, {
      changeNote: 'انتشار',
    })
    assert.equal(res.status, 422)
    assert.ok((await checkedPage(res))('.mr-error-summary').text().includes(message))
    assert.deepEqual(await serviceRows(t.deps.db), before)
    assert.equal(await findPublished(t.deps.db, id), undefined)

    // Made into a return for correction, the loop is allowed; but a step whose only way on is
    // the return is not an end (issue 17 item 6), so the process still needs a real one.
    await removeTransition(client, id, 's2', 's1')
    await addTransition(client, id, 's2', { transitionTo: 's1', transitionKind: 'return' })
    const noEnd = await postForm(adminClient, `/admin/services/${id}/publish`, {
      changeNote: 'انتشار',
    })
    assert.equal(noEnd.status, 422)
    assert.ok(
      (await checkedPage(noEnd))('.mr-error-summary')
        .text()
        .includes(`فرایند خدمت ایراد دارد: ${rules.noEnd('ثبت درخواست')}`),
    )
    await addStep(client, id, {
      title: 'صدور گواهی',
      kind: 'task',
      actor: 'agency',
      durationMin: '۱',
      durationUnit: 'hour',
    })
    const ok = await postForm(adminClient, `/admin/services/${id}/publish`, {
      changeNote: 'انتشار',
    })
    assert.equal(ok.status, 303)
    assert.equal((await findPublished(t.deps.db, id))?.content.process.steps.length, 3)
  })

  it('refuses to publish steps longer than the declared time until the same draft declares enough', async () => {
    const id = await draftService({ declaredTime: { kind: 'fixed', value: 2, unit: 'hour' } })
    const client = await signedIn(t, editor)
    await addStep(client, id, {
      title: 'بررسی',
      kind: 'task',
      actor: 'agency',
      durationMin: '۳',
      durationUnit: 'working_day',
    })
    const refusal = totalExceedsDeclaredMessage('۳ روز کاری', '۲ ساعت')

    const $ = await checkedPage(await client.get(processPath(id)))
    assert.ok($('#process-mismatch').text().includes(refusal))
    const overview = await checkedPage(await client.get(`/admin/services/${id}`))
    assert.equal(overview('#quality-ready').length, 0, 'a blocking issue')
    assert.ok(overview('#quality-issues').text().includes(refusal))
    // The issue links to the declared time's section, where it is put right.
    assert.equal(overview(`#quality-issues a[href="/admin/services/${id}/edit/time"]`).length, 1)
    assert.equal(overview('#process-timing-mismatch').length, 0, 'not also shown as a warning')

    const adminClient = await signedIn(t, admin)
    const refused = await postForm(adminClient, `/admin/services/${id}/publish`, {
      changeNote: 'انتشار',
    })
    assert.notEqual(refused.status, 303)
    assert.ok(
      cheerio
        .load(await refused.text())('.mr-error-summary')
        .text()
        .includes(refusal),
    )
    assert.equal(await findPublished(t.deps.db, id), undefined)

    // The declared total updated in the same draft: now it publishes.
    const timePage = await checkedPage(await client.get(`/admin/services/${id}/edit/time`))
    const timeForm = `form[action="/admin/services/${id}/edit/time"]`
    const saved = await postForm(client, `/admin/services/${id}/edit/time`, {
      ...formFields(timePage, timeForm),
      timeKind: 'up_to',
      timeMax: '۴',
      timeUnit: 'working_day',
    })
    assert.equal(saved.status, 303)
    const ok = await postForm(adminClient, `/admin/services/${id}/publish`, {
      changeNote: 'انتشار',
    })
    assert.equal(ok.status, 303)
    assert.deepEqual((await findPublished(t.deps.db, id))?.content.declaredTime, {
      kind: 'up_to',
      max: 4,
      unit: 'working_day',
    })
  })
})

describe('importing a BPMN file into the draft', () => {
  async function upload(client: TestClient, id: string, file: Blob | null, stamp: Fields) {
    const form = new FormData()
    form.set(CSRF_FIELD, client.csrfToken)
    for (const [k, v] of Object.entries(stamp)) if (typeof v === 'string') form.set(k, v)
    if (file) form.set('importFile', file, 'process.bpmn')
    return client.request(`/admin/services/${id}/edit/process/import`, {
      method: 'POST',
      body: form,
    })
  }

  it('replaces the draft process with the mapped one and says what could not be mapped', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(`/admin/services/${id}/edit/process`))
    const stamp = formFields($, 'form[action$="/import"]')
    const xml = toBpmnXml({ serviceId: id, title: 'نمونه', process: decisionSample() })
    const withExtra = xml.replace(
      '</bpmn:process>',
      '<bpmn:intermediateThrowEvent id="Event_x" name="پیامک"/></bpmn:process>',
    )
    const res = await upload(client, id, new Blob([withExtra], { type: 'application/xml' }), stamp)
    assert.equal(res.status, 200)
    const page = await checkedPage(res)
    assert.match(page('.mr-notification-banner').text(), /فرایند از فایل بارگذاری شد/)
    assert.match(page('.mr-notification-banner').text(), /پیامک/)
    const draft = await findDraft(t.deps.db, id)
    assert.equal(draft?.content.process.steps.length, decisionSample().steps.length)
  })

  it('refuses a missing or unreadable file with 422, another agency with 403, saving nothing', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const $ = await checkedPage(await client.get(`/admin/services/${id}/edit/process`))
    const stamp = formFields($, 'form[action$="/import"]')
    const stranger = await signedIn(t, otherEditor)
    const before = await dbSnapshot(t.deps.db)
    assert.equal((await upload(client, id, null, stamp)).status, 422)
    const junk = await upload(client, id, new Blob(['not xml at all']), stamp)
    assert.equal(junk.status, 422)
    assert.equal((await upload(stranger, id, new Blob(['x']), stamp)).status, 403)
    assert.deepEqual(await dbSnapshot(t.deps.db), before)
  })
})

describe('adding forms sent again (issue 17 item 10)', () => {
  const step = {
    title: 'ثبت درخواست',
    kind: 'task',
    actor: 'citizen',
    durationMin: '۱',
    durationUnit: 'hour',
  }

  /** The form `selector` on the page at `path` as it is, with `fields`, ready to send twice. */
  async function formOn(client: TestClient, path: string, selector: string, fields: Fields) {
    const $ = await checkedPage(await client.get(path))
    const filled = { ...formFields($, selector), ...fields }
    assert.equal(typeof filled[FORM_ONCE_FIELD], 'string', `${selector} carries a one-time token`)
    return filled
  }

  async function sendTwice(client: TestClient, action: string, fields: Fields, done: string) {
    const first = await postForm(client, action, fields)
    const again = await postForm(client, action, fields)
    assert.deepEqual(
      [first.status, first.headers.get('location'), again.status, again.headers.get('location')],
      [303, done, 303, done],
      'both lead to the first result',
    )
  }

  it('adds one step, one variant and one transition for forms sent twice', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const path = processPath(id)
    const first = await formOn(client, path, '#add-step-form', step)
    await sendTwice(client, `${path}/steps`, first, `${path}?done=added`)
    assert.deepEqual(
      (await processOf(id)).steps.map((s) => s.title),
      ['ثبت درخواست'],
      'one step',
    )
    await addStep(client, id, { ...step, title: 'بررسی' })

    const variant = await formOn(client, path, `form[action="${path}/variants"]`, {
      variantLabel: 'اتباع خارجی',
    })
    await sendTwice(client, `${path}/variants`, variant, `${path}?done=variant-added`)
    assert.equal((await processOf(id)).variants.length, 1, 'one variant')

    const before = (await processOf(id)).transitions.length
    const action = `${stepPath(id, 's2')}/transitions`
    const transition = await formOn(client, stepPath(id, 's2'), `form[action="${action}"]`, {
      transitionTo: 's1',
      transitionKind: 'return',
      transitionLabel: 'نقص مدارک',
    })
    await sendTwice(client, action, transition, `${stepPath(id, 's2')}?done=transition-added`)
    assert.equal((await processOf(id)).transitions.length, before + 1, 'one transition')
  })

  it('refuses an adding form without its token with a Persian message, saving nothing', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const path = processPath(id)
    const { [FORM_ONCE_FIELD]: _token, ...bare } = await formOn(
      client,
      path,
      '#add-step-form',
      step,
    )
    const before = await serviceRows(t.deps.db)
    const res = await postForm(client, `${path}/steps`, bare)
    assert.equal(res.status, 422)
    const page = await checkedPage(res)
    assert.match(page('.mr-error-summary').text(), /فرم کهنه است/)
    assert.equal(page(`#add-step-form input[name="${FORM_ONCE_FIELD}"]`).length, 1)
    assert.deepEqual(await serviceRows(t.deps.db), before, 'nothing saved')
  })

  it('lets a refused form be corrected and sent with the same token', async () => {
    const id = await draftService()
    const client = await signedIn(t, editor)
    const path = processPath(id)
    const fields = await formOn(client, path, '#add-step-form', { ...step, title: '   ' })
    assert.equal((await postForm(client, `${path}/steps`, fields)).status, 422)
    const corrected = await postForm(client, `${path}/steps`, { ...fields, title: 'ثبت درخواست' })
    assert.equal(corrected.status, 303, 'the refusal recorded nothing')
    assert.equal((await processOf(id)).steps.length, 1)
  })
})
