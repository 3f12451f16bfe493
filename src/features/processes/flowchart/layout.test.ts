import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { EMPTY_PROCESS, type ServiceProcess } from '../../services/index.ts'
import {
  endNodeId,
  type LayoutNode,
  layoutProcess,
  type Point,
  type ProcessLayout,
  START_NODE_ID,
} from './layout.ts'
import { renderFlowchartSvg } from './svg.ts'
import { buildStep, generateProcess } from './testing.ts'
import {
  edgeLabelBox,
  FLOWCHART_TEXT_FA,
  METRICS,
  stepBoxText,
  textWidth,
  visibleLength,
  wrapText,
} from './text.ts'

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

function rect(n: { x: number; y: number; width: number; height: number }): Rect {
  return {
    left: n.x - n.width / 2,
    right: n.x + n.width / 2,
    top: n.y - n.height / 2,
    bottom: n.y + n.height / 2,
  }
}

function overlap(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  // Edges are polylines of horizontal and vertical runs (and dagre's few diagonal ones): test
  // the segment's bounding box, which is exact for straight runs.
  return (
    Math.min(a.x, b.x) < r.right &&
    Math.max(a.x, b.x) > r.left &&
    Math.min(a.y, b.y) < r.bottom &&
    Math.max(a.y, b.y) > r.top
  )
}

function node(l: ProcessLayout, id: string): LayoutNode {
  const n = l.nodes.find((x) => x.id === id)
  assert.ok(n, `node ${id}`)
  return n
}

/** s1 → decision s2 → (s3 | s4) → s5, with a return s2 → s1. */
const DECISION: ServiceProcess = {
  steps: [
    buildStep({ id: 's1', title: 'ثبت درخواست', duration: { min: 1, max: 1, unit: 'hour' } }),
    buildStep({ id: 's2', kind: 'decision', title: 'مدارک کامل است؟' }),
    buildStep({ id: 's3', title: 'بررسی', duration: { min: 2, max: 3, unit: 'working_day' } }),
    buildStep({ id: 's4', title: 'استعلام', duration: { min: 1, max: 1, unit: 'working_day' } }),
    buildStep({ id: 's5', title: 'صدور', duration: { min: 1, max: 1, unit: 'working_day' } }),
  ],
  transitions: [
    { from: 's1', to: 's2', label: null, kind: 'normal' },
    { from: 's2', to: 's3', label: 'بله', kind: 'normal' },
    { from: 's2', to: 's4', label: 'خیر', kind: 'normal' },
    { from: 's3', to: 's5', label: null, kind: 'normal' },
    { from: 's4', to: 's5', label: null, kind: 'normal' },
    { from: 's2', to: 's1', label: null, kind: 'return' },
  ],
  variants: [],
}

