import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_JSON_DEPTH, sanitizeJson, sanitizeText, unsafeTextReason } from './sanitize.ts'

describe('the input sanitiser (issue 11 items 4 and 14)', () => {
  it('refuses NUL and lone surrogates, which PostgreSQL cannot store', () => {
    assert.equal(unsafeTextReason('a\u0000b'), 'nul')
    assert.equal(unsafeTextReason('\ud800'), 'lone-surrogate')
    assert.equal(unsafeTextReason('x\udc00'), 'lone-surrogate')
    assert.equal(unsafeTextReason('😀 خدمت'), null, 'a surrogate pair is a character')
    assert.deepEqual(sanitizeText('\u0000'), { ok: false, reason: 'nul' })
  })

  it('removes every bidi embedding, override and isolate control, and nothing else', () => {
    const controls = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'
    assert.deepEqual(sanitizeText(`یادداشت${controls} تغییر`), { ok: true, text: 'یادداشت تغییر' })
    assert.deepEqual(sanitizeText('\u202e'), { ok: true, text: '' })
    // ZWNJ, the directional marks and ordinary text stay (normalizeFaInput decides about marks).
    const kept = 'می\u200cشود \u200f۱۲ e\u0301'
    assert.deepEqual(sanitizeText(kept), { ok: true, text: kept })
  })

  it('sanitises every string of a JSON value, keys included, without touching other values', () => {
    const r = sanitizeJson({
      title: '\u202eعنوان',
      list: ['\u2066a\u2069', 1, true, null],
      'k\u202e': {},
    })
    assert.deepEqual(r.ok && JSON.parse(JSON.stringify(r.value)), {
      title: 'عنوان',
      list: ['a', 1, true, null],
      k: {},
    })
    assert.deepEqual(sanitizeJson({ a: [{ b: 'x\u0000' }] }), { ok: false, reason: 'nul' })
    assert.deepEqual(sanitizeJson({ '\ud800': 1 }), { ok: false, reason: 'lone-surrogate' })
  })

  it('keeps "__proto__" a plain key and refuses nesting deeper than the limit', () => {
    const r = sanitizeJson(JSON.parse('{"__proto__": {"polluted": true}}'))
    assert.ok(r.ok)
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    let deep: unknown = 'x'
    for (let i = 0; i <= MAX_JSON_DEPTH; i++) deep = [deep]
    assert.deepEqual(sanitizeJson(deep), { ok: false, reason: 'too-deep' })
  })
})
