/**
 * The one text sanitiser every submitted text passes through at the input boundary
 * (`web/body.ts`), before any schema sees it (issue 11 items 4 and 14):
 * - text that can never be stored is refused: a NUL (PostgreSQL text cannot hold U+0000, and
 *   jsonb refuses `\u0000`) or a lone UTF-16 surrogate (not a character at all, so not UTF-8);
 * - bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed:
 *   they reorder the text around them wherever it is shown (an RLO in a change note flips the
 *   public history page), and no Persian text needs them. The directional *marks* (LRM, RLM,
 *   ALM) only affect their neighbours and are left to `normalizeFaInput`.
 */

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** Why a text was refused. */
export type UnsafeTextReason = 'nul' | 'lone-surrogate'

export type SanitizedText = { ok: true; text: string } | { ok: false; reason: UnsafeTextReason }

/** The reason `s` cannot be stored, or null when it can. */
export function unsafeTextReason(s: string): UnsafeTextReason | null {
  if (s.includes('\u0000')) return 'nul'
  if (!s.isWellFormed()) return 'lone-surrogate'
  return null
}

/** Removes bidi embedding, override and isolate controls. */
export function stripBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '')
}

/** Refuses text that cannot be stored; otherwise returns it without bidi controls. */
export function sanitizeText(s: string): SanitizedText {
  const reason = unsafeTextReason(s)
  return reason ? { ok: false, reason } : { ok: true, text: stripBidiControls(s) }
}

/** The Persian message shown when submitted text is refused. */
export const UNSAFE_TEXT_MESSAGE: Record<UnsafeJsonReason, string> = {
  'too-deep': 'ساختار دادهٔ فرستاده‌شده بیش از اندازه تودرتو است.',
  nul: 'متن فرستاده‌شده نویسهٔ تهی (NUL) دارد که نگه‌داشتنی نیست. لطفاً متن را بدون آن دوباره وارد کنید.',
  'lone-surrogate':
    'متن فرستاده‌شده نویسهٔ یونیکد نادرست (نیمهٔ تنهای یک جفت جانشین) دارد. لطفاً متن را دوباره وارد کنید.',
}

/** Deeper JSON than any of our bodies has; deeper still would exhaust the stack of a validator. */
export const MAX_JSON_DEPTH = 32

/** Why a JSON body was refused: unstorable text, or nesting deeper than {@link MAX_JSON_DEPTH}. */
export type UnsafeJsonReason = UnsafeTextReason | 'too-deep'

/** A JSON value with every string (keys included) sanitised, or the first reason it is refused. */
export type SanitizedJson = { ok: true; value: unknown } | { ok: false; reason: UnsafeJsonReason }

class Refused {
  readonly reason: UnsafeJsonReason
  constructor(reason: UnsafeJsonReason) {
    this.reason = reason
  }
}

function clean(s: string): string {
  const r = sanitizeText(s)
  if (!r.ok) throw new Refused(r.reason)
  return r.text
}

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return clean(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_JSON_DEPTH) throw new Refused('too-deep')
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1))
  // A null prototype: a "__proto__" key stays a plain key, as JSON.parse made it.
  const out: Record<string, unknown> = Object.create(null)
  for (const [k, v] of Object.entries(value)) out[clean(k)] = walk(v, depth + 1)
  return out
}

/** Sanitises every string in a parsed JSON value, keys included. */
export function sanitizeJson(value: unknown): SanitizedJson {
  try {
    return { ok: true, value: walk(value, 0) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason }
    throw error
  }
}
