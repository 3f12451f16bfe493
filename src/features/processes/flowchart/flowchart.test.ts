/**
 * Golden and structural tests of the process flowchart (layout + SVG).
 *
 * The SVG of each sample is compared with `golden/<name>.svg`. After an intended change, review
 * the new drawings and rewrite the files with `UPDATE_GOLDEN=1 node --test <this file>`.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { UPDATE_GOLDEN } from '../../../../test/support/golden.ts'
import type { ServiceProcess } from '../../services/index.ts'
import { layoutProcess } from './layout.ts'
import { type FlowchartLabels, renderFlowchartSvg } from './svg.ts'
import { buildStep } from './testing.ts'
import { FLOWCHART_TEXT_FA } from './text.ts'

const GOLDEN_DIR = join(import.meta.dirname, 'golden')

/** 1. Four steps in a line. */
const LINEAR: ServiceProcess = {
  steps: [
    buildStep({
      id: 's1',
      title: 'ثبت درخواست در دفتر پیشخوان دولت',
      actor: 'citizen',
      duration: { min: 15, max: 30, unit: 'minute' },
      channel: 'counter_office',
      requiresAttendance: true,
    }),
    buildStep({
      id: 's2',
      title: 'پرداخت هزینه',
      actor: 'citizen',
      duration: { min: 10, max: 10, unit: 'minute' },
      channel: 'online',
    }),
    buildStep({
      id: 's3',
      title: 'بررسی درخواست و صدور کارت',
      actor: 'agency',
      duration: { min: 2, max: 3, unit: 'working_day' },
    }),
    buildStep({
      id: 's4',
      title: 'ارسال کارت با پست به نشانی متقاضی',
      actor: 'other_agency',
      duration: { min: 3, max: 5, unit: 'calendar_day' },
    }),
  ],
  transitions: [
    { from: 's1', to: 's2', label: null, kind: 'normal' },
    { from: 's2', to: 's3', label: null, kind: 'normal' },
    { from: 's3', to: 's4', label: null, kind: 'normal' },
  ],
  variants: [],
}

/** 2. A decision with two labelled branches that merge again. */
const BRANCHING: ServiceProcess = {
  steps: [
    buildStep({
      id: 's1',
      title: 'ثبت درخواست پروانهٔ کسب',
      actor: 'citizen',
      duration: { min: 20, max: 20, unit: 'minute' },
    }),
    buildStep({
      id: 's2',
      title: 'بررسی مدارک توسط کارشناس اتحادیه',
      actor: 'agency',
      duration: { min: 1, max: 2, unit: 'working_day' },
    }),
    buildStep({ id: 's3', kind: 'decision', title: 'محل کسب نیاز به بازدید دارد؟' }),
    buildStep({
      id: 's4',
      title: 'بازدید از محل کسب و تهیهٔ گزارش',
      actor: 'agency',
      duration: { min: 3, max: 5, unit: 'working_day' },
    }),
    buildStep({
      id: 's5',
      title: 'استعلام برخط از سامانهٔ املاک',
      actor: 'system',
      duration: { min: 1, max: 1, unit: 'hour' },
    }),
    buildStep({
      id: 's6',
      title: 'صدور پروانهٔ کسب',
      actor: 'agency',
      duration: { min: 1, max: 1, unit: 'working_day' },
    }),
  ],
  transitions: [
    { from: 's1', to: 's2', label: null, kind: 'normal' },
    { from: 's2', to: 's3', label: null, kind: 'normal' },
    { from: 's3', to: 's4', label: 'بله، بازدید لازم است', kind: 'normal' },
    { from: 's3', to: 's5', label: 'خیر', kind: 'normal' },
    { from: 's4', to: 's6', label: null, kind: 'normal' },
    { from: 's5', to: 's6', label: null, kind: 'normal' },
  ],
  variants: [],
}

