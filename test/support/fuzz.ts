/**
 * Building blocks of the input fuzz test (test/fuzz.test.ts): a seeded PRNG, nasty values,
 * hostile request bodies, route path filling, and JSON bodies sampled from the OpenAPI schema.
 */

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(list: readonly T[]): T {
      const item = list[Math.floor(next() * list.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    chance: (p: number) => next() < p,
  }
}
export type Prng = ReturnType<typeof prng>

/** Text values that have broken, or could break, something between the form and the database. */
export const NASTY_TEXT: readonly string[] = [
  '\u0000',
  'عنوان\u0000خدمت',
  '\ud800',
  'عنوان \udc00 خدمت',
  '\udfff\ud800',
  '\u202e',
  '\u202eعنوان خدمت',
  'عنوان \u2066خدمت\u2069',
  '\u202a\u202b\u202c\u202d',
  '\u200c',
  '\u200b\u200f\u200e\ufeff',
  '\u0640\u0640',
  ' ',
  '\t\r\n',
  '',
  'ب',
  'آب',
  'ab',
  'a',
  'ب'.repeat(201),
  'ب'.repeat(501),
  'a'.repeat(2049),
  'ب'.repeat(5001),
  'ب'.repeat(60_000),
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '۱۲۳۴۵۶۷۸۹۰',
  '9'.repeat(40),
  '3.5',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE agencies; --',
  '../../etc/passwd',
  'http://127.0.0.1:5432/',
  'javascript:alert(1)',
  `https://example.ir/${'a'.repeat(3000)}`,
  '2026-13-45',
  '1404-12-30',
  'a@b',
  '😀👩‍👩‍👧',
  'e\u0301',
  '%00',
  '%ED%A0%80',
  '\x01\x02\x1b[31m',
  'x'.repeat(64),
  '0'.repeat(64),
  '00000000-0000-0000-0000-000000000000',
]

export function nastyText(r: Prng): string {
  return r.pick(NASTY_TEXT)
}

/** A JSON value of any type, some deeply nested, for wrong-type fields. */
export function nastyJson(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return nastyText(r)
    case 1:
      return r.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 101])
    case 2:
      return r.pick([true, false])
    case 3:
      return null
    case 4:
      return nastyText(r)
    case 5:
      return { [nastyText(r)]: nastyText(r) }
    case 6:
      return [nastyJson(r, depth + 1), nastyJson(r, depth + 1)]
    case 7:
      return { a: nastyJson(r, depth + 1), '\u0000': 1, __proto__x: nastyJson(r, depth + 1) }
    default: {
      let v: unknown = nastyText(r)
      for (let i = 0; i < 40; i++) v = [v]
      return v
    }
  }
}

/** Candidates for a path parameter we have no fixture for, tried in order against its pattern. */
const PARAM_CANDIDATES = [
  '00000000-0000-4000-8000-000000000000',
  '0',
  'x',
  '0'.repeat(64),
  '2026-12-01',
]

/**
 * A Hono route path with its parameters filled: `known(name, path)` gives a fixture's value, else
 * the first candidate matching the parameter's pattern (`:name{regex}`) is used.
 */
export function fillPath(path: string, known: (name: string, path: string) => string | undefined) {
  return path.replace(/:(\w+)(\{((?:[^{}]|\{[^{}]*\})*)\})?/g, (_m, name: string, _p, re) => {
    const pattern = re ? new RegExp(`^(?:${re})$`) : null
    const fits = (v: string) => (pattern ? pattern.test(v) : true)
    const value = known(name, path)
    if (value !== undefined && fits(value)) return encodeURIComponent(value)
    return encodeURIComponent(PARAM_CANDIDATES.find(fits) ?? 'x')
  })
}

/** A JSON Schema node of the OpenAPI document (only what the sampler reads). */
export interface SchemaNode {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, SchemaNode>
  required?: string[]
  items?: SchemaNode
  enum?: unknown[]
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  allOf?: SchemaNode[]
  const?: unknown
  default?: unknown
  format?: string
  pattern?: string
  minimum?: number
  minItems?: number
}

/** Strings that satisfy common patterns (codes, times, days, phones, slugs, URLs). */
const PATTERN_CANDIDATES = [
  'متن آزمایشی',
  '08',
  '1314567890',
  'fuzz-slug',
  '021-66001122',
  '07:30',
  '2026-12-01',
  'https://example.ir/',
  'a@example.ir',
  '1234',
  'a',
]

/**
 * A value valid-looking for `schema` (enums, formats, patterns, required keys), so that a request
 * gets past the first checks; `known(key)` supplies fixture values (ids) by property name.
 */
