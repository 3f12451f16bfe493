import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toBpmnXml, validateBpmnXsdMany } from '../processes/index.ts'
import { demoProcessFor } from './demo-processes.data.ts'
import { DEMO_SERVICES } from './demo-services.data.ts'

describe('the demo processes as BPMN', () => {
  it('exports every demo service version to BPMN 2.0 that is valid against BPMN20.xsd', async () => {
    const docs = DEMO_SERVICES.flatMap((s) =>
      s.versions.map((v, i) => ({
        name: `${s.slug}-v${i + 1}`,
        xml: toBpmnXml({
          serviceId: s.slug,
          title: v.content.title,
          process: demoProcessFor(
            s,
            i,
            v.content,
            (key) => `00000000-0000-4000-8000-${key.length.toString().padStart(12, '0')}`,
          ),
        }),
      })),
    )
    assert.ok(docs.length >= 400)
    const result = await validateBpmnXsdMany(docs)
    assert.deepEqual(result.errors.slice(0, 5), [])
    assert.equal(result.valid, true)
    // The same batch check fails when one document in it is broken.
    const broken = docs.map((d, i) =>
      i === 7 ? { ...d, xml: d.xml.replace(/ sourceRef="[^"]*"/, '') } : d,
    )
    const failed = await validateBpmnXsdMany(broken)
    assert.equal(failed.valid, false)
    assert.match(failed.errors.join('\n'), new RegExp(`${docs[7]?.name}.bpmn.*sourceRef`))
  })
})
