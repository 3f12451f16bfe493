import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import { ValidationError } from '../../../lib/errors.ts'
import type { ServiceProcess } from '../../services/index.ts'
import { endNodeId, layoutProcess, START_NODE_ID } from '../flowchart/index.ts'
import { generateProcess } from '../flowchart/testing.ts'
import { processProblems } from '../process.rules.ts'
import { task } from '../process.test-helpers.ts'
import { toBpmnXml } from './bpmn-export.ts'
import { fromBpmnXml } from './bpmn-import.ts'
import { readWithBpmnModdle, validateBpmnXsd } from './bpmn-validate.ts'
import {
  correctionSample,
  decisionSample,
  linearSample,
  SAMPLE_SERVICE,
  SAMPLES,
} from './samples.ts'

const exportOf = (process: ServiceProcess) => toBpmnXml({ ...SAMPLE_SERVICE, process })

function list(v: unknown): ModdleElement[] {
  return Array.isArray(v) ? (v as ModdleElement[]) : []
}

async function parse(xml: string) {
  const { rootElement } = await new BpmnModdle().fromXML(xml)
  const proc = list(rootElement.rootElements)[0]
  const diagram = list(rootElement.diagrams)[0]
  assert.ok(proc && diagram)
  const plane = diagram.plane as ModdleElement
  return { definitions: rootElement, proc, flowElements: list(proc.flowElements), plane }
}

