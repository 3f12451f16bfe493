import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { ratingUrl, signRatingToken, verifyRatingToken } from './rating.link.ts'

const secret = randomBytes(32)
const id = '3f1c2a9e-8b7d-4c6e-9f10-a1b2c3d4e5f6'
const expires = new Date('2026-12-22T08:00:00Z')

describe('rating links', () => {
  it('round-trips the transaction and the expiry, deterministically', () => {
    const token = signRatingToken(secret, id, expires)
    assert.equal(token.length, 48)
    assert.equal(signRatingToken(secret, id, expires), token)
    assert.deepEqual(verifyRatingToken(secret, token, new Date('2026-12-01T00:00:00Z')), {
      ok: true,
      transactionId: id,
      expiresAt: expires,
    })
    assert.equal(ratingUrl('https://mardom.example', token), `https://mardom.example/rate/${token}`)
  })

  it('refuses a token signed with another secret, altered or cut short', () => {
    const token = signRatingToken(secret, id, expires)
    const now = new Date('2026-12-01T00:00:00Z')
    const other = signRatingToken(randomBytes(32), id, expires)
    assert.deepEqual(verifyRatingToken(secret, other, now), { ok: false, reason: 'forged' })
    // A later expiry with the old signature.
    const bytes = Buffer.from(token, 'base64url')
    bytes.writeUInt32BE(bytes.readUInt32BE(16) + 86_400, 16)
    assert.deepEqual(verifyRatingToken(secret, bytes.toString('base64url'), now), {
      ok: false,
      reason: 'forged',
    })
    assert.deepEqual(verifyRatingToken(secret, token.slice(0, 40), now), {
      ok: false,
      reason: 'forged',
    })
  })

  it('expires at its expiry', () => {
    const token = signRatingToken(secret, id, expires)
    assert.equal(verifyRatingToken(secret, token, new Date(expires.getTime() - 1000)).ok, true)
    assert.deepEqual(verifyRatingToken(secret, token, expires), { ok: false, reason: 'expired' })
  })
})
