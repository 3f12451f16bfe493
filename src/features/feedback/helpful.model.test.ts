import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isHelpfulVotePath } from './helpful.model.ts'

describe('the helpful vote’s path (posted without a CSRF token from cached pages)', () => {
  it('is a service’s /helpful, Latin or Persian slug, encoded or not', () => {
    assert.equal(isHelpfulVotePath('/services/passport-renewal/helpful'), true)
    assert.equal(
      isHelpfulVotePath(`/services/${encodeURIComponent('تمدید-گذرنامه')}/helpful`),
      true,
    )
    assert.equal(isHelpfulVotePath('/services/تمدید-گذرنامه/helpful'), true)
  })

  it('is nothing else', () => {
    assert.equal(isHelpfulVotePath('/services/passport-renewal/report'), false)
    assert.equal(isHelpfulVotePath('/admin/services/x/helpful'), false)
    assert.equal(isHelpfulVotePath('/services/a/b/helpful'), false)
    assert.equal(isHelpfulVotePath('/services/%E0%A4%A/helpful'), false)
  })
})
