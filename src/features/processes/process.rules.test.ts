import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { processProblems } from './process.rules.ts'
import { back, decision, edge, processOf, task, wd } from './process.test-helpers.ts'

const linear = processOf(
  [task('s1', 'ثبت درخواست', wd(1)), task('s2', 'بررسی مدارک', wd(2)), task('s3', 'صدور', wd(1))],
  [edge('s1', 's2'), edge('s2', 's3')],
)

describe('process validation', () => {
  it('accepts a valid linear process and an empty one', () => {
    assert.deepEqual(processProblems(linear), [])
    assert.deepEqual(processProblems(processOf([], [])), [])
  })

  it('requires exactly one start', () => {
    const two = processOf(
      [...linear.steps, task('s4', 'مرحلهٔ جدا', wd(1))],
      [...linear.transitions, edge('s4', 's3')],
    )
    assert.match(processProblems(two).join('\n'), /فقط یک مرحلهٔ آغاز/)
  })

  it('finds steps with no way to an end and cycles of normal edges', () => {
    const cycle = processOf(linear.steps, [...linear.transitions, edge('s3', 's2')])
    assert.match(processProblems(cycle).join('\n'), /حلقه ساخته‌اند/)
  })

  it('allows cycles only through return-for-correction edges that point back', () => {
    assert.deepEqual(
      processProblems(processOf(linear.steps, [...linear.transitions, back('s2', 's1')])),
      [],
    )
    assert.match(
      processProblems(processOf(linear.steps, [...linear.transitions, back('s1', 's3')])).join(
        '\n',
      ),
      /باید به مرحله‌ای پیش از آن برگردد/,
    )
  })

  it('lets a step go on only by returning for correction, but not a process without an end', () => {
    const steps = [
      task('s1', 'ثبت', wd(1)),
      decision('d', 'مدارک کامل است؟'),
      task('ok', 'صدور', wd(1)),
      task('no', 'اعلام نقص مدارک', wd(1)),
    ]
    const deficiency = [edge('s1', 'd'), edge('d', 'ok', 'بله'), edge('d', 'no', 'خیر')]
    assert.deepEqual(processProblems(processOf(steps, [...deficiency, back('no', 's1')])), [])
    // Returning is not ending: with no real end, every step is told it has no way to one.
    const loopOnly = processOf(
      [task('s1', 'ثبت', wd(1)), task('s2', 'اعلام نقص', wd(1))],
      [edge('s1', 's2'), back('s2', 's1')],
    )
    assert.match(processProblems(loopOnly).join('\n'), /راهی به پایان فرایند نیست/)
  })

  it('requires decisions to branch with labelled conditions, and tasks not to branch', () => {
    const steps = [
      task('s1', 'ثبت', wd(1)),
      decision('d', 'مدارک کامل است؟'),
      task('ok', 'صدور', wd(1)),
      task('no', 'رد درخواست', wd(1)),
    ]
    assert.deepEqual(
      processProblems(
        processOf(steps, [edge('s1', 'd'), edge('d', 'ok', 'بله'), edge('d', 'no', 'خیر')]),
      ),
      [],
    )
    assert.match(
      processProblems(
        processOf(steps, [edge('s1', 'd'), edge('d', 'ok', 'بله'), edge('d', 'no')]),
      ).join('\n'),
      /باید شرط/,
    )
    const taskBranch = processOf(
      steps.filter((s) => s.id !== 'd'),
      [edge('s1', 'ok'), edge('s1', 'no')],
    )
    assert.match(processProblems(taskBranch).join('\n'), /از یک مرحلهٔ تصمیم استفاده کنید/)
  })

  it('requires a time for every task and references to existing steps', () => {
    const noTime = processOf(
      [task('s1', 'ثبت', null), task('s2', 'صدور', wd(1))],
      [edge('s1', 's2')],
    )
    assert.match(processProblems(noTime).join('\n'), /زمان مرحلهٔ «ثبت»/)
    const dangling = processOf(linear.steps, [...linear.transitions, edge('s3', 'nowhere')])
    assert.match(processProblems(dangling).join('\n'), /ناموجود/)
  })
})
