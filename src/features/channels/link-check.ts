import { toPersianDigits } from '../../lib/fa/digits.ts'

/**
 * Checking that a link works, the way a browser would reach it: HEAD first (falling back to GET
 * when the server refuses HEAD with 405 or 501), following up to 5 redirects by hand (so a loop
 * or an endless chain is caught), each request with a timeout and our own User-Agent. The body
 * is never read. A link is working when the final answer is 2xx.
 */

export interface UrlCheckResult {
  ok: boolean
  /** The last HTTP status received, if any. */
  httpStatus: number | null
  /** Why the link is broken, in Persian; null when it works. */
  error: string | null
}

export interface UrlCheckOptions {
  timeoutMs: number
  userAgent: string
  maxRedirects: number
}

export const DEFAULT_URL_CHECK: UrlCheckOptions = {
  timeoutMs: 10_000,
  userAgent: 'MardomLinkChecker/1.0 (+https://mardom.gov.ir/help/e-service-maturity)',
  maxRedirects: 5,
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

async function request(url: string, method: 'HEAD' | 'GET', o: UrlCheckOptions): Promise<Response> {
  const res = await fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(o.timeoutMs),
    headers: { 'user-agent': o.userAgent, accept: '*/*' },
  })
  // Never download the body: only the status matters.
  await res.body?.cancel().catch(() => {})
  return res
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

export async function checkUrl(
  url: string,
  options: UrlCheckOptions = DEFAULT_URL_CHECK,
): Promise<UrlCheckResult> {
  let current: URL
  try {
    current = new URL(url)
  } catch {
    return { ok: false, httpStatus: null, error: 'نشانی معتبر نیست.' }
  }
  let last: number | null = null
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      return { ok: false, httpStatus: last, error: 'نشانی به پروتکلی جز http یا https می‌رسد.' }
    let res: Response
    try {
      res = await request(current.href, 'HEAD', options)
      if (res.status === 405 || res.status === 501)
        res = await request(current.href, 'GET', options)
    } catch (error) {
      if (isTimeout(error))
        return {
          ok: false,
          httpStatus: last,
          error: `پاسخی در ${toPersianDigits(Math.round(options.timeoutMs / 1000))} ثانیه نیامد.`,
        }
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
      return { ok: false, httpStatus: last, error: `خطای شبکه${cause ? `: ${cause}` : '.'}` }
    }
    last = res.status
    if (REDIRECTS.has(res.status)) {
      const location = res.headers.get('location')
      if (!location) return { ok: false, httpStatus: last, error: 'تغییر مسیر بدون نشانی مقصد.' }
      current = new URL(location, current)
      continue
    }
    if (res.status >= 200 && res.status < 300) return { ok: true, httpStatus: last, error: null }
    return { ok: false, httpStatus: last, error: `پاسخ HTTP ${toPersianDigits(res.status)}.` }
  }
  return {
    ok: false,
    httpStatus: last,
    error: `بیش از ${toPersianDigits(options.maxRedirects)} بار تغییر مسیر.`,
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the results in order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  // One iterator shared by the workers: each takes the next item when it is free.
  const queue = items.entries()
  const worker = async () => {
    for (const [i, item] of queue) results[i] = await work(item)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
