import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decision, edge, processOf, task, wd } from '../process.test-helpers.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import {
  addStep,
  addTransition,
  addVariant,
  moveStep,
  nextStepId,
  relabelTransition,
  removeStep,
  removeVariant,
  replaceStep,
  stepRemoval,
} from './process.changes.ts'
import {
  amountText,
  parseAmount,
  parseStepForm,
  type StepChoices,
  stepValues,
} from './process.input.ts'

const choices: StepChoices = {
  documents: ['شناسنامه'],
  fees: ['هزینهٔ صدور'],
  legalBases: [{ lawId: '00000000-0000-4000-8000-000000000001', article: 'ماده ۲' }],
  variants: ['v1'],
  steps: ['s1', 's2'],
  decisions: ['s2'],
}

const form = {
  title: '  بررسی  مدارک ',
  kind: 'task',
  actor: 'agency',
  durationMin: '۲',
  durationMax: '٣',
  durationUnit: 'working_day',
}

describe('step times', () => {
  it('reads every digit script and the Persian decimal point', () => {
    assert.equal(parseAmount('۲'), 2)
    assert.equal(parseAmount('٣'), 3)
    assert.equal(parseAmount('1.5'), 1.5)
    assert.equal(parseAmount('۱٫۵'), 1.5)
    assert.equal(parseAmount('۱/۵'), 1.5)
    assert.equal(parseAmount(' '), null)
    for (const s of ['-1', 'سه', '1e3', '100001', '1.234'])
      assert.equal(parseAmount(s), undefined, s)
    assert.equal(amountText(1.5), '۱٫۵')
  })
})

describe('the step form', () => {
  it('builds a step, a lone number being a fixed time', () => {
    const parsed = parseStepForm(choices, { ...form, durationMax: '' })
    assert.ok(parsed.ok)
    assert.equal(parsed.data.step.title, 'بررسی مدارک')
    assert.deepEqual(parsed.data.step.duration, { min: 2, max: 2, unit: 'working_day' })
    assert.equal(parsed.data.after, null)
    const none = parseStepForm(choices, {
      ...form,
      kind: 'decision',
      durationMin: '',
      durationMax: '',
    })
    assert.ok(none.ok)
    assert.equal(none.data.step.duration, null, 'no numbers, no time (the unit is ignored)')
  })

  it('round-trips through the form values', () => {
    const parsed = parseStepForm(choices, {
      ...form,
      documents: ['شناسنامه'],
      fees: 'هزینهٔ صدور',
      legalBasis: '00000000-0000-4000-8000-000000000001|ماده ۲',
      variant: 'v1',
      requiresAttendance: 'yes',
      after: 's1',
    })
    assert.ok(parsed.ok)
    assert.deepEqual(parsed.data.step.legalBasis, {
      lawId: '00000000-0000-4000-8000-000000000001',
      article: 'ماده ۲',
    })
    assert.equal(parsed.data.after, 's1')
    const again = parseStepForm(choices, stepValues(parsed.data.step))
    assert.ok(again.ok)
    assert.deepEqual(again.data.step, parsed.data.step)
  })

  it('asks for the condition of a new step that follows a decision, and keeps it', () => {
    const bare = parseStepForm(choices, { ...form, after: 's2', afterLabel: '  ' })
    assert.ok(!bare.ok)
    assert.deepEqual(bare.errors, { afterLabel: m.branchLabelRequired })
    // Told together with the other problems when the form has more.
    const more = parseStepForm(choices, { ...form, title: '', after: 's2' })
    assert.ok(!more.ok)
    assert.deepEqual(Object.keys(more.errors), ['title', 'afterLabel'])
    const labelled = parseStepForm(choices, {
      ...form,
      after: 's2',
      afterLabel: ' مدارک  کامل است ',
    })
    assert.ok(labelled.ok)
    assert.equal(labelled.data.afterLabel, 'مدارک کامل است')
    // After a task the condition may stay empty; without a previous step it is dropped.
    const task = parseStepForm(choices, { ...form, after: 's1' })
    assert.ok(task.ok)
    assert.equal(task.data.afterLabel, null)
    const alone = parseStepForm(choices, { ...form, after: '', afterLabel: 'بله' })
    assert.ok(alone.ok)
    assert.equal(alone.data.afterLabel, null)
  })

  it('reports every problem at once, the time’s own checks included, in form order', () => {
    const parsed = parseStepForm(choices, {
      ...form,
      title: '',
      durationMin: '۵',
      durationMax: '۲',
      durationUnit: '',
      documents: 'گذرنامه',
      legalBasis: 'x|y',
      variant: 'v2',
    })
    assert.ok(!parsed.ok)
    assert.deepEqual(parsed.errors, {
      title: m.titleRequired,
      durationMin: m.durationOrder,
      durationUnit: m.durationUnitRequired,
      documents: m.documentUnknown,
      legalBasis: m.legalBasisUnknown,
      variant: m.variantUnknown,
    })
  })
})

