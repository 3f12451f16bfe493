import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { actorOf, type MadeUser, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { ForbiddenError, ValidationError } from '../../lib/errors.ts'
import { currentMethod, saveMethod } from './method.actions.ts'
import { parseMethodForm } from './method.input.ts'
import { DEFAULT_METHOD } from './method.model.ts'
import { freezeMethod } from './method.queries.ts'

let t: TestApp
let admin: MadeUser
let supervisor: MadeUser

before(async () => {
  t = await createTestApp()
  admin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
})
after(() => t.close())

const fields = { ...DEFAULT_METHOD }

describe('the evaluation method’s versions', () => {
  it('is the default before any is saved; only the central admin saves one', async () => {
    assert.equal((await currentMethod(t.deps)).version, 0)
    await assert.rejects(
      saveMethod(t.deps, actorOf(supervisor, 'central_supervisor'), fields),
      ForbiddenError,
    )
  })

  it('refuses weights that do not sum to 100 and stores nothing', async () => {
    const bad = { ...fields, growthWeight: 20 }
    await assert.rejects(saveMethod(t.deps, actorOf(admin, 'central_admin'), bad), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.match(e.message, /جمع وزن‌ها باید ۱۰۰ باشد؛ اکنون ۱۱۰ است/)
      return true
    })
    assert.equal((await currentMethod(t.deps)).version, 0)
  })

  it('edits the newest version until it is frozen; then a change is the next version', async () => {
    const a = actorOf(admin, 'central_admin')
    const v1 = await saveMethod(t.deps, a, fields)
    assert.equal(v1.version, 1)
    const edited = await saveMethod(t.deps, a, { ...fields, nameFa: 'روش ۱۴۰۵' })
    assert.equal(edited.version, 1, 'not yet used: edited in place')
    await freezeMethod(t.deps.db, v1.id, t.clock.now())
    const v2 = await saveMethod(t.deps, a, { ...fields, nameFa: 'روش ۱۴۰۶' })
    assert.equal(v2.version, 2)
    const current = await currentMethod(t.deps)
    assert.equal(current.version, 2)
    const frozen = await t.deps.db
      .selectFrom('evaluationMethods')
      .select(['nameFa', 'frozenAt'])
      .where('version', '=', 1)
      .executeTakeFirstOrThrow()
    assert.equal(frozen.nameFa, 'روش ۱۴۰۵', 'the frozen version stays as it was used')
    assert.ok(frozen.frozenAt)
  })

  it('reads the method form with Persian digits and names each bad field', () => {
    const form: Record<string, string> = {
      nameFa: 'روش آزمایشی',
      growthWeight: '۱۰',
      minComparableShare: '۵۰',
    }
    for (const c of DEFAULT_METHOD.components) {
      form[`weight.${c.key}`] = String(c.weight).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d)
      form[`target.${c.key}`] = String(c.target)
      form[`minN.${c.key}`] = String(c.minN)
    }
    const ok = parseMethodForm(form)
    assert.ok(ok.ok)
    assert.equal(ok.value.minComparableShare, 0.5)
    assert.equal(ok.value.components.length, DEFAULT_METHOD.components.length)
    const bad = parseMethodForm({ ...form, 'weight.reviews': 'ده', 'minN.satisfaction': '۰' })
    assert.ok(!bad.ok)
    assert.deepEqual(Object.keys(bad.errors).sort(), ['minN.satisfaction', 'weight.reviews'])
    const sum = parseMethodForm({ ...form, growthWeight: '۵' })
    assert.ok(!sum.ok)
    assert.match(sum.errors.weights ?? '', /جمع وزن‌ها/)
  })
})