export function plausibleJson(
  schema: SchemaNode | undefined,
  resolve: (ref: string) => SchemaNode | undefined,
  known: (key: string) => unknown,
  key = '',
  depth = 0,
): unknown {
  if (!schema || depth > 12) return null
  const fixture = known(key)
  if (fixture !== undefined) return fixture
  if (schema.$ref) return plausibleJson(resolve(schema.$ref), resolve, known, key, depth + 1)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives?.[0]) {
    const concrete = alternatives.find((a) => a.type !== 'null') ?? alternatives[0]
    return plausibleJson(concrete, resolve, known, key, depth + 1)
  }
  if (schema.allOf?.[0]) return plausibleJson(schema.allOf[0], resolve, known, key, depth + 1)
  if (schema.const !== undefined) return schema.const
  if (schema.default !== undefined) return schema.default
  if (schema.enum?.length) return schema.enum[0]
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [
          k,
          plausibleJson(v, resolve, known, k, depth + 1),
        ]),
      )
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        plausibleJson(schema.items, resolve, known, key, depth + 1),
      )
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1)
    case 'boolean':
      return false
    case 'null':
      return null
    case 'string': {
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000'
      if (schema.format === 'email') return 'a@example.ir'
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.ir/'
      if (schema.format === 'date') return '2026-12-01'
      const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : null
      return PATTERN_CANDIDATES.find((c) => !pattern || pattern.test(c)) ?? 'متن آزمایشی'
    }
    default:
      return null
  }
}

/** Replaces 1–3 leaves of a plausible body with nasty values or values of the wrong type. */
export function mutateJson(r: Prng, value: unknown): { value: unknown; paths: string[] } {
  const leaves: (string | number)[][] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, [...path, i])
    } else if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k])
    if (path.length > 0) leaves.push(path)
  }
  walk(value, [])
  const copy: unknown = structuredClone(value)
  const paths: string[] = []
  for (let n = 1 + r.int(3); n > 0 && leaves.length > 0; n--) {
    const path = r.pick(leaves)
    let parent: unknown = copy
    for (const step of path.slice(0, -1))
      parent = parent !== null && typeof parent === 'object' ? Reflect.get(parent, step) : null
    const last = path[path.length - 1]
    if (parent === null || typeof parent !== 'object' || last === undefined) continue
    Reflect.set(parent, last, r.chance(0.7) ? nastyText(r) : nastyJson(r))
    paths.push(path.join('.'))
  }
  return { value: copy, paths }
}

/** Hostile bodies for a form route: malformed multipart, broken encodings, wrong types. */
export function hostileFormBody(
  r: Prng,
  csrf: string,
  fields: Record<string, string>,
): { body: string; contentType: string | null; what: string } {
  const boundary = '----mardomfuzz'
  const parts = Object.entries({ ...fields, _csrf: csrf })
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('')
  switch (r.int(9)) {
    case 0:
      return {
        body: parts,
        contentType: `multipart/form-data; boundary=${boundary}`,
        what: 'multipart without closing boundary',
      }
    case 1:
      return {
        body: `${parts}--${boundary}--\r\n`,
        contentType: 'multipart/form-data; boundary=other',
        what: 'multipart with the wrong boundary',
      }
    case 2:
      return {
        body: `${parts}--${boundary}--\r\n`,
        contentType: 'multipart/form-data',
        what: 'multipart without a boundary',
      }
    case 3:
      return {
        body: 'garbage\r\n\r\n--',
        contentType: `multipart/form-data; boundary=${boundary}`,
        what: 'multipart garbage',
      }
    case 4:
      return {
        body: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="title\u0000"; filename="a\u0000\u202e.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
        contentType: `multipart/form-data; boundary=${boundary}`,
        what: 'multipart with NUL in a name and a file name',
      }
    case 5:
      return {
        body: `_csrf=${csrf}&title=%ED%A0%80%zz%&%00=%00`,
        contentType: 'application/x-www-form-urlencoded',
        what: 'urlencoded with broken escapes',
      }
    case 6:
      return {
        body: JSON.stringify({ ...fields, _csrf: csrf }),
        contentType: 'application/json',
        what: 'JSON to a form route',
      }
    case 7:
      return {
        body: `{"_csrf": "${csrf}", "title": `,
        contentType: 'application/json',
        what: 'broken JSON to a form route',
      }
    default:
      return { body: `_csrf=${csrf}&title=x`, contentType: null, what: 'no content type' }
  }
}

/** Hostile raw bodies for a JSON API route. */
export function hostileJsonBody(r: Prng): { body: string; contentType: string; what: string } {
  switch (r.int(7)) {
    case 0:
      return { body: '{', contentType: 'application/json', what: 'truncated JSON' }
    case 1:
      return { body: '', contentType: 'application/json', what: 'empty JSON body' }
    case 2:
      return {
        body: '{"title": "\\u0000"}',
        contentType: 'application/json',
        what: 'JSON NUL escape',
      }
    case 3:
      return {
        body: '{"title": "\\ud800", "changeNote": "\\udc00"}',
        contentType: 'application/json',
        what: 'JSON lone surrogate escapes',
      }
    case 4:
      return {
        body: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
        contentType: 'application/json',
        what: 'deeply nested JSON',
      }
    case 5:
      return { body: '{"a":1}', contentType: 'text/plain', what: 'JSON as text/plain' }
    default:
      return {
        body: '\u0000\u0001',
        contentType: 'application/merge-patch+json',
        what: 'binary as +json',
      }
  }
}

/** Origin headers that are not URLs (or not ours). */
export const BAD_ORIGINS = [
  'foo',
  'http://',
  '::::',
  'null',
  'http://[::1',
  'https://evil.example',
] as const