describe('toBpmnXml: the official BPMN 2.0 schema and bpmn-moddle', () => {
  for (const [name, sample] of SAMPLES) {
    it(`${name}: the sample is a valid process`, () => {
      assert.deepEqual(processProblems(sample()), [])
    })

    it(`${name}: valid against BPMN20.xsd (0 errors)`, async () => {
      const r = await validateBpmnXsd(exportOf(sample()))
      assert.deepEqual(r.errors, [])
      assert.equal(r.valid, true)
    })

    it(`${name}: bpmn-moddle reads it with 0 warnings`, async () => {
      assert.deepEqual((await readWithBpmnModdle(exportOf(sample()))).warnings, [])
    })

    it(`${name}: the DI has a shape for every flow node and an edge for every flow`, async () => {
      const { flowElements, plane } = await parse(exportOf(sample()))
      const planeElements = list(plane.planeElement)
      const shapes = planeElements.filter((e) => e.$type === 'bpmndi:BPMNShape')
      const edges = planeElements.filter((e) => e.$type === 'bpmndi:BPMNEdge')
      const nodes = flowElements.filter((e) => e.$instanceOf('bpmn:FlowNode'))
      const flows = flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow')
      assert.deepEqual(
        shapes.map((s) => s.bpmnElement),
        nodes,
        'one shape per flow node, in order',
      )
      assert.deepEqual(
        edges.map((e) => e.bpmnElement),
        flows,
        'one edge per sequence flow, in order',
      )
      for (const e of edges) assert.ok(list(e.waypoint).length >= 2)
    })

    it(`${name}: shapes and waypoints are the flowchart's layout`, async () => {
      const process = sample()
      const layout = layoutProcess(process)
      const { plane } = await parse(exportOf(process))
      const planeElements = list(plane.planeElement)
      const shapes = planeElements.filter((e) => e.$type === 'bpmndi:BPMNShape')
      const edges = planeElements.filter((e) => e.$type === 'bpmndi:BPMNEdge')
      assert.equal(shapes.length, layout.nodes.length)
      layout.nodes.forEach((n, i) => {
        const b = shapes[i]?.bounds as ModdleElement
        assert.deepEqual(
          { x: b.x, y: b.y, width: b.width, height: b.height },
          { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height },
          n.id,
        )
      })
      assert.equal(edges.length, layout.edges.length)
      layout.edges.forEach((e, i) => {
        const points = list(edges[i]?.waypoint).map((p) => ({ x: p.x, y: p.y }))
        assert.deepEqual(points, e.points, `${e.from} → ${e.to}`)
      })
    })
  }

  it('maps the steps: start and end events, task types by actor, gateways, named flows', async () => {
    const { definitions, proc, flowElements } = await parse(exportOf(correctionSample()))
    assert.equal(definitions.exporter, 'Mardom')
    assert.equal(definitions.exporterVersion, '1.0')
    assert.equal(
      definitions.targetNamespace,
      `https://mardom.gov.ir/services/${SAMPLE_SERVICE.serviceId}/process`,
    )
    assert.equal(proc.isExecutable, false)
    assert.equal(proc.name, SAMPLE_SERVICE.title)
    const nodes = flowElements.filter((e) => e.$type !== 'bpmn:SequenceFlow')
    assert.deepEqual(
      nodes.map((e) => [e.$type, e.name]),
      [
        ['bpmn:StartEvent', 'شروع'],
        ['bpmn:UserTask', 'ثبت درخواست و بارگذاری مدارک'],
        ['bpmn:UserTask', 'بررسی مدارک'],
        ['bpmn:ExclusiveGateway', 'مدارک کامل است؟'],
        ['bpmn:Task', 'استعلام از پلیس اتباع'],
        ['bpmn:ServiceTask', 'اعلام نقص به متقاضی'],
        ['bpmn:UserTask', 'حضور متقاضی و دریافت کارت'],
        // One end: s5 only returns for correction, so it ends nowhere (as the chart says).
        ['bpmn:EndEvent', 'پایان'],
      ],
    )
    const flows = flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow')
    const named = flows.map((f) => [
      (f.sourceRef as ModdleElement).id,
      (f.targetRef as ModdleElement).id,
      f.name ?? null,
    ])
    assert.deepEqual(named, [
      ['StartEvent_1', 'Step_s1', null],
      ['Step_s1', 'Step_s2', null],
      ['Step_s2', 'Step_s3', null],
      ['Step_s3', 'Step_s4', 'بله'],
      ['Step_s3', 'Step_s5', 'خیر'],
      ['Step_s4', 'Step_s6', null],
      ['Step_s5', 'Step_s1', 'بازگشت برای اصلاح'],
      ['Step_s6', 'EndEvent_s6', null],
    ])
    const lanes = list(list(proc.laneSets)[0]?.lanes).map((l) => [
      l.name,
      list(l.flowNodeRef).map((n) => n.id),
    ])
    assert.deepEqual(lanes, [
      ['متقاضی', ['Step_s1', 'Step_s6']],
      ['دستگاه', ['Step_s2', 'Step_s3']],
      ['دستگاه دیگر', ['Step_s4']],
      ['سامانه', ['Step_s5']],
    ])
  })

  it('is deterministic, and escapes text (& < > " and line breaks survive, still valid)', async () => {
    const p = linearSample()
    p.steps[0] = task(
      's1',
      'ثبت «درخواست» & تأیید <فوری> "نقل"',
      { min: 1, max: 1, unit: 'hour' },
      {
        unit: 'واحد\tیک\nطبقهٔ دوم',
        description: 'سطر یک\r\nسطر دو & <سه>',
      },
    )
    const xml = exportOf(p)
    assert.equal(xml, exportOf(p))
    assert.deepEqual((await validateBpmnXsd(xml)).errors, [])
    assert.deepEqual((await fromBpmnXml(xml)).process, p)
  })

  it('an empty process still gives a valid document', async () => {
    const xml = exportOf({ steps: [], transitions: [], variants: [] })
    assert.deepEqual((await validateBpmnXsd(xml)).errors, [])
    assert.deepEqual((await readWithBpmnModdle(xml)).warnings, [])
  })
})

