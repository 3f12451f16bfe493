import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isValidParentLevel, needsProvince } from './agency.model.ts'

describe('agency hierarchy rules', () => {
  it('lets ministries and organisations stand at the top, and nothing else', () => {
    assert.equal(isValidParentLevel('ministry', null), true)
    assert.equal(isValidParentLevel('organisation', null), true)
    assert.equal(isValidParentLevel('provincial_office', null), false)
    assert.equal(isValidParentLevel('city_office', null), false)
  })

  it('requires a parent at a strictly higher level', () => {
    assert.equal(isValidParentLevel('organisation', 'ministry'), true)
    assert.equal(isValidParentLevel('provincial_office', 'organisation'), true)
    assert.equal(isValidParentLevel('city_office', 'provincial_office'), true)
    assert.equal(isValidParentLevel('ministry', 'ministry'), false)
    assert.equal(isValidParentLevel('organisation', 'provincial_office'), false)
  })

  it('asks for a province only for offices', () => {
    assert.deepEqual(
      (['ministry', 'organisation', 'provincial_office', 'city_office'] as const).map(
        needsProvince,
      ),
      [false, false, true, true],
    )
  })
})