describe('layoutProcess', () => {
  it('is deterministic and uses integer coordinates only', () => {
    const p = generateProcess(40, 7)
    const a = JSON.stringify(layoutProcess(p))
    assert.equal(a, JSON.stringify(layoutProcess(structuredClone(p))))
    for (const [, v] of a.matchAll(/:(-?[\d.]+)/g)) assert.match(v ?? '', /^-?\d+$/)
  })

  it('adds a start circle before the first step and an end circle after each end step', () => {
    const l = layoutProcess(DECISION)
    assert.deepEqual(
      l.nodes.map((n) => [n.id, n.kind]),
      [
        [START_NODE_ID, 'start'],
        ['s1', 'task'],
        ['s2', 'decision'],
        ['s3', 'task'],
        ['s4', 'task'],
        ['s5', 'task'],
        [endNodeId('s5'), 'end'],
      ],
    )
    assert.ok(node(l, START_NODE_ID).y < node(l, 's1').y)
    assert.ok(node(l, endNodeId('s5')).y > node(l, 's5').y)
  })

  it('draws no end after a step whose only way on is a return for correction', () => {
    // s1 → d → (s3 | s4 «اعلام نقص»); s4 only returns to s1, as the steps table says.
    const p: ServiceProcess = {
      steps: [
        buildStep({ id: 's1', title: 'ثبت', duration: { min: 1, max: 1, unit: 'hour' } }),
        buildStep({ id: 'd', kind: 'decision', title: 'مدارک کامل است؟' }),
        buildStep({ id: 's3', title: 'صدور', duration: { min: 1, max: 1, unit: 'working_day' } }),
        buildStep({ id: 's4', title: 'اعلام نقص', duration: { min: 1, max: 1, unit: 'hour' } }),
      ],
      transitions: [
        { from: 's1', to: 'd', label: null, kind: 'normal' },
        { from: 'd', to: 's3', label: 'بله', kind: 'normal' },
        { from: 'd', to: 's4', label: 'خیر', kind: 'normal' },
        { from: 's4', to: 's1', label: null, kind: 'return' },
      ],
      variants: [],
    }
    const l = layoutProcess(p)
    assert.deepEqual(
      l.nodes.filter((n) => n.kind === 'end').map((n) => n.id),
      [endNodeId('s3')],
    )
    assert.deepEqual(
      l.edges.filter((e) => e.from === 's4').map((e) => [e.to, e.kind]),
      [['s1', 'return']],
    )
    const svg = renderFlowchartSvg(p, l, {
      ...FLOWCHART_TEXT_FA,
      title: 'مراحل',
      description: 'نمودار',
    })
    assert.doesNotMatch(svg, /data-to="#end:s4"/)
    // The description read to screen readers says the same: s4 goes back, it does not end.
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? ''
    assert.match(desc, /مرحلهٔ ۴: اعلام نقص \(دستگاه، ۱ ساعت\)\. بازگشت برای اصلاح: مرحلهٔ ۱\./)
    assert.doesNotMatch(desc, /مرحلهٔ ۴: [^.]*\.[^.]*\. پایان/)
  })

  it('flows top-down: every normal edge goes downwards and ends on its target', () => {
    for (const p of [DECISION, generateProcess(60, 3)]) {
      const l = layoutProcess(p)
      for (const e of l.edges.filter((x) => x.kind === 'normal')) {
        for (let i = 1; i < e.points.length; i++) {
          assert.ok((e.points[i]?.y ?? 0) >= (e.points[i - 1]?.y ?? 0), `${e.from}→${e.to}`)
        }
        const last = e.points[e.points.length - 1]
        const target = rect(node(l, e.to))
        assert.ok(last && Math.abs(last.y - target.top) <= target.bottom - target.top)
      }
    }
  })

  it('puts the first branch of a decision on the right (RTL)', () => {
    const l = layoutProcess(DECISION)
    assert.ok(node(l, 's3').x > node(l, 's4').x)
    for (let seed = 1; seed <= 10; seed++) {
      const p = generateProcess(30, seed)
      const g = layoutProcess(p)
      for (const s of p.steps.filter((x) => x.kind === 'decision')) {
        const out = p.transitions.filter((t) => t.from === s.id && t.kind === 'normal')
        const [first, second] = out.map((t) => node(g, t.to))
        if (first && second && first.y === second.y) assert.ok(first.x > second.x, s.id)
      }
    }
  })

  it('lays out the main flow the same with or without return edges', () => {
    const withoutReturns = { ...DECISION, transitions: DECISION.transitions.slice(0, 5) }
    assert.deepEqual(layoutProcess(DECISION).nodes, layoutProcess(withoutReturns).nodes)
    const big = generateProcess(60, 5)
    const bigWithout = { ...big, transitions: big.transitions.filter((t) => t.kind === 'normal') }
    assert.ok(big.transitions.some((t) => t.kind === 'return'))
    assert.deepEqual(layoutProcess(big).nodes, layoutProcess(bigWithout).nodes)
  })

  it('routes a return edge on the right side, with its label on the lane', () => {
    const l = layoutProcess(DECISION)
    const back = l.edges.find((e) => e.kind === 'return')
    assert.ok(back?.labelPosition)
    assert.equal(back.label, 'بازگشت برای اصلاح')
    const from = rect(node(l, 's2'))
    const to = rect(node(l, 's1'))
    const laneX = Math.max(...back.points.map((q) => q.x))
    // Right of every box level with the lane (boxes further down may stick out further).
    const level = l.nodes.map(rect).filter((r) => r.bottom >= to.top && r.top <= from.bottom)
    assert.equal(level.length, 2)
    assert.ok(laneX > Math.max(...level.map((r) => r.right)))
    assert.equal(back.labelPosition.x, laneX)
    assert.deepEqual(back.points[0], { x: from.right, y: node(l, 's2').y })
    assert.deepEqual(back.points[back.points.length - 1], { x: to.right, y: node(l, 's1').y })
    assert.ok(l.width >= laneX + edgeLabelBox('بازگشت برای اصلاح', true).width / 2)
  })

  it('lays out 100 generated steps without overlaps', () => {
    const p = generateProcess(100, 1)
    assert.ok(p.transitions.filter((t) => t.kind === 'return').length >= 5)
    const l = layoutProcess(p)
    assert.equal(l.nodes.filter((n) => n.kind === 'task' || n.kind === 'decision').length, 100)
    const rects = l.nodes.map((n) => ({ id: n.id, r: rect(n) }))
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]
        const b = rects[j]
        if (a && b) assert.ok(!overlap(a.r, b.r), `${a.id} overlaps ${b.id}`)
      }
    }
    // Labels sit on free ground: off every box and off each other.
    const labels = l.edges.flatMap((e) =>
      e.label && e.labelPosition
        ? [
            {
              id: `${e.from}→${e.to}`,
              r: rect({ ...e.labelPosition, ...edgeLabelBox(e.label, e.kind === 'return') }),
            },
          ]
        : [],
    )
    for (const label of labels) {
      for (const n of rects) assert.ok(!overlap(label.r, n.r), `label ${label.id} on ${n.id}`)
    }
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]
        const b = labels[j]
        if (a && b) assert.ok(!overlap(a.r, b.r), `label ${a.id} on label ${b.id}`)
      }
    }
    // Return edges pass beside boxes, never through one.
    for (const e of l.edges.filter((x) => x.kind === 'return')) {
      for (let i = 1; i < e.points.length; i++) {
        const a = e.points[i - 1]
        const b = e.points[i]
        for (const n of rects) {
          if (!a || !b || n.id === e.from || n.id === e.to) continue
          assert.ok(!segmentHitsRect(a, b, n.r), `return ${e.from}→${e.to} crosses ${n.id}`)
        }
      }
    }
    // Everything is inside the drawing.
    for (const n of rects) {
      assert.ok(n.r.left >= 0 && n.r.right <= l.width && n.r.top >= 0 && n.r.bottom <= l.height)
    }
  })

  it('sizes every box for its text', () => {
    const p = generateProcess(30, 2)
    const l = layoutProcess(p)
    for (const s of p.steps) {
      const n = node(l, s.id)
      const box = stepBoxText(s, p, FLOWCHART_TEXT_FA)
      for (const line of box.title) {
        const size = s.kind === 'decision' ? METRICS.questionSize : METRICS.titleSize
        const room = s.kind === 'decision' ? n.width / 1.9 : n.width - 2 * METRICS.boxPadX
        assert.ok(textWidth(line, size) <= room, `${s.id}: ${line}`)
      }
      for (const line of box.meta) {
        assert.ok(textWidth(line, METRICS.metaSize) <= n.width - 2 * METRICS.boxPadX)
      }
    }
  })

  it('ignores transitions to unknown steps and handles an empty process', () => {
    const p: ServiceProcess = {
      ...DECISION,
      transitions: [
        ...DECISION.transitions,
        { from: 's5', to: 'nope', label: null, kind: 'normal' },
      ],
    }
    assert.deepEqual(layoutProcess(p), layoutProcess(DECISION))
    assert.deepEqual(layoutProcess(EMPTY_PROCESS), { width: 0, height: 0, nodes: [], edges: [] })
    const svg = renderFlowchartSvg(EMPTY_PROCESS, layoutProcess(EMPTY_PROCESS), {
      ...FLOWCHART_TEXT_FA,
      title: 'بدون مرحله',
      description: '',
    })
    assert.match(svg, /viewBox="0 0 \d+ \d+"/)
  })
})