describe('the checks can fail (negative controls)', () => {
  it('a sequenceFlow without sourceRef fails XSD validation', async () => {
    const xml = exportOf(decisionSample())
    const broken = xml.replace(/(<bpmn:sequenceFlow [^>]*?) sourceRef="[^"]*"/, '$1')
    assert.notEqual(broken, xml)
    const r = await validateBpmnXsd(broken)
    assert.equal(r.valid, false)
    assert.ok(
      r.errors.some((e) => e.includes("The attribute 'sourceRef' is required but missing")),
      r.errors.join('\n'),
    )
  })

  it('an edge with one waypoint, a misplaced element, a bad id and a bad boolean fail too', async () => {
    const xml = exportOf(decisionSample())
    for (const broken of [
      xml.replace(/(<bpmndi:BPMNEdge [^>]*>\s*<di:waypoint [^>]*>)\s*<di:waypoint [^>]*>/, '$1'),
      xml.replace(
        '</bpmn:process>',
        '<bpmn:documentation>late</bpmn:documentation></bpmn:process>',
      ),
      xml.replace('id="Step_s2"', 'id="Step_s1"'),
      xml.replace('isExecutable="false"', 'isExecutable="no"'),
      xml.replace('<mardom:step ', '<bpmn:step '),
    ]) {
      assert.notEqual(broken, xml)
      assert.equal((await validateBpmnXsd(broken)).valid, false)
    }
  })

  it('a flow to a missing id passes the schema (IDREF is not resolved) but not bpmn-moddle', async () => {
    const broken = exportOf(decisionSample()).replace('targetRef="Step_s2"', 'targetRef="Step_x"')
    assert.equal((await validateBpmnXsd(broken)).valid, true)
    assert.deepEqual((await readWithBpmnModdle(broken)).warnings, ['unresolved reference <Step_x>'])
  })

  it('bpmn-moddle warns about an unknown BPMN element', async () => {
    const xml = exportOf(linearSample()).replace(
      '<bpmn:startEvent',
      '<bpmn:notAnElement/><bpmn:startEvent',
    )
    assert.ok((await readWithBpmnModdle(xml)).warnings.length > 0)
  })
})

describe('fromBpmnXml: round trip', () => {
  for (const [name, sample] of SAMPLES) {
    it(`${name}: export → import gives back an equal process, with nothing unmapped`, async () => {
      const process = sample()
      const result = await fromBpmnXml(exportOf(process))
      assert.deepEqual(result.unmapped, [])
      assert.deepEqual(result.process, process)
    })
  }

  it('generated processes (decisions, returns, variants, 3–60 steps) round-trip exactly', async () => {
    for (const [count, seed] of [
      [3, 1],
      [12, 2],
      [25, 3],
      [40, 4],
      [60, 5],
    ] as const) {
      const process = generateProcess(count, seed)
      const xml = exportOf(process)
      const result = await fromBpmnXml(xml)
      assert.deepEqual(result.process, process, `${count} steps, seed ${seed}`)
      assert.deepEqual(result.unmapped, [])
    }
  })

  it('keeps the step order of our export even when it is not the flow order', async () => {
    const p = linearSample()
    p.steps.reverse()
    assert.deepEqual((await fromBpmnXml(exportOf(p))).process, p)
  })

  it('the generated processes are XSD-valid too', async () => {
    const r = await validateBpmnXsd(exportOf(generateProcess(60, 5)))
    assert.deepEqual(r.errors, [])
  })

  it('start and end circles are the layout ones', () => {
    const layout = layoutProcess(correctionSample())
    assert.ok(layout.nodes.some((n) => n.id === START_NODE_ID))
    assert.ok(layout.nodes.some((n) => n.id === endNodeId('s6')))
    assert.ok(!layout.nodes.some((n) => n.id === endNodeId('s5')), 's5 only returns')
  })
})

