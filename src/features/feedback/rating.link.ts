import { createHmac, timingSafeEqual } from 'node:crypto'

/** A rating link is valid for 30 days after the transaction is first reported complete. */
export const RATING_LINK_DAYS = 30

const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/
const MAC_BYTES = 16
const PAYLOAD_BYTES = 16 + 4

/**
 * The token of a rating link: base64url of the transaction id (16 bytes), the expiry (Unix
 * seconds, 4 bytes) and an HMAC-SHA256 of both truncated to 128 bits. Deterministic, so posting
 * a completed transaction again returns the same link; unforgeable without the server secret;
 * short enough for an SMS (48 characters).
 */
export function signRatingToken(secret: Buffer, transactionId: string, expiresAt: Date): string {
  const m = UUID.exec(transactionId)
  if (!m) throw new RangeError(`not a uuid: ${transactionId}`)
  const payload = Buffer.alloc(PAYLOAD_BYTES)
  Buffer.from(m.slice(1).join(''), 'hex').copy(payload, 0)
  payload.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 16)
  return Buffer.concat([payload, mac(secret, payload)]).toString('base64url')
}

export type RatingTokenCheck =
  | { ok: true; transactionId: string; expiresAt: Date }
  | { ok: false; reason: 'forged' | 'expired' }

/** Reads a token: forged (bad shape or signature) or expired at `now`, else the transaction. */
export function verifyRatingToken(secret: Buffer, token: string, now: Date): RatingTokenCheck {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return { ok: false, reason: 'forged' }
  const bytes = Buffer.from(token, 'base64url')
  if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES) return { ok: false, reason: 'forged' }
  const payload = bytes.subarray(0, PAYLOAD_BYTES)
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(secret, payload)))
    return { ok: false, reason: 'forged' }
  const expiresAt = new Date(payload.readUInt32BE(16) * 1000)
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' }
  const hex = payload.subarray(0, 16).toString('hex')
  const transactionId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { ok: true, transactionId, expiresAt }
}

function mac(secret: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', secret)
    .update('mardom rating link v1\0')
    .update(payload)
    .digest()
    .subarray(0, MAC_BYTES)
}

/** The absolute URL a citizen opens. */
export function ratingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/rate/${token}`
}
