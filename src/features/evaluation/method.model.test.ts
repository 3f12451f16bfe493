import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { COMPONENTS, DEFAULT_METHOD, rulesOf } from './method.model.ts'
import { weightsProblem } from './scoring.ts'

describe('the evaluation method', () => {
  it('starts from a default whose weights sum to 100 with growth', () => {
    assert.equal(weightsProblem(DEFAULT_METHOD.components, DEFAULT_METHOD.growthWeight), null)
  })

  it('takes each component’s direction from the component, so accuracy is lower-is-better', () => {
    const rules = rulesOf(DEFAULT_METHOD)
    assert.equal(rules.find((r) => r.key === 'accuracy')?.direction, 'lower')
    assert.equal(rules.find((r) => r.key === 'satisfaction')?.direction, 'higher')
    assert.equal(rules.length, Object.keys(COMPONENTS).length)
  })
})