/** A file as a modelling tool would write it: no Mardom extension, BPMN the portal cannot hold. */
const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="defs" targetNamespace="http://example.org/modeler" exporter="Some Modeler" exporterVersion="5.0">
  <process id="permit" name="پروانهٔ کسب" isExecutable="false">
    <laneSet id="ls">
      <lane id="lane_citizen" name="متقاضی">
        <flowNodeRef>apply</flowNodeRef>
      </lane>
      <lane id="lane_experts" name="کارشناسان">
        <flowNodeRef>inspect</flowNodeRef>
        <flowNodeRef>approve</flowNodeRef>
      </lane>
    </laneSet>
    <startEvent id="start" name="آغاز">
      <messageEventDefinition id="msg_def"/>
    </startEvent>
    <userTask id="apply" name="ثبت درخواست">
      <documentation>در سامانه</documentation>
    </userTask>
    <parallelGateway id="fork" name="تقسیم کار"/>
    <serviceTask id="inquiry" name="استعلام مالیاتی"/>
    <subProcess id="inspect" name="بازدید فنی">
      <startEvent id="inner_start"/>
      <task id="inner_task" name="بازدید از محل"/>
      <endEvent id="inner_end"/>
      <sequenceFlow id="i1" sourceRef="inner_start" targetRef="inner_task"/>
      <sequenceFlow id="i2" sourceRef="inner_task" targetRef="inner_end"/>
    </subProcess>
    <parallelGateway id="join"/>
    <intermediateCatchEvent id="wait" name="انتظار یک‌روزه">
      <timerEventDefinition id="timer"/>
    </intermediateCatchEvent>
    <exclusiveGateway id="approve" name="تأیید شد؟" default="f_no"/>
    <manualTask id="issue" name="صدور پروانه"/>
    <endEvent id="end"/>
    <dataObjectReference id="dor" name="پروندهٔ متقاضی" dataObjectRef="do"/>
    <dataObject id="do"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="apply"/>
    <sequenceFlow id="f2" sourceRef="apply" targetRef="fork"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="inquiry"/>
    <sequenceFlow id="f4" sourceRef="fork" targetRef="inspect"/>
    <sequenceFlow id="f5" sourceRef="inquiry" targetRef="join"/>
    <sequenceFlow id="f6" sourceRef="inspect" targetRef="join"/>
    <sequenceFlow id="f7" sourceRef="join" targetRef="wait"/>
    <sequenceFlow id="f8" sourceRef="wait" targetRef="approve"/>
    <sequenceFlow id="f_yes" name="بله" sourceRef="approve" targetRef="issue"/>
    <sequenceFlow id="f_no" sourceRef="approve" targetRef="apply"/>
    <sequenceFlow id="f10" sourceRef="issue" targetRef="end"/>
    <textAnnotation id="note"><text>این فرایند آزمایشی است</text></textAnnotation>
  </process>