describe('flowchart text', () => {
  it('wraps to at most the given lines, balanced, and marks cut text with «…»', () => {
    assert.deepEqual(wrapText('ثبت درخواست و بارگذاری مدارک', 22, 3), [
      'ثبت درخواست و',
      'بارگذاری مدارک',
    ])
    const long = 'بررسی مدارک توسط کارشناس دستگاه و استعلام از سازمان ثبت احوال کشور و ادارهٔ پست'
    const lines = wrapText(long, 22, 3)
    assert.equal(lines.length, 3)
    assert.ok(lines[2]?.endsWith('…'))
    for (const line of lines) assert.ok(visibleLength(line) <= 22)
    assert.deepEqual(wrapText('کوتاه', 22, 3), ['کوتاه'])
  })

  it('does not count ZWNJ and diacritics as width', () => {
    assert.equal(visibleLength('گواهی‌نامه'), 9)
    assert.equal(visibleLength('تهیهٔ'), 4)
  })

  it('shows the feature’s actor names and times, in Persian digits', () => {
    const step = buildStep({
      id: 's',
      title: 't',
      actor: 'citizen',
      duration: { min: 2, max: 3, unit: 'working_day' },
    })
    assert.equal(FLOWCHART_TEXT_FA.durationText(step), '۲ تا ۳ روز کاری')
    assert.equal(FLOWCHART_TEXT_FA.durationText({ ...step, duration: null }), '')
    assert.equal(FLOWCHART_TEXT_FA.actorLabel('citizen'), 'متقاضی')
  })
})