/** 3. A return-for-correction edge and a step only for a variant case. */
const CORRECTION: ServiceProcess = {
  steps: [
    buildStep({
      id: 's1',
      title: 'ثبت درخواست و بارگذاری مدارک',
      actor: 'citizen',
      duration: { min: 30, max: 30, unit: 'minute' },
    }),
    buildStep({ id: 's2', kind: 'decision', actor: 'system', title: 'متقاضی تبعهٔ خارجی است؟' }),
    buildStep({
      id: 's3',
      title: 'استعلام از ادارهٔ کل امور اتباع و مهاجرین خارجی',
      actor: 'other_agency',
      duration: { min: 5, max: 7, unit: 'working_day' },
      variantId: 'foreign',
    }),
    buildStep({
      id: 's4',
      title: 'بررسی مدارک',
      actor: 'agency',
      duration: { min: 2, max: 3, unit: 'working_day' },
    }),
    buildStep({ id: 's5', kind: 'decision', title: 'مدارک کامل و درست است؟' }),
    buildStep({
      id: 's6',
      title: 'صدور گواهی',
      actor: 'agency',
      duration: { min: 1, max: 1, unit: 'working_day' },
    }),
  ],
  transitions: [
    { from: 's1', to: 's2', label: null, kind: 'normal' },
    { from: 's2', to: 's3', label: 'بله', kind: 'normal' },
    { from: 's2', to: 's4', label: 'خیر', kind: 'normal' },
    { from: 's3', to: 's4', label: null, kind: 'normal' },
    { from: 's4', to: 's5', label: null, kind: 'normal' },
    { from: 's5', to: 's6', label: 'بله', kind: 'normal' },
    { from: 's5', to: 's1', label: null, kind: 'return' },
  ],
  variants: [{ id: 'foreign', label: 'اتباع خارجی' }],
}

const SAMPLES: Record<string, ServiceProcess> = {
  linear: LINEAR,
  branching: BRANCHING,
  correction: CORRECTION,
}

function labels(name: string): FlowchartLabels {
  return {
    ...FLOWCHART_TEXT_FA,
    title: `نمودار مراحل خدمت (${name})`,
    description: 'مراحل خدمت به ترتیب:',
    idPrefix: `flow-${name}`,
  }
}

function render(p: ServiceProcess, name = 'sample'): string {
  return renderFlowchartSvg(p, layoutProcess(p), labels(name))
}

function load(svg: string): cheerio.CheerioAPI {
  return cheerio.load(svg, { xml: true })
}

