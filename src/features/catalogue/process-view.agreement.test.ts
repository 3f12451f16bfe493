import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  back,
  decision,
  edge,
  generateProcess,
  hours,
  processOf,
  task,
  wd,
} from '../processes/process.test-helpers.ts'
import { emptyContent, type ServiceProcess } from '../services/index.ts'
import { processSectionOf } from './process-view.ts'

const NOW = new Date('2026-05-02T07:00:00Z')

function section(process: ServiceProcess) {
  const content = { ...emptyContent('خدمت آزمایشی'), process }
  const view = processSectionOf(
    { slug: 's', content, versionId: null, start: NOW, ask: { values: {}, error: null } },
    { thursday: 'closed', holidays: new Set() },
    NOW,
  )
  assert.ok(view)
  return view
}

/**
 * Issue 17 item 6: the chart and the steps table say the same thing about where each step
 * leads — «پایان» in the table exactly where the chart draws an arrow to «پایان», and
 * «بازگشت به …» exactly where it draws a return edge.
 */
function assertChartMatchesTable(process: ServiceProcess): void {
  const view = section(process)
  process.steps.forEach((s, i) => {
    const row = view.steps[i]
    assert.ok(row)
    const endsInChart = view.svg.includes(`data-from="${s.id}" data-to="#end:${s.id}"`)
    assert.equal(row.next.includes('پایان'), endsInChart, `step ${s.id}: «${row.next}»`)
    const returnsInChart = (
      view.svg.match(new RegExp(`edge--return[^>]*data-from="${s.id}"`, 'g')) ?? []
    ).length
    assert.equal((row.next.match(/بازگشت به/g) ?? []).length, returnsInChart, `step ${s.id}`)
  })
}

describe('the process section: the chart and the steps table agree', () => {
  it('a step whose only way on is a return for correction: «بازگشت به ۱», and no «پایان»', () => {
    const p = processOf(
      [
        task('s1', 'ثبت درخواست', hours(1)),
        decision('s2', 'مدارک کامل است؟'),
        task('s3', 'صدور', wd(2)),
        task('s4', 'اعلام نقص مدارک به متقاضی', hours(1)),
      ],
      [edge('s1', 's2'), edge('s2', 's3', 'بله'), edge('s2', 's4', 'خیر'), back('s4', 's1')],
    )
    const view = section(p)
    assert.equal(view.steps[3]?.next, 'بازگشت به ۱ (بازگشت برای اصلاح)')
    assert.equal(view.steps[2]?.next, 'پایان')
    assert.doesNotMatch(view.svg, /data-to="#end:s4"/)
    assertChartMatchesTable(p)
  })

  it('on generated processes with branches and loops', () => {
    for (let seed = 1; seed <= 20; seed++) assertChartMatchesTable(generateProcess(25, seed))
  })
})
