import type { Context, MiddlewareHandler } from 'hono'
import { html } from 'hono/html'
import {
  sanitizeJson,
  sanitizeText,
  UNSAFE_TEXT_MESSAGE,
  type UnsafeJsonReason,
} from '../lib/fa/sanitize.ts'
import type { AppEnv } from './env.ts'
import { page } from './page.ts'
import { problemResponse } from './problem.ts'
import { isApiPath } from './request-url.ts'

/**
 * The input boundary for request bodies (issue 11 item 4). Before anything reads a body (the
 * CSRF check, `form.ts`, the API's validators, a route's own `parseBody`), this middleware:
 * - parses form bodies (urlencoded, multipart) and JSON bodies once, answering a body that
 *   cannot be parsed (multipart without its boundary or closing boundary, broken JSON) with 400
 *   (422 for JSON) and a Persian page or problem+json, where the parser's own error was a 500;
 * - runs every text in it (field names and values, file names, JSON strings and keys) through
 *   the one sanitiser, `lib/fa/sanitize.ts`: text that cannot be stored (NUL, a lone
 *   surrogate) is refused with 422, and bidi controls are removed;
 * - hands the sanitised body on in place of the original, so no feature can read the raw one.
 * Other bodies (a BPMN file sent as XML, a file's bytes) go on untouched: they are parsed by
 * their own readers, whose output passes the schemas.
 */

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i

const MALFORMED: Record<'form' | 'json' | 'url', string> = {
  url: 'نشانی درخواست نویسهٔ تهی (%00) دارد و معتبر نیست.',
  form: 'فرم فرستاده‌شده خوانا نیست (بدنهٔ درخواست ناقص یا نادرست است). لطفاً صفحه را دوباره باز کنید و فرم را دوباره بفرستید.',
  json: 'بدنهٔ درخواست JSON درستی نیست.',
}

/** What replaces the original body. */
type SanitizedBody = URLSearchParams | FormData | string

/** A request body the boundary refused: 400 (unreadable) or 422 (text that cannot be stored). */
class BodyRefused {
  readonly status: 400 | 422
  readonly code: string
  readonly detail: string
  constructor(status: 400 | 422, code: string, detail: string) {
    this.status = status
    this.code = code
    this.detail = detail
  }
}

/**
 * An unreadable body. A form or URL gets 400; broken JSON keeps the 422 the API has always
 * answered it with (the validators mapped it so, and the API documents 422 for bad data).
 */
function malformed(kind: 'form' | 'json' | 'url'): BodyRefused {
  return new BodyRefused(kind === 'json' ? 422 : 400, `body.malformed-${kind}`, MALFORMED[kind])
}

function unsafe(reason: UnsafeJsonReason): BodyRefused {
  return new BodyRefused(422, `body.${reason}`, UNSAFE_TEXT_MESSAGE[reason])
}

function cleanText(s: string): string {
  const r = sanitizeText(s)
  if (!r.ok) throw unsafe(r.reason)
  return r.text
}

async function sanitizedForm(c: Context<AppEnv>, contentType: string): Promise<SanitizedBody> {
  let form: FormData
  try {
    const bytes = await c.req.arrayBuffer()
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
  } catch (error) {
    // Too large (the body limit) is the body limit's answer, not ours.
    if (!(error instanceof TypeError)) throw error
    throw malformed('form')
  }
  const urlencoded = contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
  const out = urlencoded ? new URLSearchParams() : new FormData()
  for (const [name, value] of form) {
    const key = cleanText(name)
    if (typeof value === 'string') out.append(key, cleanText(value))
    else if (out instanceof FormData)
      out.append(key, new File([value], cleanText(value.name), { type: value.type }))
  }
  return out
}

async function sanitizedJson(c: Context<AppEnv>): Promise<string> {
  const text = await c.req.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw malformed('json')
  }
  const r = sanitizeJson(parsed)
  if (!r.ok) throw unsafe(r.reason)
  return JSON.stringify(r.value)
}

function refusal(c: Context<AppEnv>, refused: BodyRefused) {
  const title = refused.code.startsWith('body.malformed') ? 'درخواست خوانا نیست' : 'متن نامعتبر است'
  if (isApiPath(c.req.path)) {
    return problemResponse(c, {
      type: `/problems/${refused.code}`,
      title,
      status: refused.status,
      detail: refused.detail,
    })
  }
  const content = html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <h1 class="mr-heading-l">${title}</h1>
    <p class="mr-body">${refused.detail}</p>
    <p class="mr-body"><a class="mr-link" href="/">بازگشت به صفحهٔ اصلی</a></p>
  </div></div>`
  return page(c, { title, content }, refused.status)
}

/**
 * Parses and sanitises form and JSON bodies of state-changing requests (see above). A URL with
 * an encoded NUL is refused too: path parameters and query values are decoded into text that
 * would reach the database as it is.
 */
export function sanitizedBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (/%00/i.test(c.req.url)) return refusal(c, malformed('url'))
    const contentType = c.req.header('content-type') ?? ''
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
    const isForm =
      mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded'
    const isJson = JSON_TYPE.test(mediaType)
    if (!UNSAFE.has(c.req.method) || !c.req.raw.body || !(isForm || isJson)) return next()
    let body: SanitizedBody
    try {
      body = isForm ? await sanitizedForm(c, contentType) : await sanitizedJson(c)
    } catch (error) {
      if (error instanceof BodyRefused) return refusal(c, error)
      throw error
    }
    // The sanitised body replaces the original; a re-encoded multipart body has a new boundary.
    const headers = new Headers(c.req.raw.headers)
    headers.delete('content-length')
    if (body instanceof FormData) headers.delete('content-type')
    c.req.raw = new Request(c.req.raw.url, {
      method: c.req.raw.method,
      headers,
      body,
      signal: c.req.raw.signal,
    })
    c.req.bodyCache = {}
    return next()
  }
}