</definitions>
`

describe('fromBpmnXml: a file from another modelling tool', () => {
  it('is itself valid BPMN (so the test is about mapping, not about a broken file)', async () => {
    assert.deepEqual((await validateBpmnXsd(FOREIGN)).errors, [])
    assert.deepEqual((await readWithBpmnModdle(FOREIGN)).warnings, [])
  })

  it('maps tasks, the subprocess and the decision, joining flows through what it drops', async () => {
    const { process } = await fromBpmnXml(FOREIGN)
    assert.deepEqual(
      process.steps.map((s) => [s.id, s.kind, s.title, s.actor, s.duration, s.description]),
      [
        ['s1', 'task', 'ثبت درخواست', 'citizen', null, 'در سامانه'],
        ['s2', 'task', 'استعلام مالیاتی', 'system', null, null],
        ['s3', 'task', 'بازدید فنی', 'agency', null, null],
        ['s4', 'decision', 'تأیید شد؟', 'agency', null, null],
        ['s5', 'task', 'صدور پروانه', 'agency', null, null],
      ],
    )
    assert.deepEqual(process.transitions, [
      { from: 's1', to: 's2', label: null, kind: 'normal' },
      { from: 's1', to: 's3', label: null, kind: 'normal' },
      { from: 's2', to: 's4', label: null, kind: 'normal' },
      { from: 's3', to: 's4', label: null, kind: 'normal' },
      { from: 's4', to: 's5', label: 'بله', kind: 'normal' },
      { from: 's4', to: 's1', label: 'در غیر این صورت', kind: 'return' },
    ])
    assert.deepEqual(process.variants, [])
  })

  it('lists everything else in Persian, with its BPMN type and name', async () => {
    const { unmapped } = await fromBpmnXml(FOREIGN)
    const expected = [
      'مسیر (lane) «کارشناسان»',
      'رویداد آغاز (startEvent) «آغاز» از نوع پیام (messageEventDefinition) بود',
      'دروازهٔ موازی (parallelGateway) «تقسیم کار» وارد نشد',
      'زیرفرایند (subProcess) «بازدید فنی» یک مرحله شد و ۵ عنصر درون آن وارد نشد',
      'دروازهٔ موازی (parallelGateway) وارد نشد',
      'رویداد میانی (دریافت) (intermediateCatchEvent) «انتظار یک‌روزه» وارد نشد',
      'شیء داده (dataObjectReference) «پروندهٔ متقاضی» وارد نشد',
      'شیء داده (dataObject) وارد نشد',
      'یادداشت (textAnnotation) وارد نشد',
      'زمان و انجام‌دهندهٔ این مراحل در پرونده نبود: «ثبت درخواست»، «استعلام مالیاتی»، «بازدید فنی»، «صدور پروانه»',
      'گذار از «تأیید شد؟» به «ثبت درخواست» حلقه می‌ساخت',
    ]
    assert.equal(unmapped.length, expected.length, unmapped.join('\n'))
    expected.forEach((start, i) => {
      assert.ok(unmapped[i]?.startsWith(start), `${i}: ${unmapped[i]} should start with ${start}`)
    })
  })

  it('a process with pools: the largest process is taken, pools and message flows listed', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <collaboration id="c">
    <participant id="p1" name="شهروند" processRef="small"/>
    <participant id="p2" name="شهرداری" processRef="big"/>
    <messageFlow id="m1" name="درخواست" sourceRef="a" targetRef="b"/>
  </collaboration>
  <process id="small" name="فرایند شهروند"><task id="a" name="فرستادن"/></process>
  <process id="big" name="فرایند شهرداری">
    <task id="b" name="دریافت"/><task id="c2" name="پاسخ"/>
    <sequenceFlow id="f" sourceRef="b" targetRef="c2"/>
  </process>
</definitions>`
    const { process, unmapped } = await fromBpmnXml(xml)
    assert.deepEqual(
      process.steps.map((s) => s.title),
      ['دریافت', 'پاسخ'],
    )
    assert.deepEqual(process.transitions, [{ from: 's1', to: 's2', label: null, kind: 'normal' }])
    assert.ok(unmapped.some((u) => u.startsWith('فرایند (process) «فرایند شهروند»')))
    assert.ok(unmapped.some((u) => u.startsWith('استخر (participant) «شهروند»')))
    assert.ok(unmapped.some((u) => u.startsWith('جریان پیام (messageFlow) «درخواست»')))
  })

  it('ids of our extension are kept; a step added in a tool gets the first free sN', async () => {
    // A modeller inserts a task between «بررسی» (s2) and «صدور» (s3).
    const xml = exportOf(linearSample())
      .replace(
        'sourceRef="Step_s2" targetRef="Step_s3"/>',
        'sourceRef="Step_s2" targetRef="Extra"/><bpmn:sequenceFlow id="FlowX" sourceRef="Extra" targetRef="Step_s3"/>',
      )
      .replace('<bpmn:endEvent', '<bpmn:task id="Extra" name="تأیید مدیر"/><bpmn:endEvent')
    const { process, unmapped } = await fromBpmnXml(xml)
    assert.deepEqual(
      process.steps.map((s) => [s.id, s.title]),
      [
        ['s1', 'ثبت درخواست در سامانه'],
        ['s2', 'بررسی درخواست توسط کارشناس'],
        ['s4', 'تأیید مدیر'],
        ['s3', 'صدور و ارسال گواهی'],
      ],
    )
    assert.deepEqual(
      process.transitions.map((t) => `${t.from}→${t.to}`),
      ['s1→s2', 's2→s4', 's4→s3'],
    )
    assert.equal(unmapped.length, 1)
    assert.match(unmapped[0] ?? '', /«تأیید مدیر»/)
  })

  for (const [what, xml] of [
    ['not XML', 'this is not xml'],
    ['XML but not BPMN', '<?xml version="1.0"?><html><body/></html>'],
    [
      'BPMN without a process',
      '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"/>',
    ],
  ] as const) {
    it(`${what}: a ValidationError with a Persian message`, async () => {
      await assert.rejects(fromBpmnXml(xml), (err: unknown) => {
        assert.ok(err instanceof ValidationError)
        assert.match(err.message, /BPMN/)
        assert.match(Object.values(err.fieldErrors).join(' '), /[\u0600-\u06FF]/)
        return true
      })
    })
  }
})
