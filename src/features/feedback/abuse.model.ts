import { createHmac } from 'node:crypto'
import { safeEqual } from '../../lib/secrets.ts'

/**
 * Abuse controls shared by every public form (issue 13 item 6): a honeypot field, a minimum
 * fill time, exact duplicates within 5 minutes dropped, and per-address and per-browser rate
 * limits counted in the database (so they hold across processes). Nothing here stores a raw
 * address: addresses, browser cookies and contents are kept only as HMACs, for 30 days.
 */

/** The honeypot: a field people never see or fill; bots that fill every field do. */
export const HONEYPOT_FIELD = 'website'
/** When the form was rendered, signed: `<ms>.<hmac>`. */
export const STARTED_FIELD = 'started'
/** The browser's random id (a cookie, sent back only to us): the per-browser limit's key. */
export const BROWSER_COOKIE = 'mardom_fb'

export const DUPLICATE_WINDOW_MS = 5 * 60_000
export const HIT_RETENTION_MS = 30 * 86_400_000
/** A person reads the form before sending it; a script sends at once. */
export const DEFAULT_MIN_FILL_MS = 3_000
/** A form older than this is stale (the token is not a permanent pass). */
export const MAX_FORM_AGE_MS = 24 * 3_600_000

export interface RateLimit {
  max: number
  windowMs: number
}

/**
 * Defaults for a public form. Per address generous (many people share one address behind a
 * mobile carrier's NAT), per browser tighter.
 */
export const DEFAULT_LIMITS: { perAddress: RateLimit; perBrowser: RateLimit } = {
  perAddress: { max: 60, windowMs: 3_600_000 },
  perBrowser: { max: 20, windowMs: 3_600_000 },
}

/** Why a submission was not stored. Every refusal but `rate-limited` looks like success. */
export type GuardRefusal = 'honeypot' | 'too-fast' | 'duplicate' | 'rate-limited'
export type GuardVerdict = { ok: true } | { ok: false; reason: GuardRefusal }

/** Refusals the visitor is not told about: a bot learns nothing, a person loses nothing. */
export function isSilentRefusal(reason: GuardRefusal): boolean {
  return reason !== 'rate-limited'
}

/** HMAC-SHA256 under the portal's public-form key, base64url (43 characters). */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url')
}

/** The signed time a form was rendered, for its hidden `started` field. */
export function signFormStart(key: Buffer, at: Date): string {
  const ms = String(at.getTime())
  return `${ms}.${keyedHash(key, 'form-start', ms)}`
}

/**
 * How long ago a form was rendered, from its signed `started` value; null when the value is
 * missing, forged, from the future or too old.
 */
export function formAgeMs(key: Buffer, started: string | undefined, now: Date): number | null {
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(started ?? '')
  if (!m?.[1] || !m[2]) return null
  if (!safeEqual(m[2], keyedHash(key, 'form-start', m[1]))) return null
  const age = now.getTime() - Number(m[1])
  return age < 0 || age > MAX_FORM_AGE_MS ? null : age
}