describe('process changes', () => {
  const p = processOf(
    [task('s1', 'ثبت', wd(1)), decision('s2', 'کامل است؟'), task('s3', 'صدور', wd(2))],
    [edge('s1', 's2'), edge('s2', 's3', 'بله')],
  )
  const fields = { ...task('x', 'بایگانی', wd(1)) }
  const { id: _id, ...stepFields } = fields

  it('gives new steps the next free number and connects them', () => {
    assert.equal(nextStepId(p), 's4')
    const added = addStep(stepFields, 's3')(p)
    assert.equal(added.steps.at(-1)?.id, 's4')
    assert.deepEqual(added.transitions.at(-1), {
      from: 's3',
      to: 's4',
      label: null,
      kind: 'normal',
    })
    const gone = addStep(stepFields, 's9')(p)
    assert.equal(gone.transitions.length, 2, 'no transition from a step that has gone')
    const branch = addStep(stepFields, 's2', 'خیر')(p)
    assert.deepEqual(branch.transitions.at(-1), {
      from: 's2',
      to: 's4',
      label: 'خیر',
      kind: 'normal',
    })
  })

  it('removes a step with every transition from or to it, unless asked to join the flow', () => {
    const q = removeStep('s2', false)(p)
    assert.deepEqual(
      q.steps.map((s) => s.id),
      ['s1', 's3'],
    )
    assert.deepEqual(q.transitions, [])
  })

  it('joins a removed middle step’s predecessors to its successors, conditions and all', () => {
    const joined = removeStep('s2', true)(p)
    assert.deepEqual(
      joined.transitions.map((t) => [t.from, t.to, t.label, t.kind]),
      [['s1', 's3', 'بله', 'normal']],
    )
    // A decision's two branches through a removed task keep their own conditions; a return
    // to the removed step goes with it and is listed as removed.
    const d = processOf(
      [
        decision('s1', 'کامل است؟'),
        task('s2', 'بررسی', wd(1)),
        task('s3', 'صدور', wd(1)),
        task('s4', 'اعلام نقص', wd(1)),
      ],
      [
        edge('s1', 's2', 'بله'),
        edge('s1', 's4', 'خیر'),
        edge('s2', 's3', 'پرداخت شد'),
        { from: 's4', to: 's2', label: null, kind: 'return' },
      ],
    )
    const removal = stepRemoval(d, 's2')
    assert.deepEqual(
      removal.added.map((t) => [t.from, t.to, t.label]),
      [['s1', 's3', 'بله؛ پرداخت شد']],
    )
    assert.equal(removal.removed.length, 3)
    // Nothing doubled, nothing looping to itself.
    const loop = processOf(
      [task('s1', 'الف', wd(1)), task('s2', 'ب', wd(1)), task('s3', 'پ', wd(1))],
      [edge('s1', 's2'), edge('s2', 's3'), edge('s1', 's3'), edge('s2', 's1')],
    )
    assert.deepEqual(stepRemoval(loop, 's2').added, [])
    // A long pair of conditions is cut to what the schema allows.
    const long = processOf(
      [decision('s1', 'الف؟'), task('s2', 'ب', wd(1)), task('s3', 'پ', wd(1))],
      [edge('s1', 's2', 'ک'.repeat(150)), edge('s2', 's3', 'ل'.repeat(150))],
    )
    assert.equal(stepRemoval(long, 's2').added[0]?.label?.length, 200)
  })

  it('changes one transition’s condition only', () => {
    const q = relabelTransition('s2', 's3', 'normal', 'بله، کامل است')(p)
    assert.deepEqual(
      q.transitions.map((t) => t.label),
      [null, 'بله، کامل است'],
    )
    assert.deepEqual(relabelTransition('s2', 's9', 'normal', 'x')(p), p)
  })

  it('moves steps within the list, and not past its ends', () => {
    assert.deepEqual(
      moveStep('s3', 'up')(p).steps.map((s) => s.id),
      ['s1', 's3', 's2'],
    )
    assert.equal(moveStep('s1', 'up')(p), p)
    assert.equal(moveStep('s3', 'down')(p), p)
  })

  it('keeps an edited step that someone removed meanwhile, and never doubles a transition', () => {
    const q = replaceStep('s9', stepFields)(p)
    assert.equal(q.steps.at(-1)?.id, 's9')
    assert.equal(addTransition('s2', { to: 's3', label: 'بله', kind: 'normal' })(p), p)
    assert.equal(addTransition('s2', { to: 's9', label: null, kind: 'normal' })(p), p)
  })

  it('clears a removed variant from its steps', () => {
    const withVariant = addVariant('اتباع خارجی')(p)
    assert.deepEqual(withVariant.variants, [{ id: 'v1', label: 'اتباع خارجی' }])
    const assigned = replaceStep('s3', { ...stepFields, variantId: 'v1' })(withVariant)
    const removed = removeVariant('v1')(assigned)
    assert.deepEqual(removed.variants, [])
    assert.equal(removed.steps[2]?.variantId, null)
  })
})
