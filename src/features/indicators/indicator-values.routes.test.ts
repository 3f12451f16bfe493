import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import { actorOf, type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { decideVersion, proposeIndicator, submitVersion } from './indicator.actions.ts'
import { definition } from './indicator.test-helpers.ts'

// The test clock stands on 1 Azar 1405: 1405-Q2 has ended.
let t: TestApp
let agency: Agency
let admin: MadeUser
let editor: MadeUser
let otherEditor: MadeUser
let supervisor: MadeUser
let code: string

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان صفحهٔ مقدار' })
  const other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر صفحه' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  const asAdmin = actorOf(admin, 'agency_admin', agency)
  const { indicator, version } = await proposeIndicator(t.deps, asAdmin, {
    kind: 'specific',
    agencyId: agency.id,
    definition: definition(),
  })
  const sent = await submitVersion(t.deps, asAdmin, version.id, version.revision)
  await decideVersion(t.deps, actorOf(supervisor, 'central_supervisor'), sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  code = indicator.code
})
after(() => t.close())

const valueCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('indicatorValues')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('indicator values on the staff pages', () => {
  it('an editor enters a value with its evidence; a zero denominator is refused with the summary', async () => {
    const e = await signedIn(t, editor)
    const before = await checkedPage(await e.get(`/admin/indicators/${code}`))
    assert.equal(before('#value-form').length, 1)
    assert.match(before('#values').text(), /هنوز مقداری ثبت نشده است/)

    const zero = await postForm(e, `/admin/indicators/${code}/values`, {
      period: '1405-Q2',
      numerator: '۳',
      denominator: '۰',
      evidenceNote: 'گزارش سامانه',
    })
    assert.equal(zero.status, 422)
    const $zero = await checkedPage(zero)
    assert.match($zero('.mr-error-summary').text(), /مخرج کسر صفر است/)
    assert.equal(await valueCount(), 0, 'nothing stored')

    const saved = await postForm(e, `/admin/indicators/${code}/values`, {
      period: '1405-Q2',
      numerator: '۴۵',
      denominator: '۶۰',
      evidenceNote: 'گزارش سامانهٔ صدور پروانه، خروجی ۳ مهر',
    })
    assert.equal(saved.status, 303)
    assert.equal(saved.headers.get('location'), `/admin/indicators/${code}?done=value#values`)
    const $ = await checkedPage(await e.get(`/admin/indicators/${code}`))
    const row = $('#indicator-values tbody tr').first().text()
    assert.match(row, /تابستان ۱۴۰۵/)
    assert.match(row, /۷۵٪/)
    assert.match(row, /۴۵ \/ ۶۰/)
    assert.match(row, /دیرتر از موعد/, 'Q2 was due on 15 Mehr; recorded on 1 Azar')
    assert.equal($('#values svg[role="img"]').length, 1, 'the chart is drawn')
    assert.match($('#values svg title').first().text(), /مقدار در برابر هدف/)
    assert.equal($('#submit-period-1405-Q2').length, 0, 'only the admin sends a period')
  })

  it('the admin sends the period; the centre returns it with a reason, then accepts it and it is locked', async () => {
    const a = await signedIn(t, admin)
    const page = await checkedPage(await a.get(`/admin/indicators/${code}`))
    assert.equal(page('#submit-period-1405-Q2').length, 1)
    const sent = await postForm(a, '/admin/indicators/periods/1405-Q2/submit', {})
    assert.equal(sent.status, 303)

    const o = await signedIn(t, otherEditor)
    assert.equal((await o.get(`/admin/indicators/periods/${agency.code}/1405-Q2`)).status, 403)

    const publicBefore = await checkedPage(await t.client().get(`/indicators/${code}`))
    assert.match(publicBefore('#values').text(), /هنوز مقدار پذیرفته‌شده‌ای نیست/, 'not yet accepted')

    const s = await signedIn(t, supervisor)
    const review = await checkedPage(
      await s.get(`/admin/indicators/periods/${agency.code}/1405-Q2`),
    )
    assert.match(review('#period-values').text(), /۷۵٪/)
    assert.equal(review('#decide-period').length, 1)
    const noReason = await postForm(s, `/admin/indicators/periods/${agency.code}/1405-Q2`, {
      decision: 'return',
      comment: '',
    })
    assert.equal(noReason.status, 422)
    assert.match((await checkedPage(noReason))('.mr-error-summary').text(), /دلیل/)
    const accepted = await postForm(s, `/admin/indicators/periods/${agency.code}/1405-Q2`, {
      decision: 'accept',
    })
    assert.equal(accepted.status, 303)

    const e = await signedIn(t, editor)
    const locked = await postForm(e, `/admin/indicators/${code}/values`, {
      period: '1405-Q2',
      numerator: '50',
      denominator: '60',
      evidenceNote: 'اصلاح',
    })
    assert.equal(locked.status, 409)
    const $ = await checkedPage(await e.get(`/admin/indicators/${code}`))
    assert.match($('#indicator-values').text(), /پذیرفته و قفل‌شده/)
    // The public page was cached before; the acceptance dropped it.
    const published = await checkedPage(await t.client().get(`/indicators/${code}`))
    assert.match(published('#indicator-values').text(), /۷۵٪/)
    assert.equal(published('#values svg[role="img"]').length, 1)
    // The agency's own page lists the indicator with its newest accepted value.
    const agencyPage = await checkedPage(await t.client().get(`/agencies/${agency.code}`))
    assert.match(agencyPage('#agency-indicators').text(), /درصد پروانه‌های صادرشده در مهلت/)
    assert.match(agencyPage('#agency-indicators').text(), /۷۵٪ \(تابستان ۱۴۰۵\)/)
  })
})