describe('flowchart SVG golden files', () => {
  for (const [name, p] of Object.entries(SAMPLES)) {
    it(`renders the ${name} sample exactly as golden/${name}.svg`, () => {
      const svg = render(p, name)
      const file = join(GOLDEN_DIR, `${name}.svg`)
      if (UPDATE_GOLDEN) {
        mkdirSync(GOLDEN_DIR, { recursive: true })
        writeFileSync(file, svg)
        return
      }
      assert.ok(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1 and review it`)
      const golden = readFileSync(file, 'utf8')
      if (svg === golden) return
      // Point at the first differing line rather than printing two whole drawings.
      const got = svg.split('\n')
      const want = golden.split('\n')
      const at = got.findIndex((line, i) => line !== want[i])
      const line = at === -1 ? want.length : at
      assert.fail(
        `${name}.svg differs from golden/${name}.svg at line ${line + 1}:\n` +
          `- ${want[line]?.slice(0, 300)}\n+ ${got[line]?.slice(0, 300)}\n` +
          'If the change is intended, look at the new drawing and rerun with UPDATE_GOLDEN=1.',
      )
    })
  }
})

describe('flowchart text legibility (issue 17 item 5)', () => {
  const LONG_TITLE =
    'استعلام برخط «اصل کارت ملی هوشمند یا رسید آن» از سامانهٔ هویت ثبت احوال کشور و تطبیق چهره'
  const LONG_QUESTION = 'آیا محل با نقشه‌ها و ضوابط طرح تفصیلی و پروانهٔ ساخت صادرشده مطابقت دارد؟'
  const LONG_LABEL = 'خیر، اعلام نواقص و مهلت رفع آن پیش از بازدید مجدد کارشناس'
  const LONG: ServiceProcess = {
    steps: [
      buildStep({ id: 's1', title: LONG_TITLE, duration: { min: 1, max: 5, unit: 'minute' } }),
      buildStep({ id: 's2', kind: 'decision', title: LONG_QUESTION }),
      buildStep({ id: 's3', title: 'صدور', duration: { min: 1, max: 1, unit: 'working_day' } }),
      buildStep({ id: 's4', title: 'اعلام نقص', duration: { min: 1, max: 1, unit: 'hour' } }),
    ],
    transitions: [
      { from: 's1', to: 's2', label: null, kind: 'normal' },
      { from: 's2', to: 's3', label: 'بله، مطابقت دارد', kind: 'normal' },
      { from: 's2', to: 's4', label: LONG_LABEL, kind: 'normal' },
      { from: 's4', to: 's1', label: LONG_LABEL, kind: 'return' },
    ],
    variants: [],
  }

  it('never cuts a title, a question or an edge label: the box grows instead', () => {
    const $ = load(render(LONG, 'long'))
    const texts = $('text')
      .map((_, el) => $(el).text())
      .get()
    assert.ok(!texts.some((t) => t.endsWith('…')), texts.filter((t) => t.endsWith('…')).join(' | '))
    const joined = (cls: string, id?: string) =>
      $(`${id ? `[data-step-id="${id}"] ` : ''}text.${cls}`)
        .map((_, el) => $(el).text())
        .get()
        .join(' ')
    assert.equal(joined('mr-flowchart__title', 's1'), LONG_TITLE)
    assert.equal(joined('mr-flowchart__title', 's2'), LONG_QUESTION)
    const labels = $('.mr-flowchart__edge-label')
      .map((_, g) =>
        $(g)
          .find('text')
          .map((_, el) => $(el).text())
          .get()
          .join(' '),
      )
      .get()
    assert.equal(labels.filter((l) => l === LONG_LABEL).length, 2, 'the branch and the return')
  })

  it('draws no text smaller than 12px', () => {
    const $ = load(render(LONG, 'long'))
    const sizes = $('text')
      .map((_, el) => Number($(el).attr('font-size')))
      .get()
    assert.ok(sizes.length > 10)
    assert.ok(Math.min(...sizes) >= 12, `smallest ${Math.min(...sizes)}px`)
    // Step titles 14px, decision questions 13px.
    const titles = $('text.mr-flowchart__title')
      .map((_, el) => Number($(el).attr('font-size')))
      .get()
    assert.deepEqual([...new Set(titles)].sort(), [13, 14])
  })
})

describe('flowchart SVG structure', () => {
  it('is an image labelled by its title and description', () => {
    const $ = load(render(CORRECTION, 'correction'))
    const svg = $('svg')
    assert.equal(svg.attr('role'), 'img')
    // Its own size in CSS px, the viewBox's: a page never has to shrink its text (issue 17).
    const box = /^0 0 (\d+) (\d+)$/.exec(svg.attr('viewBox') ?? '')
    assert.ok(box)
    assert.deepEqual([svg.attr('width'), svg.attr('height')], [box[1], box[2]])
    const ids = (svg.attr('aria-labelledby') ?? '').split(' ')
    assert.deepEqual(ids, ['flow-correction-title', 'flow-correction-desc'])
    assert.equal($(`title#${ids[0]}`).text(), 'نمودار مراحل خدمت (correction)')
    const desc = $(`desc#${ids[1]}`).text()
    // The description tells every step, in order.
    let at = -1
    for (const step of CORRECTION.steps) {
      const i = desc.indexOf(step.title)
      assert.ok(i > at, `${step.title} is described after the previous step`)
      at = i
    }
    assert.match(desc, /مرحلهٔ ۵: مدارک کامل و درست است؟/)
    assert.match(desc, /بازگشت برای اصلاح: مرحلهٔ ۱/)
  })

  it('draws one group per step, plus start and end circles', () => {
    for (const p of Object.values(SAMPLES)) {
      const $ = load(render(p))
      const groups = $('g.mr-flowchart__step')
      assert.equal(groups.length, p.steps.length)
      assert.deepEqual(
        groups.map((_, g) => $(g).attr('data-step-id')).get(),
        p.steps.map((s) => s.id),
      )
      assert.equal($('g.mr-flowchart__terminal--start').length, 1)
      assert.ok($('g.mr-flowchart__terminal--end').length >= 1)
    }
    const $ = load(render(BRANCHING))
    assert.equal($('g.mr-flowchart__step--decision path.mr-flowchart__shape').length, 1)
    assert.equal($('g.mr-flowchart__step--task rect.mr-flowchart__shape').length, 5)
  })

  it('draws return edges dashed with their own arrowhead and label', () => {
    const $ = load(render(CORRECTION, 'correction'))
    const back = $('path.mr-flowchart__edge--return')
    assert.equal(back.length, 1)
    assert.ok(back.hasClass('mr-flowchart__edge--dashed'))
    assert.ok(back.attr('stroke-dasharray'))
    assert.equal(back.attr('marker-end'), 'url(#flow-correction-arrow-return)')
    assert.equal($('marker#flow-correction-arrow-return').length, 1)
    const normal = $('path.mr-flowchart__edge--normal')
    assert.ok(normal.length > 0)
    normal.each((_, e) => {
      assert.equal($(e).attr('stroke-dasharray'), undefined)
      assert.equal($(e).attr('marker-end'), 'url(#flow-correction-arrow)')
    })
    assert.deepEqual(
      $('.mr-flowchart__edge-label--return text')
        .map((_, t) => $(t).text())
        .get(),
      ['بازگشت', 'برای اصلاح'],
      'the return label is wrapped on its lane',
    )
  })

  it('labels decision branches on a white background', () => {
    const $ = load(render(BRANCHING))
    const labelsText = $('.mr-flowchart__edge-label')
      .map((_, g) =>
        $(g)
          .find('text')
          .map((_, t) => $(t).text())
          .get()
          .join(' '),
      )
      .get()
    assert.deepEqual(labelsText.sort(), ['بله، بازدید لازم است', 'خیر'].sort())
    $('.mr-flowchart__edge-label rect').each((_, r) => assert.equal($(r).attr('fill'), '#ffffff'))
  })

  it('shows each task’s actor and time in Persian digits, and the variant', () => {
    const $ = load(render(CORRECTION))
    const meta = $('g[data-step-id="s4"] .mr-flowchart__meta').text()
    assert.equal(meta, 'دستگاه، ۲ تا ۳ روز کاری')
    assert.equal($('g[data-step-id="s1"] .mr-flowchart__meta').text(), 'متقاضی، ۳۰ دقیقه')
    assert.equal($('g[data-step-id="s3"] .mr-flowchart__variant').text(), 'فقط برای اتباع خارجی')
    // No ASCII digit is shown anywhere.
    $('text').each((_, t) => assert.doesNotMatch($(t).text(), /[0-9]/))
  })

  it('uses no inline style, style element or script', () => {
    for (const p of Object.values(SAMPLES)) {
      const svg = render(p)
      const $ = load(svg)
      assert.equal($('[style]').length, 0)
      assert.equal($('style, script, foreignObject').length, 0)
      assert.doesNotMatch(svg, /\sstyle=|<script|\son[a-z]+=/i)
    }
  })

  it('escapes every text, even a title with markup', () => {
    const evil = '<script>alert("x")</script> & «نام»'
    const p: ServiceProcess = {
      steps: [buildStep({ id: 's1', title: evil, duration: { min: 1, max: 1, unit: 'hour' } })],
      transitions: [],
      variants: [],
    }
    const svg = renderFlowchartSvg(p, layoutProcess(p), {
      ...labels('evil'),
      title: '<b>عنوان</b>',
      description: 'a "quoted" & \'single\' <desc>',
    })
    assert.doesNotMatch(svg, /<script|<b>|<desc>a/)
    assert.match(svg, /&lt;script&gt;alert\(&quot;x&quot;\)/)
    const $ = load(svg)
    assert.equal($('title').text(), '<b>عنوان</b>')
    assert.match($('desc').text(), /^a "quoted" & 'single' <desc> مرحلهٔ ۱: <script>/)
    assert.equal($('g[data-step-id="s1"] .mr-flowchart__title').text().includes('<script>'), true)
  })

  it('rejects an id prefix that is not a valid id', () => {
    assert.throws(
      () => renderFlowchartSvg(LINEAR, layoutProcess(LINEAR), { ...labels('x'), idPrefix: 'a b"' }),
      /Invalid flowchart id prefix/,
    )
  })

  it('renders the same bytes twice, from copies of the input', () => {
    for (const p of Object.values(SAMPLES)) {
      assert.equal(render(p), render(structuredClone(p)))
    }
  })
})
