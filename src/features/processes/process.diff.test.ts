import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { diffProcesses } from './process.diff.ts'
import { edge, processOf, task, wd } from './process.test-helpers.ts'

describe('process revision diff', () => {
  const before = processOf(
    [
      task('a', 'ثبت درخواست', wd(1)),
      task('b', 'استعلام از ثبت احوال', wd(5)),
      task('c', 'بررسی مدارک', wd(3)),
      task('d', 'صدور', wd(6)),
    ],
    [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')],
  )
  const after = processOf(
    [
      task('a', 'ثبت درخواست', wd(1)),
      task('c', 'بررسی مدارک', wd(1)),
      task('d', 'صدور', wd(5)),
      task('e', 'ارسال با پست', wd(0, 0)),
    ],
    [edge('a', 'c'), edge('c', 'd'), edge('d', 'e')],
  )

  it('lists removed, added and changed steps with their time changes', () => {
    const diff = diffProcesses(before, after)
    const byKind = (k: string) => diff.changes.filter((c) => c.kind === k).map((c) => c.title)
    assert.deepEqual(byKind('removed'), ['استعلام از ثبت احوال'])
    assert.deepEqual(byKind('added'), ['ارسال با پست'])
    assert.deepEqual(byKind('changed'), ['بررسی مدارک', 'صدور'])
    assert.deepEqual(diff.changes.find((c) => c.title === 'بررسی مدارک')?.details, [
      'زمان از ۳ روز کاری به ۱ روز کاری کاهش یافت',
    ])
  })

  it('writes a plain Persian summary ending with the change of the total', () => {
    const { summary } = diffProcesses(before, after)
    assert.match(summary, /مرحلهٔ «استعلام از ثبت احوال» حذف شد/)
    assert.match(summary, /مرحلهٔ «ارسال با پست» افزوده شد/)
    assert.match(summary, /زمان کل از ۱۵ روز کاری به ۷ روز کاری کاهش یافت\.$/)
  })

  it('says nothing changed when the steps are the same', () => {
    assert.equal(diffProcesses(before, before).summary, 'مراحل فرایند تغییری نکرد.')
  })
})
